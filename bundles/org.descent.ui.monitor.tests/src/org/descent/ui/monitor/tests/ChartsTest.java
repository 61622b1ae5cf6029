package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.descent.testing.ui.Widgets;
import org.descent.ui.charts.AxisTicks;
import org.descent.ui.charts.Heatmap;
import org.descent.ui.charts.LineChart;
import org.descent.ui.charts.XYData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart API: line charts (titles, log scale, decimation, export) and the heatmap. */
class ChartsTest {

    @TempDir
    Path tmp;

    private Shell shell;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setSize(new Point(900, 600));
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private static ImageData png(Path file) {
        assertTrue(Files.isRegularFile(file), file + " not written");
        return new ImageLoader().load(file.toString())[0];
    }

    private static void assertClose(RGB expected, RGB actual, String what) {
        int d = Math.abs(expected.red - actual.red) + Math.abs(expected.green - actual.green)
                + Math.abs(expected.blue - actual.blue);
        assertTrue(d <= 100, what + ": expected about " + expected + ", drawn " + actual);
    }

    @Test
    void lineChartHasTitledAxesALegendAndDecimatesToThePlotWidth() throws IOException {
        LineChart chart = new LineChart(shell, "Training loss", "step", "loss");
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = 2 * Math.exp(-i / 40_000.0) + 0.01;
        }
        y[123_456] = 9;
        chart.setSeries("a", "run a", XYData.of(x, y), null, LineChart.Style.LINE);
        shell.open();
        Widgets.spin(300);
        chart.refresh();
        int width = chart.getChart().getPlotArea().getSize().x;
        assertTrue(width > 300, "plot width " + width);
        int drawn = chart.getDrawnPoints("a");
        assertTrue(drawn <= 2 * width + 2 && drawn >= width, drawn + " points drawn for " + width + " pixels");
        assertEquals(9, java.util.Arrays.stream(chart.getDrawnY("a")).max().orElseThrow(), "the spike is drawn");
        assertEquals("Training loss", chart.getChart().getTitle().getText());
        assertEquals("step", chart.getChart().getAxisSet().getXAxis(0).getTitle().getText());
        assertEquals("loss", chart.getDrawnYTitle());
        assertTrue(chart.getChart().getLegend().isVisible());
        assertTrue(chart.getChart().getAxisSet().getYAxis(0).getTitle().getFont().getFontData()[0].getHeight() >= 10,
                "axis titles in a legible size");
        ImageData image = Widgets.capture(shell);
        assertTrue(Widgets.distinctPixels(image) > 8, "the chart is blank");
    }

    @Test
    void logScaleLeavesOutValuesAtOrBelowZeroAndSaysHowMany() {
        LineChart chart = new LineChart(shell, "Gradient norm", "step", "norm");
        chart.setSeries("g", XYData.of(new double[] { 1, 2, 3, 4, 5 }, new double[] { 10, 0, 1, -1, 0.01 }));
        shell.open();
        Widgets.spin(200);
        assertEquals(5, chart.getDrawnPoints("g"));
        chart.setLogScale(true);
        assertTrue(chart.isLogScale());
        assertTrue(chart.getChart().getAxisSet().getYAxis(0).isLogScaleEnabled());
        assertArrayEquals(new double[] { 10, 1, 0.01 }, chart.getDrawnY("g"));
        assertEquals(2, chart.getDroppedValues());
        assertEquals("norm (log scale; 2 values <= 0 not drawn)", chart.getDrawnYTitle());
        Range r = chart.getChart().getAxisSet().getYAxis(0).getRange();
        assertTrue(r.lower > 0 && r.lower <= 0.01 && r.upper >= 10, r.toString());
        chart.setLogScale(false);
        assertEquals(5, chart.getDrawnPoints("g"));
        assertEquals("norm", chart.getDrawnYTitle());
    }

    @Test
    void logXAxisHasDecadesAndPansAndZoomsByFactors() {
        LineChart chart = new LineChart(shell, "Best loss by lr", "lr", "loss");
        chart.setSeries("p", "p", XYData.of(new double[] { 0.002, 0.02, 0.3 }, new double[] { 1, 2, 3 }), null,
                LineChart.Style.POINTS);
        shell.open();
        Widgets.spin(200);
        chart.setLogX(true);
        assertTrue(chart.isLogX());
        assertTrue(chart.getChart().getAxisSet().getXAxis(0).isLogScaleEnabled());
        assertArrayEquals(new double[] { 0.002, 0.02, 0.3 }, chart.getDrawnX("p"));
        assertArrayEquals(new double[] { 0.001, 0.01, 0.1, 1 }, chart.getTickValues(IAxis.Direction.X));
        assertEquals(List.of("0.001", "0.01", "0.1", "1"), chart.getTickLabels(IAxis.Direction.X));
        Range before = chart.getXRange();
        assertEquals(0.001, before.lower, 1e-12);
        assertEquals(1, before.upper, 1e-12);
        // half the width to the right: by a factor of sqrt(1000), the same three decades shown
        chart.pan(0.5, 0);
        Range after = chart.getXRange();
        assertEquals(Math.sqrt(1000) * 0.001, after.lower, 1e-9);
        assertEquals(1000, after.upper / after.lower, 1e-6);
        chart.resetZoom();
        chart.setLogX(false);
        assertFalse(chart.getChart().getAxisSet().getXAxis(0).isLogScaleEnabled());
        assertTrue(chart.getXRange().lower <= 0.002 && chart.getXRange().upper >= 0.3);
    }

    @Test
    void exportsThePictureAndEveryPointOfTheData() throws IOException {
        LineChart chart = new LineChart(shell, "Loss, two runs", "step", "loss");
        double[] x = new double[5000];
        double[] a = new double[5000];
        double[] b = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            a[i] = 1.0 / (i + 1);
            b[i] = 0.1 + 0.3 / Math.sqrt(i + 1);
        }
        a[10] = Double.NaN;
        chart.setSeries("a", "run a", XYData.of(x, a), new RGB(200, 0, 0), LineChart.Style.LINE);
        chart.setSeries("b", "run, b", XYData.of(x, b), null, LineChart.Style.DASHED);
        shell.open();
        Widgets.spin(300);
        Path png = tmp.resolve("chart.png");
        chart.exportPng(png);
        ImageData image = png(png);
        Point size = chart.getChart().getSize();
        assertEquals(size.x, image.width);
        assertEquals(size.y, image.height);
        assertTrue(Widgets.distinctPixels(image) > 8, "the exported image is blank");
        Path csv = tmp.resolve("chart.csv");
        chart.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("series,step,loss", lines.get(0));
        assertEquals(1 + 2 * 5000, lines.size(), "every point, not the decimated ones");
        for (int i = 0; i < x.length; i++) {
            String[] cells = lines.get(1 + i).split(",");
            assertEquals("run a", cells[0]);
            assertEquals(x[i], Double.parseDouble(cells[1]));
            assertEquals(a[i], Double.parseDouble(cells[2]), "row " + (i + 1));
        }
        assertEquals("\"run, b\",5000," + b[4999], lines.get(lines.size() - 1));
    }

    @Test
    void heatmapColoursCellsDrawsContoursAndOverlaysAndExports() throws IOException {
        Heatmap map = new Heatmap(shell, SWT.NONE);
        int nx = 60;
        int ny = 40;
        double[] xs = new double[nx];
        double[] ys = new double[ny];
        double[][] z = new double[ny][nx];
        for (int i = 0; i < nx; i++) {
            xs[i] = -2 + 4.0 * i / (nx - 1);
        }
        for (int j = 0; j < ny; j++) {
            ys[j] = -1 + 3.0 * j / (ny - 1);
        }
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double a = 1 - xs[i];
                double b = ys[j] - xs[i] * xs[i];
                z[j][i] = a * a + 100 * b * b;
            }
        }
        z[0][0] = Double.NaN;
        map.setTitles("Rosenbrock", "x", "y", "f(x, y)");
        map.setData(xs, ys, z);
        map.setLogColors(true);
        map.setContours(8);
        RGB trajectory = new RGB(255, 0, 0);
        double[] tx = { -1.5, -1.0, 0.0, 0.5, 1.0 };
        double[] ty = { 2.0, 1.0, 0.0, 0.25, 1.0 };
        map.setOverlays(List.of(new Heatmap.Polyline("adam", tx, ty, trajectory)));
        shell.open();
        Widgets.spin(300);
        assertEquals(1, map.getMissingCells());
        double[] range = map.getValueRange();
        assertTrue(range[0] < range[1], "value range " + range[0] + ".." + range[1]);
        assertEquals(8, map.getContourLevels().length);
        assertTrue(map.getContourSegments() > 50, "contour segments: " + map.getContourSegments());
        Path png = tmp.resolve("heatmap.png");
        map.exportPng(png);
        ImageData image = png(png);
        Point at = map.toControl(0.0, 0.0);
        assertClose(trajectory, image.palette.getRGB(image.getPixel(at.x, at.y)), "the trajectory passes through (0, 0)");
        Point cell = map.toControl(xs[nx - 1], ys[0]);
        assertClose(map.colorOf(z[0][nx - 1]), image.palette.getRGB(image.getPixel(cell.x, cell.y)),
                "the bottom right cell's colour");
        Path csv = tmp.resolve("heatmap.csv");
        map.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("x,y,\"f(x, y)\"", lines.get(0));
        assertEquals(1 + nx * ny, lines.size());
        String[] last = lines.get(lines.size() - 1).split(",");
        assertEquals(z[ny - 1][nx - 1], Double.parseDouble(last[2]));
        assertEquals("NaN", lines.get(1).split(",")[2]);
        shell.setSize(900, 650);
        Widgets.spin(200);
        Widgets.screenshot(shell, "monitor-charts-heatmap.png");
        assertThrows(IllegalArgumentException.class, () -> map.setData(xs, ys, new double[3][nx]));
        assertFalse(map.isDisposed());
    }

    @Test
    void everyAxisHasFourToEightRoundLabelledTicks() {
        shell.setSize(460, 260);
        LineChart chart = new LineChart(shell, "Evaluation", "step", "val_accuracy");
        double[] x = new double[69];
        double[] y = new double[69];
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 * (i + 1);
            y[i] = 0.97 - 0.65 * Math.exp(-i / 8.0);
        }
        chart.setSeries("a", "run a", XYData.of(x, y), null, LineChart.Style.LINE);
        shell.open();
        Widgets.spin(300);
        chart.refresh();
        for (IAxis.Direction d : IAxis.Direction.values()) {
            List<String> labels = chart.getTickLabels(d);
            assertTrue(labels.size() >= AxisTicks.MIN_TICKS && labels.size() <= AxisTicks.MAX_TICKS, d + ": " + labels);
            double[] values = chart.getTickValues(d);
            assertEquals(List.of(AxisTicks.labels(values, values[1] - values[0])), labels, d + " labels");
        }
        Range r = chart.getYRange();
        assertTrue(r.lower <= 0.32 && r.upper >= 0.97, "the data is inside the y axis: " + r);
        assertEquals(List.of("step", "val_accuracy"), List.of(chart.getXTitle(), chart.getYTitle()));
    }

    @Test
    void integerAxesHaveWholeTicksAndTheLegendListsEachEntryOnce() {
        LineChart chart = new LineChart(shell, "Hessian eigenvalues", "index", "eigenvalue");
        chart.setIntegerX(true);
        double[] x = { 1, 2 };
        double[] y = { 4.5, 0.25 };
        RGB c = LineChart.color(0);
        chart.setSeries("stems", "every eigenvalue", XYData.of(new double[] { 1, 1, 1, 2, 2, 2 },
                new double[] { 0, 4.5, 0, 0, 0.25, 0 }), c, LineChart.Style.LINE);
        chart.setInReadout("stems", false);
        chart.setSeries("points", "every eigenvalue", XYData.of(x, y), c, LineChart.Style.POINTS);
        shell.open();
        Widgets.spin(300);
        assertEquals(List.of("every eigenvalue"), chart.getLegendLabels());
        for (String label : chart.getTickLabels(IAxis.Direction.X)) {
            assertTrue(label.matches("-?\\d+"), "a whole number: " + label);
        }
        assertTrue(chart.getTickLabels(IAxis.Direction.X).containsAll(List.of("1", "2")), chart.getTickLabels(IAxis.Direction.X).toString());
        // another colour with the same label is another entry
        chart.setSeries("other", "every eigenvalue", XYData.of(x, y), LineChart.color(1), LineChart.Style.POINTS);
        assertEquals(List.of("every eigenvalue", "every eigenvalue"), chart.getLegendLabels());
        chart.setVisibleInLegend("other", false);
        assertEquals(List.of("every eigenvalue"), chart.getLegendLabels());
    }

    @Test
    void readoutDragZoomPanAndDoubleClickReset() {
        LineChart chart = new LineChart(shell, "Loss", "step", "loss");
        int n = 1000;
        double[] x = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            a[i] = 2.0 * i;
            b[i] = 5 + i % 10;
        }
        chart.setSeries("a", "run a", XYData.of(x, a), null, LineChart.Style.LINE);
        chart.setSeries("b", "run b", XYData.of(x, b), null, LineChart.Style.DASHED);
        shell.open();
        Widgets.spin(300);
        Control plot = chart.getChart().getPlotArea().getControl();
        IAxis xAxis = chart.getChart().getAxisSet().getXAxis(0);
        int px = xAxis.getPixelCoordinate(500);
        List<String> lines = chart.readout(px);
        assertEquals(3, lines.size(), lines.toString());
        double at = Double.parseDouble(lines.get(0).substring("step = ".length()));
        assertTrue(Math.abs(at - 500) <= 2, lines.get(0));
        assertTrue(lines.get(1).startsWith("run a: "), lines.get(1));
        assertEquals(1000, Double.parseDouble(lines.get(1).substring(7)), 4, "a = 2 step near step 500");
        assertTrue(lines.get(2).startsWith("run b: "), lines.get(2));
        double bAt = Double.parseDouble(lines.get(2).substring(7));
        assertTrue(bAt >= 5 && bAt <= 14, lines.get(2));

        // a flat drag from x = 200 to x = 300 zooms the x axis to that band
        Range yBefore = chart.getYRange();
        int y0 = plot.getSize().y / 2;
        mouse(plot, SWT.MouseDown, xAxis.getPixelCoordinate(200), y0, 0);
        mouse(plot, SWT.MouseMove, xAxis.getPixelCoordinate(260), y0 + 1, 0);
        mouse(plot, SWT.MouseUp, xAxis.getPixelCoordinate(300), y0 + 2, 0);
        assertTrue(chart.isZoomed());
        Range r = chart.getXRange();
        double pixel = 1000.0 / plot.getSize().x;
        assertEquals(200, r.lower, 3 * pixel, r.toString());
        assertEquals(300, r.upper, 3 * pixel, r.toString());
        assertEquals(yBefore.lower, chart.getYRange().lower, 1e-9, "a flat drag keeps y");
        List<String> ticks = chart.getTickLabels(IAxis.Direction.X);
        assertTrue(ticks.size() >= 3 && ticks.size() <= AxisTicks.MAX_TICKS, ticks.toString());
        // zoomed in, the readout reads single points: at step 250 exactly
        lines = chart.readout(xAxis.getPixelCoordinate(250));
        assertEquals("run a: 500", lines.get(1));

        // the right arrow pans by a tenth of the width
        Event key = new Event();
        key.keyCode = SWT.ARROW_RIGHT;
        plot.notifyListeners(SWT.KeyDown, key);
        assertEquals(r.lower + 0.1 * (r.upper - r.lower), chart.getXRange().lower, 1e-9);
        // shift-drag pans: dragging left by a quarter of the plot moves the view right by a quarter
        Range before = chart.getXRange();
        int w = plot.getSize().x;
        mouse(plot, SWT.MouseDown, w / 2, y0, SWT.SHIFT);
        mouse(plot, SWT.MouseMove, w / 4, y0, SWT.SHIFT);
        mouse(plot, SWT.MouseUp, w / 4, y0, SWT.SHIFT);
        double shift = chart.getXRange().lower - before.lower;
        assertEquals(0.25 * (before.upper - before.lower), shift, 0.02 * (before.upper - before.lower));
        // a growing refresh keeps the zoom
        chart.refresh();
        assertTrue(chart.isZoomed());

        mouse(plot, SWT.MouseDoubleClick, w / 2, y0, 0);
        assertFalse(chart.isZoomed());
        Range all = chart.getXRange();
        assertTrue(all.lower <= 0 && all.upper >= 999, all.toString());
        assertThrows(IllegalArgumentException.class, () -> chart.zoomTo(5, 1, 0, 1));
    }

    private static void mouse(Control c, int type, int x, int y, int state) {
        Event e = new Event();
        e.button = 1;
        e.x = x;
        e.y = y;
        e.stateMask = state;
        c.notifyListeners(type, e);
    }
}
