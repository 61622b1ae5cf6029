package org.descent.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.PluginFault;
import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.core.Settings;
import org.descent.core.Subject;
import org.descent.experiment.ExperimentDevice;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunAnalysis;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Run;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs a sweep's trials: {@code parallel} at a time, in trial order, each through its own
 * {@link Trainer} as {@code descent train} runs one; ASHA stops trials at its rungs (the run is
 * kept, cancelled, its message saying why). The study's analyses run on each trial's last
 * checkpoint when it ends ({@link SweepFolder#ANALYSED}), as {@code descent analyze ID --run DIR}
 * runs one ({@link RunAnalysis}). The same call resumes a sweep: ended trials are kept (their
 * missing analyses run), interrupted or cancelled ones resume from their checkpoints, the rest start.
 */
public final class Sweeper {

    private final ContributionRegistry registry;
    private final Consumer<String> log;
    private MixedPrecisionPolicy.LossScaling lossScaling = MixedPrecisionPolicy.LossScaling.DEFAULT;
    private String whenAuto = Backends.AUTO;
    private TrialExecutor executor = TrialExecutor.threads();

    /**
     * @param log receives one line per trial that ends
     */
    public Sweeper(ContributionRegistry registry, Consumer<String> log) {
        this.registry = registry;
        this.log = log;
    }

    /** The loss scaling of mixed-precision trials (as {@link Trainer#lossScaling}). */
    public Sweeper lossScaling(MixedPrecisionPolicy.LossScaling scaling) {
        lossScaling = scaling;
        return this;
    }

    /**
     * The device of trials whose experiment's device is {@code auto} (default {@link Backends#AUTO}:
     * {@link Backends#resolve} chooses); the workbench passes its preference.
     */
    public Sweeper whenAuto(String device) {
        whenAuto = device;
        return this;
    }

    /** Where the trials train (default: {@link TrialExecutor#threads()}). */
    public Sweeper executor(TrialExecutor trials) {
        executor = trials;
        return this;
    }

    /**
     * Everything that keeps a study from running on an experiment, before anything starts: the
     * space against the declarations, the budget ASHA needs, the metric's validation split, and
     * each trial's experiment resolved against the contributions.
     */
    public List<String> problems(Experiment base, Study study, List<SearchSpace.Trial> trials) {
        List<String> problems = new ArrayList<>(study.space().problems(base, registry));
        if (!problems.isEmpty()) {
            return problems;
        }
        for (String a : study.analyses()) {
            RunAnalysis.Spec spec = RunAnalysis.Spec.parse(a);
            try {
                Contribution c = RunAnalysis.contribution(registry, spec.id());
                if (!RunAnalysis.needs(c).contains("run")) {
                    problems.add("--analyze '" + a + "': analysis '" + spec.id() + "' does not take a run (it needs "
                            + String.join(", ", RunAnalysis.needs(c)) + ")");
                    continue;
                }
                RunAnalysis.settings(c, spec.options(), "");
            } catch (IllegalArgumentException e) {
                problems.add("--analyze '" + a + "': " + e.getMessage());
            }
        }
        if (study.metric().startsWith("val_") && !(base.getValidationFraction() > 0)) {
            problems.add("--metric " + study.metric() + " is measured on a validation split: give --validation"
                    + " (e.g. 0.2), or use --metric train_loss");
        }
        for (SearchSpace.Trial t : trials) {
            try {
                Experiment e = SearchSpace.apply(base, t.values(), registry);
                ResolvedExperiment.resolve(e, registry, null);
                device(e);
            } catch (ExperimentException e) {
                e.problems().forEach(p -> problems.add("trial " + t.index() + " " + t.values() + ": " + p));
            } catch (IllegalArgumentException e) {
                problems.add("trial " + t.index() + " " + t.values() + ": " + e.getMessage());
            }
            if (problems.size() >= 10) {
                break;
            }
        }
        return problems;
    }

    /**
     * The device a trial trains on: its experiment's device and threads settings (the sweep's
     * --device and --threads, or swept values), {@link #whenAuto} for auto; null for the host
     * path where no backend is installed.
     *
     * @throws ExperimentException naming the setting when the device does not exist or is not available
     */
    private @Nullable Device device(Experiment e) throws ExperimentException {
        try {
            return ExperimentDevice.resolve(e, Backends.find(Sweeper.class), whenAuto);
        } catch (IllegalArgumentException x) {
            throw new ExperimentException("device: " + x.getMessage());
        }
    }

    /**
     * How a sweep session ended.
     *
     * @param status {@code done} or {@code cancelled}
     * @param counts trials by status
     * @param wallSeconds the sweep's wall time over all its sessions
     */
    public record Outcome(String status, Map<String, Integer> counts, double wallSeconds) {
    }

    /**
     * Runs (or resumes) every trial that has not ended.
     *
     * @throws ExperimentException when the sweep is running in another process, or a trial's run
     *             is running
     */
    public Outcome run(SweepFolder folder, @Nullable IProgressMonitor monitor) throws IOException, ExperimentException {
        IProgressMonitor global = monitor == null ? new NullProgressMonitor() : monitor;
        Map<String, Object> sweep = folder.read();
        if (SweepFolder.status(sweep).equals("running")) {
            throw new ExperimentException(folder.dir() + ": the sweep is running (process " + sweep.get("pid") + ")");
        }
        Study study = folder.study();
        Experiment base = folder.experiment();
        List<SearchSpace.Trial> trials = folder.trials();
        Rungs rungs = study.asha() == null ? null : new Rungs(study.asha());
        Map<Integer, Map<String, Object>> entries = new HashMap<>();
        for (Map<?, ?> t : SweepFolder.trialObjects(sweep)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) t;
            entries.put(((Number) t.get("trial")).intValue(), e);
        }
        List<SearchSpace.Trial> todo = new ArrayList<>();
        List<Integer> unanalysed = new ArrayList<>();
        for (SearchSpace.Trial t : trials) {
            RunFolder run = folder.trial(t.index());
            Map<String, Object> entry = entries.get(t.index());
            boolean ended = SweepFolder.STOPPED.equals(entry.get("status"));
            if (!ended && run.isRun()) {
                RunStatus status = RunFolder.effectiveStatus(run.readRun());
                if (status == RunStatus.RUNNING) {
                    throw new ExperimentException(run.dir() + ": the trial's run is running in another process");
                }
                ended = status != RunStatus.CANCELLED && status != RunStatus.INTERRUPTED;
                if (ended) {
                    entry.put("status", status.id());
                }
            }
            if (ended) {
                if (rungs != null) {
                    rungs.ended(t.index(), SweepFolder.metricByEpoch(run, study.metric(), Long.MAX_VALUE));
                }
                if (!missing(study, entry).isEmpty()) {
                    unanalysed.add(t.index());
                }
            } else {
                todo.add(t);
            }
        }
        double wallBefore = sweep.get("wall_seconds") instanceof Number n ? n.doubleValue() : 0;
        long started = System.nanoTime();
        sweep.put("status", "running");
        sweep.put("pid", ProcessHandle.current().pid());
        ProcessHandle.current().info().startInstant().ifPresent(i -> sweep.put("process_start", i.toEpochMilli()));
        folder.write(sweep);
        Session session = new Session(folder, sweep, entries, study, base, rungs, global, trials);
        try {
            ThreadTrials.each(unanalysed, study.parallel(), global, session::analyze);
            executor.execute(todo, session, global);
        } finally {
            end(folder, sweep, entries, study, session, wallBefore + (System.nanoTime() - started) / 1e9);
        }
        return outcome(entries, study, wallBefore + (System.nanoTime() - started) / 1e9);
    }

    private static void end(SweepFolder folder, Map<String, Object> sweep, Map<Integer, Map<String, Object>> entries,
            Study study, Session session, double wall) throws IOException {
        synchronized (session) {
            // a trial an executor left running (its process lost) resumes from its checkpoint next time
            entries.values().stream().filter(e -> "running".equals(e.get("status")))
                    .forEach(e -> e.put("status", RunStatus.INTERRUPTED.id()));
            sweep.put("status", complete(entries, study) ? "done" : "cancelled");
            sweep.remove("pid");
            sweep.remove("process_start");
            sweep.put("wall_seconds", wall);
            folder.write(sweep);
        }
    }

    private static boolean complete(Map<Integer, Map<String, Object>> entries, Study study) {
        return entries.values().stream().allMatch(e -> {
            String s = String.valueOf(e.get("status"));
            return !s.equals(SweepFolder.PENDING) && !s.equals("running") && !s.equals("cancelled")
                    && !s.equals(RunStatus.INTERRUPTED.id()) && missing(study, e).isEmpty();
        });
    }

    private static Outcome outcome(Map<Integer, Map<String, Object>> entries, Study study, double wall) {
        Map<String, Integer> counts = new TreeMap<>();
        entries.values().forEach(e -> counts.merge(String.valueOf(e.get("status")), 1, Integer::sum));
        boolean complete = complete(entries, study);
        return new Outcome(complete ? "done" : "cancelled", counts, wall);
    }

    /**
     * How a trial's training ended.
     *
     * @param status its run's status id, or {@link SweepFolder#STOPPED}
     * @param stopped why ASHA stopped it, or {@code null}
     */
    public record Trained(String status, @Nullable String stopped) {
    }

    /** ASHA's rungs as a trial sees them: here, or across the network from the sweeping process. */
    public interface Rung {

        /** Whether a trial that completed this many epochs is at a rung. */
        boolean isRung(int epochs);

        /** The word for a trial at a rung (waits for the trials before it). */
        TrialExecutor.Verdict decide(int trial, int epochs, double value) throws InterruptedException;
    }

    /**
     * Trains (or resumes from its checkpoint) one trial of a sweep folder in this process, asking
     * {@code rung} at each rung, without the sweep's bookkeeping: what a Spark task runs on a copy
     * of the sweep folder ({@code descent sweep-trial}) while the sweeping process keeps the study.
     * A trial ASHA stops keeps its run, cancelled, its message saying why.
     *
     * @param rung the rungs, or {@code null} without early stopping
     * @return how it ended, or {@code null} when the monitor was cancelled before it started
     */
    public @Nullable Trained trainAlone(SweepFolder folder, int trial, @Nullable Rung rung, IProgressMonitor monitor)
            throws Exception {
        Map<String, Object> sweep = folder.read();
        Map<Integer, Map<String, Object>> entries = new HashMap<>();
        for (Map<?, ?> t : SweepFolder.trialObjects(sweep)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) t;
            entries.put(((Number) t.get("trial")).intValue(), e);
        }
        List<SearchSpace.Trial> trials = folder.trials();
        SearchSpace.Trial t = trials.stream().filter(x -> x.index() == trial).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(folder.dir() + " has no trial " + trial + " (it has "
                        + trials.size() + ")"));
        Session session = new Session(folder, sweep, entries, folder.study(), folder.experiment(), null, monitor,
                trials);
        return session.train(t, rung);
    }

    /** One session over a sweep's trials: their entries in the sweep file, the rungs, the cancellation. */
    private final class Session implements TrialExecutor.Trials {
        final SweepFolder folder;
        final Map<String, Object> sweep;
        final Map<Integer, Map<String, Object>> entries;
        final Study study;
        final Experiment base;
        final @Nullable Rungs rungs;
        final IProgressMonitor global;
        final int count;
        final Map<Integer, SearchSpace.Trial> trials = new HashMap<>();

        Session(SweepFolder folder, Map<String, Object> sweep, Map<Integer, Map<String, Object>> entries, Study study,
                Experiment base, @Nullable Rungs rungs, IProgressMonitor global, List<SearchSpace.Trial> trials) {
            this.folder = folder;
            this.sweep = sweep;
            this.entries = entries;
            this.study = study;
            this.base = base;
            this.rungs = rungs;
            this.global = global;
            this.count = trials.size();
            trials.forEach(t -> this.trials.put(t.index(), t));
        }

        @Override
        public SweepFolder folder() {
            return folder;
        }

        @Override
        public int parallel() {
            return study.parallel();
        }

        /** The rungs of this process, as a trial sees them. */
        @Nullable
        Rung local() {
            Rungs r = rungs;
            return r == null ? null : new Rung() {
                @Override
                public boolean isRung(int epochs) {
                    return r.asha().isRung(epochs);
                }

                @Override
                public TrialExecutor.Verdict decide(int trial, int epochs, double value) throws InterruptedException {
                    return rung(trial, epochs, value);
                }
            };
        }

        @Override
        public TrialExecutor.Verdict rung(int trial, int epochs, double value) throws InterruptedException {
            Rungs r = java.util.Objects.requireNonNull(rungs, "no rungs without early stopping");
            Rungs.Decision d = r.decide(trial, epochs, value, global::isCanceled);
            if (d == null) {
                return TrialExecutor.Verdict.CANCELLED;
            }
            return d.stop() ? new TrialExecutor.Verdict(reason(epochs, value, d), false) : TrialExecutor.Verdict.GO;
        }

        @Override
        public void started(int trial) throws IOException {
            status(trial, "running");
        }

        @Override
        public void ended(int trial, String status, @Nullable String stopped) throws IOException {
            finish(trial, new Trained(status, stopped));
        }

        @Override
        public void failed(int trial, String why) throws IOException {
            status(trial, RunStatus.FAILED.id());
            if (rungs != null) {
                rungs.ended(trial);
            }
            log.accept("trial " + trial + " (of " + count + ") failed: " + why);
        }

        @Override
        public void train(SearchSpace.Trial t) throws Exception {
            Trained trained;
            try {
                trained = train(t, local());
            } catch (Exception | LinkageError e) {
                failed(t.index(), String.valueOf(e.getMessage()));
                throw e;
            }
            if (trained != null) {
                finish(t.index(), trained);
            }
        }

        void status(int trial, String status) throws IOException {
            synchronized (this) {
                entries.get(trial).put("status", status);
                folder.write(sweep);
            }
        }

        /** Trains or resumes a trial here; {@code null} when the sweep was cancelled before it trained. */
        @Nullable
        Trained train(SearchSpace.Trial t, @Nullable Rung rung) throws Exception {
            if (global.isCanceled()) {
                return null;
            }
            TrialMonitor monitor = new TrialMonitor(global);
            RunFolder run = folder.trial(t.index());
            String stopped = null;
            TrainingResult result = null;
            Trainer trainer = new Trainer().lossScaling(lossScaling).listener(new Metric(t.index(), monitor, rung));
            if (run.isRun()) {
                long step = run.latestCheckpoint().map(Checkpoint::step).orElse(0L);
                // rungs the run passed before its checkpoint are decided again from its metrics
                if (rung != null) {
                    for (Map.Entry<Integer, Double> e : SweepFolder.metricByEpoch(run, study.metric(), step).entrySet()) {
                        if (rung.isRung(e.getKey())) {
                            TrialExecutor.Verdict v = rung.decide(t.index(), e.getKey(), e.getValue());
                            if (v.cancelled()) {
                                return null;
                            }
                            if (v.stop() != null) {
                                stopped = v.stop();
                                break;
                            }
                        }
                    }
                }
                if (stopped == null) {
                    status(t.index(), "running");
                    result = trainer.resume(run, registry, monitor);
                }
            } else {
                if (Files.exists(run.dir())) {
                    delete(run.dir());
                }
                Experiment e = SearchSpace.apply(base, t.values(), registry);
                e.setName(base.getName() + " - trial " + t.index() + " " + t.values());
                ResolvedExperiment plan = ResolvedExperiment.resolve(e, registry, null);
                RunFolder created = RunFolder.create(run.dir());
                status(t.index(), "running");
                Device device = device(e);
                if (device != null) {
                    trainer.device(device);
                }
                result = trainer.train(plan, created, monitor);
            }
            if (stopped == null) {
                stopped = monitor.reason;
            }
            if (stopped != null && (result == null || result.status() == RunStatus.CANCELLED)) {
                Run r = run.readRun();
                r.setMessage(stopped);
                run.writeRun(r);
                return new Trained(SweepFolder.STOPPED, stopped);
            }
            return new Trained(java.util.Objects.requireNonNull(result).status().id(), null);
        }

        /** Records how a trial ended, tells the rungs, and runs the study's analyses on it. */
        void finish(int trial, Trained trained) throws IOException {
            String status = trained.status();
            boolean ended = !status.equals(RunStatus.CANCELLED.id());
            status(trial, status);
            if (ended && rungs != null) {
                rungs.ended(trial);
            }
            RunFolder run = folder.trial(trial);
            TreeMap<Integer, Double> series = SweepFolder.metricByEpoch(run, study.metric(), Long.MAX_VALUE);
            double best = series.values().stream().filter(v -> !Double.isNaN(v))
                    .min(study.minimize() ? Comparator.<Double>naturalOrder() : Comparator.<Double>reverseOrder())
                    .orElse(Double.NaN);
            log.accept(String.format(Locale.ROOT, "trial %d (of %d) %s after %d epoch(s): best %s %.6g %s%s", trial,
                    count, status, series.isEmpty() ? 0 : series.lastKey(), study.metric(), best,
                    trials.get(trial).values(), status.equals(SweepFolder.STOPPED) ? " (" + trained.stopped()
                            + ")" : ""));
            analyze(trial);
        }

        /**
         * Runs the study's analyses that a trial's entry does not record yet on its run's last
         * checkpoint, when the trial is analysed ({@link SweepFolder#ANALYSED}), and records each
         * in the entry: the folder it is stored in under the run, and the step, or the error.
         */
        void analyze(int trial) throws IOException {
            Map<String, Object> entry = entries.get(trial);
            List<String> todo;
            synchronized (this) {
                todo = missing(study, entry);
            }
            RunFolder run = folder.trial(trial);
            for (String text : todo) {
                if (global.isCanceled()) {
                    return;
                }
                RunAnalysis.Spec spec = RunAnalysis.Spec.parse(text);
                Map<String, Object> record = new LinkedHashMap<>();
                try {
                    Contribution c = RunAnalysis.contribution(registry, spec.id());
                    Settings settings = RunAnalysis.settings(c, spec.options(), "");
                    RunAnalysis.Point at = RunAnalysis.checkpoint(run, Optional.empty());
                    Subject subject = RunAnalysis.subject(registry, run, at, global);
                    AnalysisResult result = RunAnalysis.analyze(registry, c, settings,
                            new AnalysisInput(Optional.of(subject), Map.of()), global);
                    Path saved = run.writeAnalysis(result);
                    record.put("folder", run.dir().relativize(saved).toString().replace('\\', '/'));
                    record.put("step", at.step());
                    log.accept("trial " + trial + " (of " + count + "): " + text + " at step " + at.step()
                            + " saved in " + saved);
                } catch (OperationCanceledException e) {
                    return;
                } catch (IllegalArgumentException | PluginFault | CoreException | ExperimentException e) {
                    String why = e instanceof ExperimentException x ? String.join("; ", x.problems()) : e.getMessage();
                    record.put("error", why);
                    log.accept("trial " + trial + " (of " + count + "): " + text + " failed: " + why);
                }
                synchronized (this) {
                    analyses(entry).put(text, record);
                    folder.write(sweep);
                }
            }
        }

        private String reason(int epochs, double value, Rungs.Decision d) {
            Asha a = java.util.Objects.requireNonNull(rungs).asha();
            return String.format(Locale.ROOT, "stopped by ASHA after epoch %d of %d: %s %.6g is outside the top 1/%d"
                    + " of the %d trial(s) that reached epoch %d before it (cutoff %.6g, mode %s)", epochs, a.maxT(),
                    study.metric(), value, a.reductionFactor(), d.compared(), epochs, d.cutoff(), study.mode());
        }

        /** Hears a trial's metric at the end of each epoch and asks the rungs whether it goes on. */
        private final class Metric implements RunListener {
            private final int trial;
            private final TrialMonitor monitor;
            private final @Nullable Rung rung;

            Metric(int trial, TrialMonitor monitor, @Nullable Rung rung) {
                this.trial = trial;
                this.monitor = monitor;
                this.rung = rung;
            }

            @Override
            public void epoch(int epoch, long step, double meanLoss) {
                if (study.metric().equals("train_loss")) {
                    at(epoch + 1, meanLoss);
                }
            }

            @Override
            public void evaluation(long step, int epoch, Map<String, Double> metrics) {
                Double v = metrics.get(study.metric());
                if (v != null) {
                    at(epoch + 1, v);
                }
            }

            private void at(int epochs, double value) {
                Rung r = rung;
                if (r == null || !r.isRung(epochs)) {
                    return;
                }
                try {
                    TrialExecutor.Verdict v = r.decide(trial, epochs, value);
                    if (v.stop() != null) {
                        monitor.stop(v.stop());
                    } else if (v.cancelled()) {
                        global.setCanceled(true);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    global.setCanceled(true);
                }
            }
        }
    }

    /** A trial's monitor: cancelled with the sweep, or stopped alone by ASHA. */
    private static final class TrialMonitor extends NullProgressMonitor {
        private final IProgressMonitor global;
        volatile @Nullable String reason;

        TrialMonitor(IProgressMonitor global) {
            this.global = global;
        }

        void stop(String why) {
            reason = why;
        }

        @Override
        public boolean isCanceled() {
            return reason != null || global.isCanceled();
        }
    }

    /** The entry's record of each analysis, by its text (created when missing). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> analyses(Map<String, Object> entry) {
        if (!(entry.get("analyses") instanceof Map<?, ?>)) {
            entry.put("analyses", new LinkedHashMap<String, Object>());
        }
        return (Map<String, Object>) entry.get("analyses");
    }

    /** The study's analyses a trial still lacks: none unless it is analysed and ended. */
    static List<String> missing(Study study, Map<String, Object> entry) {
        if (!SweepFolder.ANALYSED.contains(String.valueOf(entry.get("status")))) {
            return List.of();
        }
        Map<?, ?> done = entry.get("analyses") instanceof Map<?, ?> m ? m : Map.of();
        return study.analyses().stream().filter(a -> !done.containsKey(a)).toList();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
