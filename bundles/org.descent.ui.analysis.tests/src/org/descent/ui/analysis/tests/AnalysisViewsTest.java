package org.descent.ui.analysis.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.descent.core.AnalysisResult;
import org.descent.core.Contribution;
import org.descent.core.Precision;
import org.descent.core.RunStatus;
import org.descent.experiment.Components;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.testing.Contributions;
import org.descent.testing.ui.ScreenFit;
import org.descent.core.ExtensionPoints;
import org.descent.core.PluginFault;
import org.descent.testing.BrokenBundle;
import org.descent.testing.broken.ThrowingAnalysis;
import org.descent.ui.analysis.internal.RunAnalysis;
import org.descent.testing.ui.Widgets;
import org.descent.ui.analysis.StoredAnalysis;
import org.descent.core.MixedPrecisionPolicy.LossScaling;
import org.descent.ui.analysis.internal.AnalysisView;
import org.descent.ui.analysis.internal.Grid;
import org.descent.ui.analysis.internal.ProbesFile;
import org.descent.ui.analysis.internal.RaceView;
import org.descent.ui.analysis.internal.ReportRenderer;
import org.descent.ui.analysis.internal.RunAnalysisDialog;
import org.descent.ui.forms.HyperparameterForm;
import org.descent.ui.analysis.internal.Renderers;
import org.descent.ui.charts.Heatmap;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The race view and the analysis view with real races, a real training run and real analyses. */
class AnalysisViewsTest {

    private static Path store;
    private static RunFolder run;
    private static RunFolder digits;
    private static RunFolder mixed;

    /** 002's maximum likelihood fit as an experiment: N(μ, σ²) to the bimodal data, gd, checkpoints every 50 steps. */
    @BeforeAll
    static void train() throws Exception {
        store = Files.createTempDirectory("descent-ui-analysis");
        System.setProperty("descent.runs", store.toString());
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName("mle");
        e.setDataset(Components.of("bimodal"));
        e.setModel(Components.of("gaussian:mu=1,sigma=1"));
        e.setLoss(Components.of("gaussian-nll"));
        e.setOptimizer(Components.of("gd:lr=0.05"));
        e.setSteps(300);
        e.setSeed(1);
        e.setCheckpointEvery(50);
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, Contributions.registry(), null);
        run = RunStore.standard().newRun("mle");
        TrainingResult r = new Trainer().train(plan, run, new NullProgressMonitor());
        assertEquals(RunStatus.DONE, r.status(), r.message());

        Experiment d = digits(Precision.FP64);
        d.getProbes().add(Components.of("dynamics:interval=10"));
        d.setSteps(100);
        digits = RunStore.standard().newRun("digits-dynamics");
        TrainingResult rd = new Trainer().train(ResolvedExperiment.resolve(d, Contributions.registry(), null), digits,
                new NullProgressMonitor());
        assertEquals(RunStatus.DONE, rd.status(), rd.message());

