package org.descent.core;

import java.util.List;
import java.util.Map;

/**
 * The engine's hook for simulated mixed precision: compute in a low-precision format (fp16,
 * bf16) on rounded copies of the master weights, with loss scaling. Provided as an OSGi service
 * by the precision analysis bundle; the engine looks one up for {@link Precision#MIXED_FP16} and
 * {@link Precision#MIXED_BF16} and refuses those precisions, naming the missing bundle, when
 * there is none.
 * <p>
 * A policy has state (the loss scale, the statistics of the last step), so a run needs its own
 * instance: the service is registered with prototype scope and the engine obtains a fresh one
 * per run. The engine calls, per run: {@link #start} once, then every step {@link #round} on the
 * copy of the parameters the model is evaluated at, multiplies the loss (and so its gradient) by
 * {@link #lossScale()}, calls {@link #unscale} before clipping and the optimizer, and records
 * {@link #statistics}; checkpoints keep {@link #saveState()}.
 *
 * @since 0.1.0
 */
public interface MixedPrecisionPolicy {

    /** The precision this policy implements. */
    Precision precision();

    /**
     * Prepares the policy for a run: the model's parameter blocks (for per-block statistics) and
     * the loss scaling; the scale starts at {@link LossScaling#initialScale()}.
     */
    void start(List<ParameterBlock> blocks, LossScaling scaling);

    /** Rounds values in place onto the compute format's grid (round to nearest even). */
    void round(double[] values, int from, int to);

    /** The current loss scale (1 when scaling is off). */
    double lossScale();

    /**
     * Called after the backward pass of the scaled loss: rounds the scaled gradient to the
     * compute format (where small gradients underflow to zero and large ones overflow),
     * unscales it in place and updates the scale.
     *
     * @param step the number of the step being taken, from 1
     * @return whether the step may be taken; false skips it (a gradient entry is infinite or
     *         NaN in the compute format), with the reason logged and the gradient left at its
     *         unrounded, unscaled value for reporting
     */
    boolean unscale(double[] gradient, long step);

    /**
     * Adds the statistics of the last {@link #unscale} to {@code into} for the run's probe log:
     * the loss scale that step used, whether it was skipped, and per parameter block the
     * fraction of non-zero gradient entries that underflowed to zero or overflowed.
     */
    void statistics(Map<String, Double> into);

    /**
     * The state a checkpoint keeps so that a resumed run continues bit for bit: the loss
     * scaling settings, the current scale and the progress towards its next growth.
     */
    double[] saveState();

    /**
     * Restores a state from {@link #saveState()} after {@link #start}; the run continues with
     * the scaling it was started with.
     *
     * @throws IllegalArgumentException when the state was not saved by a policy of this kind
     */
    void restoreState(double[] state);

    /**
     * How the loss is scaled: dynamic scaling as PyTorch's {@code GradScaler} (start at
     * {@code initialScale}, multiply by {@code backoffFactor} on a step with an infinite or NaN
     * gradient, which is skipped, and by {@code growthFactor} after {@code growthInterval}
     * steps in a row without one), or a static scale that never changes (steps with an
     * infinite or NaN gradient are still skipped).
     */
    record LossScaling(boolean dynamic, double initialScale, double growthFactor, double backoffFactor,
            int growthInterval) {

        /** GradScaler's defaults: dynamic, 2^16, growth 2, back-off 0.5, every 2000 steps. */
        public static final LossScaling DEFAULT = new LossScaling(true, 65536, 2, 0.5, 2000);

        /** No scaling: a static scale of 1. */
        public static final LossScaling NONE = fixed(1);

        public LossScaling {
            if (!(initialScale > 0) || Double.isInfinite(initialScale)) {
                throw new IllegalArgumentException("loss scale " + initialScale + ": expected a finite value > 0");
            }
            if (!(growthFactor > 1) || Double.isInfinite(growthFactor)) {
                throw new IllegalArgumentException("loss scale growth factor " + growthFactor
                        + ": expected a finite value > 1");
            }
            if (!(backoffFactor > 0 && backoffFactor < 1)) {
                throw new IllegalArgumentException("loss scale back-off factor " + backoffFactor
                        + ": expected a value in (0, 1)");
            }
            if (growthInterval < 1) {
                throw new IllegalArgumentException("loss scale growth interval " + growthInterval
                        + ": expected at least 1 step");
            }
        }

        /** A static scale. */
        public static LossScaling fixed(double scale) {
            return new LossScaling(false, scale, 2, 0.5, 2000);
        }

        /** Dynamic scaling with GradScaler's factors and interval, starting at {@code initialScale}. */
        public static LossScaling dynamic(double initialScale) {
            return new LossScaling(true, initialScale, 2, 0.5, 2000);
        }
    }
}
