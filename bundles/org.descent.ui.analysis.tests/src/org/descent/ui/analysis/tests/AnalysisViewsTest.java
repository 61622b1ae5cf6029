package org.descent.ui.analysis.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.descent.core.AnalysisResult;
import org.descent.core.Contribution;
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
import org.descent.testing.ui.Widgets;
import org.descent.ui.analysis.StoredAnalysis;
import org.descent.ui.analysis.internal.AnalysisView;
import org.descent.ui.analysis.internal.RaceView;
import org.descent.ui.analysis.internal.ReportRenderer;
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
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < end, "timed out waiting: " + what);
            Widgets.spin(20);
        }
    }

    @Test
    void raceViewDrawsStartsWhereClickedAndSteps() throws Exception {
        RaceView race = view(RaceView.ID, RaceView.class);
        spinUntil(race::isUpToDate, 20000, "the first race");
        List<Heatmap.Polyline> lines = race.plot().drawn();
        assertEquals(List.of("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"),
                lines.stream().map(Heatmap.Polyline::label).toList(), "rosenbrock's line-up, none diverged");
        StoredAnalysis result = race.result().orElseThrow();
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
        Widgets.screenshot(shell(), "race-rosenbrock.png");

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
        assertEquals(race.form().values().get("x0"), Double.toString(race.plot().drawn().get(0).x()[0])
                .replaceAll("0+$", "").replaceAll("\\.$", ""), "the form shows the start");

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
    void analysisViewRunsStoresAndRendersRealAnalyses() throws Exception {
        AnalysisView v = view(AnalysisView.ID, AnalysisView.class);
        v.setRun(run);
        assertTrue(v.runAnalyses().stream().anyMatch(c -> c.id().equals("hessian")));
        assertTrue(v.runAnalyses().stream().noneMatch(c -> c.id().equals("race") || c.id().equals("wasserstein")),
                "analyses of a run only");

        StoredAnalysis hessian = runAndShow(v, "hessian", Map.of("k", "2"));
        AnalysisResult.Table ev = hessian.table("eigenvalues");
        Chart chart = Widgets.findAll(v.canvas(), Chart.class).get(0);
        ISeries<?> points = chart.getSeriesSet().getSeries("eigenvalues");
        assertEquals(ev.rows().size(), points.getYSeries().length, "one point per eigenvalue");
        assertEquals(ev.column("eigenvalue")[0], points.getYSeries()[0], 0);
        assertEquals("rank", chart.getAxisSet().getXAxis(0).getTitle().getText());
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-hessian.png");

        StoredAnalysis landscape = runAndShow(v, "landscape", Map.of("resolution", "15", "directions", "pca"));
        Heatmap h = Widgets.findAll(v.canvas(), Heatmap.class).get(0);
        assertEquals(15 * 15, landscape.table("surface").rows().size());
        assertEquals(landscape.table("trajectory").rows().size(), h.getOverlays().get(0).x().length,
                "every checkpoint's projection overlaid");
        assertTrue(h.getValueRange()[1] > h.getValueRange()[0] && h.getContourSegments() > 0);
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-landscape.png");

        StoredAnalysis pca = runAndShow(v, "pca", Map.of("of", "trajectory", "k", "2"));
        Chart scatter = Widgets.findAll(v.canvas(), Chart.class).get(0);
        assertEquals(pca.table("projections").rows().size(),
                scatter.getSeriesSet().getSeries("points").getXSeries().length, "one point per checkpoint");
        Widgets.spin(200);
        Widgets.screenshot(shell(), "analysis-pca.png");

        assertEquals(3, v.storedAnalyses().size(), "three results stored in the run's analyses/ folder");
        assertInstanceOf(ReportRenderer.class, new Renderers().rendererFor("no-such-analysis"));
        Composite fallback = new Composite(v.canvas(), SWT.NONE);
        fallback.setLayout(new org.eclipse.swt.layout.FillLayout());
        new ReportRenderer().render(fallback, hessian);
        CTabFolder tabs = Widgets.findAll(fallback, CTabFolder.class).get(0);
        assertEquals(1 + hessian.tableNames().size(), tabs.getItemCount(), "the report and one tab per table");
        fallback.dispose();
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
