package org.descent.core;

/**
 * Gradient clipping as PyTorch 1.13's {@code clip_grad_norm_} (2-norm over all parameters) and
 * {@code clip_grad_value_}.
 *
 * @since 0.1.0
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Euclidean norm of a vector, accumulated in double in four interleaved partial sums (which
     * keeps the adder busy: one running sum would wait on its own latency every element).
     */
    public static double norm(double[] g) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < g.length; i += 4) {
            s0 += g[i] * g[i];
            s1 += g[i + 1] * g[i + 1];
            s2 += g[i + 2] * g[i + 2];
            s3 += g[i + 3] * g[i + 3];
        }
        for (; i < g.length; i++) {
            s0 += g[i] * g[i];
        }
        return Math.sqrt((s0 + s1) + (s2 + s3));
    }

    /**
     * Scales the gradient by {@code min(1, max / (norm + 1e-6))}.
     *
     * @return the norm before clipping
     */
    public static double clipNorm(double[] g, double max) {
        double norm = norm(g);
        double coefficient = coefficient(norm, max);
        if (coefficient < 1.0) {
            for (int i = 0; i < g.length; i++) {
                g[i] *= coefficient;
            }
        }
        return norm;
    }

    /**
     * The factor {@link #clipNorm} scales a gradient of this norm by: {@code min(1, max / (norm + 1e-6))}
     * (1 leaves it as it is).
     */
    public static double coefficient(double norm, double max) {
        return Math.min(1.0, max / (norm + 1e-6));
    }

    /** Clamps every element to {@code [-max, max]}. */
    public static void clipValue(double[] g, double max) {
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.max(-max, Math.min(max, g[i]));
        }
    }
}
