package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.descent.experiment.Components;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.sweep.Asha;
import org.descent.sweep.SearchSpace;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;
import org.descent.sweep.Sweeper;
import org.descent.testing.Contributions;
import org.descent.testing.ui.ScreenFit;
import org.descent.testing.ui.Widgets;
import org.descent.testing.ui.WorkbenchViews;
import org.descent.ui.charts.LineChart;
import org.descent.ui.charts.RunColors;
import org.descent.ui.monitor.data.SweepTable;
import org.descent.ui.monitor.internal.MonitorView;
import org.descent.ui.monitor.internal.SweepView;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Sweep view on a real sweep of the Gaussian MLE over gd's learning rate (log-uniform) and two
 * seeds, with ASHA, run by {@link Sweeper} while the view shows it: the trials as the sweep file
 * and the trials' runs say, live, sorted and filtered; the charts; a trial opened in the Monitor.
 */
class SweepViewTest {

    private static Path store;
    private static SweepFolder sweep;

    /** 600 draws, 480 to train in batches of 48: 10 steps an epoch, 6 epochs. */
    static Experiment base() {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName("gaussian MLE");
        e.setDataset(Components.of("bimodal:n=400,n2=200"));
        e.setModel(Components.of("gaussian:mu=1,sigma=1"));
        e.setLoss(Components.of("gaussian-nll"));
        e.setOptimizer(Components.of("gd:lr=0.05"));
        e.setEpochs(6);
        e.setBatchSize(48);
        e.setValidationFraction(0.2);
        e.setCheckpointEvery(20);
        return e;
    }

    @BeforeAll
    static void createSweep() throws Exception {
        store = Files.createTempDirectory("descent-sweep-view-test");
        Study study = new Study(SearchSpace.parse(List.of("optimizer.lr=loguniform(1e-3,0.5)"))
                .withSeeds(SearchSpace.seeds("0..1")), 3, 11, "val_loss", true, new Asha(1, 2, 6, true), 2);
        Experiment e = base();
        List<SearchSpace.Trial> trials = study.space().trials(study.samples(), study.searchSeed(), e,
                Contributions.registry());
        assertEquals(List.of(), new Sweeper(Contributions.registry(), l -> {
        }).problems(e, study, trials));
        sweep = SweepFolder.create(SweepFolder.newFolder(store, "gaussian"), e, study, trials);
        // another name took the first trial's hashed colour this session: the trial is given the next
        // free one, and the table and the charts must both show that one
        String first = sweep.states().get(0).run().getFileName().toString();
        for (int i = 0;; i++) {
            if (RunColors.index("clash-" + i) == RunColors.index(first)) {
                RunColors.of("clash-" + i);
                break;
            }
        }
    }

