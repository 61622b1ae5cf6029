package org.descent.profiler.internal;

import java.io.IOException;

import org.descent.core.Batch;
import org.descent.core.ContributionRegistry;
import org.descent.core.Model;
import org.descent.core.Subject;
import org.descent.experiment.Components;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.Trainer;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The train workload: Descent's own training step — forward and backward pass of an MLP on the
 * digits data set and a gradient-descent update — as the engine's {@link Subject} computes it.
 * Each thread trains its own copy of the seeded initial parameters on the same minibatch (workers
 * of data-parallel training without averaging); one step is one tick.
 */
public final class TrainWorkload {

    /** The experiment: digits, an MLP with one hidden layer of 64, cross-entropy, minibatches of 64. */
    static final String DATASET = "digits";
    static final String MODEL = "mlp:hidden=64";
    static final String LOSS = "cross-entropy";
    static final String OPTIMIZER = "gd:lr=0.1";
    static final int BATCH = 64;

    private final Subject subject;
    private final double learningRate;

    private TrainWorkload(Subject subject) {
        this.subject = subject;
        this.learningRate = subject.learningRate();
    }

    /** Resolves the experiment with the registry's contributions and sets up its data and model. */
    public static TrainWorkload prepare(ContributionRegistry registry, IProgressMonitor monitor)
            throws ExperimentException, IOException {
        ExperimentFactory f = ExperimentFactory.eINSTANCE;
        Experiment e = f.createExperiment();
        e.setName("gil train workload");
        e.setDataset(Components.of(DATASET));
        e.setModel(Components.of(MODEL));
        e.setLoss(Components.of(LOSS));
        e.setOptimizer(Components.of(OPTIMIZER));
        e.setBatchSize(BATCH);
        e.setSteps(1);
        e.setSeed(0);
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, registry, null);
        return new TrainWorkload(new Trainer().subject(plan, null, null, 0, monitor));
    }

    /** What the workload trains, for explanations. */
    public String label() {
        return MODEL + " on " + DATASET + " (" + subject.size() + " parameters, batch " + BATCH + ")";
    }

    /** One thread's training: its own parameters, gradient, evaluator and batch. */
    Share share() {
        return new Share(subject.parameters(), subject.batch(BATCH));
    }

    /** One thread's state; {@link #step()} is one training step. */
    final class Share {
        private final double[] theta;
        private final double[] gradient;
        private final Batch batch;
        private Model.@org.eclipse.jdt.annotation.Nullable Evaluator evaluator;

        Share(double[] theta, Batch batch) {
            this.theta = theta;
            this.gradient = new double[theta.length];
            this.batch = batch;
        }

        /** One forward and backward pass and update; returns the loss. */
        double step() {
            Model.Evaluator ev = evaluator;
            if (ev == null) {
                ev = subject.evaluator(BATCH);
                evaluator = ev;
            }
            double loss = subject.objective(ev, theta, batch, gradient);
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= learningRate * gradient[i];
            }
            return loss;
        }
    }
}
