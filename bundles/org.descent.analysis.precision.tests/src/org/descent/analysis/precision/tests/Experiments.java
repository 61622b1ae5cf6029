package org.descent.analysis.precision.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.ParameterBlock;
import org.descent.core.Subject;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.Trainer;
import org.descent.experiment.Components;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.NullProgressMonitor;

/** Experiments built in code for the tests, and the tanh "pooler" of the 004 question. */
final class Experiments {

    private Experiments() {
    }

    static Component component(String spec) {
        return Components.of(spec);
    }

    static Experiment experiment(String dataset, String model, String loss, String optimizer) {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName(model + " / " + optimizer);
        e.setDataset(component(dataset));
        e.setModel(component(model));
        e.setLoss(component(loss));
        e.setOptimizer(component(optimizer));
        return e;
    }

    /**
     * One saturated tanh unit between input and output, as BERT's pooler: y = v·tanh(w·t + b) + c
     * fitted to y = t/2 for 64 points t in [-1, 1], full batch, with w = 0.5 and b = 10 so that
     * tanh'(z) is about 1e-8 on every row. The output layer's gradient is of order 1, the
     * pooler's of order 1e-8: below half of fp16's smallest subnormal (3e-8).
     */
    static Experiment pooler(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("t,y\n");
        for (int i = 0; i < 64; i++) {
            double t = -1 + 2.0 * i / 63;
            csv.append(String.format(Locale.ROOT, "%s,%s%n", t, t / 2));
        }
        Path file = dir.resolve("pooler.csv");
        Files.writeString(file, csv);
        Experiment e = experiment("csv:path=" + file + ",task=regression", "mlp:hidden=1,activation=tanh", "mse",
                "adam:lr=0.05");
        e.setBatchSize(0);
        e.setSteps(1);
        return e;
    }

    /** The pooler's saturated starting point: w = 0.5, b = 10, v = 1, c = 0. */
    static double[] poolerParameters(Subject s) {
        double[] theta = new double[s.size()];
        for (ParameterBlock b : s.blocks()) {
            theta[b.offset()] = switch (b.name()) {
            case "layer1.weight" -> 0.5;
            case "layer1.bias" -> 10;
            case "layer2.weight" -> 1;
            case "layer2.bias" -> 0;
            default -> throw new IllegalStateException("unexpected block " + b.name() + " in " + s.blocks());
            };
        }
        return theta;
    }

    static Subject subject(Experiment e, double[] parameters) throws Exception {
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, Contributions.registry(), null);
        return new Trainer().subject(plan, null, parameters, 0, null);
    }

    /** The pooler experiment at its saturated starting point. */
    static Subject saturatedPooler(Path dir) throws Exception {
        Experiment e = pooler(dir);
        return subject(e, poolerParameters(subject(e, null)));
    }

    static AnalysisResult analyze(Map<String, ?> options, Subject subject) throws Exception {
        Analysis a = Contributions.create("analyses", "precision", options, Analysis.class);
        return a.analyze(new AnalysisInput(java.util.Optional.of(subject), Map.of()), new NullProgressMonitor());
    }

    /** A column of a result's table. */
    static double[] column(AnalysisResult r, String table, String column) {
        return r.tables().get(table).column(column);
    }
}
