package org.descent.ui.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

/**
 * A grid of values drawn as coloured cells (viridis), with a title, titled x and y axes with
 * ticks, a colour scale with its title, optional contour lines and polylines laid over it in
 * data coordinates (trajectories on a loss landscape, for example). For histograms over time,
 * transport plans, landscapes. PNG and CSV export from its context menu or from code. Use on the
 * UI thread.
 * <p>
 * Values: {@code z[j][i]} is the value of the cell centred at {@code (x[i], y[j])}; x and y
 * ascend. Cells reach halfway to their neighbours. NaN values (and values {@code <= 0} with a
 * logarithmic colour scale) are drawn in light grey and counted.
 *
 * @since 0.1.0
 */
public final class Heatmap extends Canvas {

    /**
     * A line drawn over the cells in data coordinates, with a legend entry; its first point is
     * marked with a ring and its last with a dot.
     *
     * @param color its colour, or {@code null} for the palette's
     */
    public record Polyline(String label, double[] x, double[] y, @Nullable RGB color) {
        public Polyline {
            if (x.length != y.length) {
                throw new IllegalArgumentException("polyline " + label + ": " + x.length + " x values and " + y.length
                        + " y values, expected one x per y");
            }
        }
    }

    private static final int TICK = 4;
    private static final int BAR = 18;

    private final Font titleFont;
    private final Font axisFont;
    private final Font tickFont;
    private final Color[] lut = new Color[256];
    private String title = "";
    private String xTitle = "x";
    private String yTitle = "y";
    private String valueTitle = "value";
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private double[][] zs = new double[0][];
    private boolean logColors;
    private double lo = Double.NaN;
    private double hi = Double.NaN;
    private long missing;
    private double[] contourLevels = new double[0];
    private int contourCount;
    private final List<double[]> segments = new ArrayList<>();
    private List<Polyline> overlays = List.of();
    /** The colour scale's label width found by the last layout. */
    private int barLabelWidth;

    public Heatmap(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        Display display = getDisplay();
        titleFont = font(display, 12, SWT.BOLD);
        axisFont = font(display, 10, SWT.BOLD);
        tickFont = font(display, 9, SWT.NORMAL);
        for (int i = 0; i < lut.length; i++) {
            lut[i] = new Color(ColorScale.at(i / 255.0));
        }
        addPaintListener(e -> {
            Rectangle r = getClientArea();
            paint(e.gc, r.width, r.height);
        });
        addListener(SWT.Resize, e -> redraw());
        addListener(SWT.MouseMove, e -> setToolTipText(describe(e.x, e.y)));
        addDisposeListener(e -> {
            titleFont.dispose();
            axisFont.dispose();
            tickFont.dispose();
        });
        installMenu();
    }

    private static Font font(Display display, int height, int style) {
        FontData[] data = display.getSystemFont().getFontData();
        for (FontData d : data) {
            d.setHeight(Math.max(height, d.getHeight()));
            d.setStyle(style);
        }
        return new Font(display, data);
    }

    /** Sets the title, the axes' titles and the colour scale's title (what a value is). */
    public void setTitles(String title, String xTitle, String yTitle, String valueTitle) {
        checkWidget();
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.valueTitle = valueTitle;
        redraw();
    }

    /**
     * Sets the grid: {@code z[j][i]} at {@code (x[i], y[j])}. The arrays are kept, not copied.
     *
     * @throws IllegalArgumentException naming the row or coordinate that does not fit
     */
    public void setData(double[] x, double[] y, double[][] z) {
        checkWidget();
        if (z.length != y.length) {
            throw new IllegalArgumentException("z has " + z.length + " rows but y has " + y.length
                    + " values: expected one row per y value");
        }
        for (int j = 0; j < z.length; j++) {
            if (z[j].length != x.length) {
                throw new IllegalArgumentException("row " + j + " of z has " + z[j].length + " values but x has "
                        + x.length + ": expected one value per x");
            }
        }
        checkAscending("x", x);
        checkAscending("y", y);
        xs = x;
        ys = y;
        zs = z;
        update(true);
    }

