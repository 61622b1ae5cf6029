package org.descent.ui.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.descent.core.RunStatus;
import org.descent.experiment.Components;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.testing.Contributions;
import org.descent.testing.ui.ScreenFit;
import org.descent.testing.ui.Widgets;
import org.descent.testing.ui.WorkbenchViews;
import org.descent.ui.charts.LineChart;
import org.descent.ui.profiler.internal.JvmView;
import org.descent.ui.profiler.jvm.JvmActivity;
import org.descent.ui.profiler.jvm.JvmActivity.ThreadActivity;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The JVM Threads view recording this JVM while two threads fight over a monitor. */
class JvmViewTest {

    @Test
    void namesTheThreadThatTrainsARunStartedInThisJvm(@TempDir Path tmp) throws Exception {
        JvmView view = WorkbenchViews.open(JvmView.ID, JvmView.class);
        LiveRuns liveRuns = service(LiveRuns.class);
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName("jvm view test");
        e.setDataset(Components.of("bimodal"));
        e.setModel(Components.of("gaussian"));
        e.setLoss(Components.of("gaussian-nll"));
        e.setOptimizer(Components.of("adam"));
        e.setSteps(100_000_000L);
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, Contributions.registry(), null);
        RunFolder folder = RunFolder.create(tmp.resolve("bimodal-run"));
        NullProgressMonitor monitor = new NullProgressMonitor();
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        view.start();
        try {
            Thread trainer = new Thread(() -> {
                try {
                    result.set(new Trainer().listener(liveRuns.announce(folder)).train(plan, folder, monitor));
                } catch (Exception x) {
                    failure.set(x);
                }
            }, "jvm-view-trainer");
            trainer.start();
            // until the view shows the thread training and mostly runnable, however long that takes here
            Widgets.spinUntil(() -> view.shown().thread("jvm-view-trainer")
                    .filter(t -> t.training().matches("bimodal-run at step \\d+") && t.runnable() > 0.5).isPresent(),
                    120_000, () -> "the view to show jvm-view-trainer training: " + view.shown().threads());
            monitor.setCanceled(true);
            Widgets.spinUntil(() -> !trainer.isAlive(), 60_000, () -> "the cancelled run to end");
            JvmActivity ended = view.shown();
            Widgets.spinUntil(() -> view.shown() != ended, 30_000, () -> "a redraw after the run ended");
            Widgets.screenshot(WorkbenchViews.window().getShell(), "jvm-training.png");
        } finally {
            view.stop();
        }
        assertEquals(null, failure.get());
        assertEquals(RunStatus.CANCELLED, result.get().status(), result.get().message());
        ThreadActivity t = view.shown().thread("jvm-view-trainer").orElseThrow();
        assertTrue(t.training().matches("bimodal-run at step \\d+"), t.training());
        assertTrue(t.runnable() > 0.5, "the training thread ran: " + t);
        assertTrue(t.monitors().stream().noneMatch(m -> m.name().startsWith("org.descent.ui.profiler")),
                "the recorder made training wait: " + t.monitors());
        Table table = Views.table("Training");
        assertEquals("jvm-view-trainer", Views.column(table, "Thread").get(0), "training threads come first");
        assertEquals(t.training(), Views.column(table, "Training").get(0));
        assertTrue(view.shown().summary().contains("trained: " + t.training() + " on jvm-view-trainer"),
                view.shown().summary());
    }

    private static <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(JvmViewTest.class).getBundleContext(),
                type, null);
        tracker.open();
        S s = tracker.waitForService(20_000);
        assertNotNull(s, "no " + type.getName() + " service");
        return s;
    }

    @Test
    void showsTheContendedThreadsBlockedOnTheirMonitorAndTheAllocationRate(@TempDir Path tmp) throws Exception {
        JvmView view = WorkbenchViews.open(JvmView.ID, JvmView.class);
        Button start = Views.button("Start recording");
        assertFalse(view.recording(), "the view records before it is started");
        Views.click(start);
        assertTrue(view.recording());
        assertEquals("Stop recording", start.getText());

        Contention contention = new Contention().start("jvm-view-contender", 2);
        Table table = Views.table("Waits most at");
        List<JvmActivity> drawn = new ArrayList<>(List.of(view.shown()));
        try {
            // until the view has redrawn a few times and shows both contenders blocked, however long that takes here
            Widgets.spinUntil(() -> {
                if (view.shown() != drawn.get(drawn.size() - 1)) {
                    drawn.add(view.shown());
                }
                return drawn.size() > 4 && Stream.of("jvm-view-contender-1", "jvm-view-contender-2")
                        .allMatch(name -> view.shown().thread(name).filter(t -> t.blocked() > 0.05 && t.blockedCount() > 0
                                && !t.topWait().isEmpty()).isPresent())
                        && view.shown().allocationRate() > 1 && view.charts().get(0).getDrawnPoints("alloc") > 3
                        && view.charts().get(1).getDrawnPoints("jvm") > 1;
            }, 120_000, () -> "the view to redraw 4 times and show the contention: " + (drawn.size() - 1)
                    + " redraws, " + view.shown().summary());
        } finally {
            contention.stop();
        }
        ScreenFit.atBothSizes(WorkbenchViews.window().getShell(), "jvm-threads",
                size -> assertEquals(List.of(), ScreenFit.cutColumns(table), "the threads table at " + size));
        Views.click(start);
        assertFalse(view.recording());
        assertEquals("Start recording", start.getText());

        JvmActivity shown = view.shown();
        List<String> names = Views.column(table, "Thread");
        for (String name : List.of("jvm-view-contender-1", "jvm-view-contender-2")) {
            ThreadActivity t = shown.thread(name).orElseThrow(() -> new AssertionError("no row for " + name));
            assertTrue(t.blocked() > 0.05 && t.blockedCount() > 0, t.toString());
            TableItem row = table.getItem(names.indexOf(name));
            int blockedColumn = Views.headers(table).indexOf("Blocked %");
            assertTrue(Integer.parseInt(row.getText(blockedColumn)) > 0, row.getText(blockedColumn));
            assertEquals("monitor Contention$SharedCounter", row.getText(Views.headers(table).indexOf("Waits most at")));
            assertEquals("monitor " + Contention.SharedCounter.class.getName(), t.topWait());
            assertTrue(row.getText(Views.headers(table).indexOf("Blocked n / s")).matches("\\d+ / \\d+\\.\\d\\d s"),
                    row.getText(Views.headers(table).indexOf("Blocked n / s")));
        }
        assertTrue(shown.allocationRate() > 1, shown.summary());
        String summary = Widgets.findAll(WorkbenchViews.window().getShell(), Label.class).stream().map(Label::getText)
                .filter(s -> s.startsWith("Recorded: ")).findFirst().orElseThrow();
        assertTrue(summary.matches("Recorded: .* allocation \\d+\\.\\d MB/s .*"), summary);

        List<LineChart> charts = view.charts();
        assertEquals(List.of("MB/s", "% of all cores", "pause (ms)"), charts.stream().map(LineChart::getYTitle).toList());
        assertTrue(charts.get(0).getDrawnPoints("alloc") > 3, "allocation points drawn");
        assertTrue(charts.get(1).getDrawnPoints("jvm") > 1, "CPU points drawn");

        view.export(tmp);
        List<String> rows = Files.readAllLines(tmp.resolve("jvm-threads.csv"));
        assertEquals(shown.threads().size() + 1, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.contains(",jvm-view-contender-1,")), rows.toString());
        assertTrue(Files.readString(tmp.resolve("jvm-overall.csv")).contains(",alloc_mb_s,"));
        ImageData image = Widgets.screenshot(WorkbenchViews.window().getShell(), "jvm-recorded.png");
        assertTrue(Widgets.distinctPixels(image) > 16, "the screenshot is blank");
    }
}
