package org.descent.ui.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;

/** The workbench application started by {@code descent} with no command. */
public final class DescentApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Display.setAppName("Descent");
        Display display = PlatformUI.createDisplay();
        Thread onTerminate = new Thread(() -> closeOnTerminate(display), "Descent: close on SIGTERM");
        Runtime.getRuntime().addShutdownHook(onTerminate);
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new DescentWorkbenchAdvisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onTerminate);
            } catch (IllegalStateException terminating) {
                // the hook runs: it waits for the framework to stop
            }
            display.dispose();
        }
    }

    /** How long a SIGTERM waits for the workbench and the framework to close before the JVM halts. */
    private static final long CLOSE_ON_TERMINATE_MS = 10_000;

    /**
     * A SIGTERM (a plain {@code kill}, a session ending) closes the workbench as File > Exit does, so
     * that its layout, open editors and the extension registry's cache are saved as on any other
     * exit; the JVM halts once the framework has stopped, or after {@link #CLOSE_ON_TERMINATE_MS}.
     */
    private static void closeOnTerminate(Display display) {
        try {
            display.asyncExec(() -> {
                if (PlatformUI.isWorkbenchRunning()) {
                    PlatformUI.getWorkbench().close();
                }
            });
        } catch (SWTException disposed) {
            return;   // the workbench has closed already
        }
        Bundle self = FrameworkUtil.getBundle(DescentApplication.class);
        if (self != null && self.getBundleContext() != null
                && self.getBundleContext().getBundle(Constants.SYSTEM_BUNDLE_LOCATION) instanceof Framework framework) {
            try {
                framework.waitForStop(CLOSE_ON_TERMINATE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
