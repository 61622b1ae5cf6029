package org.descent.headless.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.descent.compute.Device;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Contribution;
import org.descent.core.ExtensionPoints;
import org.descent.core.InputFile;
import org.descent.core.Json;
import org.descent.core.PluginFault;
import org.descent.core.Settings;
import org.descent.core.Subject;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunAnalysis;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.model.Experiment;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code descent analyze ID (--run DIR | --experiment FILE | --a FILE --b FILE) [options]}: runs an
 * analysis contribution on a run's checkpoint, an experiment's initial parameters, or two sample
 * files; prints its report (or JSON) and stores the result in the run's {@code analyses/} folder
 * (or in {@code --out DIR}). Options the command does not declare are the analysis' own
 * hyperparameters, checked against its declarations.
 */
public final class AnalyzeCommand implements Command {

    /** The options of the command itself; any other option belongs to the analysis. */
    static final Set<String> OWN = Set.of("run", "experiment", "step", "rows", "a", "b", "weights-a", "weights-b",
            "out", "json", "device");
    private static final List<String> FILES = List.of("a", "b", "weights-a", "weights-b");

    @Override
    public int run(CommandContext c) throws Exception {
        List<Contribution> analyses = c.registry().contributions(ExtensionPoints.ANALYSES);
        if (c.arguments().isEmpty()) {
            throw new UsageException("needs the id of an analysis; installed: " + RunAnalysis.ids(analyses));
        }
        String id = c.arguments().get(0);
        Contribution contribution;
        Settings settings;
        try {
            contribution = RunAnalysis.contribution(c.registry(), id);
            Map<String, String> own = new LinkedHashMap<>();
            c.options().forEach((k, v) -> {
                if (!OWN.contains(k)) {
                    own.put(k, v);
                }
            });
            settings = RunAnalysis.settings(contribution, own, "--");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // analyses that compute on a device (DeviceAware) get it; the others compute on the host in fp64
        Device device = DeviceOption.resolve(c);
        if (c.has("run") && c.has("experiment")) {
            throw new UsageException("give --run DIR or --experiment FILE, not both");
        }
        if (c.has("step") && !c.has("run")) {
            throw new UsageException("option '--step' chooses a checkpoint of a run: give --run DIR too");
        }
        int rows = 0;
        if (c.has("rows")) {
            rows = positive(c, "rows");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String f : FILES) {
            Optional<String> v = c.option(f);
            if (v.isPresent()) {
                Path p = Path.of(v.get());
                try {
                    InputFile.check(p, "option '--" + f + "': " + p);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                files.put(f, p);
            }
        }
        List<String> needs = RunAnalysis.needs(contribution);
        boolean needsModel = needs.contains("run") || needs.contains("point");
        if (needsModel && !c.has("run") && !c.has("experiment")) {
            throw new UsageException("analysis '" + id + "' needs a model: give --run DIR or --experiment FILE");
        }
        if (!needsModel && (c.has("run") || c.has("experiment")) && !needs.contains("samples")) {
            throw new UsageException("analysis '" + id + "' takes no model");
        }
        if (needs.equals(List.of("samples")) && (c.has("run") || c.has("experiment"))) {
            throw new UsageException("analysis '" + id + "' works on two samples (--a FILE --b FILE), not on a model");
        }
        if (!needs.contains("samples") && !files.isEmpty()) {
            throw new UsageException("analysis '" + id + "' takes no sample files (--" + files.keySet().iterator().next()
                    + ")");
        }
        try (CancelOnExit cancel = new CancelOnExit("descent-cancel-analysis")) {
            NullProgressMonitor monitor = cancel.monitor();
            @Nullable
            RunFolder run = null;
            Optional<Subject> subject = Optional.empty();
            if (c.has("run") || c.has("experiment")) {
                try {
                    SubjectAndRun s = subject(c, rows, monitor);
                    subject = Optional.of(s.subject());
                    run = s.run();
                } catch (ExperimentException e) {
                    for (String p : e.problems()) {
                        c.err().println("descent analyze: " + p);
                    }
                    return USAGE;
                }
            }
            AnalysisResult result;
            try {
                result = RunAnalysis.analyze(c.registry(), contribution, settings, new AnalysisInput(subject, files),
                        device, monitor);
            } catch (IllegalArgumentException e) {
                c.err().println("descent analyze " + id + ": " + e.getMessage());
                return USAGE;
            } catch (OperationCanceledException e) {
                c.err().println("descent analyze " + id + ": cancelled; nothing was saved");
                return TrainingSession.CANCELLED;
            } catch (PluginFault fault) {
                // a bug in the analysis (or in what it analyses): named, its chain in the log
                ILog.of(AnalyzeCommand.class).error(fault.getMessage(), fault);
                c.err().println("descent analyze " + id + ": " + fault.getMessage() + "; nothing was saved");
                return FAILURE;
            }
            Path saved = null;
            if (c.has("out")) {
                saved = Path.of(c.options().get("out")).toAbsolutePath().normalize();
                try {
                    RunFolder.writeAnalysis(result, saved);
                } catch (java.nio.file.FileSystemException e) {
                    c.err().println("descent analyze " + id + ": " + OutFolder.problem(saved, e));
                    return USAGE;
                }
            } else if (run != null) {
                saved = run.writeAnalysis(result);
            }
            if (c.has("json")) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("subject", subject.map(Subject::label).orElse(null));
                json.putAll(result.toJsonObject());
                json.put("saved", saved == null ? null : saved.toString());
                c.out().println(Json.write(json));
            } else {
                subject.ifPresent(s -> c.out().println(contribution.name() + " of " + s.label()));
                result.report().forEach(c.out()::println);
                result.warnings().forEach(w -> c.out().println("warning: " + w));
            }
            c.out().flush();
            if (saved != null) {
                c.err().println("descent analyze: saved in " + saved);
            } else {
                c.err().println("descent analyze: not saved (no run; --out DIR keeps the result)");
            }
            return OK;
        }
    }

    private record SubjectAndRun(Subject subject, @Nullable RunFolder run) {
    }

    private static SubjectAndRun subject(CommandContext c, int rows, NullProgressMonitor monitor) throws Exception {
        if (c.has("experiment")) {
            Path file = Path.of(c.options().get("experiment"));
            Experiment e = ExperimentFiles.loadExperiment(file);
            ResolvedExperiment plan = ResolvedExperiment.resolve(e, c.registry(), file);
            return new SubjectAndRun(withRows(new Trainer().subject(plan, null, null, 0, monitor), rows), null);
        }
        RunFolder folder = new RunFolder(Path.of(c.options().get("run")));
        if (!folder.isRun()) {
            throw new UsageException("option '--run': " + folder.dir() + " is not a run folder (no "
                    + RunFolder.RUN_FILE + ")");
        }
        RunAnalysis.Point at;
        try {
            at = RunAnalysis.checkpoint(folder, c.has("step") ? Optional.of(positiveOrZero(c, "step")) : Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new UsageException((c.has("step") ? "option '--step': " : "") + e.getMessage());
        }
        return new SubjectAndRun(withRows(RunAnalysis.subject(c.registry(), folder, at, monitor), rows), folder);
    }

    /** The subject with its default batch set to {@code --rows} when given. */
    private static Subject withRows(Subject s, int rows) {
        return rows <= 0 ? s : new RowsSubject(s, rows);
    }

    private static int positive(CommandContext c, String option) throws UsageException {
        long v = positiveOrZero(c, option);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new UsageException("option '--" + option + "': '" + c.options().get(option)
                    + "' is not a whole number >= 1");
        }
        return (int) v;
    }

    private static long positiveOrZero(CommandContext c, String option) throws UsageException {
        try {
            long v = Long.parseLong(c.options().get(option));
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("option '--" + option + "': '" + c.options().get(option) + "' is not a whole number >= 0");
    }
}
