package org.descent.core;

import java.util.List;

/**
 * A bound model at one point of its training, with its data: what curvature, gradient,
 * landscape and precision analyses work on. Everything is fp64. The objective is the training
 * objective: the model's mean loss on a batch plus the experiment's penalties.
 *
 * @since 0.1.0
 */
public interface Subject {

    /** For reports, e.g. {@code mlp on digits, run 20261201-1200-mlp, step 400}. */
    String label();

    /** The bound model (already {@link Model#observe observed} the training data). */
    Model model();

    LossFunction loss();

    DataShape shape();

    /** The training data (after the experiment's validation split). */
    Data data();

    /** The parameter layout. */
    List<ParameterBlock> blocks();

    /** Number of parameters, {@code ParameterBlock.total(blocks())}. */
    int size();

    /** A copy of the parameters at this point. */
    double[] parameters();

    /** The optimizer step of those parameters (0: the initial ones). */
    long step();

    /**
     * The learning rate the experiment's optimizer used (after its schedule) at this step, or
     * {@code NaN} when it has none.
     */
    double learningRate();

    /** The experiment's minibatch size (the whole training set for full-batch training). */
    int batchSize();

    /**
     * A fixed batch of the training data: the first {@code rows} rows of epoch 0's order (all rows
     * when {@code rows} is at least the data's size), in training mode with a fixed noise seed, so
     * that the objective on it is a deterministic function of the parameters.
     */
    Batch batch(int rows);

    /** A fresh fp64 evaluator for batches of up to {@code maxBatch} rows. */
    Model.Evaluator evaluator(int maxBatch);

    /**
     * The training objective on a batch: mean loss plus penalties, and its gradient.
     *
     * @param evaluator an evaluator from {@link #evaluator(int)}
     * @param gradient receives the gradient (overwritten); buffer blocks get zero
     */
    double objective(Model.Evaluator evaluator, double[] parameters, Batch batch, double[] gradient);

    /**
     * The experiment's penalties alone: adds their gradient to {@code gradient} and returns their
     * value (0 without regularizers, the default).
     */
    default double penalties(double[] parameters, double[] gradient) {
        return 0;
    }

    /**
     * The parameters at each saved checkpoint of the run, oldest first (empty for an experiment
     * that was not run).
     */
    List<Point> trajectory();

    /**
     * Parameters at a step.
     *
     * @param step optimizer step
     * @param parameters the flat parameter vector
     */
    record Point(long step, double[] parameters) {
    }
}
