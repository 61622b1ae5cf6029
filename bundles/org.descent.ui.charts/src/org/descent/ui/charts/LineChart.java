package org.descent.ui.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IAxisTick;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * A line or scatter chart on SWTChart with what every Descent chart needs: a title, titled axes
 * in a legible font, a legend, a logarithmic y axis that leaves out (and counts) the values it
 * cannot show, decimation to about two points per pixel, and export of the picture (PNG) and of
 * the data (CSV) from its context menu or from code.
 * <p>
 * Series are {@link XYData}: the chart keeps the data and draws {@link XYData#decimate(int,
 * boolean) decimated} points; CSV export writes every point. Data that grows (a live run) is
 * redrawn by calling {@link #refresh()} (for example from a {@code Display.timerExec} timer). Use
 * on the UI thread.
 *
 * @since 0.1.0
 */
public final class LineChart {

    /** One em of space (not trimmed by String.trim, as SWTChart trims labels before measuring). */
    private static final String EM_SPACE = "\u2003";

    /** How a series is drawn. */
    public enum Style {
        /** A solid line. */
        LINE,
        /** A dashed line (for example a validation curve beside a training curve). */
        DASHED,
        /** Points only (a scatter plot). */
        POINTS,
        /** A thin solid line (the raw curve drawn faintly behind its smoothed one). */
        THIN
    }

    /** Colours given to series that name none, in order (Tableau 10). */
    private static final RGB[] PALETTE = { new RGB(31, 119, 180), new RGB(255, 127, 14), new RGB(44, 160, 44),
            new RGB(214, 39, 40), new RGB(148, 103, 189), new RGB(140, 86, 75), new RGB(227, 119, 194),
            new RGB(127, 127, 127), new RGB(188, 189, 34), new RGB(23, 190, 207) };

    /** A series: its data, label and look, and what the last refresh drew. */
    private static final class Entry {
        final String id;
        String label;
        XYData data;
        RGB color;
        Style style;
        int drawn;
        /** Whether the caller wants it in the legend (duplicates of an earlier entry are left out anyway). */
        boolean legend = true;
        /** Whether the readout under the pointer lists it. */
        boolean readout = true;
        /** Its name in the readout when not its label. */
        @Nullable
        String readoutLabel;

        Entry(String id, String label, XYData data, RGB color, Style style) {
            this.id = id;
            this.label = label;
            this.data = data;
            this.color = color;
            this.style = style;
        }
    }

    private final Chart chart;
    /** Blank tick labels (see {@link #blank}): across the screen, and up it. */
    private String wideBlank = "";
    private String tallBlank = "";
    private final Font titleFont;
    private final Font axisFont;
    private final Font tickFont;
    private final Map<String, Entry> series = new LinkedHashMap<>();
    private String xTitle;
    private String yTitle;
    private boolean logScale;
    /** Whether the x axis is logarithmic. */
    private boolean logX;
    private long dropped;
    private long droppedNonPositive;
    private int lastWidth = -1;
    /** Set while {@link #refresh()} runs: the plot's resizes during it wait for it to end. */
    private boolean refreshing;
    private boolean resizedWhileRefreshing;
    private String emptyText = "No data";
    private boolean empty = true;
    private boolean growing;
    /** The largest x drawn at the last full layout (NaN before). */
    private double lastMaxX = Double.NaN;
    /** Series added, removed or relabelled since the last full layout (the legend changed). */
    private boolean structureChanged = true;
    private boolean integerX;
    private @Nullable DoubleFunction<String> xLabeler;
    /** The ranges the user zoomed or panned to, or {@code null} while the axes follow the data. */
    private @Nullable Range zoomX;
    private @Nullable Range zoomY;
    /** The data's bounds at the last refresh: x min, x max, y min, y max. */
    private double[] dataBounds = { Double.NaN, Double.NaN, Double.NaN, Double.NaN };
    private int lastHeight = -1;
    /** The y axis' title with its notes, before any shortening. */
    private String fullYTitle = "";
    /** The ticks each axis was last given. */
    private final Map<IAxis.Direction, AxisTicks.Layout> ticks = new EnumMap<>(IAxis.Direction.class);
    /** Where a drag started (plot pixels) and where it is now, or {@code null}. */
    private @Nullable Point dragFrom;
    private @Nullable Point dragTo;
    private boolean panning;
    private @Nullable Range panX;
    private @Nullable Range panY;
    /** Where the pointer is over the plot (plot pixels), or {@code null}. */
    private @Nullable Point pointer;

    /**
     * Creates the chart.
     *
     * @param title what the chart shows, for example "Training loss"
     * @param xTitle the x axis' title, for example "step"
     * @param yTitle the y axis' title, for example "loss"
     */
    public LineChart(Composite parent, String title, String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        chart = new Chart(parent, SWT.NONE);
        Display display = parent.getDisplay();
        titleFont = font(display, 12, SWT.BOLD);
        axisFont = font(display, 10, SWT.BOLD);
        tickFont = font(display, 9, SWT.NORMAL);
        chart.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        chart.setBackgroundInPlotArea(display.getSystemColor(SWT.COLOR_WHITE));
        chart.getTitle().setFont(titleFont);
        chart.getTitle().setForeground(display.getSystemColor(SWT.COLOR_BLACK));
        chart.getTitle().setText(title);
        for (IAxis axis : chart.getAxisSet().getAxes()) {
            axis.getTitle().setFont(axisFont);
            axis.getTitle().setForeground(display.getSystemColor(SWT.COLOR_BLACK));
            axis.getTick().setFont(tickFont);
            axis.getTick().setForeground(display.getSystemColor(SWT.COLOR_BLACK));
            axis.getGrid().setForeground(new Color(new RGB(225, 225, 225)));
        }
        chart.getLegend().setFont(tickFont);
        chart.getLegend().setPosition(SWT.BOTTOM);
        chart.getLegend().setVisible(true);
        updateAxisTitles();
        chart.addDisposeListener(e -> {
            titleFont.dispose();
            axisFont.dispose();
            tickFont.dispose();
        });
        chart.getPlotArea().getControl().addListener(SWT.Resize, e -> {
            int w = plotWidth();
            if (w != lastWidth || chart.getPlotArea().getSize().y != lastHeight) {
                structureChanged = true;
                if (refreshing) {
                    // the refresh's own layout resized the plot (its tick labels changed width): it
                    // draws once more when this pass is done, not from inside it
                    resizedWhileRefreshing = true;
                    return;
                }
                refresh();
            }
        });
        installMenu();
        installMouse();
        chart.getPlotArea().addCustomPaintListener(new ICustomPaintListener() {
            @Override
            public void paintControl(PaintEvent e) {
                if (empty) {
                    e.gc.setFont(axisFont);
                    e.gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
                    Point p = chart.getPlotArea().getSize();
                    List<String> lines = wrap(e.gc, emptyText, p.x - 16);
                    int h = e.gc.textExtent("Ag").y;
                    int y = (p.y - h * lines.size()) / 2;
                    for (String line : lines) {
                        e.gc.drawText(line, (p.x - e.gc.textExtent(line).x) / 2, y, true);
                        y += h;
                    }
                    return;
                }
                paintDrag(e.gc);
                paintReadout(e.gc);
            }

            @Override
            public boolean drawBehindSeries() {
                return false;
            }
        });
    }

    /** Text broken at spaces into lines no wider than {@code width} where it can be. */
    static List<String> wrap(GC gc, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && gc.textExtent(candidate).x > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static Font font(Display display, int height, int style) {
        FontData[] data = display.getSystemFont().getFontData();
        for (FontData d : data) {
            d.setHeight(Math.max(height, d.getHeight()));
            d.setStyle(style);
        }
        return new Font(display, data);
    }

    /** The SWTChart control, for layout data and further settings. */
    public Chart getChart() {
        return chart;
    }

    /** The control to lay out. */
    public Control getControl() {
        return chart;
    }

    /** Sets the chart's title. */
    public void setTitle(String title) {
        chart.getTitle().setText(title);
        chart.redraw();
    }

    /** Sets the axes' titles (both are always shown). */
    public void setAxisTitles(String x, String y) {
        this.xTitle = x;
        this.yTitle = y;
        updateAxisTitles();
        chart.redraw();
    }

    /** The x axis' title as given. */
    public String getXTitle() {
        return xTitle;
    }

    /** The y axis' title as given (without the note on values left out). */
    public String getYTitle() {
        return yTitle;
    }

    /** A colour of the palette for the {@code index}-th series (cycles). */
    public static RGB color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** The colour of a run (or group of runs) named {@code identity}: the same in every view ({@link RunColors}). */
    public static RGB runColor(String identity) {
        int c = RunColors.of(identity);
        return new RGB((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
    }

    /** A faint copy of a colour (mixed with white), for a raw curve behind its smoothed one. */
    public static RGB faint(RGB c, double amount) {
        int f = RunColors.faint((c.red << 16) | (c.green << 8) | c.blue, amount);
        return new RGB((f >> 16) & 0xff, (f >> 8) & 0xff, f & 0xff);
    }

    /** Adds a line series in the next palette colour, or replaces the data of the series with this id. */
    public void setSeries(String id, XYData data) {
        Entry e = series.get(id);
        setSeries(id, id, data, e != null ? e.color : color(series.size()), e != null ? e.style : Style.LINE);
    }

    /**
     * Adds a series or replaces the one with this id, and draws it.
     *
     * @param id identifies the series in this chart
     * @param label the legend's text and the series' name in CSV export
     * @param color the series' colour, or {@code null} for the next palette colour
     */
    public void setSeries(String id, String label, XYData data, @Nullable RGB color, Style style) {
        if (id.isBlank()) {
            throw new IllegalArgumentException("a series id must not be blank");
        }
        Entry e = series.get(id);
        RGB c = color != null ? color : e != null ? e.color : color(series.size());
        if (e == null) {
            e = new Entry(id, label, data, c, style);
            series.put(id, e);
            chart.getSeriesSet().createSeries(SeriesType.LINE, id);
        } else {
            e.label = label;
            e.data = data;
            e.color = c;
            e.style = style;
        }
        structureChanged = true;
        ILineSeries<?> s = line(id);
        s.setDescription(label);
        s.setLineColor(new Color(c));
        s.setSymbolColor(new Color(c));
        switch (style) {
        case LINE -> {
            s.setLineStyle(LineStyle.SOLID);
            s.setLineWidth(2);
            s.setSymbolType(PlotSymbolType.NONE);
        }
        case DASHED -> {
            s.setLineStyle(LineStyle.DASH);
            s.setLineWidth(2);
            s.setSymbolType(PlotSymbolType.NONE);
        }
        case POINTS -> {
            s.setLineStyle(LineStyle.NONE);
            s.setSymbolType(PlotSymbolType.CIRCLE);
            s.setSymbolSize(4);
        }
        case THIN -> {
            s.setLineStyle(LineStyle.SOLID);
            s.setLineWidth(1);
            s.setSymbolType(PlotSymbolType.NONE);
        }
        }
        updateLegend();
        refresh();
    }

    private ILineSeries<?> line(String id) {
        return (ILineSeries<?>) chart.getSeriesSet().getSeries(id);
    }

    /**
     * Shows or hides a series' entry in the legend (for example when several series of one run
     * share its colour and the axis title tells them apart).
     */
    public void setVisibleInLegend(String id, boolean visible) {
        Entry e = entry(id);
        if (e.legend != visible) {
            e.legend = visible;
            if (updateLegend()) {
                chart.updateLayout();
                chart.redraw();
            }
        }
    }

    /**
     * Shows or hides a series in the readout under the pointer (for example the stems of a stem
     * plot, whose markers are listed already).
     */
    public void setInReadout(String id, boolean on) {
        entry(id).readout = on;
    }

    /** Names a series in the readout otherwise than in the legend ({@code null}: its label). */
    public void setReadoutLabel(String id, @Nullable String label) {
        entry(id).readoutLabel = label;
    }

    private Entry entry(String id) {
        Entry e = series.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no series '" + id + "' in chart '" + chart.getTitle().getText() + "'");
        }
        return e;
    }

    /**
     * Lists each legend entry once: a series is in the legend when its caller wants it there and
     * no earlier series in the legend has the same label and colour. Returns whether anything changed.
     */
    private boolean updateLegend() {
        Set<String> seen = new HashSet<>();
        boolean changed = false;
        for (Entry e : series.values()) {
            boolean visible = e.legend && seen.add(e.label + "\u0000" + e.color);
            ISeries<?> s = chart.getSeriesSet().getSeries(e.id);
            if (s.isVisibleInLegend() != visible) {
                s.setVisibleInLegend(visible);
                changed = true;
            }
        }
        structureChanged |= changed;
        return changed;
    }

    /** The labels the legend shows, in order. */
    public List<String> getLegendLabels() {
        List<String> out = new ArrayList<>();
        for (Entry e : series.values()) {
            if (chart.getSeriesSet().getSeries(e.id).isVisibleInLegend()) {
                out.add(e.label);
            }
        }
        return out;
    }

    /** The text drawn in the plot while no series has a point to draw ("No data" unless set). */
    public void setEmptyText(String text) {
        emptyText = text;
        chart.redraw();
    }

    /** Removes a series; returns whether there was one with this id. */
    public boolean removeSeries(String id) {
        if (series.remove(id) == null) {
            return false;
        }
        chart.getSeriesSet().deleteSeries(id);
        structureChanged = true;
        updateLegend();
        refresh();
        return true;
    }

    /** Removes every series. */
    public void clearSeries() {
        for (String id : new ArrayList<>(series.keySet())) {
            chart.getSeriesSet().deleteSeries(id);
        }
        series.clear();
        structureChanged = true;
        refresh();
    }

    /** The ids of the series, in the order they were added. */
    public List<String> getSeriesIds() {
        return List.copyOf(series.keySet());
    }

    /** The data of a series (every point), or {@code null} when there is no series with this id. */
    public @Nullable XYData getData(String id) {
        Entry e = series.get(id);
        return e == null ? null : e.data;
    }

    /** Whether the last refresh had no point to draw (the plot shows the empty text). */
    public boolean isEmpty() {
        return empty;
    }

    /** The points of a series that the last refresh drew (after decimation), 0 when there is no such series. */
    public int getDrawnPoints(String id) {
        Entry e = series.get(id);
        return e == null ? 0 : e.drawn;
    }

    /** The x values the chart draws for a series now (decimated). */
    public double[] getDrawnX(String id) {
        ISeries<?> s = chart.getSeriesSet().getSeries(id);
        return s == null ? new double[0] : s.getXSeries().clone();
    }

    /** The y values the chart draws for a series now (decimated). */
    public double[] getDrawnY(String id) {
        ISeries<?> s = chart.getSeriesSet().getSeries(id);
        return s == null ? new double[0] : s.getYSeries().clone();
    }

    /**
     * Values of all series that the last refresh left out: NaN and infinite values, and on a
     * logarithmic axis values {@code <= 0}. The y axis' title says how many.
     */
    public long getDroppedValues() {
        return dropped;
    }

    /**
     * Decimates every series again for the plot's width and redraws; call after series' data
     * grew. Cheap for {@link GrowingSeries}. Axes zoomed or panned by the user stay where they are.
     */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        try {
            draw();
            if (resizedWhileRefreshing) {
                // the layout settled on another size: once more for it (a layout that keeps resizing
                // itself stops here, where the recursion used to overflow the stack)
                resizedWhileRefreshing = false;
                draw();
            }
        } finally {
            refreshing = false;
            resizedWhileRefreshing = false;
        }
    }

    private void draw() {
        if (chart.isDisposed()) {
            return;
        }
        int width = plotWidth();
        lastWidth = width;
        lastHeight = chart.getPlotArea().getSize().y;
        int buckets = Math.max(1, width);
        if (zoomX != null && dataBounds[1] > dataBounds[0]) {
            // zoomed in: finer slots, so the part shown keeps about two points per pixel
            double full = (dataBounds[1] - dataBounds[0]) / Math.max(1e-300, zoomX.upper - zoomX.lower);
            buckets = (int) Math.min(1 << 15, Math.max(buckets, buckets * full));
        }
        long d = 0;
        long dn = 0;
        boolean none = true;
        double[] bounds = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY };
        for (Entry e : series.values()) {
            Decimation.Result r = e.data.decimate(buckets, logScale);
            ILineSeries<?> s = line(e.id);
            s.setXSeries(r.x());
            s.setYSeries(r.y());
            // dense lines (min/max zigzags) draw several times faster without antialiasing and look the same
            // a faint raw curve behind its smoothed one needs no antialiasing either
            s.setAntialias(r.size() > width || e.style == Style.THIN ? SWT.OFF : SWT.DEFAULT);
            e.drawn = r.size();
            none &= r.size() == 0;
            d += r.dropped();
            dn += r.droppedNonPositive();
            for (int i = 0; i < r.size(); i++) {
                if (!Double.isFinite(r.x()[i]) || logX && !(r.x()[i] > 0)) {
                    continue;
                }
                bounds[0] = Math.min(bounds[0], r.x()[i]);
                bounds[1] = Math.max(bounds[1], r.x()[i]);
                bounds[2] = Math.min(bounds[2], r.y()[i]);
                bounds[3] = Math.max(bounds[3], r.y()[i]);
            }
        }
        dropped = d;
        droppedNonPositive = dn;
        // points whose x cannot be placed (a time not known yet) give no bounds
        empty = none || !(bounds[0] <= bounds[1] && bounds[2] <= bounds[3]);
        if (!none) {
            dataBounds = bounds;
        }
        boolean titles = updateAxisTitles();
        if (zoomX != null && zoomY != null && !empty) {
            setRanges(zoomX, zoomY, false);
            structureChanged = false;
            chart.updateLayout();
            fitYTitle();
            syncTicks();
            chart.redraw();
            return;
        }
        if (growing && !empty && !titles && !structureChanged && fits(bounds)) {
            // axes unchanged: only the series are drawn again
            chart.getPlotArea().getControl().redraw();
            return;
        }
        if (growing && !empty) {
            growingRange(bounds, bounds[1] > lastMaxX);
        } else {
            adjustRange();
        }
        structureChanged = false;
        lastMaxX = empty ? Double.NaN : bounds[1];
        chart.updateLayout();
        fitYTitle();
        syncTicks();
        chart.redraw();
    }

    /**
     * SWTChart derives its tick step from the pixel hint and the axis' length at layout time,
     * which the layout itself can change (the tick labels' size moves the plot's edges): where the
     * step it drew is not ours, gives it the hint for the length it has now.
     */
    private void syncTicks() {
        for (int round = 0; round < 2 && !empty; round++) {
            boolean again = false;
            for (IAxis axis : new IAxis[] { chart.getAxisSet().getXAxis(0), chart.getAxisSet().getYAxis(0) }) {
                AxisTicks.Layout t = ticks.get(axis.getDirection());
                double[] drawn = axis.getTick().getTickLabelValues();
                if (t == null || axis.isLogScaleEnabled() || drawn.length < 2
                        || Math.abs((drawn[1] - drawn[0]) - t.step()) <= 1e-9 * t.step()) {
                    continue;
                }
                Point size = chart.getPlotArea().getSize();
                int length = axis.getDirection() == IAxis.Direction.X ? size.x : size.y;
                Range r = axis.getRange();
                int hint = (int) Math.round(t.step() / (r.upper - r.lower) * length);
                if (hint >= IAxisTick.MIN_GRID_STEP_HINT && hint != axis.getTick().getTickMarkStepHint()) {
                    axis.getTick().setTickMarkStepHint(hint);
                    again = true;
                }
            }
            if (!again) {
                return;
            }
        }
    }

    /**
     * Lets the axes of a chart whose data grows (a live run) leave room ahead, so that they are
     * laid out again only when the data outgrows them, not at every refresh (off by default:
     * axes fit the data exactly).
     */
    public void setGrowing(boolean on) {
        growing = on;
    }

    /** Shows or hides the legend (a view that shows the runs' colours elsewhere may hide it). */
    public void setLegendVisible(boolean on) {
        if (chart.getLegend().isVisible() != on) {
            chart.getLegend().setVisible(on);
            structureChanged = true;
            refresh();
        }
    }

    /** Makes the x axis an integer axis (steps, indices): its ticks are whole numbers. */
    public void setIntegerX(boolean on) {
        if (integerX != on) {
            integerX = on;
            structureChanged = true;
            refresh();
        }
    }

    /**
     * Sets how x tick labels and the readout's x read (for example a time of day for seconds since
     * 1970), or {@code null} for numbers.
     */
    public void setXLabeler(@Nullable DoubleFunction<String> labeler) {
        xLabeler = labeler;
        structureChanged = true;
        refresh();
    }

    /** Whether the drawn points' bounds (x min, x max, y min, y max) fit the axes well enough to keep them. */
    private boolean fits(double[] b) {
        Range x = chart.getAxisSet().getXAxis(0).getRange();
        Range y = chart.getAxisSet().getYAxis(0).getRange();
        if (b[0] < x.lower || b[1] > x.upper || b[2] < y.lower || b[3] > y.upper) {
            return false;
        }
        // not too loose either: the data spans a good part of each axis
        boolean xTight = logX ? Math.log(b[1] / b[0]) >= 0.35 * Math.log(x.upper / x.lower)
                : b[1] - b[0] >= 0.35 * (x.upper - x.lower);
        boolean yTight = logScale ? Math.log(b[3] / b[2]) >= 0.35 * Math.log(y.upper / y.lower)
                : b[3] - b[2] >= 0.35 * (y.upper - y.lower);
        return xTight && yTight;
    }

    /**
     * Axes for growing data: x with a quarter of room ahead while the data grows (none for data
     * that has stopped), both widened to round ticks.
     */
    private void growingRange(double[] b, boolean grew) {
        double xSpan = b[1] - b[0];
        double xHi = b[0] + (xSpan > 0 ? (grew ? 1.25 : 1) * xSpan : 1);
        setRanges(new Range(b[0], xHi), new Range(b[2], b[3]), true);
    }

    private int plotWidth() {
        Point size = chart.getPlotArea().getSize();
        return size.x > 10 ? size.x : 800;
    }

    private int plotHeight() {
        Point size = chart.getPlotArea().getSize();
        return size.y > 10 ? size.y : 300;
    }

    private void adjustRange() {
        if (empty) {
            // no stale ranges of earlier data: an empty plot from 1 to 10
            setRanges(new Range(1, 10), new Range(1, 10), true);
            return;
        }
        setRanges(new Range(dataBounds[0], dataBounds[1]), new Range(dataBounds[2], dataBounds[3]), true);
    }

    /**
     * Sets both axes and their ticks: {@code nice} widens the ranges to round ticks at both ends
     * (axes that follow the data), otherwise the ranges are kept (zoomed, panned).
     */
    private void setRanges(Range x, Range y, boolean nice) {
        // each range, format and tick hint set lays the chart out again, measuring every label:
        // suspended, the chart is laid out once, when all are set
        boolean suspended = chart.isUpdateSuspended();
        chart.suspendUpdate(true);
        try {
            setRangesNow(x, y, nice);
        } finally {
            chart.suspendUpdate(suspended);
        }
    }

    private void setRangesNow(Range x, Range y, boolean nice) {
        IAxis xAxis = chart.getAxisSet().getXAxis(0);
        IAxis yAxis = chart.getAxisSet().getYAxis(0);
        int width = plotWidth();
        int height = plotHeight();
        boolean fewIndices = nice && integerX && !growing && x.upper - x.lower <= 20;
        // a few indices (eigenvalues, blocks): half a step of room on both sides, so the first and
        // last points are not drawn on the plot's edges, and no index 0 that does not exist
        if (logX) {
            double lo = Math.max(x.lower, Double.MIN_NORMAL);
            AxisTicks.Layout xt = nice ? AxisTicks.decades(lo, Math.max(lo, x.upper))
                    : new AxisTicks.Layout(lo, Math.max(lo * 1.0001, x.upper), 10, new double[0]);
            xAxis.setRange(new Range(xt.lower(), xt.upper()));
            applyTicks(xAxis, xt, width, true);
        } else {
            AxisTicks.Layout xt = fewIndices
                    ? AxisTicks.within(x.lower - 0.5, x.upper + 0.5, AxisTicks.MAX_TICKS, true)
                    : xLayout(x, nice, width);
            xAxis.setRange(new Range(xt.lower(), xt.upper()));
            applyTicks(xAxis, xt, width, false);
        }
        if (logScale) {
            double lo = Math.max(y.lower, Double.MIN_NORMAL);
            AxisTicks.Layout yt = nice ? AxisTicks.decades(lo, Math.max(lo, y.upper))
                    : new AxisTicks.Layout(lo, Math.max(lo * 1.0001, y.upper), 10, new double[0]);
            yAxis.setRange(new Range(yt.lower(), yt.upper()));
            applyTicks(yAxis, yt, height, true);
        } else {
            int fontHeight = textExtent("0").y;
            int n = AxisTicks.fit(height, fontHeight + 6);
            AxisTicks.Layout yt = nice ? AxisTicks.nice(y.lower, y.upper, n, false)
                    : AxisTicks.within(y.lower, y.upper, n, false);
            yAxis.setRange(new Range(yt.lower(), yt.upper()));
            applyTicks(yAxis, yt, height, false);
        }
    }

    /** The x axis' ticks: as many as fit the width with the widest label and some space between labels. */
    private AxisTicks.Layout xLayout(Range x, boolean nice, int width) {
        AxisTicks.Layout t = null;
        for (int n = AxisTicks.MAX_TICKS; n >= 2; n--) {
            t = nice ? AxisTicks.nice(x.lower, x.upper, n, integerX) : AxisTicks.within(x.lower, x.upper, n, integerX);
            int widest = 0;
            for (String s : xLabels(t)) {
                widest = Math.max(widest, textExtent(s).x);
            }
            if (t.values().length <= 1 || width / (t.values().length - 1 + (nice ? 0 : 1)) >= widest + 16) {
                return t;
            }
        }
        return t;
    }

    private String[] xLabels(AxisTicks.Layout t) {
        DoubleFunction<String> f = xLabeler;
        if (f == null) {
            return AxisTicks.labels(t.values(), t.step());
        }
        String[] out = new String[t.values().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(t.values()[i]);
        }
        return out;
    }

    private Point textExtent(String s) {
        GC gc = new GC(chart);
        try {
            gc.setFont(tickFont);
            return gc.textExtent(s);
        } finally {
            gc.dispose();
        }
    }

    /**
     * Makes SWTChart draw the ticks of a layout: its grid step follows from the pixel hint (it
     * rounds the hint's step to 1, 2 or 5 times a power of ten, which ours already is), and the
     * labels come from {@link AxisTicks}.
     */
    private void applyTicks(IAxis axis, AxisTicks.Layout t, int lengthPx, boolean log) {
        IAxisTick tick = axis.getTick();
        if (!log) {
            double span = t.upper() - t.lower();
            int hint = (int) Math.round(t.step() / span * lengthPx);
            if (hint >= IAxisTick.MIN_GRID_STEP_HINT && hint != tick.getTickMarkStepHint()) {
                tick.setTickMarkStepHint(hint);
            }
        }
        double maxAbs = 0;
        for (double v : t.values()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double step = t.step();
        double largest = maxAbs;
        DoubleFunction<String> custom = axis.getDirection() == IAxis.Direction.X ? xLabeler : null;
        // on a logarithmic axis SWTChart offers 1..9 times each decade: only the decades are labelled
        boolean horizontal = (axis.getDirection() == IAxis.Direction.X) == (chart.getOrientation() == SWT.HORIZONTAL);
        tick.setFormat(new TickFormat(blank(horizontal), log ? v -> AxisTicks.isDecade(v) ? AxisTicks.decadeLabel(v) : ""
                : custom != null ? custom : v -> AxisTicks.label(v, step, largest)));
        ticks.put(axis.getDirection(), t);
    }

    /**
     * A blank tick label longer along its axis than the screen is (see {@link TickFormat}): one
     * line of em spaces across, a column of short lines up. Measured once per chart, in its tick font.
     */
    private String blank(boolean horizontal) {
        if (wideBlank.isEmpty()) {
            Rectangle screen = chart.getDisplay().getBounds();
            Point em = textExtent(EM_SPACE);
            wideBlank = EM_SPACE.repeat(screen.width / Math.max(1, em.x) + 2);
            tallBlank = "\u00A0\n".repeat(screen.height / Math.max(1, em.y) + 1) + "\u00A0";
        }
        return horizontal ? wideBlank : tallBlank;
    }

    /**
     * A {@link Format} over a label function, the way SWTChart asks for tick labels. SWTChart
     * writes "..." over a label that does not parse back to its tick's value where the label has
     * room, and hides one that has none: a tick left unlabelled (the 2..9 between the decades of a
     * logarithmic axis) gets a blank label longer along its axis than the screen ({@link #blank}),
     * so it is hidden. SWTChart measures every label at each layout: a blank of 120 lines and 1200
     * spaces on both axes kept the UI thread measuring text for seconds when a log axis was laid
     * out a few times (the sweep view's learning-rate chart); one sized to the screen costs about
     * as much as a label.
     */
    private static final class TickFormat extends Format {
        private static final long serialVersionUID = 1L;
        private final transient DoubleFunction<String> f;
        private final String blank;

        TickFormat(String blank, DoubleFunction<String> f) {
            this.f = f;
            this.blank = blank;
        }

        @Override
        public StringBuffer format(Object obj, StringBuffer to, FieldPosition pos) {
            String label = f.apply(((Number) obj).doubleValue());
            return to.append(label.isEmpty() ? blank : label);
        }

        /** SWTChart reads labels back to hide those that do not stand for their tick; ours do (or are no numbers). */
        @Override
        public @Nullable Object parseObject(String source, ParsePosition pos) {
            double v = AxisTicks.parse(source.substring(pos.getIndex()));
            if (Double.isNaN(v)) {
                pos.setErrorIndex(pos.getIndex());
                return null;
            }
            pos.setIndex(source.length());
            return v;
        }
    }

    /** The tick values of an axis as last laid out ({@code IAxis.Direction.X} or {@code Y}). */
    public double[] getTickValues(IAxis.Direction direction) {
        AxisTicks.Layout t = ticks.get(direction);
        return t == null ? new double[0] : t.values().clone();
    }

    /** The tick labels SWTChart draws for an axis now (after the last layout). */
    public List<String> getTickLabels(IAxis.Direction direction) {
        IAxis axis = direction == IAxis.Direction.X ? chart.getAxisSet().getXAxis(0) : chart.getAxisSet().getYAxis(0);
        List<String> out = new ArrayList<>();
        Format f = axis.getTick().getFormat();
        for (double v : axis.getTick().getTickLabelValues()) {
            if (!axis.isLogScaleEnabled() || Math.abs(Math.log10(v) - Math.rint(Math.log10(v))) < 1e-9) {
                out.add(f.format(v));
            }
        }
        return out;
    }

    // --- zoom, pan and the readout under the pointer ---------------------------------------------

    /** Whether the user zoomed or panned (the axes no longer follow the data). */
    public boolean isZoomed() {
        return zoomX != null;
    }

    /** Shows this part of the data: the axes stay there until {@link #resetZoom()}. */
    public void zoomTo(double x0, double x1, double y0, double y1) {
        if (!(x1 > x0) || !(y1 > y0)) {
            throw new IllegalArgumentException("a zoom needs x0 < x1 and y0 < y1, got [" + x0 + ", " + x1 + "] x [" + y0
                    + ", " + y1 + "]");
        }
        zoomX = new Range(x0, x1);
        zoomY = new Range(y0, y1);
        refresh();
    }

    /** Lets the axes follow the data again (double-click). */
    public void resetZoom() {
        zoomX = null;
        zoomY = null;
        structureChanged = true;
        refresh();
    }

    /** Moves the view by fractions of its width and height (positive: towards larger x and y). */
    public void pan(double fx, double fy) {
        Range x = chart.getAxisSet().getXAxis(0).getRange();
        Range y = chart.getAxisSet().getYAxis(0).getRange();
        zoomX = shifted(x, fx, logX);
        zoomY = shifted(y, fy, logScale);
        refresh();
    }

    /** The x range shown now. */
    public Range getXRange() {
        return chart.getAxisSet().getXAxis(0).getRange();
    }

    /** The y range shown now. */
    public Range getYRange() {
        return chart.getAxisSet().getYAxis(0).getRange();
    }

    private void installMouse() {
        Control plot = chart.getPlotArea().getControl();
        plot.addListener(SWT.MouseDown, e -> {
            if (e.button != 1 || empty) {
                return;
            }
            plot.forceFocus();
            dragFrom = new Point(e.x, e.y);
            dragTo = dragFrom;
            panning = (e.stateMask & SWT.SHIFT) != 0;
            panX = getXRange();
            panY = getYRange();
        });
        plot.addListener(SWT.MouseMove, e -> {
            pointer = new Point(e.x, e.y);
            Point from = dragFrom;
            if (from != null) {
                dragTo = new Point(e.x, e.y);
                if (panning) {
                    panBy(from, dragTo);
                    return;
                }
            }
            plot.redraw();
        });
        plot.addListener(SWT.MouseUp, e -> {
            Point from = dragFrom;
            Point to = new Point(e.x, e.y);
            dragFrom = null;
            dragTo = null;
            if (from == null || panning) {
                return;
            }
            zoomToPixels(from, to);
        });
        plot.addListener(SWT.MouseExit, e -> {
            pointer = null;
            plot.redraw();
        });
        plot.addListener(SWT.MouseDoubleClick, e -> {
            dragFrom = null;
            resetZoom();
        });
        plot.addListener(SWT.KeyDown, e -> {
            switch (e.keyCode) {
            case SWT.ARROW_LEFT -> pan(-0.1, 0);
            case SWT.ARROW_RIGHT -> pan(0.1, 0);
            case SWT.ARROW_UP -> pan(0, 0.1);
            case SWT.ARROW_DOWN -> pan(0, -0.1);
            case SWT.HOME, SWT.ESC -> resetZoom();
            default -> {
                if (e.character == '+' || e.character == '=') {
                    zoomBy(0.5);
                } else if (e.character == '-') {
                    zoomBy(2);
                }
            }
            }
        });
    }

    /** Zooms to the rectangle between two plot pixels; a flat drag zooms x only, a tall one y only. */
    private void zoomToPixels(Point a, Point b) {
        int w = Math.abs(a.x - b.x);
        int h = Math.abs(a.y - b.y);
        if (w < 5 && h < 5) {
            chart.getPlotArea().getControl().redraw();
            return;
        }
        IAxis xAxis = chart.getAxisSet().getXAxis(0);
        IAxis yAxis = chart.getAxisSet().getYAxis(0);
        Range x = getXRange();
        Range y = getYRange();
        if (w >= 5) {
            double x0 = xAxis.getDataCoordinate(Math.min(a.x, b.x));
            double x1 = xAxis.getDataCoordinate(Math.max(a.x, b.x));
            x = new Range(x0, x1);
        }
        if (h >= 5) {
            double y0 = yAxis.getDataCoordinate(Math.max(a.y, b.y));
            double y1 = yAxis.getDataCoordinate(Math.min(a.y, b.y));
            y = new Range(y0, y1);
        }
        zoomTo(x.lower, x.upper, y.lower, y.upper);
    }

    /** Zooms around the centre: {@code factor} < 1 in, > 1 out. */
    private void zoomBy(double factor) {
        Range x = getXRange();
        Range y = getYRange();
        Range nx = scaled(x, factor, logX);
        Range ny = scaled(y, factor, logScale);
        zoomTo(nx.lower, nx.upper, ny.lower, ny.upper);
    }

    /** A range scaled around its centre (its geometric centre on a logarithmic axis). */
    private static Range scaled(Range r, double factor, boolean log) {
        if (log) {
            double c = Math.sqrt(r.lower * r.upper);
            double f = Math.pow(r.upper / c, factor);
            return new Range(c / f, c * f);
        }
        double c = (r.lower + r.upper) / 2;
        double h = (r.upper - r.lower) / 2 * factor;
        return new Range(c - h, c + h);
    }

    /** A range moved by a fraction of its length (by a factor on a logarithmic axis). */
    private static Range shifted(Range r, double fraction, boolean log) {
        if (log) {
            double f = Math.pow(r.upper / r.lower, fraction);
            return new Range(r.lower * f, r.upper * f);
        }
        double d = (r.upper - r.lower) * fraction;
        return new Range(r.lower + d, r.upper + d);
    }

    private void panBy(Point from, Point to) {
        Range x0 = panX;
        Range y0 = panY;
        if (x0 == null || y0 == null) {
            return;
        }
        Point size = chart.getPlotArea().getSize();
        double fx = -(double) (to.x - from.x) / Math.max(1, size.x);
        double fy = (double) (to.y - from.y) / Math.max(1, size.y);
        zoomX = shifted(x0, fx, logX);
        zoomY = shifted(y0, fy, logScale);
        refresh();
    }

    private void paintDrag(GC gc) {
        Point a = dragFrom;
        Point b = dragTo;
        if (a == null || b == null || panning) {
            return;
        }
        Point size = chart.getPlotArea().getSize();
        int w = Math.abs(a.x - b.x);
        int h = Math.abs(a.y - b.y);
        // a flat drag zooms x only: show it as a band across the plot's height
        int x = w >= 5 ? Math.min(a.x, b.x) : 0;
        int y = h >= 5 ? Math.min(a.y, b.y) : 0;
        int rw = w >= 5 ? w : size.x;
        int rh = h >= 5 ? h : size.y;
        gc.setAlpha(40);
        gc.setBackground(chart.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        gc.fillRectangle(x, y, rw, rh);
        gc.setAlpha(255);
        gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        gc.drawRectangle(x, y, rw, rh);
    }

    /**
     * What the readout shows with the pointer at plot pixel {@code px}: the x value, then for
     * each series in the readout its label and the y of its drawn point nearest to the pointer's x
     * ({@code label: value}). Empty when there is nothing to read.
     */
    public List<String> readout(int px) {
        return readoutLines(px).stream().map(l -> l.text).toList();
    }

    private record Line(String text, @Nullable RGB color) {
    }

    private List<Line> readoutLines(int px) {
        List<Line> out = new ArrayList<>();
        if (empty) {
            return out;
        }
        IAxis xAxis = chart.getAxisSet().getXAxis(0);
        double x = xAxis.getDataCoordinate(px);
        double nearestX = Double.NaN;
        for (Entry e : series.values()) {
            if (!e.readout) {
                continue;
            }
            ISeries<?> s = chart.getSeriesSet().getSeries(e.id);
            double[] xs = s.getXSeries();
            double[] ys = s.getYSeries();
            int best = -1;
            for (int i = 0; i < xs.length; i++) {
                if (best < 0 || Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
                    best = i;
                }
            }
            if (best < 0 || Math.abs(xAxis.getPixelCoordinate(xs[best]) - px) > 40) {
                continue;
            }
            if (Double.isNaN(nearestX) || Math.abs(xs[best] - x) < Math.abs(nearestX - x)) {
                nearestX = xs[best];
            }
            String name = e.readoutLabel != null ? e.readoutLabel : e.label;
            out.add(new Line(name + ": " + AxisTicks.value(ys[best]), e.color));
        }
        if (out.isEmpty()) {
            return out;
        }
        DoubleFunction<String> f = xLabeler;
        String xs = f != null ? f.apply(nearestX) : AxisTicks.value(nearestX);
        out.add(0, new Line(xTitle + " = " + xs, null));
        return out;
    }

    private void paintReadout(GC gc) {
        Point p = pointer;
        if (p == null || dragFrom != null) {
            return;
        }
        List<Line> lines = readoutLines(p.x);
        Point size = chart.getPlotArea().getSize();
        gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_GRAY));
        gc.setLineStyle(SWT.LINE_DOT);
        gc.drawLine(p.x, 0, p.x, size.y);
        gc.setLineStyle(SWT.LINE_SOLID);
        if (lines.isEmpty()) {
            return;
        }
        gc.setFont(tickFont);
        int lineHeight = gc.textExtent("Ag").y;
        int w = 0;
        for (Line l : lines) {
            w = Math.max(w, gc.textExtent(l.text).x + 16);
        }
        int h = lines.size() * lineHeight + 6;
        int bx = p.x + 12 + w < size.x ? p.x + 12 : Math.max(0, p.x - 12 - w);
        int by = Math.max(0, Math.min(p.y + 12, size.y - h));
        gc.setAlpha(235);
        gc.setBackground(chart.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(bx, by, w + 8, h);
        gc.setAlpha(255);
        gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_GRAY));
        gc.drawRectangle(bx, by, w + 8, h);
        int y = by + 3;
        for (Line l : lines) {
            int x = bx + 4;
            if (l.color != null) {
                Color c = new Color(l.color);
                gc.setBackground(c);
                gc.fillRectangle(x, y + lineHeight / 2 - 4, 10, 8);
                x += 14;
            }
            gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.drawText(l.text, x, y, true);
            y += lineHeight;
        }
    }

    /** Sets the axes' titles with the note on values left out; returns whether they changed. */
    private boolean updateAxisTitles() {
        String oldX = chart.getAxisSet().getXAxis(0).getTitle().getText();
        String oldY = fullYTitle;
        chart.getAxisSet().getXAxis(0).getTitle().setText(xTitle);
        List<String> notes = new ArrayList<>();
        if (logScale) {
            notes.add("log scale");
        }
        long nonFinite = dropped - droppedNonPositive;
        if (droppedNonPositive > 0) {
            notes.add(String.format(Locale.ROOT, "%,d values <= 0 not drawn", droppedNonPositive));
        }
        if (nonFinite > 0) {
            notes.add(String.format(Locale.ROOT, "%,d NaN/infinite values not drawn", nonFinite));
        }
        String y = notes.isEmpty() ? yTitle : yTitle + " (" + String.join("; ", notes) + ")";
        fullYTitle = y;
        if (!oldY.equals(y)) {
            chart.getAxisSet().getYAxis(0).getTitle().setText(y);
        }
        return !oldX.equals(xTitle) || !oldY.equals(y);
    }

    /**
     * Shortens the y axis' title with an ellipsis where it is longer than the plot is high (a small
     * chart), so that it does not run into the charts above and below; its whole text is kept.
     */
    private void fitYTitle() {
        org.eclipse.swtchart.ITitle title = chart.getAxisSet().getYAxis(0).getTitle();
        int room = chart.getPlotArea().getSize().y + 20;
        GC gc = new GC(chart);
        String shown;
        try {
            gc.setFont(axisFont);
            shown = fullYTitle;
            if (room > 20 && gc.textExtent(shown).x > room) {
                int n = shown.length();
                while (n > 1 && gc.textExtent(shown.substring(0, n) + "\u2026").x > room) {
                    n--;
                }
                shown = shown.substring(0, n).strip() + "\u2026";
            }
        } finally {
            gc.dispose();
        }
        if (!shown.equals(title.getText())) {
            title.setText(shown);
            chart.updateLayout();
        }
    }

    /** The y axis' title with the note on values left out (drawn shortened on a chart too low for it). */
    public String getDrawnYTitle() {
        return fullYTitle;
    }

    /**
     * Switches the y axis between linear and logarithmic (base 10). On a logarithmic axis values
     * {@code <= 0} cannot be drawn: they are left out and counted in the axis' title, and CSV
     * export still writes them.
     */
    public void setLogScale(boolean on) {
        if (on == logScale) {
            return;
        }
        logScale = on;
        IAxis y = chart.getAxisSet().getYAxis(0);
        zoomX = null;
        zoomY = null;
        structureChanged = true;
        if (on) {
            refresh();
            y.enableLogScale(true);
        } else {
            y.enableLogScale(false);
        }
        refresh();
    }

    /** Whether the y axis is logarithmic. */
    public boolean isLogScale() {
        return logScale;
    }

    /**
     * Switches the x axis between linear and logarithmic (base 10), ticks on the decades (a
     * parameter drawn log-uniformly, say). Points with x {@code <= 0} cannot be placed on it and
     * are not drawn.
     */
    public void setLogX(boolean on) {
        if (on == logX) {
            return;
        }
        logX = on;
        IAxis x = chart.getAxisSet().getXAxis(0);
        zoomX = null;
        zoomY = null;
        structureChanged = true;
        if (on) {
            refresh();
            x.enableLogScale(true);
        } else {
            x.enableLogScale(false);
        }
        refresh();
    }

    /** Whether the x axis is logarithmic. */
    public boolean isLogX() {
        return logX;
    }

    /**
     * Saves the chart as it is drawn now as a PNG image.
     *
     * @throws IOException naming the file when it cannot be written, or when the chart has no size yet
     */
    public void exportPng(Path file) throws IOException {
        Point size = chart.getSize();
        if (size.x <= 0 || size.y <= 0) {
            throw new IOException("cannot save " + file + ": the chart has no size yet (it is not laid out)");
        }
        Image image = new Image(chart.getDisplay(), size.x, size.y);
        try {
            GC gc = new GC(image);
            try {
                if (!chart.print(gc)) {
                    throw new IOException("cannot save " + file + ": this platform cannot print a chart into an image");
                }
            } finally {
                gc.dispose();
            }
            savePng(image, file);
        } finally {
            image.dispose();
        }
    }

    /** Saves an image as PNG, whole or not at all. */
    static void savePng(Image image, Path file) throws IOException {
        ImageLoader loader = new ImageLoader();
        loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            loader.save(tmp.toString(), SWT.IMAGE_PNG);
        } catch (org.eclipse.swt.SWTException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes every point of every series as CSV ({@link SeriesCsv}: {@code series,<x title>,<y
     * title>} rows, series named by their labels).
     */
    public void exportCsv(Path file) throws IOException {
        Map<String, XYData> named = new LinkedHashMap<>();
        for (Entry e : series.values()) {
            named.put(named.containsKey(e.label) ? e.label + " [" + e.id + "]" : e.label, e.data);
        }
        SeriesCsv.write(file, xTitle, yTitle, named);
    }

    private void installMenu() {
        for (Control c : new Control[] { chart, chart.getPlotArea().getControl() }) {
            ChartMenu.install(c, "&Logarithmic y axis", () -> logScale, this::setLogScale, this::export);
            Menu menu = c.getMenu();
            new MenuItem(menu, SWT.SEPARATOR);
            MenuItem all = new MenuItem(menu, SWT.PUSH);
            all.setText("Show &all (double-click; drag to zoom, Shift+drag or arrow keys to pan)");
            all.addListener(SWT.Selection, e -> resetZoom());
            menu.addListener(SWT.Show, e -> all.setEnabled(isZoomed()));
        }
    }

    private void export(boolean png) {
        String name = chart.getTitle().getText().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT);
        String chosen = askFile(chart, (name.isEmpty() ? "chart" : name) + (png ? ".png" : ".csv"), png);
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
            MessageDialog.openError(chart.getShell(), "Export failed", ex.getMessage());
        }
    }

    /** Asks for a file to save a PNG image or a CSV file to; {@code null} when cancelled. */
    static @Nullable String askFile(Control owner, String suggested, boolean png) {
        FileDialog dialog = new FileDialog(owner.getShell(), SWT.SAVE);
        dialog.setOverwrite(true);
        dialog.setFileName(suggested);
        dialog.setFilterExtensions(png ? new String[] { "*.png" } : new String[] { "*.csv" });
        dialog.setFilterNames(png ? new String[] { "PNG image" } : new String[] { "CSV file" });
        return dialog.open();
    }
}
