package org.descent.analysis.landscape.internal;

import java.util.Arrays;

import org.descent.analysis.curvature.SymmetricEigen;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * Principal component analysis of a matrix of rows (examples) and columns (features) in fp64: the
 * singular value decomposition {@code X = U·S·Vᵀ} of the (optionally column-centred) matrix,
 * computed from the eigendecomposition of the smaller Gram matrix ({@code XᵀX} when there are
 * fewer columns than rows, {@code XXᵀ} otherwise) with {@link SymmetricEigen}. The components
 * are the rows of {@code Vᵀ}, the projections {@code X·V = U·S}.
 * <p>
 * Each component's sign is fixed so that its entry of largest magnitude is positive. A
 * component whose singular value is zero (to rounding) has no direction; it is returned as zeros
 * and flagged by {@link #degenerate(int)}.
 */
public final class Pca {

    private final int rows;
    private final int cols;
    private final boolean centred;
    private final double[] squares;
    private final double[][] components;
    private final double[][] projections;
    private final boolean[] degenerate;

    /**
     * @param x the matrix, row-major, {@code rows × cols}; not modified
     * @param centre whether to subtract each column's mean first (PCA of a data set)
     * @param k number of components to return, {@code 1..min(rows, cols)}
     * @param monitor checked for cancellation while the Gram matrix is formed
     */
    public Pca(double[] x, int rows, int cols, boolean centre, int k, IProgressMonitor monitor) {
        if (k < 1 || k > Math.min(rows, cols)) {
            throw new IllegalArgumentException("k = " + k + " components of a " + rows + " x " + cols
                    + " matrix: expected 1 to " + Math.min(rows, cols));
        }
        this.rows = rows;
        this.cols = cols;
        this.centred = centre;
        double[] a = x.clone();
        if (centre) {
            double[] mean = new double[cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    mean[c] += a[r * cols + c];
                }
            }
            for (int c = 0; c < cols; c++) {
                mean[c] /= rows;
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    a[r * cols + c] -= mean[c];
                }
            }
        }
        int m = Math.min(rows, cols);
        boolean byColumns = cols <= rows;
        double[][] gram = byColumns ? columnGram(a, monitor) : rowGram(a, monitor);
        SymmetricEigen eigen = SymmetricEigen.of(gram, true, monitor);
        int order = eigen.order();
        double[] values = new double[order];
        for (int i = 0; i < order; i++) {
            values[i] = eigen.value(order - 1 - i);
        }
        squares = new double[m];
        double largest = Math.max(0, values[0]);
        double tolerance = largest * Math.max(rows, cols) * Math.ulp(1.0);
        for (int i = 0; i < m; i++) {
            squares[i] = values[i] > tolerance ? values[i] : 0;
        }
        components = new double[k][];
        projections = new double[rows][k];
        degenerate = new boolean[k];
        for (int j = 0; j < k; j++) {
            double[] v = eigen.vector(order - 1 - j);
            double s = Math.sqrt(squares[j]);
            double[] component;
            if (byColumns) {
                component = v;
            } else {
                component = new double[cols];
                if (s > 0) {
                    for (int r = 0; r < rows; r++) {
                        double ur = v[r] / s;
                        for (int c = 0; c < cols; c++) {
                            component[c] += a[r * cols + c] * ur;
                        }
                    }
                }
            }
            degenerate[j] = s == 0;
            if (degenerate[j]) {
                Arrays.fill(component, 0);
            }
            int at = 0;
            for (int c = 1; c < cols; c++) {
                if (Math.abs(component[c]) > Math.abs(component[at])) {
                    at = c;
                }
            }
            if (component[at] < 0) {
                for (int c = 0; c < cols; c++) {
                    component[c] = -component[c];
                }
            }
            components[j] = component;
            for (int r = 0; r < rows; r++) {
                double p = 0;
                for (int c = 0; c < cols; c++) {
                    p += a[r * cols + c] * component[c];
                }
                projections[r][j] = p;
            }
        }
    }

    private double[][] columnGram(double[] a, IProgressMonitor monitor) {
        double[] t = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        double[][] g = new double[cols][cols];
        for (int i = 0; i < cols; i++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            for (int j = 0; j <= i; j++) {
                g[i][j] = dot(t, i * rows, t, j * rows, rows);
            }
        }
        return g;
    }

    private double[][] rowGram(double[] a, IProgressMonitor monitor) {
        double[][] g = new double[rows][rows];
        for (int i = 0; i < rows; i++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            for (int j = 0; j <= i; j++) {
                g[i][j] = dot(a, i * cols, a, j * cols, cols);
            }
        }
        return g;
    }

    /** A dot product of {@code n} values with four partial sums (twice as fast as one). */
    static double dot(double[] x, int xo, double[] y, int yo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xo + i] * y[yo + i];
            s1 += x[xo + i + 1] * y[yo + i + 1];
            s2 += x[xo + i + 2] * y[yo + i + 2];
            s3 += x[xo + i + 3] * y[yo + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xo + i] * y[yo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The singular values, largest first, {@code min(rows, cols)} of them. */
    public double[] singularValues() {
        double[] s = new double[squares.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(squares[i]);
        }
        return s;
    }

    /**
     * The variance along each component: {@code s²/(rows − 1)} for a centred matrix (the sample
     * variance, as NumPy and scikit-learn report it), {@code s²/rows} (the mean square) otherwise.
     */
    public double[] explainedVariance() {
        double divisor = centred ? rows - 1 : rows;
        double[] v = new double[squares.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = squares[i] / divisor;
        }
        return v;
    }

    /** Each component's share of the total variance, {@code s_i² / Σ s²}. */
    public double[] explainedVarianceRatio() {
        double total = 0;
        for (double q : squares) {
            total += q;
        }
        double[] v = new double[squares.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = total == 0 ? 0 : squares[i] / total;
        }
        return v;
    }

    /** The first {@code k} components, unit vectors of length {@code cols}. */
    public double[][] components() {
        return components;
    }

    /** The coordinates of each row on the first {@code k} components, {@code rows × k}. */
    public double[][] projections() {
        return projections;
    }

    /** Whether component {@code j} has zero variance (its direction is undefined). */
    public boolean degenerate(int j) {
        return degenerate[j];
    }
}
