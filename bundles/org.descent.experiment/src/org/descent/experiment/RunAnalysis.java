package org.descent.experiment;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.compute.Device;
import org.descent.compute.DeviceAware;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.ExtensionPoints;
import org.descent.core.Hyperparameter;
import org.descent.core.PluginFault;
import org.descent.core.Settings;
import org.descent.core.Subject;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.model.Experiment;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs an analysis contribution on a run's checkpoint, as {@code descent analyze ID --run DIR}
 * does and as a sweep does on each trial ({@code descent sweep --analyze ID}): finds the
 * contribution, checks its options against its declarations, rebuilds the run's subject at a
 * checkpoint, and runs the analysis with its faults named.
 */
public final class RunAnalysis {

    private RunAnalysis() {
    }

    /**
     * The installed analysis with this id.
     *
     * @throws IllegalArgumentException naming the id and the installed analyses, or why the
     *             bundle that declares it was left out
     */
    public static Contribution contribution(ContributionRegistry registry, String id) {
        List<Contribution> analyses = registry.contributions(ExtensionPoints.ANALYSES);
        return analyses.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(registry.problem(ExtensionPoints.ANALYSES, id)
                        .map(p -> "analysis '" + id + "': installed by bundle " + p.bundle() + " but left out: "
                                + p.reason())
                        .orElse("no analysis '" + id + "' is installed; installed: " + ids(analyses))));
    }

    /** The ids of the installed analyses, comma-separated ({@code none} when there are none). */
    public static String ids(List<Contribution> analyses) {
        return analyses.isEmpty() ? "none" : String.join(", ", analyses.stream().map(Contribution::id).toList());
    }

    /**
     * The analysis' settings from options given by name.
     *
     * @throws IllegalArgumentException naming an option the analysis does not declare (with those
     *             it does), or a value outside its declaration
     */
    public static Settings settings(Contribution contribution, Map<String, String> options, String prefix) {
        for (String name : options.keySet()) {
            if (contribution.hyperparameter(name).isEmpty()) {
                throw new IllegalArgumentException("unknown option '" + prefix + name + "' for analysis '"
                        + contribution.id() + "'" + optionsOf(contribution, prefix));
            }
        }
        return Settings.resolve(contribution, options);
    }

    private static String optionsOf(Contribution c, String prefix) {
        List<String> names = c.hyperparameters().stream().map(Hyperparameter::name).map(n -> prefix + n).toList();
        return names.isEmpty() ? "; it takes none" : " (its options: " + String.join(", ", names) + ")";
    }

    /** What an analysis works on, as its {@code needs} attribute declares: {@code run} when not declared. */
    public static List<String> needs(Contribution c) {
        String n = c.element().getAttribute("needs");
        if (n == null || n.isBlank()) {
            return List.of("run");
        }
        return List.of(n.replace(" ", "").split(","));
    }

    /**
     * A run's checkpoint.
     *
     * @param step the step of the checkpoint
     * @param parameters the parameters kept there
     */
    public record Point(long step, double[] parameters) {
    }

    /**
     * The run's checkpoint at a step, or its latest when {@code step} is empty.
     *
     * @throws IllegalArgumentException naming the run and the steps it keeps when there is none
     */
    public static Point checkpoint(RunFolder run, Optional<Long> step) throws IOException {
        if (step.isPresent()) {
            Optional<double[]> kept = run.parametersAt(step.get());
            if (kept.isEmpty()) {
                List<Long> steps = run.keptSteps();
                throw new IllegalArgumentException("run " + run.dir().getFileName() + " has no checkpoint at step "
                        + step.get() + "; it has " + (steps.isEmpty() ? "none" : steps.toString()));
            }
            return new Point(step.get(), kept.get());
        }
        Checkpoint cp = run.latestCheckpoint().orElseThrow(
                () -> new IllegalArgumentException(run.dir() + " has no checkpoint to read parameters from"));
        return new Point(cp.step(), cp.parameters());
    }

    /** The subject of a run at one of its checkpoints: its model, loss and data, with the parameters kept there. */
    public static Subject subject(ContributionRegistry registry, RunFolder run, Point at,
            IProgressMonitor monitor) throws ExperimentException, IOException {
        Experiment e = EcoreUtil.copy(run.readRun().getExperiment());
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, registry, run.runFile());
        return new Trainer().subject(plan, run, at.parameters(), at.step(), monitor);
    }

    /**
     * Creates, configures and runs the analysis.
     *
     * @throws IllegalArgumentException when the analysis refuses its input or settings (its message says why)
     * @throws OperationCanceledException when the monitor is cancelled
     * @throws PluginFault for a bug in the analysis (or in what it analyses), naming the contribution
     */
    public static AnalysisResult analyze(ContributionRegistry registry, Contribution contribution, Settings settings,
            AnalysisInput input, IProgressMonitor monitor) throws CoreException, IOException {
        return analyze(registry, contribution, settings, input, null, monitor);
    }

    /**
     * As {@link #analyze(ContributionRegistry, Contribution, Settings, AnalysisInput, IProgressMonitor)},
     * handing an analysis that computes on a device ({@link DeviceAware}) the device of
     * {@code --device}; null: on the host.
     *
     * @since 0.1.0
     */
    public static AnalysisResult analyze(ContributionRegistry registry, Contribution contribution, Settings settings,
            AnalysisInput input, @Nullable Device device, IProgressMonitor monitor) throws CoreException, IOException {
        Analysis analysis = registry.createExecutable(contribution, Analysis.class);
        try {
            analysis.configure(settings);
            if (device != null && analysis instanceof DeviceAware aware) {
                aware.useDevice(device);
            }
            return analysis.analyze(input, monitor);
        } catch (IllegalArgumentException | OperationCanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            throw new PluginFault(contribution, "analyze", e);
        }
    }

    /**
     * An analysis with its options, as {@code ID[:k=v,...]} gives it.
     *
     * @param id the analysis' id
     * @param options its options by name, in the order given
     */
    public record Spec(String id, Map<String, String> options) {

        /**
         * Parses {@code ID} or {@code ID:k=v,k=v}.
         *
         * @throws IllegalArgumentException saying what is wrong with the text
         */
        public static Spec parse(String text) {
            String t = text.strip();
            int colon = t.indexOf(':');
            String id = colon < 0 ? t : t.substring(0, colon).strip();
            if (id.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' names no analysis: give ID or ID:k=v,...");
            }
            Map<String, String> options = new LinkedHashMap<>();
            if (colon >= 0) {
                for (String kv : t.substring(colon + 1).split(",", -1)) {
                    int eq = kv.indexOf('=');
                    String k = eq < 0 ? "" : kv.substring(0, eq).strip();
                    if (k.isEmpty()) {
                        throw new IllegalArgumentException("'" + text + "': '" + kv
                                + "' is not an option: give ID:k=v,k=v");
                    }
                    if (options.put(k, kv.substring(eq + 1).strip()) != null) {
                        throw new IllegalArgumentException("'" + text + "': option '" + k + "' is given twice");
                    }
                }
            }
            return new Spec(id, options);
        }

        /** The text it parses from. */
        public String text() {
            if (options.isEmpty()) {
                return id;
            }
            return id + ":" + String.join(",", options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList());
        }
    }
}
