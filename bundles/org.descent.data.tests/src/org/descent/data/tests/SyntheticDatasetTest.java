package org.descent.data.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.descent.core.Data;
import org.descent.core.SplitMix64;
import org.junit.jupiter.api.Test;

/** The seeded synthetic problems: shapes, balance, determinism and their defining properties. */
class SyntheticDatasetTest {

    static Data load(String id, Map<String, ?> options) throws IOException {
        return DatasetTest.load(id, options);
    }

    static void sameSeedSameDataOtherSeedOther(String id) throws IOException {
        Data a = load(id, Map.of("seed", "3"));
        Data b = load(id, Map.of("seed", "3"));
        Data c = load(id, Map.of("seed", "4"));
        assertArrayEquals(a.inputs(), b.inputs(), 0, id);
        assertArrayEquals(a.targets(), b.targets(), 0, id);
        assertTrue(!java.util.Arrays.equals(a.inputs(), c.inputs()), id + ": another seed gives other data");
    }

    static int[] classCounts(Data d) {
        int[] counts = new int[d.shape().classes()];
        for (double t : d.targets()) {
            counts[(int) t]++;
        }
        return counts;
    }

    @Test
    void moonsLieOnTwoHalfCircles() throws IOException {
        sameSeedSameDataOtherSeedOther("moons");
        Data d = load("moons", Map.of("n", "101", "noise", "0"));
        assertEquals(101, d.rows());
        assertArrayEquals(new int[] { 50, 51 }, classCounts(d));
        double[] x = d.inputs();
        for (int i = 0; i < d.rows(); i++) {
            double cx = d.targets()[i] == 0 ? 0 : 1;
            double cy = d.targets()[i] == 0 ? 0 : 0.5;
            double radius = Math.hypot(x[2 * i] - cx, x[2 * i + 1] - cy);
            assertEquals(1, radius, 1e-12, "point " + i + " on its circle");
            assertTrue(d.targets()[i] == 0 ? x[2 * i + 1] >= -1e-12 : x[2 * i + 1] <= 0.5 + 1e-12, "upper/lower half");
        }
    }

    @Test
    void spiralsHaveBalancedArmsWithinTheUnitDisc() throws IOException {
        sameSeedSameDataOtherSeedOther("spirals");
        Data d = load("spirals", Map.of("n", "300", "classes", "3", "noise", "0"));
        assertArrayEquals(new int[] { 100, 100, 100 }, classCounts(d));
        for (int i = 0; i < d.rows(); i++) {
            assertTrue(Math.hypot(d.inputs()[2 * i], d.inputs()[2 * i + 1]) < 1, "radius below 1");
        }
    }

    @Test
    void xorLabelsAreTheSignsProduct() throws IOException {
        sameSeedSameDataOtherSeedOther("xor");
        Data d = load("xor", Map.of("n", "2000"));
        int[] counts = classCounts(d);
        assertTrue(Math.abs(counts[0] - counts[1]) < 150, "balanced: " + counts[0] + " " + counts[1]);
        for (int i = 0; i < d.rows(); i++) {
            double p = d.inputs()[2 * i] * d.inputs()[2 * i + 1];
            assertEquals(p < 0 ? 1.0 : 0.0, d.targets()[i], "row " + i);
        }
    }

    @Test
    void leastSquaresRecoversTheRegressionWeights() throws IOException {
        sameSeedSameDataOtherSeedOther("regression");
        int n = 5000;
        Data d = load("regression", Map.of("n", Integer.toString(n), "features", "3", "noise", "0.1", "seed", "11"));
        assertEquals(0, d.shape().classes());
        SplitMix64 r = new SplitMix64(11);
        double[] truth = { r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian() };
        // normal equations for [x, 1]
        double[][] a = new double[4][5];
        for (int i = 0; i < n; i++) {
            double[] row = { d.inputs()[3 * i], d.inputs()[3 * i + 1], d.inputs()[3 * i + 2], 1 };
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    a[j][k] += row[j] * row[k];
                }
                a[j][4] += row[j] * d.targets()[i];
            }
        }
        for (int c = 0; c < 4; c++) {
            for (int j = 0; j < 4; j++) {
                if (j != c) {
                    double f = a[j][c] / a[c][c];
                    for (int k = 0; k < 5; k++) {
                        a[j][k] -= f * a[c][k];
                    }
                }
            }
        }
        for (int j = 0; j < 4; j++) {
            // standard error of each coefficient is about noise/√n = 0.0014
            assertEquals(truth[j], a[j][4] / a[j][j], 0.01, "coefficient " + j);
        }
        // what the fit leaves is the noise: its standard deviation is 0.1, give or take 0.1/√(2n) = 0.001
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double residual = d.targets()[i] - a[3][4] / a[3][3];
            for (int j = 0; j < 3; j++) {
                residual -= d.inputs()[3 * i + j] * a[j][4] / a[j][j];
            }
            ss += residual * residual;
        }
        assertEquals(0.1, Math.sqrt(ss / (n - 4)), 0.004, "residual standard deviation");
    }
}
