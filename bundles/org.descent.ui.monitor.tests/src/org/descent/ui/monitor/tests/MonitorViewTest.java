package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.descent.experiment.LiveRuns;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.Trainer;
import org.descent.testing.ui.ScreenFit;
import org.descent.testing.ui.Widgets;
import org.descent.testing.ui.WorkbenchViews;
import org.descent.ui.charts.LineChart;
import org.descent.ui.charts.Smoothing;
import org.descent.ui.charts.XYData;
import org.descent.ui.monitor.data.MonitorModel;
import org.descent.ui.monitor.data.XAxis;
import org.descent.ui.monitor.internal.MonitorView;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.ImageLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Monitor view on real runs: two digits runs trained by the engine and followed in their
 * files, one trained while the view is open and followed live through {@link LiveRuns}, and a
 * run of 300000 steps.
 */
class MonitorViewTest {

    private static Path store;
    private static RunFolder slow;
    private static RunFolder fast;

    @BeforeAll
    static void train() throws Exception {
        store = Files.createTempDirectory("descent-monitor-test");
        RunStore runs = new RunStore(store);
        slow = Runs.train(runs, "adam-1e-3", Runs.digits("adam:lr=1e-3", 8), new Trainer());
        fast = Runs.train(runs, "adam-1e-2", Runs.digits("adam:lr=1e-2", 8), new Trainer());
    }

    @AfterAll
    static void clean() throws IOException {
        try (var s = Files.walk(store)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String id(RunFolder f, String series) {
        return f.dir() + "|" + series;
    }

    /** The chart draws every point (fewer than two per pixel) with the values of the file. */
    private static void assertDrawsColumn(LineChart chart, String id, List<double[]> expected) {
        double[] x = chart.getDrawnX(id);
        double[] y = chart.getDrawnY(id);
        assertEquals(expected.size(), x.length, id + ": points drawn");
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected.get(i)[0], x[i], id + " step of point " + i);
            assertEquals(expected.get(i)[1], y[i], id + " value at step " + x[i]);
        }
    }

