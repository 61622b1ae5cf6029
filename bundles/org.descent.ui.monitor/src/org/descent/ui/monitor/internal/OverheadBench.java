package org.descent.ui.monitor.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.descent.core.ContributionRegistry;
import org.descent.experiment.Components;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.equinox.app.IApplicationContext;
import org.descent.ui.monitor.data.MonitorModel;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The application behind bench/monitor-overhead: trains the same run (digits, MLP 64-128-64-10,
 * Adam, batch 64) again and again in this JVM, alternately with no monitor and with the real
 * Monitor view open in a window (the run announced through {@link LiveRuns}, recorded by the
 * view's listener on the training thread and redrawn by its 10 Hz timer, as in the workbench),
 * and prints each run's steps per second; a third variant records the run through the monitor's
 * listener without a window (what the listener alone costs). Then it measures how the monitor
 * copes with a run of 10^6 steps read from metrics.csv: the time to read it and the time of a
 * redraw.
 * <p>
 * Arguments: {@code [--steps N] [--repeats R] [--long ROWS]}. Output lines: {@code plain
 * <steps/s>}, {@code listener <steps/s>}, {@code monitor <steps/s> <redraws> <mean redraw ms>},
 * {@code long <rows> <read s> <mean redraw ms> <points drawn of the loss>}.
 */
public final class OverheadBench implements IApplication {

    private Display display;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        long steps = 10_000;
        int repeats = 5;
        int longRows = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
            case "--steps" -> steps = Long.parseLong(value(args, ++i, "--steps"));
            case "--repeats" -> repeats = Integer.parseInt(value(args, ++i, "--repeats"));
            case "--long" -> longRows = Integer.parseInt(value(args, ++i, "--long"));
            default -> {
                // Equinox passes its own options (-data, -configuration) through as well
            }
            }
        }
        ContributionRegistry registry = service(ContributionRegistry.class);
        LiveRuns liveRuns = service(LiveRuns.class);
        display = new Display();
        Path tmp = Files.createTempDirectory("descent-monitor-bench");
        try {
            RunStore store = new RunStore(tmp);
            ResolvedExperiment plan = ResolvedExperiment.resolve(experiment(steps), registry, null);
            // warm-up, not counted: both paths compiled by the JIT before the timed runs
            train(plan, store, null);
            MonitorView warm = new MonitorView();
            Shell warmShell = window(warm, liveRuns);
            train(plan, store, liveRuns);
            warmShell.dispose();
            for (int r = 0; r < repeats; r++) {
                System.out.println("plain " + format(rate(train(plan, store, null))));
                try (MonitorModel recording = new MonitorModel(liveRuns)) {
                    System.out.println("listener " + format(rate(train(plan, store, liveRuns))));
                }
                MonitorView view = new MonitorView();
                Shell shell = window(view, liveRuns);
                TrainingResult result = train(plan, store, liveRuns);
                double[] redraws = view.redrawStatistics();
                shell.dispose();
                System.out.println("monitor " + format(rate(result)) + " " + (long) redraws[0] + " "
                        + format(redraws[1]));
                System.out.flush();
            }
            longRun(tmp.resolve("long"), longRows, liveRuns);
        } finally {
            delete(tmp);
            display.dispose();
        }
        return IApplication.EXIT_OK;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static double rate(TrainingResult r) {
        if (r.status() != org.descent.core.RunStatus.DONE) {
            throw new IllegalStateException("the bench run ended " + r.status() + ": " + r.message());
        }
        return r.steps() / r.wallSeconds();
    }

    /** The experiment of bench/probes-overhead: digits, MLP 64-128-64-10 in fp64, Adam, batch 64. */
    private static Experiment experiment(long steps) {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName("monitor-overhead");
        e.setDataset(Components.of("digits"));
        e.setModel(Components.of("mlp:hidden=128-64"));
        e.setLoss(Components.of("cross-entropy"));
        e.setOptimizer(Components.of("adam:lr=1e-3"));
        e.setBatchSize(64);
        e.setSteps(steps);
        e.setCheckpointEvery(0);
        e.setSeed(1);
        return e;
    }

    private Shell window(MonitorView view, LiveRuns liveRuns) {
        Shell shell = new Shell(display);
        shell.setText("Monitor (bench)");
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 900);
        view.createControls(shell, liveRuns);
        shell.open();
        spin(300);
        return shell;
    }

    /** Trains on a worker thread while this (UI) thread runs the event loop; announced to LiveRuns when given. */
    private TrainingResult train(ResolvedExperiment plan, RunStore store, @Nullable LiveRuns liveRuns) throws Exception {
        RunFolder folder = store.newRun(liveRuns == null ? "plain" : "monitor");
        Trainer trainer = new Trainer();
        if (liveRuns != null) {
            trainer.listener(liveRuns.announce(folder));
        }
        CompletableFuture<TrainingResult> f = CompletableFuture.supplyAsync(() -> {
            try {
                return trainer.train(plan, folder, null);
            } catch (ExperimentException | IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        while (!f.isDone()) {
            if (!display.readAndDispatch()) {
                // a timer wakes the loop: a wake() from the worker could come before this sleep
                display.timerExec(50, () -> { });
                display.sleep();
            }
        }
        return f.get();
    }

    /** A run of {@code rows} steps in metrics.csv, followed by the monitor: read time and redraw time. */
    private void longRun(Path dir, int rows, LiveRuns liveRuns) throws IOException {
        RunFolder folder = RunFolder.create(dir);
        try (BufferedWriter w = Files.newBufferedWriter(folder.metricsFile(), StandardCharsets.UTF_8)) {
            w.write("step,epoch,loss,grad_norm,lr,wall_s,train_loss,val_loss,val_accuracy\n");
            java.util.Random random = new java.util.Random(1);
            for (int s = 1; s <= rows; s++) {
                double loss = 2.3 * Math.exp(-s / 2e5) + 0.05 * Math.abs(random.nextGaussian());
                w.write(s + ",0," + loss + "," + (1 + random.nextDouble()) + ",0.001," + (s / 3000.0) + ",,,\n");
            }
        }
        MonitorView view = new MonitorView();
        Shell shell = window(view, liveRuns);
        long start = System.nanoTime();
        view.show(java.util.List.of(folder));
        view.model().poll();
        double read = (System.nanoTime() - start) / 1e9;
        view.refreshNow();
        long t = System.nanoTime();
        int n = 20;
        for (int i = 0; i < n; i++) {
            view.refreshNow();
            spin(20);
        }
        double redraw = (System.nanoTime() - t) / 1e6 / n;
        int drawn = view.chart(MonitorView.LOSS).getDrawnPoints(folder.dir() + "|loss");
        shell.dispose();
        System.out.println("long " + rows + " " + format(read) + " " + format(redraw) + " " + drawn);
    }

    private void spin(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(OverheadBench.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        if (s == null) {
            throw new IllegalStateException(type.getName() + " service not found within 20 s (is SCR running?)");
        }
        return s;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void stop() {
        // the bench runs to its end; nothing to interrupt
    }
}
