package org.descent.experiment.internal;

import java.io.IOException;
import java.util.List;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.Regularizer;
import org.descent.core.Schedule;
import org.descent.core.SplitMix64;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.model.Experiment;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a plan trains, set up and checked before anything is written: the data (split), the model
 * bound to the data's shape and the loss, the regularizers bound to the model's parameters, the
 * batch size and the budget in steps; and the seeded orders of the rows and noise of the steps.
 */
public final class TrainingSetup {

    /** Stream of the per-step noise seeds handed to models through {@link org.descent.core.Batch#seed()}. */
    private static final long NOISE_STREAM = 0x7015E5EEDL;

    private final ResolvedExperiment plan;
    private final TrainingData data;
    private final DataShape shape;
    private final List<ParameterBlock> blocks;
    private final int size;
    private final int batchSize;
    private final int stepsPerEpoch;
    private final long totalSteps;

    private TrainingSetup(ResolvedExperiment plan, TrainingData data, List<ParameterBlock> blocks) {
        this.plan = plan;
        this.data = data;
        this.shape = data.train().shape();
        this.blocks = blocks;
        this.size = ParameterBlock.total(blocks);
        Experiment e = plan.experiment();
        int rows = data.train().rows();
        this.batchSize = e.getBatchSize() == 0 ? rows : Math.min(e.getBatchSize(), rows);
        this.stepsPerEpoch = (rows + batchSize - 1) / batchSize;
        this.totalSteps = e.getSteps() > 0 ? e.getSteps() : (long) e.getEpochs() * stepsPerEpoch;
    }

    /** A part whose code threw while the run was set up: the run is refused, naming it; the exception goes to the log. */
    private static ExperimentException failed(Throwable ex, String action, ResolvedExperiment.Part<?> calling,
            ResolvedExperiment plan) {
        String message = Blame.message(ex, action, calling, plan.parts());
        ILog.of(TrainingSetup.class).error(message, ex);
        return new ExperimentException(message);
    }

    /**
     * Loads and splits the data and binds the model and regularizers.
     *
     * @throws ExperimentException when the data cannot be loaded or is empty, or the model, loss
     *             and data do not fit together
     */
    public static TrainingSetup prepare(ResolvedExperiment plan, IProgressMonitor monitor)
            throws ExperimentException, IOException {
        Experiment e = plan.experiment();
        String dataset = plan.dataset().contribution().id();
        Data all;
        try {
            all = plan.dataset().implementation().load(monitor);
        } catch (IllegalArgumentException ex) {
            // a data set's message usually names it already ("dataset 'csv' needs path=FILE"): say it once
            String m = String.valueOf(ex.getMessage());
            throw new ExperimentException(m.startsWith("dataset '" + dataset + "'") ? m : "dataset '" + dataset + "': " + m);
        } catch (RuntimeException | LinkageError | StackOverflowError ex) {
            throw failed(ex, "load", plan.dataset(), plan);
        }
        TrainingData data = TrainingData.split(all, dataset, e.getValidationFraction(), e.getSeed());
        Model model = plan.model().implementation();
        List<ParameterBlock> blocks;
        try {
            blocks = model.bind(data.train().shape(), plan.loss().implementation());
            model.observe(data.train());
        } catch (IllegalArgumentException ex) {
            throw new ExperimentException(ex.getMessage());
        } catch (RuntimeException | LinkageError | StackOverflowError ex) {
            throw failed(ex, "bind", plan.model(), plan);
        }
        for (ResolvedExperiment.Part<Regularizer> r : plan.regularizers()) {
            try {
                r.implementation().bind(blocks, data.train().shape());
            } catch (RuntimeException | LinkageError | StackOverflowError ex) {
                throw failed(ex, "bind", r, plan);
            }
        }
        return new TrainingSetup(plan, data, blocks);
    }

    public ResolvedExperiment plan() {
        return plan;
    }

    public Experiment experiment() {
        return plan.experiment();
    }

    public Data train() {
        return data.train();
    }

    public @Nullable Data validation() {
        return data.validation();
    }

    /** The training rows' fingerprint. */
    public long fingerprint() {
        return data.fingerprint();
    }

    public DataShape shape() {
        return shape;
    }

    public List<ParameterBlock> blocks() {
        return blocks;
    }

    /** Parameters of the model. */
    public int size() {
        return size;
    }

    public Model model() {
        return plan.model().implementation();
    }

    public LossFunction loss() {
        return plan.loss().implementation();
    }

    public Optimizer optimizer() {
        return plan.optimizer().implementation();
    }

    public @Nullable Schedule schedule() {
        return plan.schedule() == null ? null : plan.schedule().implementation();
    }

    public int batchSize() {
        return batchSize;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** The budget in steps. */
    public long totalSteps() {
        return totalSteps;
    }

    /** The learning rate of the step after {@code steps} steps. */
    public double learningRate(long steps) {
        double base = optimizer().learningRate();
        Schedule schedule = schedule();
        return schedule == null ? base : schedule.learningRate(base, steps);
    }

    /** The rows of an epoch in training order: shuffled per epoch, unless each step takes them all. */
    public int[] order(int epoch) {
        int rows = data.train().rows();
        return batchSize == rows ? identity(rows)
                : SplitMix64.forEpoch(plan.experiment().getSeed(), epoch).permutation(rows);
    }

    /** The seed of a training step's noise (dropout masks, VAE samples, negative samples). */
    public long noiseSeed(long step) {
        return SplitMix64.forEpoch(plan.experiment().getSeed() ^ NOISE_STREAM, step).nextLong();
    }

    /** The seed of the noise of evaluations (which take none: models in evaluation mode are deterministic). */
    public long evaluationSeed() {
        return plan.experiment().getSeed() ^ NOISE_STREAM;
    }

    /**
     * The parameters at a point: the given ones (a checkpoint's), or the seeded initial ones.
     *
     * @throws ExperimentException when the given parameters do not fit the model
     */
    public double[] parameters(double @Nullable [] given) throws ExperimentException {
        double[] theta = new double[size];
        if (given == null) {
            model().initialise(theta, plan.experiment().getSeed());
        } else if (given.length != size) {
            throw new ExperimentException("the checkpoint has " + given.length + " parameters, the model " + size);
        } else {
            System.arraycopy(given, 0, theta, 0, size);
        }
        return theta;
    }

    /** 0, 1, ..., n - 1. */
    public static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
