package org.descent.analysis.distributions.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.descent.core.DataShape;
import org.descent.core.ExtensionPoints;
import org.descent.core.LossFunction;
import org.descent.core.SplitMix64;
import org.descent.testing.Contributions;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.Test;

/** The sinkhorn loss: its gradient, zero at equal clouds, and training a sampler with it. */
class SinkhornLossTest {

    static LossFunction loss(Map<String, ?> options) {
        return Contributions.create("losses", "sinkhorn", options, LossFunction.class);
    }

    static double[] gaussian(int n, double mean, double std, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + std * r.nextGaussian();
        }
        return v;
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        int n = 6;
        DataShape shape = new DataShape(n, 1, 2, 0);
        double[] x = gaussian(2 * n, 0, 1, 1);
        double[] y = gaussian(2 * n, 1, 0.5, 2);
        for (boolean debiased : new boolean[] { true, false }) {
            LossFunction l = loss(Map.of("eps", 0.5, "tol", 1e-13, "max_iter", 10000, "debiased", debiased));
            double[] g = new double[2 * n];
            l.evaluate(n, shape, x, y, g);
            double[] fd = Numerics.finiteDifferenceGradient(p -> l.evaluate(n, shape, p, y, null), x, 1e-5);
            assertTrue(Numerics.maxRelativeError(g, fd, 1e-3) < 1e-5, "debiased " + debiased + ": " + java.util.Arrays
                    .toString(g) + " vs " + java.util.Arrays.toString(fd));
        }
    }

    @Test
    void theDivergenceIsZeroBetweenEqualCloudsAndPositiveOtherwise() {
        int n = 20;
        DataShape shape = new DataShape(n, 1, 1, 0);
        double[] y = gaussian(n, 0, 1, 3);
        LossFunction l = loss(Map.of("eps", 0.1, "tol", 1e-12));
        assertEquals(0, l.evaluate(n, shape, y.clone(), y, null), 1e-9);
        assertTrue(l.evaluate(n, shape, gaussian(n, 0.5, 1, 4), y, null) > 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.outputDim(new DataShape(10, 2,
                1, 3)));
        assertTrue(e.getMessage().contains("real-valued targets"), e.getMessage());
    }

    /** A sampler x = a z + b of fixed noise z learns the data's distribution N(3, 0.5²) by gradient descent on the loss. */
    @Test
    void aSamplerTrainedWithItMatchesTheDataDistribution() {
        int n = 64;
        DataShape shape = new DataShape(n, 1, 1, 0);
        double[] z = gaussian(n, 0, 1, 5);
        double[] data = gaussian(n, 3, 0.5, 6);
        LossFunction l = loss(Map.of("eps", 0.05, "tol", 1e-7));
        double a = 1;
        double b = 0;
        double first = Double.NaN;
        double last = Double.NaN;
        double[] x = new double[n];
        double[] g = new double[n];
        for (int step = 0; step < 200; step++) {
            for (int i = 0; i < n; i++) {
                x[i] = a * z[i] + b;
            }
            last = l.evaluate(n, shape, x, data, g);
            if (step == 0) {
                first = last;
            }
            double ga = 0;
            double gb = 0;
            for (int i = 0; i < n; i++) {
                ga += g[i] * z[i];
                gb += g[i];
            }
            a -= 0.5 * ga;
            b -= 0.5 * gb;
        }
        assertEquals(3, b, 0.1, "mean");
        assertEquals(0.5, Math.abs(a), 0.1, "spread");
        assertTrue(last < 1e-2 * first, first + " -> " + last);
        assertEquals(List.of("sinkhorn"), Contributions.registry().contributions(ExtensionPoints.LOSSES).stream()
                .map(c -> c.id()).filter(id -> id.equals("sinkhorn")).toList());
    }
}