    @AfterAll
    static void clean() throws IOException {
        for (Path dir : List.of(store, store.resolveSibling(store.getFileName() + "-choice"))) {
            if (!Files.exists(dir)) {
                continue;
            }
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static List<String> column(SweepView view, String column) {
        return view.visibleTrials().stream().map(t -> t.text(column)).toList();
    }

    /** The position of the column headed {@code header}. */
    private static int column(NatTable t, String header) {
        for (int c = 0; c < t.getColumnCount(); c++) {
            if (header.equals(t.getDataValueByPosition(c, 0))) {
                return c;
            }
        }
        throw new AssertionError("no column '" + header + "'");
    }

    /** The text NatTable draws in a body cell of a column (by header) and row (0-based), or null when not shown. */
    private static String cell(SweepView view, String column, int row) {
        NatTable t = view.natTable();
        for (int c = 0; c < t.getColumnCount(); c++) {
            if (column.equals(t.getDataValueByPosition(c, 0))) {
                return String.valueOf(t.getDataValueByPosition(c, 2 + row));
            }
        }
        return view.cellText(column, row);
    }

    @Test
    void showsTheTrialsLiveSortsFiltersChartsAndOpensATrial() throws Exception {
        SweepView view = WorkbenchViews.open(SweepView.ID, SweepView.class);
        view.setStore(new RunStore(store));
        Widgets.spinUntil(() -> view.table() != null && view.table().folder().dir().equals(sweep.dir()), 30_000,
                () -> "the view shows the store's only sweep: " + view.summaryText());
        assertEquals(List.of(sweep.dir().getFileName().toString()), view.sweepItems());
        assertEquals(6, view.visibleTrials().size(), "3 draws x 2 seeds");
        assertTrue(column(view, SweepTable.STATUS).stream().allMatch("pending"::equals), column(view, "status").toString());

        // the sweep runs in this JVM while the view follows it; its trials wait at their first step
        // until the view has shown one running
        CountDownLatch release = new CountDownLatch(1);
        ThreadLocal<int[]> calls = ThreadLocal.withInitial(() -> new int[1]);
        NullProgressMonitor gate = new NullProgressMonitor() {
            @Override
            public boolean isCanceled() {
                // the first call is the sweep's check before a trial starts, the next ones its steps'
                if (++calls.get()[0] >= 2) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.isCanceled();
            }
        };
        CompletableFuture<Sweeper.Outcome> running = CompletableFuture.supplyAsync(() -> {
            try {
                return new Sweeper(Contributions.registry(), l -> {
                }).run(sweep, gate);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        try {
            Widgets.spinUntil(() -> view.table() != null && view.table().status().equals("running")
                    && column(view, SweepTable.STATUS).contains("running"), 30_000,
                    () -> "the view shows the sweep and a trial running: " + view.summaryText() + " "
                            + column(view, SweepTable.STATUS));
        } finally {
            release.countDown();
        }
        Widgets.spinUntil(() -> running.isDone() && view.table().status().equals("done"), 120_000,
                () -> "the view follows the sweep to its end: " + view.summaryText());
        assertEquals("done", running.join().status());

        // the table against the sweep's own files
        Study study = sweep.study();
        List<SweepFolder.TrialState> states = sweep.states();
        String best = SweepTable.bestColumn(study);
        assertEquals("best val_loss (min)", best);
        assertEquals(List.of("trial", "status", "optimizer.lr", "seed", best, "best at epoch", "epochs"),
                view.table().columns());
        NatTable t = view.natTable();
        assertEquals(2 + states.size(), t.getRowCount(), "header, filter row and one row per trial");
        int stopped = 0;
        for (int i = 0; i < states.size(); i++) {
            SweepFolder.TrialState s = states.get(i);
            assertEquals(Integer.toString(s.index()), cell(view, "trial", i));
            assertEquals(s.parameters().get("optimizer.lr"), cell(view, "optimizer.lr", i));
            assertEquals(s.parameters().get("seed"), cell(view, "seed", i));
            assertEquals(s.best(), Double.parseDouble(cell(view, best, i)), 1e-5 * Math.abs(s.best()));
            assertEquals(Integer.toString(s.epochs()), cell(view, "epochs", i));
            String status = cell(view, "status", i);
            assertTrue(status.startsWith(s.status()), status + " vs " + s);
            if (s.status().equals(SweepFolder.STOPPED)) {
                stopped++;
                assertTrue(status.startsWith("stopped: stopped by ASHA after epoch " + s.epochs() + " of 6"), status);
            }
        }
        assertTrue(stopped >= 1, "ASHA with rf 2 stops some of 6 trials: " + states);

        // sorted by the best metric: the sweep's own ranking
        view.sortBy(best, SortDirectionEnum.ASC);
        Widgets.spin(100);
        List<String> ranked = SweepFolder.ranked(states, study).stream().map(s -> Integer.toString(s.index()))
                .toList();
        assertEquals(ranked, column(view, "trial"));
        assertEquals(ranked.get(0), cell(view, "trial", 0), "NatTable shows the sorted order");
        view.sortBy("optimizer.lr", SortDirectionEnum.DESC);
        List<Double> lrs = column(view, "optimizer.lr").stream().map(Double::parseDouble).toList();
        for (int i = 1; i < lrs.size(); i++) {
            assertTrue(lrs.get(i - 1) >= lrs.get(i), lrs.toString());
        }
        view.sortBy(best, SortDirectionEnum.ASC);

        // filtered: the stopped trials only
        view.filter("status", "stopped");
        Widgets.spin(100);
        assertEquals(stopped, view.visibleTrials().size());
        assertEquals(2 + stopped, t.getRowCount());
        view.filter("status", "");
        assertEquals(states.size(), view.visibleTrials().size());

        // the best metric against the learning rate, on a logarithmic axis
        view.setParameter("optimizer.lr");
        LineChart chart = view.parameterChart();
        assertTrue(chart.isLogX());
        assertTrue(chart.getChart().getAxisSet().getXAxis(0).isLogScaleEnabled());
        for (SweepFolder.TrialState s : states) {
            String id = "trial " + s.index();
            assertArrayEquals(new double[] { Double.parseDouble(s.parameters().get("optimizer.lr")) },
                    chart.getDrawnX(id), id);
            assertArrayEquals(new double[] { s.best() }, chart.getDrawnY(id), id);
        }
        for (String label : chart.getTickLabels(IAxis.Direction.X)) {
            assertTrue(label.matches("0\\.0*1|1|10"), "decades on the log axis: " + chart.getTickLabels(IAxis.Direction.X));
        }
        view.setParameter("seed");
        assertFalse(chart.isLogX(), "seeds are a grid: a linear axis");
        assertEquals(states.size(), chart.getSeriesIds().size());
        view.setParameter("optimizer.lr");

        // each trial's metric over steps: the rows of its metrics.csv that have it, one per epoch
        LineChart steps = view.stepsChart();
        for (SweepFolder.TrialState s : states) {
            TreeMap<Integer, Double> byEpoch = SweepFolder.metricByEpoch(new RunFolder(s.run()), "val_loss",
                    Long.MAX_VALUE);
            double[] expected = byEpoch.values().stream().mapToDouble(Double::doubleValue).toArray();
            assertArrayEquals(expected, steps.getDrawnY("trial " + s.index()), 1e-12, "trial " + s.index());
            double[] x = steps.getDrawnX("trial " + s.index());
            for (int i = 1; i < x.length; i++) {
                assertEquals(10, x[i] - x[i - 1], "an evaluation every epoch of 10 steps: " + java.util.Arrays.toString(x));
            }
        }

        // a trial's number in the table and its line in the charts have one colour, the session's
        for (int i = 0; i < states.size(); i++) {
            String trial = cell(view, "trial", i);
            SweepFolder.TrialState s = states.stream().filter(x -> Integer.toString(x.index()).equals(trial))
                    .findFirst().orElseThrow();
            String label = s.run().getFileName().toString();
            List<String> labels = t.getConfigLabelsByPosition(column(t, "trial"), 2 + i).getLabels();
            assertTrue(labels.contains("descent.run-colour." + RunColors.assigned(label)),
                    "trial " + trial + " drawn in colour " + RunColors.assigned(label) + ": " + labels);
            int rgb = RunColors.of(label);
            assertEquals(new RGB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff),
                    ((ILineSeries<?>) steps.getChart().getSeriesSet().getSeries("trial " + trial)).getLineColor()
                            .getRGB(), "trial " + trial + " in the steps chart");
        }

        ScreenFit.atBothSizes(WorkbenchViews.window().getShell(), "sweep-view", size -> {
            assertEquals(List.of(), ComparisonViewTest.cutHeaders(view.natTable()), "headers cut at " + size);
            assertEquals(List.of(), ScreenFit.cutLabels(view.natTable().getParent().getParent().getParent()),
                    "labels cut at " + size);
        });
        // the statuses of trials that ran their budget are shown whole (ASHA's long reasons may be cut: a tooltip)
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(view.natTable());
        try {
            for (int i = 0; i < states.size(); i++) {
                String status = cell(view, "status", i);
                if (status.startsWith("done")) {
                    int width = view.natTable().getCellByPosition(2, 2 + i).getBounds().width;
                    assertTrue(gc.textExtent(status).x + 6 <= width, "'" + status + "' fits " + width + " px");
                }
            }
        } finally {
            gc.dispose();
        }

        // a double-click on a trial opens it in the Monitor
        SweepTable.Trial second = view.visibleTrials().get(1);
        org.eclipse.swt.widgets.Event click = new org.eclipse.swt.widgets.Event();
        click.button = 1;
        click.x = view.natTable().getStartXOfColumnPosition(1) + 5;
        click.y = view.natTable().getStartYOfRowPosition(2 + 1) + 5;
        view.natTable().notifyListeners(org.eclipse.swt.SWT.MouseDoubleClick, click);
        MonitorView monitor = (MonitorView) WorkbenchViews.window().getService(EPartService.class).findPart(MonitorView.ID)
                .getObject();
        Widgets.spinUntil(() -> List.of(second.state().run())
                .equals(monitor.model().shown().stream().map(s -> s.folder().dir()).toList()), 30_000,
                () -> "the monitor shows the trial double-clicked " + second.state().run() + "; it shows "
                        + monitor.model().shown().stream().map(s -> s.folder().dir()).toList());
        // and the button opens the selected ones
        view.selectRows(0, 2);
        List<Path> chosen = List.of(view.visibleTrials().get(0).state().run(), view.visibleTrials().get(2).state().run());
        assertEquals(chosen, view.selectedTrials().stream().map(tr -> tr.state().run()).toList());
        view.openInMonitor(view.selectedTrials());
        Widgets.spinUntil(() -> chosen.equals(monitor.model().shown().stream().map(s -> s.folder().dir()).toList()),
                30_000, () -> "the monitor shows the selected trials " + chosen + "; it shows "
                        + monitor.model().shown().stream().map(s -> s.folder().dir()).toList());
    }

    /**
     * Cancel sweep on a sweep that runs in a job of this workbench (as the editor's Run sweep
     * starts one): the trial training stops and is saved, the finished ones are kept, the rest
     * never start. Trials of 1 and 2 epochs end; the third, of 10^6 epochs, is cancelled as it trains.
     */
    @Test
    void cancelStopsTheSweepAndKeepsTheFinishedTrials() throws Exception {
        Path other = Files.createTempDirectory("descent-sweep-cancel-test");
        try {
            Study study = new Study(SearchSpace.parse(List.of("epochs=grid(1,2,1000000,3)")), 1, 0, "val_loss", true,
                    null, 1);
            Experiment e = base();
            List<SearchSpace.Trial> trials = study.space().trials(1, 0, e, Contributions.registry());
            SweepFolder f = SweepFolder.create(SweepFolder.newFolder(other, "cancel"), e, study, trials);
            org.eclipse.core.runtime.jobs.Job job = new org.eclipse.core.runtime.jobs.Job("sweep by test") {
                @Override
                protected org.eclipse.core.runtime.IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                    try {
                        new Sweeper(Contributions.registry(), l -> {
                        }).run(f, monitor);
                        return org.eclipse.core.runtime.Status.OK_STATUS;
                    } catch (Exception x) {
                        return org.eclipse.core.runtime.Status.error("the sweep failed", x);
                    }
                }

                @Override
                public boolean belongsTo(Object family) {
                    return family.equals(f.dir());
                }
            };
            SweepView view = WorkbenchViews.open(SweepView.ID, SweepView.class);
            view.setStore(new RunStore(other));
            job.schedule();
            Widgets.spinUntil(() -> {
                List<String> s = view.table() == null ? List.of() : column(view, SweepTable.STATUS);
                return s.size() == 4 && s.get(0).startsWith("done") && s.get(1).startsWith("done")
                        && s.get(2).equals("running") && view.cancelButton().isEnabled();
            }, 60_000, () -> "two trials done and the third training: " + view.summaryText());
            view.cancelButton().notifyListeners(org.eclipse.swt.SWT.Selection, null);
            Widgets.spinUntil(() -> job.getResult() != null && view.table().status().equals("cancelled"), 60_000,
                    () -> "the sweep stops: " + view.summaryText());
            List<SweepFolder.TrialState> states = f.states();
            assertEquals(List.of("done", "done", "cancelled", "pending"), states.stream().map(SweepFolder.TrialState::status)
                    .toList());
            assertEquals(List.of(1, 2), states.subList(0, 2).stream().map(SweepFolder.TrialState::epochs).toList(),
                    "the finished trials keep their whole budget");
            assertEquals("cancelled", f.summary().get("status"));
            Widgets.spinUntil(() -> !view.cancelButton().isEnabled(), 30_000, () -> "nothing left to cancel");
        } finally {
            try (var s = Files.walk(other)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Cancel sweep on a sweep another process runs (as {@code descent sweep} records itself in
     * sweep.json: its pid and start): that process is asked to stop as Ctrl-C asks it (SIGTERM),
     * here a stand-in process that waits.
     */
    @Test
    void cancelAsksTheProcessThatRunsTheSweepToStop() throws Exception {
        Path other = Files.createTempDirectory("descent-sweep-process-test");
        Process sleeper = new ProcessBuilder("sleep", "120").start();
        try {
            Study study = new Study(SearchSpace.parse(List.of("optimizer.lr=grid(0.01,0.1)")), 1, 0, "val_loss", true,
                    null, 1);
            Experiment e = base();
            SweepFolder f = SweepFolder.create(SweepFolder.newFolder(other, "elsewhere"), e, study,
                    study.space().trials(1, 0, e, Contributions.registry()));
            java.util.Map<String, Object> file = f.read();
            file.put("status", "running");
            file.put("pid", sleeper.pid());
            sleeper.info().startInstant().ifPresent(i -> file.put("process_start", i.toEpochMilli()));
            f.write(file);
            assertEquals(sleeper.pid(), f.process().orElseThrow().pid());
            SweepView view = WorkbenchViews.open(SweepView.ID, SweepView.class);
            view.setStore(new RunStore(other));
            Widgets.spinUntil(() -> view.table() != null && view.table().folder().dir().equals(f.dir())
                    && view.cancelButton().isEnabled(), 30_000, () -> "the view shows the sweep running: "
                            + view.summaryText());
            view.cancelButton().notifyListeners(org.eclipse.swt.SWT.Selection, null);
            Widgets.spinUntil(() -> !sleeper.isAlive(), 30_000, () -> "the process is asked to stop: "
                    + view.summaryText());
            Widgets.spinUntil(() -> view.table().status().equals("interrupted") && !view.cancelButton().isEnabled(),
                    30_000, () -> "the view reads the sweep again, its process gone: " + view.summaryText());
        } finally {
            sleeper.destroyForcibly();
            try (var s = Files.walk(other)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A choice of names is placed by its order in the space; a uniform parameter is a linear number axis. */
    @Test
    void aChoiceOfNamesIsPlacedInTheSpacesOrder() throws Exception {
        Study study = new Study(SearchSpace.parse(List.of("optimizer=choice(gd,adam)", "optimizer.lr=uniform(0.01,0.1)")),
                4, 5, "val_loss", true, null, 1);
        Experiment e = base();
        List<SearchSpace.Trial> trials = study.space().trials(study.samples(), study.searchSeed(), e,
                Contributions.registry());
        // not in the store the other test lists
        SweepFolder f = SweepFolder.create(store.resolveSibling(store.getFileName() + "-choice"), e, study, trials);
        SweepTable table = SweepTable.read(f);
        assertEquals(List.of("optimizer", "optimizer.lr"), table.parameters());
        assertEquals(List.of("gd", "adam"), table.categories("optimizer"));
        assertEquals(List.of(), table.categories("optimizer.lr"));
        assertFalse(table.isLog("optimizer.lr"));
        assertEquals("created", table.status());
        assertTrue(table.isLive());
        for (SweepTable.Trial t : table.allTrials()) {
            SearchSpace.Trial drawn = trials.get(t.state().index());
            assertEquals(List.of("gd", "adam").indexOf(drawn.values().get("optimizer")), table.position(t, "optimizer"));
            assertEquals(Double.parseDouble(drawn.values().get("optimizer.lr")), table.position(t, "optimizer.lr"));
            assertEquals("pending", t.text(SweepTable.STATUS));
            assertEquals("", t.text(SweepTable.bestColumn(study)), "no metric before the trial runs");
        }
    }
}
