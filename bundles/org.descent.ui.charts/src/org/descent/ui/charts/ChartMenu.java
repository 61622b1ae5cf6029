package org.descent.ui.charts;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/** The context menu every chart has: a logarithmic-scale toggle, Export PNG… and Export CSV…. */
final class ChartMenu {

    private ChartMenu() {
    }

    /**
     * Sets the menu on a control.
     *
     * @param logLabel the toggle's text
     * @param isLog whether the scale is logarithmic now (the toggle shows it)
     * @param setLog switches the scale
     * @param export exports, {@code true} as PNG, {@code false} as CSV
     */
    static void install(Control control, String logLabel, BooleanSupplier isLog, Consumer<Boolean> setLog,
            Consumer<Boolean> export) {
        Menu menu = new Menu(control);
        MenuItem log = new MenuItem(menu, SWT.CHECK);
        log.setText(logLabel);
        log.addListener(SWT.Selection, e -> setLog.accept(log.getSelection()));
        menu.addListener(SWT.Show, e -> log.setSelection(isLog.getAsBoolean()));
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem png = new MenuItem(menu, SWT.PUSH);
        png.setText("Export &PNG\u2026");
        png.addListener(SWT.Selection, e -> export.accept(true));
        MenuItem csv = new MenuItem(menu, SWT.PUSH);
        csv.setText("Export &CSV\u2026");
        csv.addListener(SWT.Selection, e -> export.accept(false));
        control.setMenu(menu);
    }
}
