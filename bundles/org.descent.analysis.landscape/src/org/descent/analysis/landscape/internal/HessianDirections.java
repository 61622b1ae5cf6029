package org.descent.analysis.landscape.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * The top eigenpairs of the Hessian of the objective by Lanczos iteration with full
 * reorthogonalization. Hessian-vector products are central differences of gradients,
 * {@code Hv ≈ (∇f(θ + hv) − ∇f(θ − hv)) / 2h} with {@code h = ∛ε · max(1, ‖θ‖)} for unit v, whose
 * error is O(h²) plus rounding O(ε/h). Buffer blocks are left out (their gradient is zero). Each
 * Ritz pair's residual {@code ‖Hv − λv‖} is measured with one more product.
 */
public final class HessianDirections {

    /** The gradient of the objective at a point. */
    @FunctionalInterface
    public interface Gradient {
        /** Writes the gradient at {@code theta} (which must not be changed) into {@code out}. */
        void at(double[] theta, double[] out);
    }

    /**
     * Eigenpairs, largest eigenvalue first.
     *
     * @param values Ritz values
     * @param vectors unit Ritz vectors
     * @param residuals {@code ‖Hv − λv‖} of each pair
     * @param products Hessian-vector products used
     */
    public record Result(double[] values, double[][] vectors, double[] residuals, int products) {
    }

    private final Gradient gradient;
    private final double[] theta;
    private final boolean[] trainable;
    private final double h;
    private final double[] plus;
    private final double[] minus;
    private final double[] gPlus;
    private final double[] gMinus;
    private int products;

    public HessianDirections(Gradient gradient, double[] theta, List<ParameterBlock> blocks) {
        this.gradient = gradient;
        this.theta = theta.clone();
        this.trainable = new boolean[theta.length];
        for (ParameterBlock b : blocks) {
            if (!b.buffer()) {
                Arrays.fill(trainable, b.offset(), b.offset() + b.size(), true);
            }
        }
        this.h = Math.cbrt(Math.ulp(1.0)) * Math.max(1, Math.sqrt(Directions.dot(theta, theta)));
        this.plus = new double[theta.length];
        this.minus = new double[theta.length];
        this.gPlus = new double[theta.length];
        this.gMinus = new double[theta.length];
    }

    /** The finite-difference step. */
    public double step() {
        return h;
    }

    /** {@code H·v} for a unit vector v, into {@code out}. */
    public void product(double[] v, double[] out) {
        for (int i = 0; i < theta.length; i++) {
            plus[i] = theta[i] + h * v[i];
            minus[i] = theta[i] - h * v[i];
        }
        gradient.at(plus, gPlus);
        gradient.at(minus, gMinus);
        for (int i = 0; i < theta.length; i++) {
            out[i] = trainable[i] ? (gPlus[i] - gMinus[i]) / (2 * h) : 0;
        }
        products++;
    }

    /**
     * The {@code count} largest eigenpairs after at most {@code steps} Lanczos steps.
     *
     * @param random draws the start vector
     * @param monitor checked for cancellation at every step
     */
    public Result top(int count, int steps, SplitMix64 random, IProgressMonitor monitor) {
        int n = 0;
        for (boolean t : trainable) {
            n += t ? 1 : 0;
        }
        int m = Math.min(steps, n);
        if (count > m) {
            throw new IllegalArgumentException("the Hessian has " + n + " trainable dimensions and " + m
                    + " Lanczos steps were allowed; " + count + " eigenvectors cannot be found");
        }
        List<double[]> basis = new ArrayList<>();
        double[] q = new double[theta.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = trainable[i] ? random.nextGaussian() : 0;
        }
        scale(q, 1 / Math.sqrt(Directions.dot(q, q)));
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] w = new double[theta.length];
        int size = 0;
        for (int j = 0; j < m; j++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            basis.add(q);
            size = j + 1;
            product(q, w);
            alpha[j] = Directions.dot(w, q);
            for (int pass = 0; pass < 2; pass++) {
                for (double[] b : basis) {
                    double c = Directions.dot(w, b);
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= c * b[i];
                    }
                }
            }
            beta[j] = Math.sqrt(Directions.dot(w, w));
            monitor.worked(1);
            if (j == m - 1 || beta[j] <= 1e-10 * Math.max(Math.abs(alpha[j]), 1e-300)) {
                break;
            }
            q = w.clone();
            scale(q, 1 / beta[j]);
        }
        if (count > size) {
            throw new IllegalArgumentException("the Krylov space of the Hessian closed after " + size
                    + " steps, fewer than the " + count + " eigenvectors asked for");
        }
        double[][] t = new double[size][size];
        for (int j = 0; j < size; j++) {
            t[j][j] = alpha[j];
            if (j + 1 < size) {
                t[j + 1][j] = beta[j];
                t[j][j + 1] = beta[j];
            }
        }
        SymmetricEigen eigen = new SymmetricEigen(t);
        double[] ritz = eigen.valuesDescending();
        double[] values = new double[count];
        double[][] vectors = new double[count][];
        double[] residuals = new double[count];
        for (int k = 0; k < count; k++) {
            double[] s = eigen.vectorDescending(k);
            double[] y = new double[theta.length];
            for (int j = 0; j < size; j++) {
                double[] b = basis.get(j);
                for (int i = 0; i < y.length; i++) {
                    y[i] += s[j] * b[i];
                }
            }
            scale(y, 1 / Math.sqrt(Directions.dot(y, y)));
            product(y, w);
            double r = 0;
            for (int i = 0; i < y.length; i++) {
                double e = w[i] - ritz[k] * y[i];
                r += e * e;
            }
            values[k] = ritz[k];
            vectors[k] = y;
            residuals[k] = Math.sqrt(r);
        }
        return new Result(values, vectors, residuals, products);
    }

    private static void scale(double[] v, double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }
}
