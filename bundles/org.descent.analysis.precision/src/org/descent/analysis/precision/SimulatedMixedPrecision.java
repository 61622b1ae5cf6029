package org.descent.analysis.precision;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Mixed-precision training simulated on doubles, as PyTorch's autocast with {@code GradScaler}:
 * the model is evaluated at the master weights rounded to the compute format, the scaled
 * gradient is rounded to the format (small entries underflow to zero, large ones overflow to
 * infinity), a step with an infinite or NaN entry is skipped and, with dynamic scaling, the
 * scale is halved; after {@code growthInterval} good steps in a row it doubles. One instance per
 * run: {@link #start} resets it.
 *
 * @since 0.1.0
 */
public class SimulatedMixedPrecision implements MixedPrecisionPolicy {

    private static final int STATE_LENGTH = 7;

    private final FloatFormat format;
    private List<ParameterBlock> blocks = List.of();
    private LossScaling scaling = LossScaling.DEFAULT;
    private double scale = 1;
    private int goodSteps;
    private boolean started;
    private double usedScale = Double.NaN;
    private boolean skipped;
    private @Nullable GradientRounding last;
    private @Nullable String skipReason;

    /** A policy computing in {@code format}; call {@link #start} before the first step. */
    public SimulatedMixedPrecision(FloatFormat format) {
        this.format = format;
    }

    /** The compute format. */
    public FloatFormat format() {
        return format;
    }

    @Override
    public Precision precision() {
        return format == FloatFormat.FP16 ? Precision.MIXED_FP16 : Precision.MIXED_BF16;
    }

    @Override
    public void start(List<ParameterBlock> parameterBlocks, LossScaling lossScaling) {
        blocks = List.copyOf(parameterBlocks);
        scaling = lossScaling;
        scale = lossScaling.initialScale();
        goodSteps = 0;
        started = true;
        usedScale = Double.NaN;
        skipped = false;
        last = null;
        skipReason = null;
    }

    @Override
    public void round(double[] values, int from, int to) {
        format.round(values, from, to);
    }

    @Override
    public double lossScale() {
        return scale;
    }

    @Override
    public boolean unscale(double[] gradient, long step) {
        if (!started) {
            throw new IllegalStateException("the mixed-precision policy was not started: call start(blocks, scaling)"
                    + " before step " + step);
        }
        GradientRounding counts = GradientRounding.count(format, blocks, gradient);
        last = counts;
        usedScale = scale;
        skipped = counts.overflowed();
        if (skipped) {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] /= scale;
            }
        } else {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = format.round(gradient[i]) / scale;
            }
        }
        skipReason = null;
        if (skipped) {
            if (scaling.dynamic()) {
                scale *= scaling.backoffFactor();
            }
            goodSteps = 0;
            skipReason = String.format(Locale.ROOT, "step %d skipped: the %s gradient at loss scale %s is infinite or NaN"
                    + " in %s; loss scale now %s", step, format.id(), number(usedScale), counts.overflowedBlocks(),
                    number(scale));
            ILog.of(SimulatedMixedPrecision.class).info(skipReason);
        } else if (scaling.dynamic() && ++goodSteps == scaling.growthInterval()) {
            double grown = scale * scaling.growthFactor();
            if (Double.isFinite(grown)) {
                scale = grown;
            }
            goodSteps = 0;
        }
        return !skipped;
    }

    /**
     * Adds the last step's {@code loss_scale} (the scale that step used), {@code skipped_step}
     * (1 when skipped) and per parameter block {@code <format>_underflow/<block>} and
     * {@code <format>_overflow/<block>}: the fractions of the block's non-zero gradient entries
     * that rounded to zero or to infinity/NaN.
     */
    @Override
    public void statistics(Map<String, Double> into) {
        GradientRounding r = last;
        if (r == null) {
            return;
        }
        into.put("loss_scale", usedScale);
        into.put("skipped_step", skipped ? 1.0 : 0.0);
        for (int k = 0; k < r.blocks().size(); k++) {
            String name = r.blocks().get(k).name();
            into.put(format.id() + "_underflow/" + name, r.underflowFraction(k));
            into.put(format.id() + "_overflow/" + name, r.overflowFraction(k));
        }
    }

    /**
     * {@code [dynamic (1 or 0), initial scale, growth factor, back-off factor, growth interval,
     * scale, good steps since the scale last changed]}.
     */
    @Override
    public double[] saveState() {
        return new double[] { scaling.dynamic() ? 1 : 0, scaling.initialScale(), scaling.growthFactor(),
                scaling.backoffFactor(), scaling.growthInterval(), scale, goodSteps };
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length != STATE_LENGTH) {
            throw new IllegalArgumentException("mixed-precision policy state of " + state.length + " values: expected "
                    + STATE_LENGTH + " (scaling settings, scale, good steps)");
        }
        if (!started) {
            throw new IllegalStateException("restoreState before start(blocks, scaling)");
        }
        scaling = new LossScaling(state[0] != 0, state[1], state[2], state[3], (int) state[4]);
        if (!(state[5] > 0) || state[6] < 0 || state[6] >= scaling.growthInterval()) {
            throw new IllegalArgumentException("mixed-precision policy state: scale " + state[5] + " and " + state[6]
                    + " good steps do not fit a growth interval of " + scaling.growthInterval());
        }
        scale = state[5];
        goodSteps = (int) state[6];
    }

    /** The counts of the last {@link #unscale}, if there was one since {@link #start}. */
    public @Nullable GradientRounding lastRounding() {
        return last;
    }

    /** Why the last step was skipped, or null when it was taken. */
    public @Nullable String skipReason() {
        return skipReason;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
