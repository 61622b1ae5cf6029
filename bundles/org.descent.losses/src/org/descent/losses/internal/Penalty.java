package org.descent.losses.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.DataShape;
import org.descent.core.ParameterBlock;
import org.descent.core.Regularizer;
import org.descent.core.Settings;

/**
 * L2 and L1 penalties on the parameters, written either directly with a strength λ or as the
 * prior they are the negative log of:
 * <ul>
 * <li>{@code l2-penalty}: (λ/2)·‖θ‖², the maximum a posteriori estimate under a Gaussian prior
 * N(0, σ²) with σ² = 1/(N·λ) when the loss is the mean over N examples;</li>
 * <li>{@code gaussian-prior}: the same penalty given σ (λ = 1/(N·σ²));</li>
 * <li>{@code l1-penalty}: λ·‖θ‖₁, a Laplace prior with scale b = 1/(N·λ);</li>
 * <li>{@code laplace-prior}: the same given b (λ = 1/(N·b)).</li>
 * </ul>
 * {@code applies_to=weights} leaves biases (blocks named {@code *.bias}) unpenalized.
 */
public abstract class Penalty implements Regularizer {

    private final boolean l1;
    private boolean fromPrior;
    private double strength;
    private double priorScale;
    private boolean weightsOnly;
    private final List<int[]> ranges = new ArrayList<>();

    Penalty(boolean l1) {
        this.l1 = l1;
    }

    /** The L2 penalty ({@code l2-penalty}, {@code gaussian-prior}). */
    public static final class L2 extends Penalty {
        public L2() {
            super(false);
        }
    }

    /** The L1 penalty ({@code l1-penalty}, {@code laplace-prior}). */
    public static final class L1 extends Penalty {
        public L1() {
            super(true);
        }
    }

    @Override
    public void configure(Settings s) {
        fromPrior = s.has("sigma") || s.has("b");
        if (s.has("sigma")) {
            priorScale = s.getDouble("sigma");
        } else if (s.has("b")) {
            priorScale = s.getDouble("b");
        } else {
            strength = s.getDouble("lambda");
        }
        weightsOnly = s.getString("applies_to").equals("weights");
    }

    @Override
    public void bind(List<ParameterBlock> blocks, DataShape shape) {
        if (fromPrior) {
            double n = shape.rows();
            strength = l1 ? 1 / (n * priorScale) : 1 / (n * priorScale * priorScale);
        }
        ranges.clear();
        for (ParameterBlock b : blocks) {
            if (!b.buffer() && (!weightsOnly || !b.name().endsWith("bias"))) {
                ranges.add(new int[] { b.offset(), b.offset() + b.size() });
            }
        }
    }

    /** The strength λ in effect (after {@link #bind} for the prior forms). */
    public double strength() {
        return strength;
    }

    @Override
    public double addPenalty(double[] parameters, double[] gradient) {
        double sum = 0;
        for (int[] r : ranges) {
            for (int i = r[0]; i < r[1]; i++) {
                double w = parameters[i];
                if (l1) {
                    sum += Math.abs(w);
                    gradient[i] += strength * Math.signum(w);
                } else {
                    sum += w * w;
                    gradient[i] += strength * w;
                }
            }
        }
        return l1 ? strength * sum : 0.5 * strength * sum;
    }
}
