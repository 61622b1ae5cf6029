package org.descent.ui.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/** The workbench application started by {@code descent} with no command. */
public final class DescentApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Display.setAppName("Descent");
        Display display = PlatformUI.createDisplay();
        keepCheckMarksVisible(display);
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new DescentWorkbenchAdvisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    /** The CSS engine's switch, read by its {@code isStylable}: a widget with this data set to TRUE is left unstyled. */
    static final String CSS_DISABLED = "org.eclipse.e4.ui.css.disabled";

    /**
     * The platform theme gives check boxes and radio buttons in views a background colour
     * ({@code .View Button[style~='SWT.CHECK'] { background-color: inherit }}), and a GTK 3 check box
     * with a background of its own draws no tick: its state cannot be seen. A filter, which runs
     * before the CSS engine's listener, leaves them to GTK's own look.
     */
    static void keepCheckMarksVisible(Display display) {
        display.addFilter(SWT.Skin, e -> {
            if (e.widget instanceof Button b && (b.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
                b.setData(CSS_DISABLED, Boolean.TRUE);
            }
        });
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
