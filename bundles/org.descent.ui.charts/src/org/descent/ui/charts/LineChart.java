package org.descent.ui.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.IAxis;
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

    /** How a series is drawn. */
    public enum Style {
        /** A solid line. */
        LINE,
        /** A dashed line (for example a validation curve beside a training curve). */
        DASHED,
        /** Points only (a scatter plot). */
        POINTS
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

        Entry(String id, String label, XYData data, RGB color, Style style) {
            this.id = id;
            this.label = label;
            this.data = data;
            this.color = color;
            this.style = style;
        }
    }

    private final Chart chart;
    private final Font titleFont;
    private final Font axisFont;
    private final Font tickFont;
    private final Map<String, Entry> series = new LinkedHashMap<>();
    private String xTitle;
    private String yTitle;
    private boolean logScale;
    private long dropped;
    private long droppedNonPositive;
    private int lastWidth = -1;
    private String emptyText = "No data";
    private boolean empty = true;
    private boolean growing;
    /** The largest x drawn at the last full layout (NaN before). */
    private double lastMaxX = Double.NaN;
    /** Series added, removed or relabelled since the last full layout (the legend changed). */
    private boolean structureChanged = true;

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
            if (w != lastWidth) {
                refresh();
            }
        });
        installMenu();
        chart.getPlotArea().addCustomPaintListener(new ICustomPaintListener() {
            @Override
            public void paintControl(PaintEvent e) {
                if (empty) {
                    e.gc.setFont(axisFont);
                    e.gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
                    Point p = chart.getPlotArea().getSize();
                    Point t = e.gc.textExtent(emptyText);
                    e.gc.drawText(emptyText, (p.x - t.x) / 2, (p.y - t.y) / 2, true);
                }
            }

            @Override
            public boolean drawBehindSeries() {
                return false;
            }
        });
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
            s.setSymbolSize(3);
        }
        }
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
        ISeries<?> s = chart.getSeriesSet().getSeries(id);
        if (s == null) {
            throw new IllegalArgumentException("no series '" + id + "' in chart '" + chart.getTitle().getText() + "'");
        }
        if (s.isVisibleInLegend() != visible) {
            s.setVisibleInLegend(visible);
            structureChanged = true;
            chart.updateLayout();
            chart.redraw();
        }
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
     * grew. Cheap for {@link GrowingSeries}.
     */
    public void refresh() {
        if (chart.isDisposed()) {
            return;
        }
        int width = plotWidth();
        lastWidth = width;
        long d = 0;
        long dn = 0;
        boolean none = true;
        double[] bounds = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY };
        for (Entry e : series.values()) {
            Decimation.Result r = e.data.decimate(Math.max(1, width), logScale);
            ILineSeries<?> s = line(e.id);
            s.setXSeries(r.x());
            s.setYSeries(r.y());
            // dense lines (min/max zigzags) draw several times faster without antialiasing and look the same
            s.setAntialias(r.size() > width ? SWT.OFF : SWT.DEFAULT);
            e.drawn = r.size();
            none &= r.size() == 0;
            d += r.dropped();
            dn += r.droppedNonPositive();
            for (int i = 0; i < r.size(); i++) {
                bounds[0] = Math.min(bounds[0], r.x()[i]);
                bounds[1] = Math.max(bounds[1], r.x()[i]);
                bounds[2] = Math.min(bounds[2], r.y()[i]);
                bounds[3] = Math.max(bounds[3], r.y()[i]);
            }
        }
        dropped = d;
        droppedNonPositive = dn;
        empty = none;
        boolean titles = updateAxisTitles();
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
        chart.redraw();
    }

    /**
     * Lets the axes of a chart whose data grows (a live run) leave room ahead, so that they are
     * laid out again only when the data outgrows them, not at every refresh (off by default:
     * axes fit the data exactly).
     */
    public void setGrowing(boolean on) {
        growing = on;
    }

    /** Whether the drawn points' bounds (x min, x max, y min, y max) fit the axes well enough to keep them. */
    private boolean fits(double[] b) {
        Range x = chart.getAxisSet().getXAxis(0).getRange();
        Range y = chart.getAxisSet().getYAxis(0).getRange();
        if (b[0] < x.lower || b[1] > x.upper || b[2] < y.lower || b[3] > y.upper) {
            return false;
        }
        // not too loose either: the data spans at least half of each axis
        boolean xTight = b[1] - b[0] >= 0.5 * (x.upper - x.lower);
        boolean yTight = logScale ? Math.log(b[3] / b[2]) >= 0.5 * Math.log(y.upper / y.lower)
                : b[3] - b[2] >= 0.5 * (y.upper - y.lower);
        return xTight && yTight;
    }

    /**
     * Axes for growing data: x with a quarter of room ahead while the data grows (none for data
     * that has stopped), y with a tenth of room on both sides.
     */
    private void growingRange(double[] b, boolean grew) {
        double xSpan = b[1] - b[0];
        chart.getAxisSet().getXAxis(0).setRange(new Range(b[0], b[0] + (xSpan > 0 ? (grew ? 1.25 : 1) * xSpan : 1)));
        if (logScale) {
            double f = b[3] > b[2] ? Math.pow(b[3] / b[2], 0.1) : 2;
            chart.getAxisSet().getYAxis(0).setRange(new Range(b[2] / f, b[3] * f));
        } else {
            double pad = b[3] > b[2] ? 0.1 * (b[3] - b[2]) : Math.max(Math.abs(b[2]) * 0.1, 1e-12);
            chart.getAxisSet().getYAxis(0).setRange(new Range(b[2] - pad, b[3] + pad));
        }
    }

    private int plotWidth() {
        Point size = chart.getPlotArea().getSize();
        return size.x > 10 ? size.x : 800;
    }

    private void adjustRange() {
        if (empty) {
            // no stale ranges of earlier data: an empty plot from 1 to 10
            for (IAxis axis : chart.getAxisSet().getAxes()) {
                axis.setRange(new Range(1, 10));
            }
            return;
        }
        chart.getAxisSet().adjustRange();
        // a single point or a flat line gives an empty range: widen it so the series is visible
        for (IAxis axis : chart.getAxisSet().getAxes()) {
            Range r = axis.getRange();
            if (!(r.upper > r.lower)) {
                double c = r.lower;
                double h = c == 0 ? 1 : Math.abs(c) * 0.1;
                axis.setRange(axis.isLogScaleEnabled() ? new Range(c / 2, c * 2) : new Range(c - h, c + h));
            }
        }
    }

    /** Sets the axes' titles with the note on values left out; returns whether they changed. */
    private boolean updateAxisTitles() {
        String oldX = chart.getAxisSet().getXAxis(0).getTitle().getText();
        String oldY = chart.getAxisSet().getYAxis(0).getTitle().getText();
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
        chart.getAxisSet().getYAxis(0).getTitle().setText(y);
        return !oldX.equals(xTitle) || !oldY.equals(y);
    }

    /** The y axis' title as drawn, with the note on values left out. */
    public String getDrawnYTitle() {
        return chart.getAxisSet().getYAxis(0).getTitle().getText();
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
        if (on) {
            refresh();
            y.enableLogScale(true);
        } else {
            y.enableLogScale(false);
            refresh();
        }
        adjustRange();
        chart.redraw();
    }

    /** Whether the y axis is logarithmic. */
    public boolean isLogScale() {
        return logScale;
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