    private static void checkAscending(String name, double[] v) {
        for (int i = 1; i < v.length; i++) {
            if (!(v[i] > v[i - 1])) {
                throw new IllegalArgumentException(name + " must ascend: " + name + "[" + (i - 1) + "] = " + v[i - 1]
                        + ", " + name + "[" + i + "] = " + v[i]);
            }
        }
    }

    /** Colours values by their logarithm (for counts spanning decades); values {@code <= 0} are then missing. */
    public void setLogColors(boolean on) {
        checkWidget();
        logColors = on;
        update(true);
    }

    /** Whether colours follow the values' logarithm. */
    public boolean isLogColors() {
        return logColors;
    }

    /** Draws {@code count} contour lines evenly spaced over the value range (in log space with log colours); 0 for none. */
    public void setContours(int count) {
        checkWidget();
        if (count < 0) {
            throw new IllegalArgumentException("contour count must be >= 0, got " + count);
        }
        contourCount = count;
        contourLevels = new double[0];
        update(false);
    }

    /** Draws contour lines at these values. */
    public void setContourLevels(double... levels) {
        checkWidget();
        contourCount = 0;
        contourLevels = levels.clone();
        update(false);
    }

    /** Sets the lines drawn over the cells (replacing earlier ones). */
    public void setOverlays(List<Polyline> lines) {
        checkWidget();
        overlays = List.copyOf(lines);
        redraw();
    }

    /** The lines drawn over the cells. */
    public List<Polyline> getOverlays() {
        return overlays;
    }

    /** The smallest and largest value coloured (positive ones with log colours); NaN when none. */
    public double[] getValueRange() {
        return new double[] { lo, hi };
    }

    /** Cells drawn grey for want of a value (NaN, or {@code <= 0} with log colours). */
    public long getMissingCells() {
        return missing;
    }

    /** The contour levels drawn, in value units. */
    public double[] getContourLevels() {
        double[] levels = effectiveLevels();
        if (logColors) {
            for (int i = 0; i < levels.length; i++) {
                levels[i] = Math.pow(10, levels[i]);
            }
        }
        return levels;
    }

    /** The number of line segments the contours are drawn with. */
    public int getContourSegments() {
        return segments.size();
    }

    /** The colour a value is drawn in (missing values in grey). */
    public RGB colorOf(double value) {
        double t = scaled(value);
        return Double.isNaN(t) ? ColorScale.MISSING : lut[index(t)].getRGB();
    }

    /** Where a point in data coordinates is drawn, in this control's pixels. */
    public Point toControl(double x, double y) {
        checkWidget();
        Rectangle area = getClientArea();
        GC gc = new GC(this);
        try {
            Rectangle plot = layoutPlot(gc, area.width, area.height);
            return new Point(px(plot, x), py(plot, y));
        } finally {
            gc.dispose();
        }
    }