    @Test
    void showsTheRunsCurvesWithTheValuesOfTheirFiles() throws Exception {
        MonitorView view = WorkbenchViews.open(MonitorView.ID, MonitorView.class);
        view.show(List.of(slow, fast));
        view.refreshNow();
        Widgets.spin(300);
        List<MonitorModel.Shown> shown = view.model().shown();
        assertEquals(List.of(slow.dir(), fast.dir()), shown.stream().map(s -> s.folder().dir()).toList());
        assertFalse(shown.get(0).live(), "a finished run is read from its files");
        assertEquals("done: budget of 184 steps reached", shown.get(0).series().status(), "from run.descent");
        LineChart loss = view.chart(MonitorView.LOSS);
        for (RunFolder f : List.of(slow, fast)) {
            List<double[]> expected = Runs.column(f, "loss");
            assertTrue(expected.size() > 150, "steps: " + expected.size());
            assertDrawsColumn(loss, id(f, "loss"), expected);
            assertDrawsColumn(loss, id(f, "val_loss"), Runs.column(f, "val_loss"));
            assertDrawsColumn(view.chart(MonitorView.EVALUATION), id(f, "val_accuracy"), Runs.column(f, "val_accuracy"));
            assertDrawsColumn(view.chart(MonitorView.GRADIENT), id(f, "grad_norm"), Runs.column(f, "grad_norm"));
            assertDrawsColumn(view.chart(MonitorView.LEARNING_RATE), id(f, "lr"), Runs.column(f, "lr"));
        }
        assertEquals("val_accuracy", view.chart(MonitorView.EVALUATION).getYTitle());
        assertEquals("loss", loss.getYTitle());
        assertEquals("Loss (dashed: validation)", loss.getChart().getTitle().getText());
        assertEquals(0.6, view.smoothing(), "TensorBoard's default smoothing");
        assertTrue(loss.getChart().getSeriesSet().getSeries(id(slow, "loss") + "|smoothed").isVisibleInLegend());
        assertFalse(loss.getChart().getSeriesSet().getSeries(id(slow, "loss")).isVisibleInLegend(), "the raw curve");
        assertFalse(loss.getChart().getSeriesSet().getSeries(id(slow, "val_loss") + "|smoothed").isVisibleInLegend(),
                "one legend entry per run");
        assertEquals(List.of("adam-1e-3", "adam-1e-2"), loss.getLegendLabels().stream().map(l -> l.substring(7)).toList());
        assertEquals(8, Runs.column(slow, "val_accuracy").size(), "one evaluation per epoch");

        Map<String, List<double[]>> probes = Runs.probes(fast);
        String probe = probes.keySet().iterator().next();
        view.selectProbe(probe);
        assertDrawsColumn(view.chart(MonitorView.PROBE), fast.dir() + "|probe|" + probe, probes.get(probe));
        assertEquals("Probe " + probe, view.chart(MonitorView.PROBE).getChart().getTitle().getText());

        ScreenFit.atBothSizes(WorkbenchViews.window().getShell(), "monitor-runs", size -> {
            assertEquals(List.of(), ScreenFit.cutColumns(view.runTable()), "run table at " + size);
            assertEquals(List.of(), ScreenFit.cutLabels(view.control()), "labels at " + size);
            for (String c : List.of(MonitorView.LOSS, MonitorView.EVALUATION, MonitorView.GRADIENT, MonitorView.PROBE)) {
                for (org.eclipse.swtchart.IAxis.Direction d : org.eclipse.swtchart.IAxis.Direction.values()) {
                    List<String> ticks = view.chart(c).getTickLabels(d);
                    assertTrue(ticks.size() >= 4 && ticks.size() <= 8, c + " " + d + " at " + size + ": " + ticks);
                }
            }
        });

        view.setLogScale(true);
        assertTrue(loss.isLogScale());
        assertTrue(loss.getChart().getAxisSet().getYAxis(0).isLogScaleEnabled());
        assertEquals("loss (log scale)", loss.getDrawnYTitle());
        List<String> decades = loss.getTickLabels(org.eclipse.swtchart.IAxis.Direction.Y);
        assertTrue(decades.size() >= 2 && decades.stream().allMatch(l -> l.matches("1e-?\\d+|0\\.0*1|10*")),
                "decades only on a logarithmic axis: " + decades);
        assertDrawsColumn(loss, id(slow, "loss"), Runs.column(slow, "loss"));
        Widgets.screenshot(WorkbenchViews.window().getShell(), "monitor-log-scale.png");
        view.setLogScale(false);
        assertFalse(loss.isLogScale());

        Path dir = Files.createTempDirectory("descent-monitor-export");
        Path png = dir.resolve("monitor.png");
        view.exportPng(png);
        ImageData image = new ImageLoader().load(png.toString())[0];
        assertTrue(image.width > 600 && image.height > 400, image.width + "x" + image.height);
        assertTrue(Widgets.distinctPixels(image) > 8, "the exported image is blank");
        Path csv = dir.resolve("monitor.csv");
        view.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("run,series,step,value", lines.get(0));
        String prefix = MonitorModel.label(fast) + ",loss,";
        List<String> fastLoss = lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .toList();
        List<String> fileLoss = Files.readAllLines(fast.metricsFile(), StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(",", -1)).map(c -> c[0] + "," + c[2]).toList();
        assertEquals(fileLoss, fastLoss, "the exported loss is metrics.csv's");
        long probeRows = lines.stream().filter(l -> l.startsWith(MonitorModel.label(fast) + ",probe:")).count();
        assertEquals(probes.values().stream().mapToInt(List::size).sum(), probeRows);
    }

    @Test
    void followsARunTrainingInThisJvmLive() throws Exception {
        MonitorView view = WorkbenchViews.open(MonitorView.ID, MonitorView.class);
        view.show(List.of());
        LiveRuns live = Views.service(LiveRuns.class);
        RunStore runs = new RunStore(store);
        RunFolder folder = runs.newRun("live");
        Trainer trainer = new Trainer().listener(live.announce(folder));
        CompletableFuture<RunFolder> training = CompletableFuture.supplyAsync(() -> {
            try {
                org.descent.experiment.ResolvedExperiment plan = org.descent.experiment.ResolvedExperiment
                        .resolve(Runs.digits("adam:lr=3e-3", 30), org.descent.testing.Contributions.registry(), null);
                trainer.train(plan, folder, null);
                return folder;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long redrawsBefore = (long) view.redrawStatistics()[0];
        Widgets.spinUntil(training::isDone, 120_000, "the live run trains");
        training.get();
        Widgets.spinUntil(() -> view.model().shown().size() == 1
                && view.model().shown().get(0).series().status().startsWith("done"), 30_000,
                "the monitor shows the live run ended");
        List<MonitorModel.Shown> shown = view.model().shown();
        assertEquals(1, shown.size(), "the new live run is shown");
        assertTrue(shown.get(0).live(), "recorded through LiveRuns, not read from its files");
        assertEquals(folder.dir(), shown.get(0).folder().dir());
        assertTrue(view.redrawStatistics()[0] > redrawsBefore, "redrawn by the timer while it trained");
        view.refreshNow();
        LineChart loss = view.chart(MonitorView.LOSS);
        List<double[]> expected = Runs.column(folder, "loss");
        assertEquals(expected.size(), shown.get(0).series().steps());
        XYData data = loss.getData(id(folder, "loss"));
        assertNotNull(data);
        assertSame(shown.get(0).series().findMetric("loss"), data);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], data.x(i));
            assertEquals(expected.get(i)[1], data.y(i), "loss at step " + data.x(i));
        }
        List<double[]> acc = Runs.column(folder, "val_accuracy");
        XYData liveAcc = view.chart(MonitorView.EVALUATION).getData(id(folder, "val_accuracy"));
        assertNotNull(liveAcc);
        assertEquals(acc.size(), liveAcc.size());
        assertEquals(acc.get(acc.size() - 1)[1], liveAcc.y(liveAcc.size() - 1));
        assertTrue(shown.get(0).series().status().startsWith("done"), shown.get(0).series().status());
        int width = loss.getChart().getPlotArea().getSize().x;
        assertTrue(loss.getDrawnPoints(id(folder, "loss")) <= 2 * width + 2);
        Widgets.screenshot(WorkbenchViews.window().getShell(), "monitor-live.png");
    }

