package org.descent.analysis.curvature;

import java.util.Arrays;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix: Householder reduction to tridiagonal
 * form, then the implicit QL method with Wilkinson shifts (the EISPACK tred2/tql2 algorithms),
 * in fp64. Eigenvectors are kept as rows so every inner loop runs over contiguous memory.
 * Eigenvalues come out ascending, as NumPy's {@code eigvalsh}.
 *
 * @since 0.1.0
 */
public final class SymmetricEigen {

    private static final double EPS = Math.ulp(1.0);

    private final double[] values;
    private final double[] @Nullable [] vectors;

    private SymmetricEigen(double[] values, double[] @Nullable [] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes a symmetric matrix (only the lower triangle is read; the array is overwritten).
     *
     * @param a the matrix as rows, {@code a[i][j]}; destroyed
     * @param wantVectors whether to compute eigenvectors (about three times the work)
     * @param monitor checked for cancellation once per row; may be null
     */
    public static SymmetricEigen of(double[][] a, boolean wantVectors, @Nullable IProgressMonitor monitor) {
        int n = a.length;
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException("the matrix is not square: a row of " + row.length + " in " + n);
            }
        }
        double[] d = new double[n];
        double[] e = new double[n];
        if (n == 0) {
            return new SymmetricEigen(d, wantVectors ? a : null);
        }
        // u holds the transpose of EISPACK's V: by symmetry it starts as the matrix itself (upper from lower)
        double[][] u = a;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                u[j][i] = u[i][j];
            }
        }
        tridiagonalize(u, d, e, wantVectors, monitor);
        if (!wantVectors) {
            ql(d, e, null);
            Arrays.sort(d);
            return new SymmetricEigen(d, null);
        }
        ql(d, e, u);
        return sorted(d, u);
    }

    /**
     * Decomposes a symmetric tridiagonal matrix.
     *
     * @param diagonal its diagonal (length m)
     * @param offDiagonal its sub-diagonal (length m - 1)
     */
    public static SymmetricEigen tridiagonal(double[] diagonal, double[] offDiagonal, boolean wantVectors) {
        int m = diagonal.length;
        if (offDiagonal.length != Math.max(0, m - 1)) {
            throw new IllegalArgumentException("a tridiagonal matrix of order " + m + " has " + Math.max(0, m - 1)
                    + " off-diagonal values, not " + offDiagonal.length);
        }
        double[] d = diagonal.clone();
        double[] e = new double[m];
        // ql expects the sub-diagonal in e[1..m-1]
        System.arraycopy(offDiagonal, 0, e, 1, Math.max(0, m - 1));
        double[][] u = null;
        if (wantVectors) {
            u = new double[m][m];
            for (int i = 0; i < m; i++) {
                u[i][i] = 1;
            }
        }
        ql(d, e, u);
        if (u == null) {
            Arrays.sort(d);
            return new SymmetricEigen(d, null);
        }
        return sorted(d, u);
    }

    /** Eigenvalues, ascending. */
    public double[] values() {
        return values.clone();
    }

    /** The eigenvalue at an index of the ascending order. */
    public double value(int i) {
        return values[i];
    }

    public int order() {
        return values.length;
    }

    /** The unit eigenvector of {@link #value(int) value(i)}. */
    public double[] vector(int i) {
        if (vectors == null) {
            throw new IllegalStateException("eigenvectors were not computed");
        }
        return vectors[i].clone();
    }

    /** Component {@code k} of eigenvector {@code i}, without copying. */
    public double component(int i, int k) {
        if (vectors == null) {
            throw new IllegalStateException("eigenvectors were not computed");
        }
        return vectors[i][k];
    }

    private static SymmetricEigen sorted(double[] d, double[][] u) {
        int n = d.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(d[x], d[y]));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int i = 0; i < n; i++) {
            values[i] = d[idx[i]];
            vectors[i] = u[idx[i]];
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Householder reduction (EISPACK tred2 on the transposed work matrix u). */
    private static void tridiagonalize(double[][] u, double[] d, double[] e, boolean accumulate,
            @Nullable IProgressMonitor monitor) {
        int n = d.length;
        for (int j = 0; j < n; j++) {
            d[j] = u[j][n - 1];
        }
        for (int i = n - 1; i > 0; i--) {
            if (monitor != null && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            double scale = 0;
            double h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = u[j][i - 1];
                    u[j][i] = 0;
                    u[i][j] = 0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) {
                    e[j] = 0;
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    double[] uj = u[j];
                    u[i][j] = f;
                    g = e[j] + uj[j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += uj[k] * d[k];
                        e[k] += uj[k] * f;
                    }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    g = e[j];
                    double[] uj = u[j];
                    for (int k = j; k <= i - 1; k++) {
                        uj[k] -= f * e[k] + g * d[k];
                    }
                    d[j] = uj[i - 1];
                    uj[i] = 0;
                }
            }
            d[i] = h;
        }
        if (accumulate) {
            for (int i = 0; i < n - 1; i++) {
                u[i][n - 1] = u[i][i];
                u[i][i] = 1;
                double h = d[i + 1];
                double[] ui1 = u[i + 1];
                if (h != 0) {
                    for (int k = 0; k <= i; k++) {
                        d[k] = ui1[k] / h;
                    }
                    for (int j = 0; j <= i; j++) {
                        double[] uj = u[j];
                        double g = 0;
                        for (int k = 0; k <= i; k++) {
                            g += ui1[k] * uj[k];
                        }
                        for (int k = 0; k <= i; k++) {
                            uj[k] -= g * d[k];
                        }
                    }
                }
                for (int k = 0; k <= i; k++) {
                    ui1[k] = 0;
                }
            }
            for (int j = 0; j < n; j++) {
                d[j] = u[j][n - 1];
                u[j][n - 1] = 0;
            }
            u[n - 1][n - 1] = 1;
        } else {
            for (int j = 0; j < n; j++) {
                // the reduction leaves the tridiagonal form's diagonal on the work matrix's diagonal
                d[j] = u[j][j];
            }
        }
        e[0] = 0;
    }

    /** Implicit QL with shifts (EISPACK tql2); rotates the rows of u when given. */
    private static void ql(double[] d, double[] e, double @Nullable [][] u) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        if (n > 0) {
            e[n - 1] = 0;
        }
        double f = 0;
        double tst1 = 0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n) {
                if (Math.abs(e[m]) <= EPS * tst1) {
                    break;
                }
                m++;
            }
            if (m == n) {
                m = n - 1;
            }
            if (m > l) {
                int iterations = 0;
                do {
                    if (++iterations > 60) {
                        throw new ArithmeticException("the QL iteration did not converge for eigenvalue " + l);
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        if (u != null) {
                            double[] a = u[i];
                            double[] b = u[i + 1];
                            for (int k = 0; k < b.length; k++) {
                                double t = b[k];
                                b[k] = s * a[k] + c * t;
                                a[k] = c * a[k] - s * t;
                            }
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > EPS * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }
}
