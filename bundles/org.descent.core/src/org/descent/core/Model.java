package org.descent.core;

import java.util.List;

/**
 * A model contribution: a differentiable function of named parameter blocks. Configured from
 * its hyperparameters (architecture, initial values), then bound to a data shape and a loss,
 * which fixes the parameter layout.
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
    }
}
