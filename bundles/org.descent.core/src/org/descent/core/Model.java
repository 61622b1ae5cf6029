package org.descent.core;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A model contribution: a differentiable function of named parameter blocks. Configured from
 * its hyperparameters (architecture, initial values), then bound to a data shape and a loss,
 * which fixes the parameter layout.
 *
 * @since 0.1.0
 */
public interface Model extends Configurable {

    /**
     * Fixes the parameter layout for this data and loss.
     *
     * @return the parameter blocks, contiguous from offset 0
     * @throws IllegalArgumentException when the model cannot serve this data or loss; the
     *             message names what does not fit
     */
    List<ParameterBlock> bind(DataShape shape, LossFunction loss);

    /**
     * Shows the model its training data once, after {@link #bind} and before
     * {@link #initialise}, for models that need statistics of it (word frequencies for negative
     * sampling or a Huffman tree, the data's vocabulary). The default ignores it.
     *
     * @throws IllegalArgumentException when the data lacks what the model needs (a vocabulary)
     */
    default void observe(Data training) {
    }

    /**
     * Writes initial parameter values: from the declared initial-value hyperparameters, or
     * drawn with the given seed. Same seed, same values.
     */
    void initialise(double[] parameters, long seed);

    /**
     * Creates an evaluator with its own work buffers, for batches of up to {@code maxBatch}
     * rows. An evaluator is used by one thread at a time.
     *
     * @throws IllegalArgumentException when the model does not support the precision
     */
    Evaluator evaluator(Precision precision, int maxBatch);

    /** Forward and backward passes of a bound model. */
    interface Evaluator {

        /**
         * Computes the mean loss over the batch and its gradient with respect to all parameters.
         *
         * @param parameters the flat parameter vector
         * @param gradient receives the gradient, same layout (overwritten)
         * @return the mean loss
         */
        double lossAndGradient(double[] parameters, Batch batch, double[] gradient);

        /**
         * Computes the model's outputs for the batch, {@code batch.size() x outputDim} row-major.
         *
         * @return the output buffer (owned by the evaluator; valid until the next call)
         */
        double[] forward(double[] parameters, Batch batch);

        /** Values per output row. */
        int outputDim();

        /**
         * Computes inside the passes in a simulated low-precision format (mixed precision): with a
         * policy, every layer's outputs are rounded onto the policy's format in forward passes, and
         * in {@link #lossAndGradient} the gradient of the loss with respect to the outputs is
         * multiplied by the policy's loss scale and rounded, as is every gradient passed back between
         * layers, so that the parameter gradient comes out scaled (products accumulate in fp64). The
         * inputs are used as given. Null turns it off.
         *
         * @return whether this evaluator does so; the default does not, and the engine then rounds
         *         the parameters and scales the gradient after the pass
         */
        default boolean simulate(@Nullable MixedPrecisionPolicy policy) {
            return false;
        }

        /**
         * The exact product of the mean loss' Hessian with a direction, by forward-over-reverse
         * differentiation (Pearlmutter's R-op): one forward and backward pass, then their
         * directional derivatives along {@code v}.
         *
         * @param v a direction in parameter space (same layout as the parameters; zero on buffers)
         * @param out receives the product (overwritten)
         * @return false when this evaluator (one of its layers, or the loss) cannot; {@code out}
         *         is then undefined
         */
        default boolean hessianVector(double[] parameters, Batch batch, double[] v, double[] out) {
            return false;
        }

        /**
         * Mean loss and number of correct predictions of a batch in evaluation mode (the batch's
         * {@link Batch#training()} is false: no dropout, running statistics). The default scores
         * {@link #forward} against the batch's targets with the bound loss; models whose loss is
         * not a function of outputs and targets alone (autoencoders, VAEs, word2vec) override it.
         *
         * @param loss the bound loss
         * @param shape the data shape the model was bound to
         */
        default Score score(double[] parameters, Batch batch, LossFunction loss, DataShape shape) {
            double[] out = forward(parameters, batch);
            int n = batch.size();
            return new Score(loss.evaluate(n, shape, out, batch.targets(), null), loss.correct(n, shape, out,
                    batch.targets()));
        }
    }

    /**
     * An evaluator of a model made of layers that can report, per layer, what its last
     * {@link Evaluator#forward} or {@link Evaluator#lossAndGradient} did.
     */
    interface Inspectable {

        /** The layers' statistics of the last pass, input to output. */
        List<LayerStatistics> lastPass();

        /** Examples in the last pass. */
        int lastRows();

        /**
         * The outputs of layer {@code layer} (index into {@link #lastPass()}) in the last pass: the
         * first {@code lastRows()} times the layer's output size values. Owned by the evaluator; read
         * only, valid until its next pass.
         */
        double[] outputs(int layer);

        /**
         * The gradient of the loss with respect to those outputs in the last backward pass (same
         * layout), or null when the last pass had no backward pass.
         */
        double @Nullable [] outputGradients(int layer);
    }

    /**
     * An evaluator that splits the gradient of its last {@link Evaluator#lossAndGradient} by
     * example, in one pass over the batch (the 004 question: the mean of squared per-example
     * gradients without a backward pass per example). Example r's gradient {@code g_r} is n times
     * its part of the batch's mean-loss gradient, so the batch gradient is the mean of the
     * {@code g_r}; for layers without coupling between examples, {@code g_r} is the gradient of
     * example r's own loss. With batch normalization in a training pass the examples are coupled
     * through the batch statistics: the parts still average to the batch gradient, but are not the
     * gradients of the examples' own losses.
     */
    interface PerExample {

        /**
         * Summarizes the per-example gradients of the last pass.
         *
         * @param squaredNorms receives {@code ||g_r||²} for each of the n examples
         * @param meanSquares receives {@code (1/n) Σ_r g_r∘g_r}, in the gradient's layout (zero for
         *            buffers)
         * @throws UnsupportedOperationException naming the layer that cannot split its gradient
         */
        void perExample(double[] squaredNorms, double[] meanSquares);

        /**
         * Writes example r's gradient {@code g_r} of the last pass (zero for buffers).
         *
         * @throws UnsupportedOperationException naming the layer that cannot split its gradient
         */
        void exampleGradient(int r, double[] gradient);
    }

    /**
     * A batch's evaluation.
     *
     * @param loss the mean loss over the batch
     * @param correct correctly predicted examples, or {@code NaN} when the model does not classify
     */
    record Score(double loss, double correct) {
    }
}
