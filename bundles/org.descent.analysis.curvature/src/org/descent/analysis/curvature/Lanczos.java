package org.descent.analysis.curvature;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.SplitMix64;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * The Lanczos method with full reorthogonalization, for the extreme eigenpairs of a symmetric
 * operator known only through its products (a Hessian), and for the tridiagonal matrices that
 * stochastic Lanczos quadrature needs.
 */
public final class Lanczos {

    private Lanczos() {
    }

    /**
     * Extreme Ritz pairs.
     *
     * @param values the returned Ritz values, ascending (the k smallest, then the k largest)
     * @param vectors unit Ritz vectors of {@code values}, same order
     * @param residuals estimates of ||A y - θ y|| for each pair (β_m |s_m|)
     * @param steps Lanczos steps taken (operator products)
     * @param converged whether every requested pair met the tolerance
     */
    public record Result(double[] values, double[][] vectors, double[] residuals, int steps, boolean converged) {
    }

    /**
     * The {@code k} largest and {@code k} smallest eigenpairs (fewer when the dimension is small):
     * runs until the residual estimate of each is at most {@code tol} times the largest |Ritz value|,
     * or {@code maxSteps} products.
     *
     * @param seed seeds the random start vector
     * @param monitor checked for cancellation every step
     */
    public static Result extremes(LinearOperator a, int k, int maxSteps, double tol, long seed, IProgressMonitor monitor) {
        int n = a.dimension();
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        int mMax = Math.min(n, Math.max(maxSteps, Math.min(n, 2 * k + 2)));
        List<double[]> q = new ArrayList<>();
        double[] alpha = new double[mMax];
        double[] beta = new double[mMax];
        double[] v = start(n, seed);
        double[] w = new double[n];
        int m = 0;
        boolean converged = false;
        SymmetricEigen t = null;
        while (m < mMax) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            q.add(v);
            a.apply(v, w);
            alpha[m] = dot(w, v);
            orthogonalize(w, q);
            orthogonalize(w, q);
            double b = Math.sqrt(dot(w, w));
            beta[m] = b;
            m++;
            monitor.worked(1);
            boolean exhausted = b <= 1e-14 * Math.max(1, Math.abs(alpha[m - 1])) || m == n;
            if (exhausted || m == mMax || (m >= Math.min(n, 2 * k + 2) && m % 5 == 0)) {
                t = tridiagonal(alpha, beta, m);
                if (exhausted || allConverged(t, beta[m - 1], k, tol)) {
                    converged = true;
                    break;
                }
            }
            if (m == mMax) {
                break;
            }
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = w[i] / b;
            }
            v = next;
        }
        if (t == null) {
            t = tridiagonal(alpha, beta, m);
        }
        // the k smallest and k largest, without repeats when 2k > m
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(k, m); i++) {
            chosen.add(i);
        }
        for (int i = Math.max(Math.min(k, m), m - k); i < m; i++) {
            chosen.add(i);
        }
        double[] values = new double[chosen.size()];
        double[][] vectors = new double[chosen.size()][];
        double[] residuals = new double[chosen.size()];
        for (int c = 0; c < chosen.size(); c++) {
            int i = chosen.get(c);
            values[c] = t.value(i);
            residuals[c] = Math.abs(beta[m - 1] * t.component(i, m - 1));
            double[] y = new double[n];
            for (int l = 0; l < m; l++) {
                double s = t.component(i, l);
                double[] ql = q.get(l);
                for (int j = 0; j < n; j++) {
                    y[j] += s * ql[j];
                }
            }
            double norm = Math.sqrt(dot(y, y));
            for (int j = 0; j < n; j++) {
                y[j] /= norm;
            }
            vectors[c] = y;
        }
        return new Result(values, vectors, residuals, m, converged);
    }

    /**
     * Runs {@code steps} Lanczos steps from a start vector (normalized here), with full
     * reorthogonalization, and returns the tridiagonal matrix: {@code [alpha, beta]} with
     * {@code alpha.length} ≤ steps (shorter when an invariant subspace is found) and
     * {@code beta.length == alpha.length - 1}.
     */
    public static double[][] tridiagonal(LinearOperator a, double[] start, int steps, IProgressMonitor monitor) {
        int n = a.dimension();
        int mMax = Math.min(n, steps);
        double[] v = start.clone();
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        List<double[]> q = new ArrayList<>();
        double[] alpha = new double[mMax];
        double[] beta = new double[mMax];
        double[] w = new double[n];
        int m = 0;
        while (m < mMax) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            q.add(v);
            a.apply(v, w);
            alpha[m] = dot(w, v);
            orthogonalize(w, q);
            orthogonalize(w, q);
            double b = Math.sqrt(dot(w, w));
            beta[m] = b;
            m++;
            if (m == mMax || b <= 1e-14 * Math.max(1, Math.abs(alpha[m - 1]))) {
                break;
            }
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = w[i] / b;
            }
            v = next;
        }
        return new double[][] { java.util.Arrays.copyOf(alpha, m), java.util.Arrays.copyOf(beta, Math.max(0, m - 1)) };
    }

    /** A random unit vector with Gaussian components. */
    static double[] start(int n, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] v = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
            s += v[i] * v[i];
        }
        s = Math.sqrt(s);
        for (int i = 0; i < n; i++) {
            v[i] /= s;
        }
        return v;
    }

    private static SymmetricEigen tridiagonal(double[] alpha, double[] beta, int m) {
        return SymmetricEigen.tridiagonal(java.util.Arrays.copyOf(alpha, m), java.util.Arrays.copyOf(beta, m - 1), true);
    }

    private static boolean allConverged(SymmetricEigen t, double lastBeta, int k, double tol) {
        int m = t.order();
        double scale = Math.max(Math.abs(t.value(0)), Math.abs(t.value(m - 1)));
        for (int i = 0; i < m; i++) {
            if (i < k || i >= m - k) {
                if (Math.abs(lastBeta * t.component(i, m - 1)) > tol * scale) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void orthogonalize(double[] w, List<double[]> q) {
        for (double[] ql : q) {
            double c = dot(w, ql);
            for (int i = 0; i < w.length; i++) {
                w[i] -= c * ql[i];
            }
        }
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
