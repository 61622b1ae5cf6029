package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.TimeUnit;

import org.descent.testing.ui.Widgets;
import org.descent.testing.ui.WorkbenchViews;
import org.eclipse.ui.IWorkbenchPage;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Maximizing views, and OSGi services for the tests. */
final class Views {

    private Views() {
    }

    /** Maximizes an open view. */
    static void maximize(String id) {
        IWorkbenchPage page = WorkbenchViews.window().getActivePage();
        page.setPartState(page.findViewReference(id), IWorkbenchPage.STATE_MAXIMIZED);
        Widgets.spin(300);
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(Views.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(s, type.getName() + " service not found");
        return s;
    }
}
