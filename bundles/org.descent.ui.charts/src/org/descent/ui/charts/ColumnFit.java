package org.descent.ui.charts;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Table columns as wide as their header and their values, the last column taking what is left of
 * the table's width (at least {@code lastMinimum}), so a table of many columns shows them all
 * where the screen has room and no header is cut. Applied again when the table is resized and
 * whenever {@link #apply()} is called after its rows changed. Use on the UI thread.
 */
public final class ColumnFit {

    /** Room for the sort arrow beside a header's text (sortable tables). */
    private static final int SORT_ARROW = 14;
    /** Room beside a value's text. */
    private static final int VALUE_ROOM = 14;
    /** A column is never wider than this because of its values (long values are cut; their tooltips show them). */
    private static final int VALUE_CAP = 200;

    private final Table table;
    private final int lastMinimum;

    private ColumnFit(Table table, int lastMinimum) {
        this.table = table;
        this.lastMinimum = lastMinimum;
    }

    /** Fits the table's columns now and whenever it is resized. */
    public static ColumnFit install(Table table, int lastMinimum) {
        ColumnFit fit = new ColumnFit(table, lastMinimum);
        table.addListener(org.eclipse.swt.SWT.Resize, e -> fit.apply());
        fit.apply();
        return fit;
    }

    /**
     * The padding the platform puts around a header's text: a packed header-only column of a
     * scratch table, less its text.
     */
    /** Each header's width as GTK packs it, by its text (measured once the table is shown). */
    private final java.util.Map<String, Integer> headerWidths = new java.util.HashMap<>();

    private int headerWidth(GC gc, String text) {
        Integer w = headerWidths.get(text);
        if (w == null) {
            int measured = headerWidth(table, text);
            if (measured < 0) {
                // not shown yet: GTK sizes headers only once they are; measured at the next fit
                return gc.textExtent(text).x + FALLBACK_PADDING;
            }
            w = measured;
            headerWidths.put(text, w);
        }
        return w;
    }

    /** The header padding assumed until the table is shown and headers can be measured. */
    private static final int FALLBACK_PADDING = 30;

    /**
     * The width a header with this text needs, as the platform draws it (its font and padding):
     * a header-only column added to the table, packed, measured and removed; -1 while the table
     * is not shown.
     */
    public static int headerWidth(Table table, String text) {
        if (!table.isVisible() || !table.getHeaderVisible()) {
            return -1;
        }
        TableColumn c = new TableColumn(table, org.eclipse.swt.SWT.LEFT);
        try {
            c.setText(text);
            c.pack();
            return c.getWidth();
        } finally {
            c.dispose();
        }
    }

    /** Whether clicking a header sorts (a listener on the first column's selection). */
    private boolean sortable() {
        return table.getColumn(0).isListening(org.eclipse.swt.SWT.Selection);
    }

    /** Fits the columns to the headers and rows the table has now. */
    public void apply() {
        if (table.isDisposed() || table.getColumnCount() == 0) {
            return;
        }
        int n = table.getColumnCount();
        int[] order = table.getColumnOrder();
        int used = 0;
        int arrow = table.getSortColumn() != null || sortable() ? SORT_ARROW : 0;
        GC gc = new GC(table);
        try {
            for (int k = 0; k < n - 1; k++) {
                TableColumn c = table.getColumn(order[k]);
                int w = headerWidth(gc, c.getText()) + arrow;
                int values = 0;
                for (TableItem item : table.getItems()) {
                    values = Math.max(values, gc.textExtent(item.getText(order[k])).x + VALUE_ROOM);
                }
                w = Math.max(w, Math.min(VALUE_CAP, values));
                if (c.getWidth() != w) {
                    c.setWidth(w);
                }
                used += w;
            }
            TableColumn last = table.getColumn(order[n - 1]);
            int header = headerWidth(gc, last.getText()) + arrow;
            int w = Math.max(Math.max(lastMinimum, header), table.getClientArea().width - used);
            if (last.getWidth() != w) {
                last.setWidth(w);
            }
        } finally {
            gc.dispose();
        }
    }
}