    @Test
    void aRunOf300000StepsIsDrawnWithAboutTwoPointsPerPixel() throws Exception {
        RunFolder folder = RunFolder.create(store.resolve("long-run"));
        int rows = 300_000;
        double[] loss = new double[rows];
        try (BufferedWriter w = Files.newBufferedWriter(folder.metricsFile(), StandardCharsets.UTF_8)) {
            w.write("step,epoch,loss,grad_norm,lr,wall_s,train_loss,val_loss,val_accuracy\n");
            java.util.Random r = new java.util.Random(5);
            for (int s = 1; s <= rows; s++) {
                loss[s - 1] = s == 200_000 ? 40 : 2 * Math.exp(-s / 60_000.0) + 0.02 * Math.abs(r.nextGaussian());
                w.write(s + ",0," + loss[s - 1] + ",1.0,0.001,0.0,,,\n");
            }
        }
        MonitorView view = WorkbenchViews.open(MonitorView.ID, MonitorView.class);
        view.show(List.of(folder));
        view.refreshNow();
        Widgets.spin(200);
        LineChart chart = view.chart(MonitorView.LOSS);
        XYData data = chart.getData(id(folder, "loss"));
        assertNotNull(data);
        assertEquals(rows, data.size());
        assertEquals(loss[rows - 1], data.y(rows - 1));
        int width = chart.getChart().getPlotArea().getSize().x;
        int drawn = chart.getDrawnPoints(id(folder, "loss"));
        assertTrue(drawn <= 2 * width + 2 && drawn >= width, drawn + " points drawn on " + width + " pixels");
        double[] y = chart.getDrawnY(id(folder, "loss"));
        assertEquals(40, Arrays.stream(y).max().orElseThrow(), "the spike at step 200000 is drawn");
        List<Double> xs = new ArrayList<>();
        for (double x : chart.getDrawnX(id(folder, "loss"))) {
            xs.add(x);
        }
        assertEquals(1.0, xs.get(0));
        assertEquals((double) rows, xs.get(xs.size() - 1));
        Widgets.screenshot(WorkbenchViews.window().getShell(), "monitor-300k-steps.png");
    }

