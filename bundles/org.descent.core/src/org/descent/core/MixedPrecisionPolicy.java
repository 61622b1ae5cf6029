package org.descent.core;

/**
 * The engine's hook for simulated mixed precision: compute in a low-precision format (fp16,
 * bf16) on rounded copies of fp32 master weights, with loss scaling. Provided as an OSGi
 * service by the precision analysis bundle; the engine looks one up for
 * {@link Precision#MIXED_FP16} and {@link Precision#MIXED_BF16} and refuses those precisions,
 * naming the missing bundle, when there is none.
 */
public interface MixedPrecisionPolicy {

    /** The precision this policy implements. */
    Precision precision();

    /** Rounds values in place onto the compute format's grid (round to nearest even). */
    void round(double[] values, int from, int to);

    /** The current loss scale (1 when scaling is off). */
    double lossScale();

    /**
     * Called after the backward pass of the scaled loss: unscales the gradient in place and
     * updates the scale.
     *
     * @return whether the step may be taken; false skips it (overflow), with the reason logged
     */
    boolean unscale(double[] gradient, long step);
}
