package org.descent.experiment.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.descent.core.ComponentSpec;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Setting;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.IProgressMonitor;

/** Builds experiments from command-line style specs and runs them, for the tests. */
final class Experiments {

    private Experiments() {
    }

    static Component component(String spec) {
        ComponentSpec s = ComponentSpec.parse(spec);
        Component c = ExperimentFactory.eINSTANCE.createComponent();
        c.setId(s.id());
        s.values().forEach((k, v) -> {
            Setting setting = ExperimentFactory.eINSTANCE.createSetting();
            setting.setName(k);
            setting.setValue(v);
            c.getSettings().add(setting);
        });
        return c;
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
