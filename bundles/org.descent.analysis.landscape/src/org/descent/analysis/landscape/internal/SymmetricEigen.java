package org.descent.analysis.landscape.internal;

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix in fp64: Householder reduction to
 * tridiagonal form, then the implicit QL algorithm with shifts (EISPACK's tred2 and tql2, as in
 * Wilkinson and Reinsch's Handbook). About {@code 9n³} flops; eigenvectors are orthonormal to
 * rounding error.
 */
public final class SymmetricEigen {

    private final int n;
    private final double[] values;
    /**
     * The transposed eigenvector matrix: {@code vectors[j]} is the eigenvector of
     * {@code values[j]}, so that every inner loop runs over contiguous memory.
     */
    private final double[][] vectors;

    /**
     * Decomposes {@code a}, of which only the lower triangle is read.
     *
     * @throws ArithmeticException when QL does not converge (non-finite input)
     */
    public SymmetricEigen(double[][] a) {
        n = a.length;
        values = new double[n];
        vectors = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                vectors[i][j] = a[i][j];
                vectors[j][i] = a[i][j];
            }
        }
        double[] e = new double[n];
        if (n > 0) {
            tridiagonalize(e);
            ql(e);
        }
    }

    /** The eigenvalues, largest first. */
    public double[] valuesDescending() {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = values[n - 1 - i];
        }
        return d;
    }

    /** The unit eigenvector of the {@code rank}-th largest eigenvalue (0: the largest). */
    public double[] vectorDescending(int rank) {
        return vectors[n - 1 - rank].clone();
    }

    /** Householder reduction: leaves the diagonal in values, the subdiagonal in e[1..n-1]. */
    private void tridiagonalize(double[] e) {
        double[][] w = vectors;
        double[] d = values;
        for (int j = 0; j < n; j++) {
            d[j] = w[j][n - 1];
        }
        for (int i = n - 1; i > 0; i--) {
            double scale = 0;
            double h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = w[j][i - 1];
                    w[j][i] = 0;
                    w[i][j] = 0;
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
                    w[i][j] = f;
                    g = e[j] + w[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += w[j][k] * d[k];
                        e[k] += w[j][k] * f;
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
                    for (int k = j; k <= i - 1; k++) {
                        w[j][k] -= f * e[k] + g * d[k];
                    }
                    d[j] = w[j][i - 1];
                    w[j][i] = 0;
                }
            }
            d[i] = h;
        }
        for (int i = 0; i < n - 1; i++) {
            w[i][n - 1] = w[i][i];
            w[i][i] = 1;
            double h = d[i + 1];
            if (h != 0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = w[i + 1][k] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double g = 0;
                    for (int k = 0; k <= i; k++) {
                        g += w[i + 1][k] * w[j][k];
                    }
                    for (int k = 0; k <= i; k++) {
                        w[j][k] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                w[i + 1][k] = 0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = w[j][n - 1];
            w[j][n - 1] = 0;
        }
        w[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    /** Implicit QL with Wilkinson-style shifts on the tridiagonal matrix; sorts ascending. */
    private void ql(double[] e) {
        double[][] columns = vectors;
        double[] d = values;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        double f = 0;
        double tst1 = 0;
        double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n && Math.abs(e[m]) > eps * tst1) {
                m++;
            }
            if (m > l) {
                int iterations = 0;
                do {
                    if (++iterations > 60) {
                        throw new ArithmeticException("the symmetric eigensolver did not converge (eigenvalue "
                                + l + " of " + n + "); is the matrix finite?");
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
                        double[] left = columns[i];
                        double[] right = columns[i + 1];
                        for (int k = 0; k < n; k++) {
                            h = right[k];
                            right[k] = s * left[k] + c * h;
                            left[k] = c * left[k] - s * h;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
        for (int i = 0; i < n - 1; i++) {
            int k = i;
            double p = d[i];
            for (int j = i + 1; j < n; j++) {
                if (d[j] < p) {
                    k = j;
                    p = d[j];
                }
            }
            if (k != i) {
                d[k] = d[i];
                d[i] = p;
                double[] t = columns[i];
                columns[i] = columns[k];
                columns[k] = t;
            }
        }
    }
}
