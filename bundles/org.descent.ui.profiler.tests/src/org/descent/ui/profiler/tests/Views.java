package org.descent.ui.profiler.tests;

import java.util.Arrays;
import java.util.List;

import org.descent.testing.ui.Widgets;
import org.descent.testing.ui.WorkbenchViews;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** Driving the views' widgets. */
final class Views {

    private Views() {
    }

    static Button button(String text) {
        return Widgets.findAll(WorkbenchViews.window().getShell(), Button.class).stream().filter(b -> b.getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    static void click(Button b) {
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** The visible table whose headers include {@code header}. */
    static Table table(String header) {
        return Widgets.findAll(WorkbenchViews.window().getShell(), Table.class).stream()
                .filter(t -> headers(t).contains(header)).findFirst()
                .orElseThrow(() -> new AssertionError("no table with a column '" + header + "'"));
    }

    static List<String> headers(Table t) {
        return Arrays.stream(t.getColumns()).map(TableColumn::getText).toList();
    }

    static List<String> column(Table t, String header) {
        int i = headers(t).indexOf(header);
        return Arrays.stream(t.getItems()).map(item -> item.getText(i)).toList();
    }
}
