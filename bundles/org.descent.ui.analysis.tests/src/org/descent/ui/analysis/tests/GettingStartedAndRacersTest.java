package org.descent.ui.analysis.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.core.RunStatus;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.testing.ui.Widgets;
import org.descent.ui.analysis.StoredAnalysis;
import org.descent.ui.analysis.internal.AnalysisView;
import org.descent.ui.analysis.internal.RaceView;
import org.descent.ui.analysis.internal.RacerList;
import org.descent.ui.charts.Heatmap;
import org.descent.ui.internal.DescentPreferences;
import org.descent.ui.internal.GettingStartedView;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The optimizer race's racers picked from the installed optimizers, each with its generated form,
 * and Help &gt; Getting Started's last example: the MLE trained, then its Hessian computed and shown
 * in the Analysis view, in one click.
 */
class GettingStartedAndRacersTest {

    private static final long TIMEOUT_MS = 120_000;
    private static Path store;
    private static Path experiments;

    @BeforeAll
    static void folders() throws Exception {
        store = Files.createTempDirectory("descent-getting-started-runs");
        experiments = Files.createTempDirectory("descent-getting-started-experiments");
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).put(DescentPreferences.RUN_STORE, store.toString());
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).put(DescentPreferences.EXPERIMENTS,
                experiments.toString());
    }

    @AfterAll
    static void reset() {
        page().closeAllEditors(false);
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).remove(DescentPreferences.RUN_STORE);
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).remove(DescentPreferences.EXPERIMENTS);
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static <T> T view(String id, Class<T> type) throws Exception {
        IViewPart part = page().showView(id);
        MPart model = part.getSite().getService(MPart.class);
        return assertInstanceOf(type, model.getObject());
    }

    @Test
    void theCheckedRacersWithTheirFormsMakeTheLineUp() throws Exception {
        RaceView race = view(RaceView.ID, RaceView.class);
        Widgets.spinUntil(race::isUpToDate, TIMEOUT_MS, "the first race");
        RacerList racers = race.racers();
        assertTrue(racers.ids().containsAll(List.of("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw")),
                "every installed optimizer is listed: " + racers.ids());
        assertTrue(race.form().declarations().stream().noneMatch(h -> h.name().equals(RacerList.OPTION)),
                "the line-up is not typed in the command line's syntax any more");
        racers.setChecked("gd", true);
        racers.setChecked("adam", true);
        racers.form("gd").orElseThrow().setValues(Map.of("lr", "0.0005"));
        assertEquals("adam;gd:lr=0.0005", race.options().get(RacerList.OPTION), "in the list's order");
        race.compute();
        Widgets.spinUntil(race::isUpToDate, TIMEOUT_MS, "the race of the checked racers");
        List<Heatmap.Polyline> lines = race.plot().drawn();
        assertEquals(2, lines.size(), "adam and gd");
        assertTrue(lines.get(0).label().startsWith("adam") && lines.get(1).label().startsWith("gd"),
                lines.get(0).label() + ", " + lines.get(1).label());
        // Rosenbrock from (-1.2, 1): the gradient is (-215.6, -88), so one step of gd with lr 0.0005
        // lands at (-1.2 + 0.1078, 1 + 0.044)
        Widgets.screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "race-racers.png");
        // the state is drawn: GTK fills a checked box with the theme's blue (a white tick on it),
        // where an unchecked box (or one whose background the theme overrode) shows at most a blue ring
        int checked = bluePixels(indicator(racers.check("adam")));
        int unchecked = bluePixels(indicator(racers.check("adagrad")));
        assertTrue(checked > 120 && unchecked < 10, "blue pixels in the check box: checked " + checked
                + ", unchecked " + unchecked);
        assertEquals(-1.0922, lines.get(1).x()[1], 1e-12);
        assertEquals(1.044, lines.get(1).y()[1], 1e-12);

        racers.form("gd").orElseThrow().setValues(Map.of("lr", "-1"));
        assertTrue(racers.problem() != null && racers.problem().startsWith("gd: ") && racers.problem().contains("lr"),
                String.valueOf(racers.problem()));
        racers.setChecked("gd", false);
        racers.setChecked("adam", false);
        assertEquals(null, race.options().get(RacerList.OPTION), "none checked: the problem's own line-up");
        race.compute();
        Widgets.spinUntil(race::isUpToDate, TIMEOUT_MS, "the race of the problem's line-up");
        assertEquals(6, race.plot().drawn().size(), race.plot().drawn().stream().map(Heatmap.Polyline::label).toList()
                .toString());
    }

    /** The square at the left of a check box, where GTK draws its indicator. */
    private static ImageData indicator(Button b) {
        int side = b.getSize().y;
        Image image = new Image(b.getDisplay(), side, side);
        GC gc = new GC(b);
        try {
            gc.copyArea(image, 0, 0);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Pixels clearly blue (blue well above red and green): the check box's fill. */
    private static int bluePixels(ImageData image) {
        int n = 0;
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                org.eclipse.swt.graphics.RGB c = image.palette.getRGB(image.getPixel(x, y));
                if (c.blue > 150 && c.blue - c.red > 80 && c.blue - c.green > 30) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void gettingStartedTrainsTheMleAndShowsItsHessian() throws Exception {
        IHandlerService handlers = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
        handlers.executeCommand("org.descent.ui.commands.gettingStarted", null);
        GettingStartedView start = assertInstanceOf(GettingStartedView.class, page().findView(GettingStartedView.ID));
        start.start(3);
        AnalysisView analysis = view(AnalysisView.ID, AnalysisView.class);
        Widgets.spinUntil(() -> analysis.shown().filter(s -> s.analysis().equals("hessian")).isPresent(), TIMEOUT_MS,
                () -> "the Hessian shown in the Analysis view; Getting Started says: " + start.status(3));
        List<RunFolder> runs = new RunStore(store).runs();
        assertEquals(1, runs.size());
        assertEquals(RunStatus.DONE, runs.get(0).readRun().getStatus());
        double sigma = runs.get(0).latestCheckpoint().orElseThrow().parameters()[1];
        StoredAnalysis hessian = analysis.shown().orElseThrow();
        List<?> top = (List<?>) hessian.values().get("top");
        // at the maximum-likelihood estimate of N(mu, sigma^2) the Hessian of the mean NLL is diag(1/s^2, 2/s^2)
        assertEquals(2 / (sigma * sigma), ((Number) top.get(0)).doubleValue(), 2e-3 * 2 / (sigma * sigma));
        assertEquals(1 / (sigma * sigma), ((Number) top.get(1)).doubleValue(), 2e-3 / (sigma * sigma));
        Widgets.screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "getting-started-hessian.png");
    }
}
