package org.descent.analysis.distributions;

import java.util.Arrays;

/**
 * Information measures of discrete distributions, in nats (divide by {@code ln 2} for bits).
 * Inputs are probability vectors of equal length; {@code 0·log 0 = 0}, and a term
 * {@code p_i·log(p_i/q_i)} with {@code q_i = 0 < p_i} makes the result {@code +∞}.
 *
 * @since 0.1.0
 */
public final class Information {

    private Information() {
    }

    /** Shannon entropy {@code H(p) = −Σ p_i log p_i}. */
    public static double entropy(double[] p) {
        double h = 0;
        for (double x : p) {
            if (x > 0) {
                h -= x * Math.log(x);
            }
        }
        return h;
    }

    /** Cross-entropy {@code H(p, q) = −Σ p_i log q_i}; {@code +∞} when some {@code q_i = 0 < p_i}. */
    public static double crossEntropy(double[] p, double[] q) {
        sameLength(p, q);
        double h = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                if (q[i] == 0) {
                    return Double.POSITIVE_INFINITY;
                }
                h -= p[i] * Math.log(q[i]);
            }
        }
        return h;
    }

    /**
     * Kullback–Leibler divergence {@code KL(p‖q) = Σ p_i log(p_i/q_i)}; {@code +∞} when some
     * {@code q_i = 0 < p_i}.
     */
    public static double kl(double[] p, double[] q) {
        sameLength(p, q);
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                if (q[i] == 0) {
                    return Double.POSITIVE_INFINITY;
                }
                d += p[i] * Math.log(p[i] / q[i]);
            }
        }
        return d;
    }

    /**
     * Jensen–Shannon divergence {@code ½ KL(p‖m) + ½ KL(q‖m)} with {@code m = (p+q)/2}; always
     * finite, at most {@code ln 2}. Its square root is the Jensen–Shannon distance (SciPy's
     * {@code jensenshannon}).
     */
    public static double jensenShannon(double[] p, double[] q) {
        sameLength(p, q);
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            double m = 0.5 * (p[i] + q[i]);
            if (p[i] > 0) {
                d += 0.5 * p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                d += 0.5 * q[i] * Math.log(q[i] / m);
            }
        }
        return Math.max(0, d);
    }

    /**
     * The indices {@code i} with {@code q_i = 0 < p_i}: where {@code KL(p‖q)} and
     * {@code H(p, q)} become infinite.
     */
    public static int[] unsupported(double[] p, double[] q) {
        sameLength(p, q);
        int count = 0;
        int[] idx = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0 && q[i] == 0) {
                idx[count++] = i;
            }
        }
        return Arrays.copyOf(idx, count);
    }

    private static void sameLength(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions of different lengths: " + p.length + " and " + q.length);
        }
    }
}