        Experiment m = digits(Precision.MIXED_FP16);
        m.setEpochs(2);
        mixed = RunStore.standard().newRun("digits-mixed-fp16");
        TrainingResult rm = new Trainer().lossScaling(LossScaling.dynamic(1e9))
                .train(ResolvedExperiment.resolve(m, Contributions.registry(), null), mixed, new NullProgressMonitor());
        assertEquals(RunStatus.DONE, rm.status(), rm.message());
    }

    /** An MLP on the digits with Adam, minibatches of 64, a checkpoint every 20 steps. */
    private static Experiment digits(Precision precision) {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName("digits");
        e.setDataset(Components.of("digits"));
        e.setModel(Components.of("mlp:hidden=32"));
        e.setLoss(Components.of("cross-entropy"));
        e.setOptimizer(Components.of("adam:lr=3e-3"));
        e.setBatchSize(64);
        e.setSeed(3);
        e.setCheckpointEvery(20);
        e.setPrecision(precision);
        return e;
    }

    @AfterAll
    static void noStore() {
        System.clearProperty("descent.runs");
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** The e4 view object behind a view id. */
    private static <T> T view(String id, Class<T> type) throws Exception {
        IViewPart part = page().showView(id);
        page().setPartState(page().findViewReference(id), IWorkbenchPage.STATE_MAXIMIZED);
        MPart model = part.getSite().getService(MPart.class);
        return assertInstanceOf(type, model.getObject());
    }

    private static void spinUntil(BooleanSupplier condition, long timeoutMs, String what) {
        Widgets.spinUntil(condition, timeoutMs, what);
    }

    @Test
    void raceViewDrawsStartsWhereClickedAndSteps() throws Exception {
        RaceView race = view(RaceView.ID, RaceView.class);
        spinUntil(race::isUpToDate, 20000, "the first race");
        List<Heatmap.Polyline> lines = race.plot().drawn();
        StoredAnalysis result = race.result().orElseThrow();
        AnalysisResult.Table summary = result.table("summary");
        List<String> ids = List.of("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(ids.get(i) + String.format(java.util.Locale.ROOT, "  f = %.3g", summary.column("final_f")[i]),
                    lines.get(i).label(), "rosenbrock's line-up, none diverged, the final value in the legend");
        }
        for (Heatmap.Polyline l : lines) {
            assertEquals(1001, l.x().length, l.label() + ": the start and 1000 steps");
            assertEquals(-1.2, l.x()[0], 0);
            assertEquals(1, l.y()[0], 0);
        }
        AnalysisResult.Table adam = result.table("trajectory-adam");
        assertEquals(adam.column("x")[1000], lines.get(5).x()[1000], 0, "adam's last point drawn is the table's");
        Heatmap h = race.plot().heatmap();
        assertTrue(h.isLogColors(), "Rosenbrock's valley in log colours");
        assertTrue(h.getContourSegments() > 100, "contour lines drawn: " + h.getContourSegments());
        Widgets.spin(200);
        ScreenFit.atBothSizes(shell(), "race-rosenbrock",
                size -> assertEquals(List.of(), ScreenFit.cutLabels(h.getParent()), "the race's labels at " + size));

        Point p = h.toControl(0.5, 2.5);
        Event click = new Event();
        click.button = 1;
        click.x = p.x;
        click.y = p.y;
        h.notifyListeners(SWT.MouseDown, click);
        spinUntil(race::isUpToDate, 20000, "the race from the clicked point");
        for (Heatmap.Polyline l : race.plot().drawn()) {
            assertEquals(0.5, l.x()[0], 0.03, l.label() + " starts at the clicked x");
            assertEquals(2.5, l.y()[0], 0.03, l.label() + " starts at the clicked y");
        }
        assertEquals(Double.parseDouble(race.form().values().get("x0")), race.plot().drawn().get(0).x()[0], 0,
                "the form shows the start");
        assertEquals(Double.parseDouble(race.form().values().get("y0")), race.plot().drawn().get(0).y()[0], 0);

        race.setPlaying(true);
        spinUntil(() -> race.plot().shown() > 0, 10_000, "the animation advances");
        int playing = race.plot().shown();
        assertTrue(playing < race.plot().longest(), "one frame does not jump to the end: step " + playing);
        spinUntil(() -> race.plot().shown() > playing, 10_000, "the animation goes on");
        race.setPlaying(false);
        int paused = race.plot().shown();
        // a tick already pending fires before this later timer; paused, it must not advance
        boolean[] pendingTickFired = { false };
        shell().getDisplay().timerExec(200, () -> pendingTickFired[0] = true);
        spinUntil(() -> pendingTickFired[0], 10_000, "the pending tick had its turn");
        assertEquals(paused, race.plot().shown(), "paused");

        race.setShown(25);
        for (Heatmap.Polyline l : race.plot().drawn()) {
            assertEquals(26, l.x().length, l.label() + ": drawn up to step 25");
        }
        Widgets.spin(100);
        Widgets.screenshot(shell(), "race-step.png");

        race.form().setValues(Map.of("problem", "mle", "steps", "300"));
        race.compute();
        spinUntil(race::isUpToDate, 20000, "the MLE race");
        StoredAnalysis mle = race.result().orElseThrow();
        assertEquals("mle", mle.string("problem", ""));
        assertEquals(6, race.plot().drawn().size());
        assertEquals(301, race.plot().drawn().get(0).x().length, "a new race is drawn whole");
        Widgets.spin(200);
        Widgets.screenshot(shell(), "race-mle.png");
        Path csv = store.resolve("race.csv");
        race.writeTrajectories(csv);
        assertEquals(1 + 6 * 301, Files.readAllLines(csv).size(), "header and every drawn point");
    }

    @Test
    void anAnalysisThatThrowsIsNamedWithItsBundle() throws Exception {
        try (BrokenBundle broken = BrokenBundle.install()) {
            Contribution c = Contributions.registry().find(ExtensionPoints.ANALYSES, BrokenBundle.ANALYSIS).orElseThrow();
            PluginFault fault = assertThrows(PluginFault.class,
                    () -> RunAnalysis.run(Contributions.registry(), c, Map.of(), run, new NullProgressMonitor()));
            assertEquals("analysis 'broken-analysis' (org.example.broken) failed in analyze: ArithmeticException: "
                    + ThrowingAnalysis.MESSAGE, fault.getMessage());
            assertInstanceOf(ArithmeticException.class, fault.getCause(), "the plugin's exception is the cause");
        }
    }

    @Test
    void analysisViewRunsStoresAndRendersRealAnalyses() throws Exception {
        AnalysisView v = view(AnalysisView.ID, AnalysisView.class);
        v.setRun(run);
        assertTrue(v.runAnalyses().stream().anyMatch(c -> c.id().equals("hessian")));
        assertTrue(v.runAnalyses().stream().noneMatch(c -> c.id().equals("race") || c.id().equals("wasserstein")),
                "analyses of a run only");

        RunAnalysisDialog dialog = new RunAnalysisDialog(shell(), v.runAnalyses(), "mle");
        dialog.setBlockOnOpen(false);
        dialog.open();
        int hessianIndex = v.runAnalyses().stream().map(Contribution::id).toList().indexOf("hessian");
        dialog.select(hessianIndex);
        HyperparameterForm form = dialog.form();
        assertTrue(form != null && form.declarations().stream().anyMatch(h -> h.name().equals("k")),
                "the form is generated from hessian's declarations");
        ((org.eclipse.swt.widgets.Text) form.control("k")).setText("-3");
        dialog.getShell().getDisplay().setCursorLocation(0, 0);
        Widgets.spinUntil(() -> !form.isValid(), 10_000, "k = -3 is refused");
        Widgets.screenshot(dialog.getShell(), "analysis-run-dialog.png");
        ((org.eclipse.swt.widgets.Text) form.control("k")).setText("2");
        Widgets.spinUntil(form::isValid, 10_000, "k = 2 is taken");
        dialog.getShell().getDefaultButton().notifyListeners(SWT.Selection, new Event());
        assertEquals("hessian", dialog.chosen().id());
        assertEquals("2", dialog.values().get("k"));

        StoredAnalysis hessian = runAndShow(v, "hessian", dialog.values());
        Chart chart = Widgets.findAll(v.canvas(), Chart.class).get(0);
        ISeries<?> top = chart.getSeriesSet().getSeries("top");
        List<?> expected = (List<?>) hessian.values().get("top");
        assertEquals(expected.size(), top.getYSeries().length, "one marker per computed eigenvalue");
        assertEquals(((Number) expected.get(0)).doubleValue(), top.getYSeries()[0], 0);
        assertEquals(null, chart.getSeriesSet().getSeries("bottom"), "two parameters: the whole spectrum, drawn once");
        assertEquals("index in the spectrum (1 = largest)", chart.getAxisSet().getXAxis(0).getTitle().getText());
        assertEquals(1, java.util.Arrays.stream(chart.getSeriesSet().getSeries()).filter(ISeries::isVisibleInLegend).count(),
                "the stems and their markers share one legend entry");
        java.text.Format xFormat = chart.getAxisSet().getXAxis(0).getTick().getFormat();
        for (double x : chart.getAxisSet().getXAxis(0).getTick().getTickLabelValues()) {
            String label = xFormat.format(x);
            assertTrue(x == Math.rint(x) && label.matches("\\d+"), "an index axis has whole ticks: " + label);
        }
        Widgets.spin(200);
        ScreenFit.atBothSizes(shell(), "analysis-hessian", size -> {
            Chart c = Widgets.findAll(v.canvas(), Chart.class).get(0);
            for (org.eclipse.swtchart.IAxis axis : c.getAxisSet().getAxes()) {
                int labels = axis.getTick().getTickLabelValues().length;
                assertTrue(labels >= 2 && labels <= 8, axis.getDirection() + " ticks at " + size + ": " + labels);
            }
        });

        assertEquals(1, v.storedAnalyses().size());

        v.setRun(digits);
        StoredAnalysis landscape = runAndShow(v, "landscape", Map.of("resolution", "21"));
        Heatmap h = Widgets.findAll(v.canvas(), Heatmap.class).get(0);
        assertEquals(21 * 21, landscape.table("surface").rows().size());
        assertEquals(landscape.table("trajectory").rows().size(), h.getOverlays().get(0).x().length,
                "every checkpoint's projection overlaid");
        assertTrue(h.getValueRange()[1] > h.getValueRange()[0] && h.getContourSegments() > 0);
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-landscape.png");

        StoredAnalysis pca = runAndShow(v, "pca", Map.of("of", "data", "k", "2", "limit", "600"));
        Chart scatter = Widgets.findAll(v.canvas(), Chart.class).get(0);
        int drawn = 0;
        for (ISeries<?> series : scatter.getSeriesSet().getSeries()) {
            drawn += series.getXSeries().length;
        }
        assertEquals(10, scatter.getSeriesSet().getSeries().length, "one colour per digit");
        assertEquals(pca.table("projections").rows().size(), drawn, "one point per row");
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-pca.png");

        StoredAnalysis density = runAndShow(v, "hessian-density", Map.of("probes", "2", "steps", "20"));
        ISeries<?> curve = Widgets.findAll(v.canvas(), Chart.class).get(0).getSeriesSet().getSeries("density");
        double[] d = density.table("density").column("density");
        assertEquals(java.util.Arrays.stream(d).max().orElseThrow(),
                java.util.Arrays.stream(curve.getYSeries()).max().orElseThrow(), 0, "the peak is drawn");
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-density.png");

        StoredAnalysis gradients = runAndShow(v, "gradients", Map.of("repeats", "1"));
        List<?> blocks = (List<?>) gradients.values().get("blocks");
        ISeries<?> ms = Widgets.findAll(v.canvas(), Chart.class).get(0).getSeriesSet().getSeries("mean_of_squares");
        assertEquals(blocks.size(), ms.getYSeries().length, "one bar per block");
        assertEquals(((Number) ((Map<?, ?>) blocks.get(0)).get("mean_of_squares")).doubleValue(), ms.getYSeries()[0], 0);
        assertEquals(blocks.size(), Widgets.findAll(v.canvas(), org.eclipse.swt.widgets.Table.class).get(0).getItemCount());
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-gradients.png");

        assertEquals(List.of(AnalysisView.HISTOGRAMS), v.probeItems(), "the dynamics probe's histograms");
        v.showProbes(AnalysisView.HISTOGRAMS);
        List<Heatmap> maps = Widgets.findAll(v.canvas(), Heatmap.class);
        assertEquals(2, maps.size(), "activations and gradients");
        ProbesFile probes = ProbesFile.read(digits.probesFile());
        Grid act = probes.histogram("act_hist", probes.parts("act_hist").get(0));
        assertEquals(10, act.x().length, "100 steps sampled every 10");
        assertEquals(act.max(), maps.get(0).getValueRange()[1], 0, "the largest fraction is the top of the colour scale");
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-histograms.png");

        v.setRun(mixed);
        assertEquals(List.of(AnalysisView.PRECISION), v.probeItems());
        StoredAnalysis precision = runAndShow(v, "precision", Map.of("format", "fp16"));
        Chart under = Widgets.findAll(v.canvas(), Chart.class).get(0);
        AnalysisResult.Table fp16 = precision.table("fp16");
        assertEquals(fp16.column("underflow_fraction")[0], under.getSeriesSet().getSeries("scale-0").getYSeries()[0], 0);
        CTabFolder precisionTabs = Widgets.findAll(v.canvas(), CTabFolder.class).get(0);
        assertEquals("Run: loss scale", precisionTabs.getItem(1).getText(), "the run's own loss scale beside it");
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-precision.png");
        v.showProbes(AnalysisView.PRECISION);
        Chart scale = Widgets.findAll(v.canvas(), Chart.class).get(0);
        long skipped = java.util.Arrays.stream(probes(mixed, "skipped_step")).filter(x -> x == 1).count();
        assertTrue(skipped >= 10, "backing off from 1e9 skips steps: " + skipped);
        assertEquals(skipped, scale.getSeriesSet().getSeries("skipped").getXSeries().length, "every skipped step marked");
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-loss-scale.png");

        v.setRun(run);
        Path a = store.resolve("a.csv");
        Path b = store.resolve("b.csv");
        StringBuilder pa = new StringBuilder("x,y\n");
        StringBuilder pb = new StringBuilder("x,y\n");
        for (int i = 0; i < 12; i++) {
            pa.append(Math.cos(i * Math.PI / 6)).append(',').append(Math.sin(i * Math.PI / 6)).append('\n');
            pb.append(2 + 0.5 * Math.cos(i * Math.PI / 6 + 0.3)).append(',').append(0.5 * Math.sin(i * 0.5)).append('\n');
        }
        Files.writeString(a, pa);
        Files.writeString(b, pb);
        StoredAnalysis w = storeAndShow(v, "wasserstein", Map.of("a", a, "b", b));
        Heatmap plan = Widgets.findAll(v.canvas(), Heatmap.class).get(0);
        assertEquals(java.util.Arrays.stream(w.table("plan").column("mass")).max().orElseThrow(), plan.getValueRange()[1],
                1e-15, "the largest transported mass tops the colour scale");
        assertEquals(0, plan.getMissingCells());
        org.eclipse.swt.widgets.Table distances = Widgets.findAll(v.canvas(), org.eclipse.swt.widgets.Table.class).get(0);
        assertEquals("distance", distances.getItem(3).getText(0));
        assertEquals(w.number("distance"), Double.parseDouble(distances.getItem(3).getText(1)), 1e-6 * w.number("distance"));
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-wasserstein.png");

        Path p = store.resolve("p.csv");
        Path q = store.resolve("q.csv");
        Files.writeString(p, "0.1\n0.2\n0.3\n0.4\n");
        Files.writeString(q, "0.25\n0.25\n0.25\n0.25\n");
        StoredAnalysis info = storeAndShow(v, "information", Map.of("a", p, "b", q));
        ISeries<?> pa2 = Widgets.findAll(v.canvas(), Chart.class).get(0).getSeriesSet().getSeries("a");
        assertEquals(0.4, pa2.getYSeries()[3], 1e-15);
        assertEquals(7, Widgets.findAll(v.canvas(), org.eclipse.swt.widgets.Table.class).get(0).getItemCount(),
                "entropies, cross-entropy, both KL and JS");
        assertTrue(info.number("kl_ab") > 0);
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-information.png");
        assertEquals(3, v.storedAnalyses().size(), "hessian, wasserstein and information stored with the run");
        assertInstanceOf(ReportRenderer.class, new Renderers().rendererFor("no-such-analysis"));
        Composite fallback = new Composite(v.canvas(), SWT.NONE);
        fallback.setLayout(new org.eclipse.swt.layout.FillLayout());
        new ReportRenderer().render(fallback, hessian);
        CTabFolder tabs = Widgets.findAll(fallback, CTabFolder.class).get(0);
        assertEquals(1 + hessian.tableNames().size(), tabs.getItemCount(), "the report and one tab per table");
        fallback.dispose();
    }

    /** A sample analysis as descent analyze ID --a A --b B --out RUN/analyses/... stores it, then shown. */
    private static StoredAnalysis storeAndShow(AnalysisView v, String id, Map<String, Path> files) throws Exception {
        AnalysisResult r = Contributions.create("analyses", id, Map.of(), org.descent.core.Analysis.class)
                .analyze(new org.descent.core.AnalysisInput(java.util.Optional.empty(), files), new NullProgressMonitor());
        Path saved = run.writeAnalysis(r);
        v.refreshRuns();
        v.show(saved);
        assertEquals(id, v.shown().orElseThrow().analysis());
        return v.shown().get();
    }

    private static double[] probes(RunFolder f, String name) throws Exception {
        return ProbesFile.read(f.probesFile()).series().get(name).values();
    }

    private static StoredAnalysis runAndShow(AnalysisView v, String id, Map<String, String> options) throws Exception {
        Contribution c = v.runAnalyses().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        int before = v.storedAnalyses().size();
        Job job = v.runAnalysis(c, options);
        job.join(60000, null);
        assertTrue(job.getResult() != null && job.getResult().isOK(), id + ": " + job.getResult());
        spinUntil(() -> v.storedAnalyses().size() == before + 1 && v.shown().isPresent()
                && v.shown().get().analysis().equals(id), 10000, id + " stored and shown");
        return v.shown().get();
    }
}