    @Test
    void smoothsLikeTensorBoardAndDrawsAgainstStepEpochOrTime() throws Exception {
        MonitorView view = WorkbenchViews.open(MonitorView.ID, MonitorView.class);
        view.show(List.of(slow, fast));
        view.setXAxis(XAxis.STEP);
        view.setSmoothing(0.9);
        view.refreshNow();
        Widgets.spin(200);
        LineChart loss = view.chart(MonitorView.LOSS);
        List<double[]> raw = Runs.column(slow, "loss");
        double[] y = raw.stream().mapToDouble(p -> p[1]).toArray();
        double[] expected = Smoothing.of(y, 0.9);
        XYData smoothed = loss.getData(id(slow, "loss") + "|smoothed");
        assertNotNull(smoothed);
        assertEquals(y.length, smoothed.size());
        for (int i = 0; i < y.length; i++) {
            assertEquals(raw.get(i)[0], smoothed.x(i));
            assertEquals(expected[i], smoothed.y(i), 0, "smoothed loss at step " + raw.get(i)[0]);
        }
        // the raw curve stays, drawn faintly: its colour is the smoothed one's mixed with white
        RGB strong = loss.getChart().getSeriesSet().getSeries(id(slow, "loss") + "|smoothed") instanceof
                org.eclipse.swtchart.ILineSeries<?> l ? l.getLineColor().getRGB() : null;
        RGB faint = ((org.eclipse.swtchart.ILineSeries<?>) loss.getChart().getSeriesSet().getSeries(id(slow, "loss")))
                .getLineColor().getRGB();
        assertEquals(LineChart.runColor(slow.dir().getFileName().toString()), strong, "the run's own colour");
        assertTrue(faint.red + faint.green + faint.blue > strong.red + strong.green + strong.blue + 150, faint + " vs " + strong);
        assertDrawsColumn(loss, id(slow, "loss"), raw);
        List<String> readout = loss.readout(loss.getChart().getAxisSet().getXAxis(0).getPixelCoordinate(raw.get(40)[0]));
        assertTrue(readout.stream().anyMatch(l -> l.contains("adam-1e-3: ")), readout.toString());
        assertTrue(readout.stream().anyMatch(l -> l.contains("adam-1e-3 (raw): ")), readout.toString());
        Widgets.screenshot(WorkbenchViews.window().getShell(), "monitor-smoothing.png");

        view.setSmoothing(0);
        assertNull(loss.getData(id(slow, "loss") + "|smoothed"), "no smoothing, no smoothed curve");

        // epochs: 8 epochs of equal length, so a step's epoch is e + (step - first step of e) / steps per epoch
        view.setXAxis(XAxis.EPOCH);
        view.refreshNow();
        List<double[]> epochs = Runs.column(slow, "epoch");
        XYData onEpochs = loss.getData(id(slow, "loss"));
        assertNotNull(onEpochs);
        double perEpoch = y.length / 8.0;
        for (int i = 0; i < y.length; i++) {
            double e = epochs.get(i)[1];
            assertEquals(e + (i - e * perEpoch) / perEpoch, onEpochs.x(i), 1e-9, "epoch of row " + i);
        }
        assertEquals("epoch", loss.getXTitle());

        // relative time: metrics.csv's wall_s
        view.setXAxis(XAxis.RELATIVE_TIME);
        view.refreshNow();
        List<double[]> wall = Runs.column(slow, "wall_s");
        XYData onSeconds = loss.getData(id(slow, "loss"));
        for (int i = 0; i < y.length; i++) {
            assertEquals(wall.get(i)[1], onSeconds.x(i), 1e-9, "seconds of row " + i);
        }
        // wall time: the run's creation time plus wall_s, labelled as times of day
        view.setXAxis(XAxis.WALL_TIME);
        view.refreshNow();
        Widgets.spin(200);
        double created = slow.readRun().getCreated().getTime() / 1000.0;
        XYData onClock = loss.getData(id(slow, "loss"));
        assertEquals(created + wall.get(y.length - 1)[1], onClock.x(y.length - 1), 1e-3);
        for (String label : loss.getTickLabels(org.eclipse.swtchart.IAxis.Direction.X)) {
            assertTrue(label.matches("\\d\\d:\\d\\d:\\d\\d"), label);
        }
        view.setXAxis(XAxis.STEP);
        view.setSmoothing(0.6);
    }

    @Test
    void coloursRunsByAHyperparameter() throws Exception {
        MonitorView view = WorkbenchViews.open(MonitorView.ID, MonitorView.class);
        view.show(List.of(slow, fast));
        view.refreshNow();
        Widgets.spinUntil(() -> view.groupChoices().contains("optimizer.lr"), 10_000,
                () -> "optimizer.lr among the hyperparameters that differ: " + view.groupChoices());
        view.setGroupBy("optimizer.lr");
        view.refreshNow();
        Widgets.spin(200);
        LineChart loss = view.chart(MonitorView.LOSS);
        MonitorModel.Hyperparameters hp = view.model().hyperparameters();
        String slowGroup = "optimizer.lr = " + hp.value(slow.dir(), "optimizer.lr");
        String fastGroup = "optimizer.lr = " + hp.value(fast.dir(), "optimizer.lr");
        assertTrue(slowGroup.matches("optimizer.lr = (0.001|1e-3)"), slowGroup);
        assertEquals(List.of(slowGroup, fastGroup), loss.getLegendLabels());
        RGB group = ((org.eclipse.swtchart.ILineSeries<?>) loss.getChart().getSeriesSet()
                .getSeries(id(fast, "loss") + "|smoothed")).getLineColor().getRGB();
        assertEquals(LineChart.runColor(fastGroup), group);
        Widgets.screenshot(WorkbenchViews.window().getShell(), "monitor-grouped.png");
        view.setGroupBy("");
        assertEquals(List.of("adam-1e-3", "adam-1e-2"), loss.getLegendLabels().stream().map(l -> l.substring(7)).toList());
    }
}
