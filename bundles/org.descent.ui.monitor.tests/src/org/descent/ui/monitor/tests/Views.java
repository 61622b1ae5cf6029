package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.TimeUnit;

import org.descent.testing.ui.Widgets;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Opening e4 views, and OSGi services for the tests. */
final class Views {

    private Views() {
    }

    static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window");
        return window;
    }

    /** Opens a view maximized and returns its e4 object (the class named in plugin.xml). */
    static <T> T open(String id, Class<T> type) throws PartInitException {
        IWorkbenchPage page = window().getActivePage();
        IViewPart view = page.showView(id);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Widgets.spin(300);
        MPart part = window().getService(EPartService.class).findPart(id);
        assertNotNull(part, "no part " + id);
        return type.cast(part.getObject());
    }

    /** Maximizes an open view. */
    static void maximize(String id) {
        IWorkbenchPage page = window().getActivePage();
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
