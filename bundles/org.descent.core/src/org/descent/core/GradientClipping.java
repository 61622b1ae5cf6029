package org.descent.core;

/**
 * Gradient clipping as PyTorch 1.13's {@code clip_grad_norm_} (2-norm over all parameters) and
 * {@code clip_grad_value_}.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** Euclidean norm of a vector, accumulated in double. */
    public static double norm(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Scales the gradient by {@code min(1, max / (norm + 1e-6))}.
     *
     * @return the norm before clipping
     */
    public static double clipNorm(double[] g, double max) {
        double norm = norm(g);
        double coefficient = Math.min(1.0, max / (norm + 1e-6));
        if (coefficient < 1.0) {
            for (int i = 0; i < g.length; i++) {
                g[i] *= coefficient;
            }
        }
        return norm;
    }

    /** Clamps every element to {@code [-max, max]}. */
    public static void clipValue(double[] g, double max) {
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.max(-max, Math.min(max, g[i]));
        }
    }
}
