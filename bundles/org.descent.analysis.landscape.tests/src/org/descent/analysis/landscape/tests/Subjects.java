package org.descent.analysis.landscape.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.RunStatus;
import org.descent.core.Subject;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.Components;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

/** Real subjects for the tests: digits experiments built in code, trained into temporary folders. */
final class Subjects {

    private Subjects() {
    }

    static Component component(String spec) {
        return Components.of(spec);
    }

    /** An MLP on the digits with Adam, minibatches of 64, a checkpoint every 10 steps. */
    static Experiment digits(String model, long steps, double validation) {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName(model);
        e.setDataset(component("digits"));
        e.setModel(component(model));
        e.setLoss(component("cross-entropy"));
        e.setOptimizer(component("adam:lr=0.01"));
        e.setSteps(steps);
        e.setBatchSize(64);
        e.setSeed(7);
        e.setCheckpointEvery(10);
        e.setValidationFraction(validation);
        return e;
    }

    /** The experiment's initial parameters as a subject (no run, no trajectory). */
    static Subject initial(Experiment e) throws Exception {
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, Contributions.registry(), null);
        return new Trainer().subject(plan, null, null, 0, null);
    }

    /** Trains the experiment into {@code dir} and returns the subject at its last checkpoint. */
    static Subject trained(Experiment e, Path dir) throws Exception {
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, Contributions.registry(), null);
        RunFolder folder = RunFolder.create(dir);
        TrainingResult result = new Trainer().train(plan, folder, new NullProgressMonitor());
        assertEquals(RunStatus.DONE, result.status(), result.message());
        List<Subject.Point> points = new Trainer().subject(plan, folder, null, 0, null).trajectory();
        Subject.Point last = points.get(points.size() - 1);
        assertEquals(result.steps(), last.step());
        return new Trainer().subject(plan, folder, last.parameters(), last.step(), null);
    }

    static Analysis analysis(String id, Map<String, ?> options) {
        return Contributions.create("analyses", id, options, Analysis.class);
    }

    static AnalysisResult run(String id, Map<String, ?> options, Subject subject) throws Exception {
        return run(id, options, subject, new NullProgressMonitor());
    }

    static AnalysisResult run(String id, Map<String, ?> options, Subject subject, IProgressMonitor monitor)
            throws Exception {
        return analysis(id, options).analyze(new AnalysisInput(Optional.of(subject), Map.of()), monitor);
    }

    /** Prints a result's text report and warnings (the test log shows what the CLI would print). */
    static AnalysisResult print(AnalysisResult r) {
        System.out.println("--- descent analyze " + r.analysis());
        r.report().forEach(System.out::println);
        r.warnings().forEach(w -> System.out.println("warning: " + w));
        return r;
    }

    /** A column of a result's table. */
    static double[] column(AnalysisResult r, String table, String column) {
        return r.tables().get(table).column(column);
    }

    /** A cancelled monitor. */
    static IProgressMonitor cancelled() {
        NullProgressMonitor m = new NullProgressMonitor();
        m.setCanceled(true);
        return m;
    }
}
