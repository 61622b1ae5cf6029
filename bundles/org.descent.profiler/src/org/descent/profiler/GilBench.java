package org.descent.profiler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.descent.core.ContributionRegistry;
import org.descent.profiler.internal.Explanations;
import org.descent.profiler.internal.ProcessRunner;
import org.descent.profiler.internal.PythonRunner;
import org.descent.profiler.internal.Recorder;
import org.descent.profiler.internal.ThreadRunner;
import org.descent.profiler.internal.TrainWorkload;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs a workload in several execution modes side by side and measures each (see the package
 * documentation). Use from a Job: {@code new GilBench(registry).run(options, monitor, row -> ...)}.
 * Every repeat of every mode is a separate run; the modes run one after the other, never at the
 * same time.
 */
public final class GilBench {

    private final @Nullable ContributionRegistry registry;

    /**
     * @param registry the contributions, needed for the {@link Workload#TRAIN} workload (data set,
     *        model, loss, optimizer); null when that workload is not used
     */
    public GilBench(@Nullable ContributionRegistry registry) {
        this.registry = registry;
    }

    /** As {@link #run(GilOptions, IProgressMonitor, Consumer)} without a listener. */
    public GilReport run(GilOptions options, @Nullable IProgressMonitor monitor) throws Exception {
        return run(options, monitor, r -> {
        });
    }

    /**
     * Runs every mode of the options {@link GilOptions#repeat()} times.
     *
     * @param onResult called with each row as soon as it is finished, on the calling thread
     * @return one row per mode; {@link Mode#CPYTHON} gives cpython-seq, cpython-threads and
     *         cpython-processes (or one skipped row)
     * @throws IllegalArgumentException for invalid options (naming the field)
     * @throws OperationCanceledException when the monitor is cancelled
     * @throws Exception when the train workload cannot be set up
     */
    public GilReport run(GilOptions options, @Nullable IProgressMonitor monitor, Consumer<ModeResult> onResult)
            throws Exception {
        options.validate();
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        SubMonitor progress = SubMonitor.convert(m, "Threading profiler: " + options.workload().id(),
                options.modes().size() * options.repeat() + 1);
        TrainWorkload train = null;
        if (options.workload() == Workload.TRAIN) {
            ContributionRegistry r = registry;
            if (r == null) {
                throw new IllegalArgumentException("workload: train needs the contribution registry (data set, model,"
                        + " loss and optimizer), and this GilBench was made without one");
            }
            train = TrainWorkload.prepare(r, progress.split(1));
        } else {
            progress.worked(1);
        }
        double nanosPerEvent = Recorder.nanosPerEvent(200_000);
        ThreadRunner threads = new ThreadRunner(options, train, nanosPerEvent);
        List<ModeResult> rows = new ArrayList<>();
        ModeResult seq = null;
        ModeResult pySeq = null;
        for (Mode mode : options.modes()) {
            checkCancelled(m);
            List<ModeResult> produced = new ArrayList<>();
            switch (mode) {
            case SEQ, JVM, VIRTUAL, GIL_PY2, GIL_PY3 -> {
                List<Trial> trials = new ArrayList<>();
                for (int i = 0; i < options.repeat(); i++) {
                    progress.subTask(mode.id() + " " + (i + 1) + "/" + options.repeat());
                    trials.add(threads.run(mode, m));
                    progress.worked(1);
                }
                produced.add(new ModeResult(mode, mode.id(), ModeResult.Status.DONE, "", trials, Double.NaN,
                        Explanations.of(mode, mode.id(), options, train == null ? "" : train.label())));
            }
            case PROCESS -> produced.add(new ProcessRunner(options).run(progress.split(options.repeat()), m));
            case CPYTHON -> produced.addAll(new PythonRunner(options).run(progress.split(options.repeat()), m));
            }
            for (ModeResult r : produced) {
                if (r.label().equals(Mode.SEQ.id())) {
                    seq = r;
                } else if (r.label().equals(PythonRunner.SEQUENTIAL)) {
                    pySeq = r;
                }
                ModeResult base = r.mode() == Mode.CPYTHON ? pySeq : seq;
                ModeResult done = r.status() == ModeResult.Status.DONE && base != null
                        ? r.withSpeedup(base.wallMedianNanos() / r.wallMedianNanos())
                        : r;
                rows.add(done);
                onResult.accept(done);
            }
        }
        return new GilReport(options, rows, Runtime.getRuntime().availableProcessors());
    }

    /** Why a mode's number is what it is, for these options (the text of {@link ModeResult#explanation()}). */
    public static String explanation(Mode mode, String label, GilOptions options) {
        return Explanations.of(mode, label, options, options.workload() == Workload.TRAIN
                ? "mlp on digits" : "");
    }

    private static void checkCancelled(IProgressMonitor m) {
        if (m.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
