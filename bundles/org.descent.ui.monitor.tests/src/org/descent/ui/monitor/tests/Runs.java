package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.RunStatus;
import org.descent.experiment.Components;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.testing.Contributions;

/** Small real runs for the tests, and their files read back. */
final class Runs {

    private Runs() {
    }

    static Experiment experiment(String dataset, String model, String loss, String optimizer) {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName(model + " / " + optimizer);
        e.setDataset(Components.of(dataset));
        e.setModel(Components.of(model));
        e.setLoss(Components.of(loss));
        e.setOptimizer(Components.of(optimizer));
        e.setSeed(3);
        return e;
    }

    /** Digits, a small MLP, evaluated on 20% held out after every epoch, with the norms probe. */
    static Experiment digits(String optimizer, int epochs) {
        Experiment e = experiment("digits", "mlp:hidden=32", "cross-entropy", optimizer);
        e.setEpochs(epochs);
        e.setBatchSize(64);
        e.setValidationFraction(0.2);
        e.setCheckpointEvery(0);
        e.getProbes().add(Components.of("norms"));
        return e;
    }

    static RunFolder train(RunStore store, String label, Experiment e, Trainer trainer)
            throws IOException, ExperimentException {
        RunFolder f = store.newRun(label);
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, Contributions.registry(), null);
        TrainingResult r = trainer.train(plan, f, null);
        assertEquals(RunStatus.DONE, r.status(), r.message());
        return f;
    }

    /** A column of metrics.csv as (step, value) pairs, the rows where it has a value. */
    static List<double[]> column(RunFolder f, String name) throws IOException {
        List<String> lines = Files.readAllLines(f.metricsFile(), StandardCharsets.UTF_8);
        int c = List.of(lines.get(0).split(",", -1)).indexOf(name);
        List<double[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (!cells[c].isEmpty()) {
                out.add(new double[] { Double.parseDouble(cells[0]), Double.parseDouble(cells[c]) });
            }
        }
        return out;
    }

    /** probes.csv as (step, value) pairs per name. */
    static Map<String, List<double[]>> probes(RunFolder f) throws IOException {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(f.probesFile(), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            int a = line.indexOf(',');
            int b = line.lastIndexOf(',');
            out.computeIfAbsent(line.substring(a + 1, b), k -> new ArrayList<>()).add(new double[] {
                    Double.parseDouble(line.substring(0, a)), Double.parseDouble(line.substring(b + 1)) });
        }
        return out;
    }
}
