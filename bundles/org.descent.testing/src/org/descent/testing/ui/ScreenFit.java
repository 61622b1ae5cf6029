package org.descent.testing.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;

/**
 * Whether views fit the screens users have: screenshots of the workbench window at 1280x800 and
 * 1920x1080, and checks that measure text (with {@link GC#textExtent(String)}) against the room
 * it has: table headers against their columns (as wide as GTK packs a header with their text),
 * columns against their table, labels (form hints) against their width and their parents' visible
 * area.
 */
public final class ScreenFit {

    /** The window sizes views must be legible at: a small laptop and a full-HD screen. */
    public static final List<Point> SIZES = List.of(new Point(1280, 800), new Point(1920, 1080));


    private ScreenFit() {
    }

    /**
     * Sizes the shell to each of {@link #SIZES} in turn, runs {@code check} (with the size) and
     * saves a screenshot: {@code <name>.png} at 1280x800, {@code <name>-1920x1080.png} at
     * 1920x1080. The shell gets its old size back afterwards.
     *
     * @param name the screenshot's file name without {@code .png}
     */
    public static void atBothSizes(Shell shell, String name, Consumer<Point> check) throws IOException {
        Point old = shell.getSize();
        try {
            for (Point size : SIZES) {
                shell.setSize(size);
                shell.layout(true, true);
                Widgets.spin(400);
                check.accept(size);
                Widgets.screenshot(shell, size.equals(SIZES.get(0)) ? name + ".png"
                        : name + "-" + size.x + "x" + size.y + ".png");
            }
        } finally {
            shell.setSize(old);
            Widgets.spin(200);
        }
    }

    /** What is cut in a table: headers wider than their columns, columns beyond the table's width. */
    public static List<String> cutColumns(Table table) {
        List<String> cut = new ArrayList<>();
        int x = 0;
        int visible = table.getClientArea().width;
        int[] order = table.getColumnOrder();
        int[] need = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            need[k] = headerWidth(table, table.getColumn(order[k]).getText());
        }
        for (int k = 0; k < order.length; k++) {
            TableColumn c = table.getColumn(order[k]);
            check(c.getText(), c.getWidth(), need[k], x, visible, cut);
            x += c.getWidth();
        }
        return cut;
    }

    /** What is cut in a tree with columns, as {@link #cutColumns(Table)}. */
    public static List<String> cutColumns(Tree tree) {
        List<String> cut = new ArrayList<>();
        int x = 0;
        int visible = tree.getClientArea().width;
        int[] order = tree.getColumnOrder();
        int[] need = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            need[k] = headerWidth(tree, tree.getColumn(order[k]).getText());
        }
        for (int k = 0; k < order.length; k++) {
            TreeColumn c = tree.getColumn(order[k]);
            check(c.getText(), c.getWidth(), need[k], x, visible, cut);
            x += c.getWidth();
        }
        return cut;
    }

    /**
     * The width GTK gives a header with this text (its font, its padding): a header-only column
     * added to the shown table, packed, measured, removed.
     */
    public static int headerWidth(Table table, String text) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        try {
            c.setText(text);
            c.pack();
            return c.getWidth();
        } finally {
            c.dispose();
        }
    }

    /** As {@link #headerWidth(Table, String)} for a tree. */
    public static int headerWidth(Tree tree, String text) {
        TreeColumn c = new TreeColumn(tree, SWT.LEFT);
        try {
            c.setText(text);
            c.pack();
            return c.getWidth();
        } finally {
            c.dispose();
        }
    }

    private static void check(String text, int width, int need, int x, int visible, List<String> cut) {
        if (width == 0) {
            return;
        }
        if (need > width) {
            cut.add("header '" + text + "' needs " + need + " px, its column has " + width);
        }
        if (x + width > visible) {
            cut.add("column '" + text + "' ends at " + (x + width) + " px, the table shows " + visible);
        }
    }

    /**
     * Labels below {@code root} whose text does not fit: wider than the label (one line), taller
     * than the label (wrapping), or reaching beyond what an enclosing composite shows.
     */
    public static List<String> cutLabels(Control root) {
        List<String> cut = new ArrayList<>();
        Display display = root.getDisplay();
        for (Label l : Widgets.findAll(root, Label.class)) {
            String text = l.getText().replace("&&", "\u0000").replace("&", "").replace("\u0000", "&");
            if (text.isBlank() || l.getSize().x == 0) {
                continue;
            }
            Point size = l.getSize();
            if ((l.getStyle() & SWT.WRAP) != 0) {
                int need = l.computeSize(size.x, SWT.DEFAULT, true).y;
                if (need > size.y + 1) {
                    cut.add("'" + text + "' needs " + need + " px of height at " + size.x + " px wide, has " + size.y);
                }
            } else {
                GC gc = new GC(l);
                try {
                    int need = gc.textExtent(text).x;
                    if (need > size.x) {
                        cut.add("'" + text + "' needs " + need + " px, its label has " + size.x);
                    }
                } finally {
                    gc.dispose();
                }
            }
            Rectangle bounds = display.map(l.getParent(), null, l.getBounds());
            for (Composite p = l.getParent(); p != null && p != root.getParent(); p = p.getParent()) {
                Rectangle shown = display.map(p, null, p.getClientArea());
                if (bounds.x + bounds.width > shown.x + shown.width + 1 || bounds.x < shown.x - 1) {
                    cut.add("'" + text + "' reaches " + (bounds.x + bounds.width - shown.x) + " px into a "
                            + p.getClass().getSimpleName() + " that shows " + shown.width);
                    break;
                }
            }
        }
        return cut;
    }
}
