package org.descent.testing;

import java.util.function.ToDoubleFunction;

/** Numerical checks shared by the test bundles. */
public final class Numerics {

    private Numerics() {
    }

    /**
     * Central finite differences of a scalar function, step {@code h} scaled by
     * {@code max(1, |x_i|)}.
     */
    public static double[] finiteDifferenceGradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] g = new double[x.length];
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) {
            double step = h * Math.max(1, Math.abs(x[i]));
            y[i] = x[i] + step;
            double up = f.applyAsDouble(y);
            y[i] = x[i] - step;
            double down = f.applyAsDouble(y);
            y[i] = x[i];
            g[i] = (up - down) / (2 * step);
        }
        return g;
    }

    /**
     * Largest elementwise relative error {@code |a-b| / max(|b|, floor)}; the floor keeps
     * values near zero from dominating.
     */
    public static double maxRelativeError(double[] actual, double[] expected, double floor) {
        if (actual.length != expected.length) {
            throw new IllegalArgumentException("lengths differ: " + actual.length + " vs " + expected.length);
        }
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
            if (!(e <= worst)) {
                worst = e;
            }
        }
        return worst;
    }

    /** Relative error of whole vectors, {@code ||a-b|| / max(||b||, floor)}. */
    public static double relativeNormError(double[] actual, double[] expected, double floor) {
        double d = 0;
        double n = 0;
        for (int i = 0; i < actual.length; i++) {
            d += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            n += expected[i] * expected[i];
        }
        return Math.sqrt(d) / Math.max(Math.sqrt(n), floor);
    }
}