    private void update(boolean values) {
        if (values) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            long miss = 0;
            for (double[] row : zs) {
                for (double v : row) {
                    double t = transformed(v);
                    if (Double.isNaN(t)) {
                        miss++;
                    } else {
                        min = Math.min(min, t);
                        max = Math.max(max, t);
                    }
                }
            }
            lo = min <= max ? min : Double.NaN;
            hi = min <= max ? max : Double.NaN;
            missing = miss;
        }
        segments.clear();
        for (double level : effectiveLevels()) {
            contour(level);
        }
        redraw();
    }

    /** The value on the colour axis: the value, or its log10; NaN when it has no colour. */
    private double transformed(double v) {
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        if (logColors) {
            return v > 0 ? Math.log10(v) : Double.NaN;
        }
        return v;
    }

    private double scaled(double v) {
        double t = transformed(v);
        if (Double.isNaN(t) || Double.isNaN(lo)) {
            return Double.NaN;
        }
        return hi > lo ? (t - lo) / (hi - lo) : 0.5;
    }

    private static int index(double t) {
        return (int) Math.max(0, Math.min(255, Math.round(t * 255)));
    }

    /** Contour levels on the colour axis (log10 with log colours). */
    private double[] effectiveLevels() {
        if (contourLevels.length > 0) {
            double[] out = new double[contourLevels.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = logColors ? (contourLevels[i] > 0 ? Math.log10(contourLevels[i]) : Double.NaN) : contourLevels[i];
            }
            return out;
        }
        if (contourCount == 0 || Double.isNaN(lo) || !(hi > lo)) {
            return new double[0];
        }
        double[] out = new double[contourCount];
        for (int i = 0; i < contourCount; i++) {
            out[i] = lo + (hi - lo) * (i + 1) / (contourCount + 1);
        }
        return out;
    }

    /** Marching squares over the cell centres for one level; segments in data coordinates. */
    private void contour(double level) {
        if (Double.isNaN(level)) {
            return;
        }
        double[] px = new double[4];
        double[] py = new double[4];
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                double a = transformed(zs[j][i]);
                double b = transformed(zs[j][i + 1]);
                double c = transformed(zs[j + 1][i + 1]);
                double d = transformed(zs[j + 1][i]);
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
                    continue;
                }
                int k = 0;
                // edges in order: bottom (a-b), right (b-c), top (d-c), left (a-d)
                if ((a < level) != (b < level)) {
                    px[k] = lerp(xs[i], xs[i + 1], a, b, level);
                    py[k++] = ys[j];
                }
                if ((b < level) != (c < level)) {
                    px[k] = xs[i + 1];
                    py[k++] = lerp(ys[j], ys[j + 1], b, c, level);
                }
                if ((d < level) != (c < level)) {
                    px[k] = lerp(xs[i], xs[i + 1], d, c, level);
                    py[k++] = ys[j + 1];
                }
                if ((a < level) != (d < level)) {
                    px[k] = xs[i];
                    py[k++] = lerp(ys[j], ys[j + 1], a, d, level);
                }
                for (int s = 0; s + 1 < k; s += 2) {
                    segments.add(new double[] { px[s], py[s], px[s + 1], py[s + 1] });
                }
            }
        }
    }

    private static double lerp(double p, double q, double vp, double vq, double level) {
        return p + (q - p) * (level - vp) / (vq - vp);
    }

    private double xEdge(int i) {
        return edge(xs, i);
    }

    private double yEdge(int j) {
        return edge(ys, j);
    }

    /** Edge {@code i} of the cells (0..n): halfway between centres, half a cell outside at the ends. */
    private static double edge(double[] c, int i) {
        int n = c.length;
        if (n == 1) {
            return c[0] + (i == 0 ? -0.5 : 0.5);
        }
        if (i == 0) {
            return c[0] - (c[1] - c[0]) / 2;
        }
        if (i == n) {
            return c[n - 1] + (c[n - 1] - c[n - 2]) / 2;
        }
        return (c[i - 1] + c[i]) / 2;
    }

    private double xMin() {
        return xs.length == 0 ? 0 : xEdge(0);
    }

    private double xMax() {
        return xs.length == 0 ? 1 : xEdge(xs.length);
    }

    private double yMin() {
        return ys.length == 0 ? 0 : yEdge(0);
    }

    private double yMax() {
        return ys.length == 0 ? 1 : yEdge(ys.length);
    }

    private int px(Rectangle plot, double x) {
        return plot.x + (int) Math.round((x - xMin()) / (xMax() - xMin()) * plot.width);
    }

    private int py(Rectangle plot, double y) {
        return plot.y + plot.height - (int) Math.round((y - yMin()) / (yMax() - yMin()) * plot.height);
    }

    /** The plot's rectangle for a drawing of this size, leaving room for titles, ticks and the colour scale. */
    private Rectangle layoutPlot(GC gc, int width, int height) {
        gc.setFont(titleFont);
        int top = 8 + gc.textExtent("Ag").y + 8;
        gc.setFont(axisFont);
        int axisTitle = gc.textExtent("Ag").y;
        gc.setFont(tickFont);
        int tickHeight = gc.textExtent("0").y;
        int yLabels = 0;
        for (int n = 2; n <= AxisTicks.MAX_TICKS; n++) {
            AxisTicks.Layout t = AxisTicks.within(yMin(), yMax(), n, false);
            for (String s : AxisTicks.labels(t.values(), t.step())) {
                yLabels = Math.max(yLabels, gc.textExtent(s).x);
            }
        }
        int barLabels = gc.textExtent("-0.0000").x;
        if (!Double.isNaN(lo)) {
            for (double v : AxisTicks.within(lo, hi > lo ? hi : lo + 1, 12, false).values()) {
                barLabels = Math.max(barLabels, gc.textExtent(logColors ? AxisTicks.value(Math.pow(10, v)) : AxisTicks.value(v)).x);
            }
        }
        barLabelWidth = barLabels;
        int left = 8 + axisTitle + 8 + yLabels + TICK + 4;
        int bottom = TICK + 4 + tickHeight + 6 + axisTitle + 8;
        int right = 16 + BAR + TICK + 4 + barLabels + 8 + axisTitle + 8;
        return new Rectangle(left, top, Math.max(10, width - left - right), Math.max(10, height - top - bottom));
    }

    /** Draws the whole heatmap into a GC of the given size (the screen, or an image for export). */
    private void paint(GC gc, int width, int height) {
        Display display = getDisplay();
        Color black = display.getSystemColor(SWT.COLOR_BLACK);
        gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, width, height);
        gc.setForeground(black);
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        Rectangle plot = layoutPlot(gc, width, height);

        gc.setFont(titleFont);
        Point t = gc.textExtent(title);
        gc.drawText(title, Math.max(4, plot.x + (plot.width - t.x) / 2), 8, true);

        if (zs.length == 0 || xs.length == 0) {
            gc.setFont(axisFont);
            Point m = gc.textExtent("No data");
            gc.drawText("No data", plot.x + (plot.width - m.x) / 2, plot.y + (plot.height - m.y) / 2, true);
        } else {
            paintCells(gc, plot);
        }
        paintContoursAndOverlays(gc, plot);
        gc.setForeground(black);
        gc.setLineWidth(1);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.drawRectangle(plot.x, plot.y, plot.width, plot.height);
        paintAxes(gc, plot);
        paintColorBar(gc, plot);
    }

    private void paintCells(GC gc, Rectangle plot) {
        gc.setAntialias(SWT.OFF);
        Color grey = new Color(ColorScale.MISSING);
        for (int i = 0; i < xs.length; i++) {
            int x0 = px(plot, xEdge(i));
            int x1 = px(plot, xEdge(i + 1));
            for (int j = 0; j < ys.length; j++) {
                int y0 = py(plot, yEdge(j + 1));
                int y1 = py(plot, yEdge(j));
                double s = scaled(zs[j][i]);
                gc.setBackground(Double.isNaN(s) ? grey : lut[index(s)]);
                gc.fillRectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
            }
        }
        gc.setAntialias(SWT.ON);
    }

    private void paintContoursAndOverlays(GC gc, Rectangle plot) {
        gc.setClipping(plot.x, plot.y, plot.width + 1, plot.height + 1);
        gc.setForeground(new Color(new RGB(255, 255, 255)));
        gc.setAlpha(200);
        gc.setLineWidth(1);
        for (double[] s : segments) {
            gc.drawLine(px(plot, s[0]), py(plot, s[1]), px(plot, s[2]), py(plot, s[3]));
        }
        gc.setAlpha(255);
        int index = 0;
        for (Polyline line : overlays) {
            Color c = new Color(line.color() != null ? line.color() : LineChart.color(index + 3));
            index++;
            int n = line.x().length;
            if (n == 0) {
                continue;
            }
            int[] points = new int[2 * n];
            for (int k = 0; k < n; k++) {
                points[2 * k] = px(plot, line.x()[k]);
                points[2 * k + 1] = py(plot, line.y()[k]);
            }
            gc.setForeground(c);
            gc.setBackground(c);
            gc.setLineWidth(2);
            gc.drawPolyline(points);
            gc.drawOval(points[0] - 4, points[1] - 4, 8, 8);
            gc.fillOval(points[2 * n - 2] - 4, points[2 * n - 1] - 4, 9, 9);
        }
        gc.setClipping((Rectangle) null);
        paintLegend(gc, plot);
    }

    private void paintLegend(GC gc, Rectangle plot) {
        if (overlays.isEmpty()) {
            return;
        }
        gc.setFont(tickFont);
        int line = gc.textExtent("Ag").y + 2;
        int w = 0;
        for (Polyline p : overlays) {
            w = Math.max(w, gc.textExtent(p.label()).x);
        }
        int boxW = w + 34;
        int boxH = overlays.size() * line + 8;
        int bx = plot.x + plot.width - boxW - 6;
        int by = plot.y + 6;
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.setAlpha(220);
        gc.fillRectangle(bx, by, boxW, boxH);
        gc.setAlpha(255);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.setLineWidth(1);
        gc.drawRectangle(bx, by, boxW, boxH);
        int index = 0;
        for (Polyline p : overlays) {
            Color c = new Color(p.color() != null ? p.color() : LineChart.color(index + 3));
            int y = by + 4 + index * line;
            gc.setForeground(c);
            gc.setLineWidth(3);
            gc.drawLine(bx + 6, y + line / 2, bx + 26, y + line / 2);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.drawText(p.label(), bx + 30, y, true);
            index++;
        }
        gc.setLineWidth(1);
    }

    private void paintAxes(GC gc, Rectangle plot) {
        gc.setFont(tickFont);
        gc.setLineWidth(1);
        int bottom = plot.y + plot.height;
        int labelHeight = gc.textExtent("0").y;
        AxisTicks.Layout xt = AxisTicks.within(xMin(), xMax(), AxisTicks.fit(plot.width, 90), false);
        String[] xl = AxisTicks.labels(xt.values(), xt.step());
        for (int k = 0; k < xl.length; k++) {
            int x = px(plot, xt.values()[k]);
            gc.drawLine(x, bottom, x, bottom + TICK);
            String s = xl[k];
            gc.drawText(s, x - gc.textExtent(s).x / 2, bottom + TICK + 2, true);
        }
        AxisTicks.Layout yt = AxisTicks.within(yMin(), yMax(), AxisTicks.fit(plot.height, 40), false);
        String[] yl = AxisTicks.labels(yt.values(), yt.step());
        for (int k = 0; k < yl.length; k++) {
            int y = py(plot, yt.values()[k]);
            gc.drawLine(plot.x - TICK, y, plot.x, y);
            String s = yl[k];
            Point e = gc.textExtent(s);
            gc.drawText(s, plot.x - TICK - 3 - e.x, y - e.y / 2, true);
        }
        gc.setFont(axisFont);
        Point xe = gc.textExtent(xTitle);
        gc.drawText(xTitle, plot.x + (plot.width - xe.x) / 2, bottom + TICK + 4 + labelHeight + 6, true);
        Point ye = gc.textExtent(yTitle);
        drawVertical(gc, yTitle, 8, plot.y + (plot.height + ye.x) / 2);
    }

    /** Draws text turned a quarter anticlockwise, its baseline's start at (x, y) reading upwards. */
    private void drawVertical(GC gc, String text, int x, int y) {
        Transform tr = new Transform(getDisplay());
        try {
            tr.translate(x, y);
            tr.rotate(-90);
            gc.setTransform(tr);
            gc.drawText(text, 0, 0, true);
        } finally {
            gc.setTransform(null);
            tr.dispose();
        }
    }

    private void paintColorBar(GC gc, Rectangle plot) {
        int bx = plot.x + plot.width + 16;
        int top = plot.y;
        int h = plot.height;
        for (int k = 0; k < h; k++) {
            gc.setForeground(lut[index(1.0 - (double) k / Math.max(1, h - 1))]);
            gc.drawLine(bx, top + k, bx + BAR - 1, top + k);
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawRectangle(bx, top, BAR, h);
        gc.setFont(tickFont);
        int labelsWidth = 0;
        if (!Double.isNaN(lo)) {
            double a = lo;
            double b = hi > lo ? hi : lo + 1;
            for (double v : AxisTicks.within(a, b, Math.max(2, h / 45), false).values()) {
                int y = top + h - (int) Math.round((v - a) / (b - a) * h);
                gc.drawLine(bx + BAR, y, bx + BAR + TICK, y);
                String s = logColors ? AxisTicks.value(Math.pow(10, v)) : AxisTicks.value(v);
                Point e = gc.textExtent(s);
                labelsWidth = Math.max(labelsWidth, e.x);
                gc.drawText(s, bx + BAR + TICK + 3, y - e.y / 2, true);
            }
            for (double level : effectiveLevels()) {
                if (Double.isNaN(level)) {
                    continue;
                }
                int y = top + h - (int) Math.round((level - a) / (b - a) * h);
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
                gc.drawLine(bx + 1, y, bx + BAR - 1, y);
            }
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.setFont(axisFont);
        String vt = logColors ? valueTitle + " (log scale)" : valueTitle;
        Point ve = gc.textExtent(vt);
        drawVertical(gc, vt, bx + BAR + TICK + 4 + Math.max(labelsWidth, barLabelWidth) + 8, top + (h + ve.x) / 2);
    }

    private @Nullable String describe(int mx, int my) {
        if (xs.length == 0 || ys.length == 0) {
            return null;
        }
        Rectangle area = getClientArea();
        GC gc = new GC(this);
        Rectangle plot;
        try {
            plot = layoutPlot(gc, area.width, area.height);
        } finally {
            gc.dispose();
        }
        if (!plot.contains(mx, my)) {
            return null;
        }
        double x = xMin() + (double) (mx - plot.x) / plot.width * (xMax() - xMin());
        double y = yMin() + (double) (plot.y + plot.height - my) / plot.height * (yMax() - yMin());
        int i = nearest(xs, x);
        int j = nearest(ys, y);
        return String.format(Locale.ROOT, "%s = %s, %s = %s: %s = %s", xTitle, AxisTicks.value(xs[i]), yTitle,
                AxisTicks.value(ys[j]), valueTitle, Double.toString(zs[j][i]));
    }

    private static int nearest(double[] c, double v) {
        int best = 0;
        for (int i = 1; i < c.length; i++) {
            if (Math.abs(c[i] - v) < Math.abs(c[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    /** Saves the heatmap as a PNG image of its current size (at least 200 by 150). */
    public void exportPng(Path file) throws IOException {
        checkWidget();
        Rectangle r = getClientArea();
        int w = Math.max(200, r.width);
        int h = Math.max(150, r.height);
        Image image = new Image(getDisplay(), w, h);
        try {
            GC gc = new GC(image);
            try {
                paint(gc, w, h);
            } finally {
                gc.dispose();
            }
            LineChart.savePng(image, file);
        } finally {
            image.dispose();
        }
    }

    /**
     * Writes the grid as CSV, one row per cell: {@code <x title>,<y title>,<value title>}, then
     * x, y and value (as {@link SeriesCsv#number(StringBuilder, double)} writes them), y-major.
     */
    public void exportCsv(Path file) throws IOException {
        checkWidget();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(64);
            w.write(SeriesCsv.cell(xTitle) + "," + SeriesCsv.cell(yTitle) + "," + SeriesCsv.cell(valueTitle) + "\n");
            for (int j = 0; j < ys.length; j++) {
                for (int i = 0; i < xs.length; i++) {
                    line.setLength(0);
                    SeriesCsv.number(line, xs[i]).append(',');
                    SeriesCsv.number(line, ys[j]).append(',');
                    SeriesCsv.number(line, zs[j][i]).append('\n');
                    w.append(line);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void installMenu() {
        ChartMenu.install(this, "&Logarithmic colour scale", () -> logColors, this::setLogColors, this::export);
    }

    private void export(boolean png) {
        String name = title.replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT);
        String chosen = LineChart.askFile(this, (name.isEmpty() ? "heatmap" : name) + (png ? ".png" : ".csv"), png);
        if (chosen == null) {
            return;
        }
        try {
            if (png) {
                exportPng(Path.of(chosen));
            } else {
                exportCsv(Path.of(chosen));
            }
        } catch (IOException ex) {
            MessageDialog.openError(getShell(), "Export failed", ex.getMessage());
        }
    }
}
