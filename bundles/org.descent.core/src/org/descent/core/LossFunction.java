package org.descent.core;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A loss: the mean over a batch of a per-example loss between a model's output rows and the
 * targets, with its gradient with respect to the outputs. Implementations must be stateless
 * after {@link #configure(Settings)}, so one instance can serve several threads.
 *
 * @since 0.1.0
 */
public interface LossFunction extends Configurable {

    /** What the loss expects a model's output row to hold. */
    OutputKind outputKind();

    /**
     * How many output values per example the loss expects for this data.
     *
     * @throws IllegalArgumentException when the loss does not accept these targets (for
     *             example cross-entropy on real-valued targets); the message says what it needs
     */
    int outputDim(DataShape shape);

    /**
     * Mean loss over {@code n} examples.
     *
     * @param n number of examples
     * @param outputs model outputs, {@code n x outputDim} row-major
     * @param targets targets, {@code n x shape.targetDim()} row-major
     * @param gradient when not null, receives d(mean loss)/d(outputs), same layout as outputs
     */
    double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient);

    /**
     * Number of correctly classified examples among {@code n}, or {@code NaN} when the loss is
     * not a classification loss.
     */
    default double correct(int n, DataShape shape, double[] outputs, double[] targets) {
        return Double.NaN;
    }

    /**
     * The loss' curvature in the outputs along a direction, for exact Hessian-vector products:
     * writes {@code (∂²L/∂outputs²)·rOutputs}, the derivative of {@link #evaluate}'s gradient along
     * {@code rOutputs} (same layout).
     *
     * @return false when the loss does not provide it (the default)
     */
    default boolean hessianVector(int n, DataShape shape, double[] outputs, double[] targets, double[] rOutputs,
            double[] out) {
        return false;
    }
}
