package org.descent.headless.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.descent.core.Json;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunStore;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Sweep;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.descent.sweep.Asha;
import org.descent.sweep.SearchSpace;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;
import org.descent.sweep.SweepSettings;
import org.descent.sweep.Sweeper;
import org.descent.sweep.TrialExecutor;
import org.descent.sweep.spark.SparkTrials;

/**
 * {@code descent sweep [train's options] --param NAME=DIST ...}: a study over a search space,
 * written to a sweep folder; {@code descent sweep show DIR} and {@code descent sweep resume DIR}.
 */
public final class SweepCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        List<String> args = context.arguments();
        if (!args.isEmpty()) {
            String sub = args.get(0);
            if (!sub.equals("show") && !sub.equals("resume")) {
                throw new UsageException("'" + sub + "' is not a sweep command: give 'show DIR' or 'resume DIR', or no"
                        + " argument to start a sweep");
            }
            if (args.size() < 2) {
                throw new UsageException("'sweep " + sub + "' needs the sweep's folder (DIR)");
            }
            for (String o : context.options().keySet()) {
                if (!o.equals("json") && !(sub.equals("resume") && SPARK_OPTIONS.contains(o))) {
                    throw new UsageException("option '--" + o + "' does not apply to 'sweep " + sub + "' (only --json"
                            + (sub.equals("resume") ? " and the --spark options do" : " does") + ")");
                }
            }
            SweepFolder folder = new SweepFolder(Path.of(args.get(1)));
            if (!folder.isSweep()) {
                throw new UsageException(folder.dir() + " is not a sweep folder (no " + SweepFolder.SWEEP_FILE + ")");
            }
            if (sub.equals("show")) {
                print(folder, context.has("json"), context.out());
                return OK;
            }
            return run(context, folder, MixedPrecisionPolicy.LossScaling.DEFAULT,
                    executor(context, MixedPrecisionPolicy.LossScaling.DEFAULT));
        }
        Optional<String> file = context.option("experiment");
        if (file.isPresent()) {
            return fromFile(context, Path.of(file.get()));
        }
        Experiment e = TrainCommand.experiment(context);
        DeviceOption.resolve(context, e, null);
        MixedPrecisionPolicy.LossScaling scaling = TrainCommand.lossScaling(context, e);
        TrialExecutor executor = executor(context, scaling);
        Study study = study(context, e);
        List<SearchSpace.Trial> trials = study.space().trials(study.samples(), study.searchSeed(), e, context.registry());
        List<String> problems = new Sweeper(context.registry(), l -> {
        }).problems(e, study, trials);
        if (!problems.isEmpty()) {
            problems.forEach(p -> context.err().println("descent sweep: " + p));
            return USAGE;
        }
        return start(context, e, study, trials, scaling, executor);
    }

    /**
     * {@code descent sweep --experiment FILE}: the sweep the file keeps over its experiment, with
     * the components, training settings and sweep options given on the command line overriding
     * the file's ({@code --param} replaces the file's parameters), checked before anything starts.
     */
    private static int fromFile(CommandContext context, Path file) throws Exception {
        Experiment e;
        try {
            e = ExperimentFiles.loadExperiment(file);
        } catch (ExperimentException ex) {
            ex.problems().forEach(p -> context.err().println("descent sweep: " + p));
            return USAGE;
        }
        Sweep sweep = e.getSweep() != null ? e.getSweep() : ExperimentFactory.eINSTANCE.createSweep();
        // the study is kept in the sweep folder's sweep.json, and the trials' runs train the experiment alone
        e.setSweep(null);
        List<String> params = context.values("param");
        if (sweep.getParameters().isEmpty() && params.isEmpty()) {
            throw new UsageException(file + " holds no sweep: add one in the experiment editor's Sweep section, or give"
                    + " --param NAME=DIST, e.g. --param optimizer.lr=loguniform(1e-4,1e-1)");
        }
        TrainCommand.override(context, e);
        DeviceOption.resolve(context, e, file);
        MixedPrecisionPolicy.LossScaling scaling = TrainCommand.lossScaling(context, e);
        if (!params.isEmpty()) {
            try {
                SearchSpace.parse(params);
            } catch (IllegalArgumentException ex) {
                throw new UsageException(ex.getMessage());
            }
            sweep.getParameters().clear();
            for (String p : params) {
                int eq = p.indexOf('=');
                sweep.getParameters().add(SweepSettings.parameter(p.substring(0, eq).strip(), p.substring(eq + 1)));
            }
        }
        for (SweepSettings.Setting t : SweepSettings.all()) {
            Optional<String> text = context.option(t.option());
            if (text.isPresent()) {
                try {
                    if (t.option().equals("seeds")) {
                        SearchSpace.seeds(text.get());
                    }
                    t.set(sweep, text.get());
                } catch (IllegalArgumentException ex) {
                    throw new UsageException(ex.getMessage().startsWith("--") ? ex.getMessage()
                            : "option '--" + t.option() + "': " + ex.getMessage());
                }
            }
        }
        if (context.has("analyze")) {
            sweep.getAnalyses().clear();
            sweep.getAnalyses().addAll(context.values("analyze"));
        }
        try {
            // the experiment itself first, its problems named with the file's lines (each trial would repeat them)
            ResolvedExperiment.resolve(e, context.registry(), file);
        } catch (ExperimentException ex) {
            ex.problems().forEach(p -> context.err().println("descent sweep: " + p));
            return USAGE;
        }
        String label = params.isEmpty() ? SweepSettings.PARAMETER : "--param";
        Study study;
        try {
            study = SweepSettings.study(sweep, e);
        } catch (IllegalArgumentException ex) {
            throw new UsageException(inFile(file, ex.getMessage()));
        }
        List<SearchSpace.Trial> trials = study.space().trials(study.samples(), study.searchSeed(), e, context.registry());
        List<String> problems = study.space().problems(e, context.registry(), label);
        if (problems.isEmpty()) {
            problems = new Sweeper(context.registry(), l -> {
            }).problems(e, study, trials);
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> context.err().println("descent sweep: " + inFile(file, p)));
            return USAGE;
        }
        return start(context, e, study, trials, scaling, executor(context, scaling));
    }

    /**
     * A problem of a file's sweep with the file in front, and the line of the parameter it names
     * ({@code exp.descent:12: sweep parameter 'optimizer.lr': ...}).
     */
    private static String inFile(Path file, String problem) {
        String prefix = SweepSettings.PARAMETER + " '";
        int line = 0;
        if (problem.startsWith(prefix) && problem.indexOf('\'', prefix.length()) > 0) {
            String name = problem.substring(prefix.length(), problem.indexOf('\'', prefix.length()));
            line = ExperimentFiles.lineOf(file, "name=\"" + name + "\"");
        }
        return file + (line > 0 ? ":" + line : "") + ": " + problem;
    }

    /** Creates the sweep's folder (--out or a new one in the run store) and runs it. */
    private static int start(CommandContext context, Experiment e, Study study, List<SearchSpace.Trial> trials,
            MixedPrecisionPolicy.LossScaling scaling, TrialExecutor executor) throws Exception {
        SweepFolder folder;
        Optional<String> out = context.option("out");
        try {
            Path dir = out.isPresent() ? Path.of(out.get())
                    : SweepFolder.newFolder(RunStore.standard().root(), e.getModel().getId() + "-" + e.getOptimizer().getId());
            folder = SweepFolder.create(dir, e, study, trials);
        } catch (FileSystemException ex) {
            throw new UsageException(OutFolder.problem(Path.of(out.orElse(".")), ex));
        } catch (IOException ex) {
            throw new UsageException("option '--out': " + ex.getMessage());
        }
        context.err().println("descent sweep: " + trials.size() + " trial(s) in " + folder.dir() + ", "
                + (study.asha() == null ? "no early stopping" : study.asha().toString()) + ", "
                + (context.has("spark") ? "as Spark tasks on " + context.option("spark").orElseThrow()
                        : study.parallel() + " at a time"));
        return run(context, folder, scaling, executor);
    }

    /** The options that send the trials to Spark. */
    private static final java.util.Set<String> SPARK_OPTIONS = java.util.Set.of("spark", "spark-host", "spark-conf");

    /** Where the trials train: threads of this process, or Spark tasks with --spark. */
    private static TrialExecutor executor(CommandContext c, MixedPrecisionPolicy.LossScaling scaling)
            throws UsageException {
        Optional<String> master = c.option("spark");
        if (master.isEmpty()) {
            for (String o : SPARK_OPTIONS) {
                if (c.has(o)) {
                    throw new UsageException("option '--" + o + "' is for --spark MASTER_URL");
                }
            }
            return TrialExecutor.threads();
        }
        String url = master.get().strip();
        if (!url.matches("local(\\[([0-9]+|\\*)(,[0-9]+)?\\])?|spark://.+|yarn|k8s://.+|mesos://.+")) {
            throw new UsageException("option '--spark': '" + url + "' is not a Spark master URL, expected local[K],"
                    + " spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
        }
        String host = null;
        int port = 0;
        Optional<String> address = c.option("spark-host");
        if (address.isPresent()) {
            String a = address.get().strip();
            int colon = a.lastIndexOf(':');
            host = colon > 0 && !a.endsWith("]") ? a.substring(0, colon) : a;
            if (colon > 0 && !a.endsWith("]")) {
                try {
                    port = Integer.parseInt(a.substring(colon + 1));
                } catch (NumberFormatException ex) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    throw new UsageException("option '--spark-host': '" + a + "' is not HOST or HOST:PORT (a port in"
                            + " 1..65535)");
                }
            }
        }
        java.util.Map<String, String> conf = new java.util.LinkedHashMap<>();
        for (String kv : c.values("spark-conf")) {
            int eq = kv.indexOf('=');
            if (eq <= 0 || !kv.startsWith("spark.")) {
                throw new UsageException("option '--spark-conf': '" + kv + "' is not KEY=VALUE with a Spark setting"
                        + " (spark.*), e.g. spark.executor.memory=4g");
            }
            conf.put(kv.substring(0, eq).strip(), kv.substring(eq + 1));
        }
        return new SparkTrials(url, host, port, conf, scaling, l -> c.err().println("descent sweep: " + l));
    }

    private static int run(CommandContext context, SweepFolder folder, MixedPrecisionPolicy.LossScaling scaling,
            TrialExecutor executor) throws Exception {
        Sweeper.Outcome outcome;
        try (CancelOnExit cancel = new CancelOnExit("descent-sweep-cancel-on-interrupt")) {
            outcome = new Sweeper(context.registry(), l -> context.err().println("descent sweep: " + l))
                    .lossScaling(scaling).executor(executor).run(folder, cancel.monitor());
        } catch (ExperimentException ex) {
            ex.problems().forEach(p -> context.err().println("descent sweep: " + p));
            return USAGE;
        } catch (IOException ex) {
            if (!context.has("spark")) {
                throw ex;
            }
            context.err().println("descent sweep: " + ex.getMessage());
            context.err().println("descent sweep: stopped; continue with: descent sweep resume " + folder.dir()
                    + " [--spark MASTER_URL]");
            return 1;
        }
        print(folder, context.has("json"), context.out());
        if (!outcome.status().equals("done")) {
            context.err().println("descent sweep: cancelled; continue with: descent sweep resume " + folder.dir());
            return TrainingSession.CANCELLED;
        }
        return OK;
    }

    /** The study from the options: the space, its draws, the metric, the parallelism and the scheduler. */
    private static Study study(CommandContext c, Experiment e) throws UsageException {
        List<String> params = c.values("param");
        if (params.isEmpty()) {
            throw new UsageException("option '--param' is required: give one per swept parameter, e.g."
                    + " --param optimizer.lr=loguniform(1e-4,1e-1)");
        }
        try {
            SearchSpace space = SearchSpace.parse(params);
            if (c.has("seeds")) {
                space = space.withSeeds(SearchSpace.seeds(c.option("seeds").orElseThrow()));
            }
            if (space.isRandom() && !c.has("trials")) {
                throw new UsageException("the space draws "
                        + String.join(", ", space.parameters().stream().filter(p -> !(p.distribution()
                                instanceof org.descent.sweep.Distribution.Grid)).map(SearchSpace.Parameter::name).toList())
                        + " at random: give --trials N, the number of draws");
            }
            int samples = (int) number(c, "trials", 1, 1, 1_000_000);
            long searchSeed = number(c, "search-seed", 0, 0, Long.MAX_VALUE);
            String metric = c.option("metric").orElse(e.getValidationFraction() > 0 ? "val_loss" : "train_loss");
            String mode = c.option("mode").orElse(metric.endsWith("accuracy") ? "max" : "min");
            if (!mode.equals("min") && !mode.equals("max")) {
                throw new UsageException("option '--mode': '" + mode + "' is not valid, expected min or max");
            }
            boolean minimize = mode.equals("min");
            int parallel = (int) number(c, "parallel", 1, 1, 1024);
            String scheduler = c.option("scheduler").orElse("asha");
            Asha asha;
            switch (scheduler) {
            case "none" -> {
                for (String o : List.of("grace-period", "reduction-factor")) {
                    if (c.has(o)) {
                        throw new UsageException("option '--" + o + "' is for --scheduler asha");
                    }
                }
                asha = null;
            }
            case "asha" -> {
                if (e.getEpochs() == 0) {
                    throw new UsageException("--scheduler asha compares trials at the end of epochs: give --epochs N"
                            + " (not --steps), or --scheduler none");
                }
                asha = new Asha((int) number(c, "grace-period", Asha.DEFAULT_GRACE_PERIOD, 1, Integer.MAX_VALUE),
                        (int) number(c, "reduction-factor", Asha.DEFAULT_REDUCTION_FACTOR, 2, Integer.MAX_VALUE),
                        e.getEpochs(), minimize);
            }
            default -> throw new UsageException("option '--scheduler': '" + scheduler
                    + "' is not valid, expected asha or none");
            }
            return new Study(space, samples, searchSeed, metric, minimize, asha, parallel, c.values("analyze"));
        } catch (IllegalArgumentException ex) {
            throw new UsageException(ex.getMessage());
        }
    }

    private static long number(CommandContext c, String option, long fallback, long min, long max) throws UsageException {
        Optional<String> text = c.option(option);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(text.get().strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ex) {
            // below
        }
        throw new UsageException("option '--" + option + "': '" + text.get() + "' is not valid, expected a whole number"
                + " >= " + min + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "" : " and <= " + max));
    }

    /** Prints a sweep: as JSON, or a heading, the trials sorted by the metric, and the best. */
    static void print(SweepFolder folder, boolean json, PrintStream out) throws IOException {
        Map<String, Object> summary = folder.summary();
        if (json) {
            out.println(Json.write(summary));
            return;
        }
        Study study = folder.study();
        List<SweepFolder.TrialState> ranked = SweepFolder.ranked(folder.states(), study);
        Map<String, Integer> counts = new java.util.TreeMap<>();
        ranked.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        out.println("sweep      " + folder.dir());
        out.println("name       " + summary.get("name"));
        out.println("status     " + summary.get("status") + " (" + ranked.size() + " trials: " + String.join(", ",
                counts.entrySet().stream().map(x -> x.getValue() + " " + x.getKey()).toList()) + ")"
                + (summary.get("wall_seconds") instanceof Number n ? String.format(Locale.ROOT, ", wall %.1f s",
                        n.doubleValue()) : ""));
        out.println("metric     " + study.metric() + " (" + study.mode() + "), " + (study.asha() == null
                ? "no early stopping" : study.asha().toString()));
        out.println("space      " + String.join("  ", study.space().parameters().stream().map(SearchSpace.Parameter::text)
                .toList()));
        List<String> names = study.space().parameters().stream().map(SearchSpace.Parameter::name).toList();
        StringBuilder head = new StringBuilder(String.format("%-6s %-12s %14s %6s %7s", "TRIAL", "STATUS",
                "BEST", "EPOCH", "EPOCHS"));
        names.forEach(n -> head.append("  ").append(n));
        out.println();
        out.println(head);
        for (SweepFolder.TrialState t : ranked) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-6d %-12s %14.6g %6d %7d", t.index(),
                    t.status(), t.best(), t.bestEpoch(), t.epochs()));
            names.forEach(n -> row.append("  ").append(t.parameters().get(n)));
            out.println(row);
        }
        List<String> columns = SweepFolder.columns(ranked);
        if (!study.analyses().isEmpty()) {
            out.println();
            out.println("analyses   " + String.join("  ", study.analyses()) + " at each trial's last checkpoint"
                    + (columns.isEmpty() ? " (none stored yet)" : "; one column per trial, in the order above:"));
            int width = Math.max(8, columns.stream().mapToInt(String::length).max().orElse(0));
            if (!columns.isEmpty()) {
                StringBuilder trials = new StringBuilder(String.format("%-" + width + "s", "TRIAL"));
                ranked.forEach(t -> trials.append(String.format(Locale.ROOT, "  %12d", t.index())));
                out.println(trials);
                for (String name : columns) {
                    StringBuilder row = new StringBuilder(String.format("%-" + width + "s", name));
                    for (SweepFolder.TrialState t : ranked) {
                        Double v = t.figures().get(name);
                        row.append(String.format("  %12s", v == null ? "-" : v == Math.rint(v) && Math.abs(v) < 1e12
                                ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.6g", v)));
                    }
                    out.println(row);
                }
            }
            for (SweepFolder.TrialState t : ranked) {
                t.analyses().forEach((a, f) -> {
                    if (f.startsWith("failed: ")) {
                        out.println("trial " + t.index() + ": " + a + " " + f);
                    }
                });
            }
        }
        Optional<SweepFolder.TrialState> best = ranked.stream().filter(t -> !Double.isNaN(t.best())).findFirst();
        out.println();
        if (best.isPresent()) {
            SweepFolder.TrialState b = best.get();
            List<String> values = new ArrayList<>();
            b.parameters().forEach((k, v) -> values.add(k + "=" + v));
            out.println(String.format(Locale.ROOT, "best       trial %d: %s %.6g at epoch %d with %s", b.index(),
                    study.metric(), b.best(), b.bestEpoch(), String.join(", ", values)));
            out.println("           " + b.run());
        } else {
            out.println("best       none yet (no trial has reached the end of an epoch)");
        }
    }
}
