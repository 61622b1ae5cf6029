package org.descent.ui.analysis.internal;

import java.util.Locale;

import org.descent.core.AnalysisResult;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** SWT tables of analysis tables. */
public final class Tables {

    /** Rows shown at most; the CSV file holds them all. */
    public static final int MAX_ROWS = 2000;

    private Tables() {
    }

    /** A table widget with the columns and (up to {@link #MAX_ROWS}) rows of an analysis table. */
    public static Table of(Composite parent, AnalysisResult.Table t) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String c : t.columns()) {
            TableColumn col = new TableColumn(table, SWT.RIGHT);
            col.setText(c);
            col.setWidth(Math.max(90, 10 * c.length()));
        }
        int n = Math.min(MAX_ROWS, t.rows().size());
        for (int i = 0; i < n; i++) {
            double[] r = t.rows().get(i);
            String[] cells = new String[r.length];
            for (int c = 0; c < r.length; c++) {
                cells[c] = format(r[c]);
            }
            new TableItem(table, SWT.NONE).setText(cells);
        }
        return table;
    }

    /** A table widget of text rows. */
    public static Table ofText(Composite parent, String[] columns, java.util.List<String[]> rows) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String c : columns) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(c);
        }
        for (String[] r : rows) {
            new TableItem(table, SWT.NONE).setText(r);
        }
        for (TableColumn col : table.getColumns()) {
            col.pack();
            col.setWidth(Math.max(col.getWidth() + 12, 90));
        }
        return table;
    }

    /** A number as tables show it: whole numbers plainly, others with 6 significant digits. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
