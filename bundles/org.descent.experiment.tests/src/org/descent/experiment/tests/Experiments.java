package org.descent.experiment.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.Components;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

/** Builds experiments from command-line style specs and runs them, for the tests. */
final class Experiments {

    private Experiments() {
    }

    static Component component(String spec) {
        return Components.of(spec);
    }

    static Experiment experiment(String dataset, String model, String loss, String optimizer, long steps) {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName(model + " / " + optimizer);
        e.setDataset(component(dataset));
        e.setModel(component(model));
        e.setLoss(component(loss));
        e.setOptimizer(component(optimizer));
        e.setSteps(steps);
        return e;
    }

    /** Adam (lr 1e-3) on the digits in minibatches of 64 for some epochs, 20% held out. */
    static Experiment digits(String model, String loss, int epochs) {
        Experiment e = experiment("digits", model, loss, "adam:lr=1e-3", 0);
        e.setSteps(0);
        e.setEpochs(epochs);
        e.setBatchSize(64);
        e.setValidationFraction(0.2);
        return e;
    }

    /**
     * Trains the experiment whole in {@code dir/whole}, and again in {@code dir/cut} cancelled after
     * step {@code cutAt} and resumed; asserts that metrics.csv (wall time aside) and the final
     * parameters are the same. Returns the uninterrupted run's result and the final parameters.
     */
    static Resumed assertResumesBitIdentically(Supplier<Experiment> experiment, Path dir, long cutAt) throws Exception {
        TrainingResult whole = train(experiment.get(), dir.resolve("whole"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, whole.status(), whole.message());
        NullProgressMonitor monitor = new NullProgressMonitor();
        Trainer stopping = new Trainer().listener(new RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double g, double lr, Map<String, Double> p) {
                if (step == cutAt) {
                    monitor.setCanceled(true);
                }
            }
        });
        TrainingResult cut = train(stopping, experiment.get(), dir.resolve("cut"), monitor);
        assertEquals(RunStatus.CANCELLED, cut.status());
        assertEquals(cutAt, cut.steps());
        TrainingResult resumed = new Trainer().resume(new RunFolder(dir.resolve("cut")), Contributions.registry(),
                new NullProgressMonitor());
        assertEquals(RunStatus.DONE, resumed.status(), resumed.message());
        assertEquals(metricsWithoutWallTime(dir.resolve("whole")), metricsWithoutWallTime(dir.resolve("cut")));
        Checkpoint a = new RunFolder(dir.resolve("whole")).latestCheckpoint().orElseThrow();
        Checkpoint b = new RunFolder(dir.resolve("cut")).latestCheckpoint().orElseThrow();
        assertArrayEquals(a.parameters(), b.parameters());
        return new Resumed(whole, a.parameters());
    }

    /** An uninterrupted run and its final parameters. */
    record Resumed(TrainingResult whole, double[] parameters) {
    }

    static TrainingResult train(Experiment e, Path dir, IProgressMonitor monitor)
            throws ExperimentException, IOException {
        return train(new Trainer(), e, dir, monitor);
    }

    static TrainingResult train(Trainer trainer, Experiment e, Path dir, IProgressMonitor monitor)
            throws ExperimentException, IOException {
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, Contributions.registry(), null);
        return trainer.train(plan, RunFolder.create(dir), monitor);
    }

    /** metrics.csv without the wall-time column, which is the only one allowed to differ. */
    static List<String> metricsWithoutWallTime(Path runDir) throws IOException {
        List<String> out = new ArrayList<>();
        int wall = -1;
        for (String line : Files.readAllLines(runDir.resolve(RunFolder.METRICS_FILE), StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", -1);
            if (wall < 0) {
                wall = List.of(cells).indexOf("wall_s");
            }
            List<String> kept = new ArrayList<>(List.of(cells));
            kept.remove(wall);
            out.add(String.join(",", kept));
        }
        return out;
    }
}
