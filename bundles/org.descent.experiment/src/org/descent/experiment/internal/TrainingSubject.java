package org.descent.experiment.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Regularizer;
import org.descent.core.Subject;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.eclipse.jdt.annotation.Nullable;

/** A plan's model at a point, with its training data, for analyses (fp64, writes nothing). */
public final class TrainingSubject implements Subject {

    private final TrainingSetup setup;
    private final @Nullable RunFolder folder;
    private final double[] theta;
    private final long step;
    private final String label;
    private final double learningRate;

    /**
     * @param setup the plan, set up
     * @param folder the run the parameters come from (for its trajectory), or null
     * @param theta the parameters at the point
     * @param step the step of those parameters
     * @param initial whether they are the seeded initial ones
     */
    public TrainingSubject(TrainingSetup setup, @Nullable RunFolder folder, double[] theta, long step, boolean initial) {
        this.setup = setup;
        this.folder = folder;
        this.theta = theta;
        this.step = step;
        ResolvedExperiment plan = setup.plan();
        this.label = plan.model().contribution().id() + " on " + plan.dataset().contribution().id()
                + (folder == null ? "" : ", run " + folder.dir().getFileName())
                + (initial ? ", initial parameters (seed " + setup.experiment().getSeed() + ")" : ", step " + step);
        this.learningRate = setup.learningRate(Math.max(0, step - 1));
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Model model() {
        return setup.model();
    }

    @Override
    public LossFunction loss() {
        return setup.loss();
    }

    @Override
    public DataShape shape() {
        return setup.shape();
    }

    @Override
    public Data data() {
        return setup.train();
    }

    @Override
    public List<ParameterBlock> blocks() {
        return setup.blocks();
    }

    @Override
    public int size() {
        return theta.length;
    }

    @Override
    public double[] parameters() {
        return theta.clone();
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public int batchSize() {
        return setup.batchSize();
    }

    @Override
    public Batch batch(int rows) {
        int n = Math.max(1, Math.min(rows, setup.train().rows()));
        Batch b = new Batch(n, setup.shape().inputDim(), setup.shape().targetDim());
        b.fill(setup.train(), setup.order(0), 0, n);
        b.mode(true, setup.noiseSeed(step));
        return b;
    }

    @Override
    public Model.Evaluator evaluator(int maxBatch) {
        return setup.model().evaluator(Precision.FP64, maxBatch);
    }

    @Override
    public double objective(Model.Evaluator evaluator, double[] parameters, Batch batch, double[] gradient) {
        double value = evaluator.lossAndGradient(parameters, batch, gradient) + penalties(parameters, gradient);
        for (ParameterBlock b : setup.blocks()) {
            if (b.buffer()) {
                Arrays.fill(gradient, b.offset(), b.offset() + b.size(), 0);
            }
        }
        return value;
    }

    @Override
    public double penalties(double[] parameters, double[] gradient) {
        double value = 0;
        for (ResolvedExperiment.Part<Regularizer> r : setup.plan().regularizers()) {
            value += r.implementation().addPenalty(parameters, gradient);
        }
        return value;
    }

    @Override
    public List<Point> trajectory() {
        RunFolder f = folder;
        if (f == null) {
            return List.of();
        }
        try {
            return f.trajectory().stream().filter(p -> p.parameters().length == theta.length).toList();
        } catch (IOException ex) {
            throw new IllegalArgumentException("cannot read the trajectory of " + f.dir() + ": " + ex.getMessage(), ex);
        }
    }
}
