package org.descent.profiler;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.descent.core.ContributionRegistry;
import org.descent.profiler.internal.ChildFailed;
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
 * same time, and take turns in each repeat.
 *
 * @since 0.1.0
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
     * <p>
     * The modes take turns: every repeat runs each mode once, in the options' order.
     *
     * @param onResult called with each row, in order, once all repeats are done, on the calling thread
     *        (progress shows as the monitor's sub-tasks, "repeat 2/3: jvm")
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
        String trainLabel = train == null ? "" : train.label();
        Map<Mode, String> skipped = new EnumMap<>(Mode.class);
        Map<Mode, String> failed = new EnumMap<>(Mode.class);
        Map<String, List<Trial>> trials = new LinkedHashMap<>();
        try (ProcessRunner processes = new ProcessRunner(options); PythonRunner python = new PythonRunner(options)) {
            if (options.modes().contains(Mode.PROCESS)) {
                processes.prepare().ifPresent(reason -> skipped.put(Mode.PROCESS, reason));
            }
            if (options.modes().contains(Mode.CPYTHON)) {
                python.prepare().ifPresent(reason -> skipped.put(Mode.CPYTHON, reason));
            }
            // the modes take turns in every repeat, so that a machine that gets slower or faster
            // during the run affects them alike
            for (int i = 0; i < options.repeat(); i++) {
                for (Mode mode : options.modes()) {
                    checkCancelled(m);
                    progress.subTask("repeat " + (i + 1) + "/" + options.repeat() + ": " + mode.id());
                    if (!skipped.containsKey(mode) && !failed.containsKey(mode)) {
                        switch (mode) {
                        case SEQ, JVM, VIRTUAL, GIL_PY2, GIL_PY3 -> add(trials, mode.id(), threads.run(mode, m));
                        case PROCESS -> {
                            try {
                                add(trials, mode.id(), processes.trial(m));
                            } catch (ChildFailed e) {
                                failed.put(mode, e.getMessage());
                            }
                        }
                        case CPYTHON -> {
                            try {
                                python.trial(m).forEach((label, t) -> add(trials, label, t));
                            } catch (ChildFailed e) {
                                failed.put(mode, e.getMessage());
                            }
                        }
                        }
                    }
                    progress.worked(1);
                }
            }
            List<ModeResult> rows = new ArrayList<>();
            for (Mode mode : options.modes()) {
                String explanation = Explanations.of(mode, mode.id(), options, trainLabel);
                if (skipped.containsKey(mode)) {
                    rows.add(ModeResult.skipped(mode, mode.id(), skipped.get(mode), explanation));
                } else if (failed.containsKey(mode)) {
                    rows.add(new ModeResult(mode, mode.id(), ModeResult.Status.FAILED, failed.get(mode), List.of(),
                            Double.NaN, explanation));
                } else if (mode == Mode.CPYTHON) {
                    for (Map.Entry<String, List<Trial>> e : trials.entrySet()) {
                        if (e.getKey().startsWith(Mode.CPYTHON.id() + "-")) {
                            rows.add(new ModeResult(mode, e.getKey(), ModeResult.Status.DONE, "", e.getValue(), Double.NaN,
                                    Explanations.of(mode, e.getKey(), options, trainLabel) + " (Python "
                                            + python.version() + ")"));
                        }
                    }
                    python.processesLeftOut().ifPresent(reason -> rows.add(ModeResult.skipped(mode,
                            PythonRunner.PROCESSES, reason, Explanations.of(mode, PythonRunner.PROCESSES, options,
                                    trainLabel))));
                } else {
                    rows.add(new ModeResult(mode, mode.id(), ModeResult.Status.DONE, "", trials.get(mode.id()),
                            Double.NaN, explanation));
                }
            }
            List<ModeResult> done = new ArrayList<>();
            for (ModeResult r : rows) {
                String baseline = r.mode() == Mode.CPYTHON ? PythonRunner.SEQUENTIAL : Mode.SEQ.id();
                List<Trial> base = trials.get(baseline);
                ModeResult row = r.status() == ModeResult.Status.DONE && base != null
                        ? r.withSpeedup(base.stream().mapToLong(Trial::wallNanos).min().orElseThrow() / r.wallMinNanos())
                        : r;
                done.add(row);
                onResult.accept(row);
            }
            return new GilReport(options, done, Runtime.getRuntime().availableProcessors());
        }
    }

    private static void add(Map<String, List<Trial>> trials, String label, Trial t) {
        trials.computeIfAbsent(label, k -> new ArrayList<>()).add(t);
    }

    private static void checkCancelled(IProgressMonitor m) {
        if (m.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
