package org.descent.analysis.curvature.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.analysis.curvature.Lanczos;
import org.descent.analysis.curvature.LinearOperator;
import org.descent.analysis.curvature.SymmetricEigen;
import org.descent.core.SplitMix64;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    /** The second-difference matrix tridiag(-1, 2, -1) has eigenvalues 2 - 2 cos(k pi / (n + 1)). */
    @Test
    void secondDifferenceMatrixHasItsClosedFormEigenvalues() {
        int n = 50;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 2;
            if (i > 0) {
                a[i][i - 1] = -1;
                a[i - 1][i] = -1;
            }
        }
        double[] expected = new double[n];
        for (int k = 1; k <= n; k++) {
            expected[k - 1] = 2 - 2 * Math.cos(k * Math.PI / (n + 1));
        }
        assertArrayEquals(expected, SymmetricEigen.of(a, false, null).values(), 1e-13);
        double[] diag = new double[n];
        double[] off = new double[n - 1];
        java.util.Arrays.fill(diag, 2);
        java.util.Arrays.fill(off, -1);
        assertArrayEquals(expected, SymmetricEigen.tridiagonal(diag, off, true).values(), 1e-13);
    }

    @Test
    void eigenvectorsAreOrthonormalAndDiagonalizeARandomMatrix() {
        int n = 120;
        double[][] a = random(n, 7);
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = a[i].clone();
        }
        SymmetricEigen e = SymmetricEigen.of(copy, true, null);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double[] v = e.vector(i);
            for (int r = 0; r < n; r++) {
                double av = 0;
                for (int c = 0; c < n; c++) {
                    av += a[r][c] * v[c];
                }
                worst = Math.max(worst, Math.abs(av - e.value(i) * v[r]));
            }
            for (int j = 0; j <= i; j++) {
                double d = 0;
                double[] w = e.vector(j);
                for (int r = 0; r < n; r++) {
                    d += v[r] * w[r];
                }
                assertEquals(i == j ? 1 : 0, d, 1e-12, "v" + i + " . v" + j);
            }
        }
        assertTrue(worst < 1e-12, "||A v - lambda v|| " + worst);
        double[] values = e.values();
        for (int i = 1; i < n; i++) {
            assertTrue(values[i - 1] <= values[i], "ascending");
        }
        // eigenvalues alone agree with the full decomposition
        double[][] again = random(n, 7);
        assertArrayEquals(values, SymmetricEigen.of(again, false, null).values(), 1e-12);
    }

    @Test
    void lanczosFindsTheExtremeEigenvaluesOfALargerMatrix() {
        int n = 400;
        double[][] a = random(n, 11);
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = a[i].clone();
        }
        double[] exact = SymmetricEigen.of(copy, false, null).values();
        LinearOperator op = new LinearOperator() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] v, double[] out) {
                for (int r = 0; r < n; r++) {
                    double s = 0;
                    for (int c = 0; c < n; c++) {
                        s += a[r][c] * v[c];
                    }
                    out[r] = s;
                }
            }
        };
        Lanczos.Result r = Lanczos.extremes(op, 3, 400, 1e-10, 1, new NullProgressMonitor());
        assertTrue(r.converged());
        double[] v = r.values();
        assertEquals(6, v.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(exact[i], v[i], 1e-8 * Math.abs(exact[n - 1]), "smallest " + i);
            assertEquals(exact[n - 1 - i], v[5 - i], 1e-8 * Math.abs(exact[n - 1]), "largest " + i);
        }
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        assertThrows(OperationCanceledException.class, () -> Lanczos.extremes(op, 3, 400, 1e-10, 1, cancelled));
    }

    @Test
    void aNonSquareMatrixIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new double[][] { { 1, 2 }, { 3 } }, false, null));
        assertTrue(e.getMessage().contains("not square"), e.getMessage());
    }

    static double[][] random(int n, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = r.nextGaussian();
                a[i][j] = x;
                a[j][i] = x;
            }
        }
        return a;
    }
}
