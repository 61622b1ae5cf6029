package org.descent.ui.analysis.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.PluginFault;
import org.descent.core.Settings;
import org.descent.core.Subject;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.model.Experiment;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Runs an analysis on a run's last kept parameters and stores the result in the run's
 * {@code analyses/} folder, as {@code descent analyze ID --run DIR} does.
 */
public final class RunAnalysis {

    private RunAnalysis() {
    }

    /** Whether the analysis works on a model (needs run or point), so it can run on a run folder. */
    public static boolean takesRun(Contribution c) {
        String n = c.element().getAttribute("needs");
        return n == null || n.isBlank() || List.of(n.replace(" ", "").split(",")).stream()
                .anyMatch(s -> s.equals("run") || s.equals("point"));
    }

    /**
     * Runs and stores the analysis.
     *
     * @return the folder the result was written to
     * @throws IllegalArgumentException when the options or the run do not fit the analysis (its message)
     * @throws ExperimentException when the run's experiment cannot be set up again
     * @throws PluginFault when the analysis throws anything else, naming it and its bundle
     */
    public static Path run(ContributionRegistry registry, Contribution contribution, Map<String, String> options,
            RunFolder folder, IProgressMonitor monitor) throws IOException, CoreException, ExperimentException {
        SubMonitor progress = SubMonitor.convert(monitor, contribution.name() + " of " + folder.dir().getFileName(), 10);
        Settings settings = Settings.resolve(contribution, options);
        List<Long> steps = folder.keptSteps();
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(folder.dir() + " has no checkpoint to read parameters from");
        }
        long at = steps.get(steps.size() - 1);
        double[] parameters = folder.parametersAt(at).orElseThrow();
        Experiment e = EcoreUtil.copy(folder.readRun().getExperiment());
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, registry, folder.runFile());
        Subject subject = new Trainer().subject(plan, folder, parameters, at, progress.split(2));
        Analysis analysis = registry.createExecutable(contribution, Analysis.class);
        AnalysisResult result;
        try {
            analysis.configure(settings);
            result = analysis.analyze(new AnalysisInput(Optional.of(subject), Map.of()), progress.split(8));
        } catch (IllegalArgumentException | OperationCanceledException x) {
            throw x;
        } catch (RuntimeException | LinkageError | StackOverflowError x) {
            // a bug in the analysis (or in what it analyses): named, so that the view can say whose
            throw new PluginFault(contribution, "analyze", x);
        }
        return folder.writeAnalysis(result);
    }
}
