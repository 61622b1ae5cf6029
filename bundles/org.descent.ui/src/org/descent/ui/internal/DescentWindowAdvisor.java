package org.descent.ui.internal;

import java.lang.management.ManagementFactory;

import org.descent.core.Descent;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** The main window: size, title, status line; reports start-up time when asked. */
final class DescentWindowAdvisor extends WorkbenchWindowAdvisor {

    DescentWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new DescentActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(false);
        configurer.setShowStatusLine(true);
        configurer.setShowPerspectiveBar(true);
        configurer.setShowProgressIndicator(true);
        configurer.setTitle("Descent " + Descent.displayVersion());
    }

    @Override
    public void postWindowOpen() {
        // The start-up benchmark (bench/startup.sh) reads this line: JVM start to drawn window.
        if (Boolean.getBoolean("descent.startupTiming")) {
            getWindowConfigurer().getWindow().getShell().getDisplay().asyncExec(() -> {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("descent: window drawn " + ms + " ms after JVM start");
                System.out.flush();
            });
        }
    }
}
