package org.descent.analysis.curvature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.descent.core.SplitMix64;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * The Lanczos method with full reorthogonalization, for the extreme eigenpairs of a symmetric
 * operator known only through its products (a Hessian), and for the tridiagonal matrices that
 * stochastic Lanczos quadrature needs.
 *
 * @since 0.1.0
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
        Krylov krylov = new Krylov(a, randomUnit(n, seed), mMax);
        boolean converged = false;
        SymmetricEigen t = null;
        while (krylov.m < mMax) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            boolean more = krylov.extend();
            int m = krylov.m;
            monitor.worked(1);
            if (!more || m == mMax || (m >= Math.min(n, 2 * k + 2) && m % 5 == 0)) {
                t = krylov.eigen();
                if (!more || allConverged(t, krylov.beta[m - 1], k, tol)) {
                    converged = true;
                    break;
                }
            }
        }
        if (t == null) {
            t = krylov.eigen();
        }
        int m = krylov.m;
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
            residuals[c] = Math.abs(krylov.beta[m - 1] * t.component(i, m - 1));
            double[] y = new double[n];
            for (int l = 0; l < m; l++) {
                double s = t.component(i, l);
                double[] ql = krylov.q.get(l);
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
        double[] v = start.clone();
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        Krylov krylov = new Krylov(a, v, Math.min(n, steps));
        while (krylov.m < krylov.alpha.length) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            if (!krylov.extend()) {
                break;
            }
        }
        int m = krylov.m;
        return new double[][] { Arrays.copyOf(krylov.alpha, m), Arrays.copyOf(krylov.beta, Math.max(0, m - 1)) };
    }

    /** The growing orthonormal Krylov basis and its tridiagonal matrix. */
    private static final class Krylov {
        final LinearOperator a;
        final List<double[]> q = new ArrayList<>();
        final double[] alpha;
        final double[] beta;
        final double[] w;
        double[] next;
        int m;

        Krylov(LinearOperator a, double[] start, int capacity) {
            this.a = a;
            this.alpha = new double[capacity];
            this.beta = new double[capacity];
            this.w = new double[a.dimension()];
            this.next = start;
        }

        /** One step: A q_m, orthogonalized twice against the whole basis; false when the space is exhausted. */
        boolean extend() {
            double[] v = next;
            q.add(v);
            a.apply(v, w);
            alpha[m] = dot(w, v);
            orthogonalize(w, q);
            orthogonalize(w, q);
            double b = Math.sqrt(dot(w, w));
            beta[m] = b;
            m++;
            if (b <= 1e-14 * Math.max(1, Math.abs(alpha[m - 1])) || m == w.length) {
                return false;
            }
            next = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                next[i] = w[i] / b;
            }
            return true;
        }

        SymmetricEigen eigen() {
            return SymmetricEigen.tridiagonal(Arrays.copyOf(alpha, m), Arrays.copyOf(beta, m - 1), true);
        }
    }

    /** A random unit vector with Gaussian components, seeded. */
    public static double[] randomUnit(int n, long seed) {
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

    /** The dot product, summed in index order. */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
