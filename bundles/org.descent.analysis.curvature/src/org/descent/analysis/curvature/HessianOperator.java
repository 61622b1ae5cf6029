package org.descent.analysis.curvature;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.Batch;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Subject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * The Hessian of a subject's training objective on one fixed batch, over its trainable
 * parameters (buffer blocks such as batch-norm running statistics are left out), as an operator.
 * Hessian-vector products are exact, by forward-over-reverse differentiation (the model's
 * {@link org.descent.core.Model.Evaluator#hessianVector}; the penalties' curvature by central
 * differences of their gradient), when the model and loss provide it; otherwise central
 * differences of exact gradients, {@code Hv ≈ (g(θ + hv) − g(θ − hv)) / 2h}, two gradient
 * evaluations per product, with an error estimate from a second step size. The whole matrix
 * comes column by column: exact products, or Richardson-extrapolated differences (error O(h⁴)).
 *
 * @since 0.1.0
 */
public final class HessianOperator implements LinearOperator {

    /** Relative size of the central-difference step for products, times (1 + ||θ||). */
    static final double PRODUCT_STEP = 1e-6;
    /**
     * Relative size of the coordinate step for difference columns, times max(1, |θ_j|): small, so
     * that a step seldom crosses a kink of ReLU or max pooling (where no difference scheme holds),
     * and large enough that rounding stays near 1e-11 of the gradient.
     */
    static final double COLUMN_STEP = 1e-5;

    private final Subject subject;
    private final Batch batch;
    private final Model.Evaluator evaluator;
    private final int[] index;
    private final double[] theta;
    private final double[] gradient;
    private final double value;
    private final double thetaNorm;
    private final double[] work;
    private final double[] plus;
    private final double[] minus;
    private final double[] gPlus;
    private long gradients;
    private final boolean exact;
    private final double[] fullV;
    private final double[] fullHv;
    /** The parameters handed to the evaluator, which a pass may write (running statistics). */
    private final double[] thetaCopy;

    /**
     * @param subject the model at a point
     * @param batch the batch the objective is evaluated on (kept fixed)
     */
    public HessianOperator(Subject subject, Batch batch) {
        this(subject, batch, trainable(subject.blocks()));
    }

    /** The Hessian restricted to the given parameter indices (a block of it). */
    public HessianOperator(Subject subject, Batch batch, int[] index) {
        this.subject = subject;
        this.batch = batch;
        this.evaluator = subject.evaluator(batch.size());
        this.index = index.clone();
        this.theta = subject.parameters();
        this.work = new double[theta.length];
        this.plus = new double[theta.length];
        this.minus = new double[theta.length];
        this.gPlus = new double[theta.length];
        this.gradient = new double[theta.length];
        this.value = objective(theta.clone(), gradient);
        this.fullV = new double[theta.length];
        this.fullHv = new double[theta.length];
        this.thetaCopy = new double[theta.length];
        this.exact = evaluator.hessianVector(theta.clone(), batch, fullV, fullHv);
        this.thetaNorm = norm(theta, index);
    }

    /** A diagonal block of a Hessian: the same point, batch and evaluator (and its kept passes). */
    private HessianOperator(HessianOperator whole, int[] index) {
        this.subject = whole.subject;
        this.batch = whole.batch;
        this.evaluator = whole.evaluator;
        this.index = index.clone();
        this.theta = whole.theta;
        this.work = whole.work;
        this.plus = whole.plus;
        this.minus = whole.minus;
        this.gPlus = whole.gPlus;
        this.gradient = whole.gradient;
        this.value = whole.value;
        this.fullV = whole.fullV;
        this.fullHv = whole.fullHv;
        this.thetaCopy = whole.thetaCopy;
        this.exact = whole.exact;
        this.thetaNorm = norm(theta, index);
    }

    /**
     * The Hessian restricted to some parameter indices (a block of it), sharing this operator's
     * evaluation; used by one thread at a time, as this operator is.
     */
    public HessianOperator restrictedTo(int[] parameters) {
        return new HessianOperator(this, parameters);
    }

    private static double norm(double[] theta, int[] index) {
        double s = 0;
        for (int i : index) {
            s += theta[i] * theta[i];
        }
        return Math.sqrt(s);
    }

    /**
     * The operator on the subject's default batch ({@link Subject#batch}
     * of {@link Subject#batchSize} rows).
     *
     * @throws IllegalArgumentException when the model has no trainable parameters
     */
    public static HessianOperator of(Subject subject) {
        HessianOperator h = new HessianOperator(subject, subject.batch(subject.batchSize()));
        if (h.dimension() == 0) {
            throw new IllegalArgumentException("the model has no trainable parameters");
        }
        return h;
    }

    /** The batch the objective is evaluated on. */
    public Batch batch() {
        return batch;
    }

    /** Indices of the parameters of every non-buffer block, in order. */
    public static int[] trainable(List<ParameterBlock> blocks) {
        List<Integer> all = new ArrayList<>();
        for (ParameterBlock b : blocks) {
            if (!b.buffer()) {
                for (int i = 0; i < b.size(); i++) {
                    all.add(b.offset() + i);
                }
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Indices of one block's parameters. */
    public static int[] block(ParameterBlock b) {
        int[] idx = new int[b.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = b.offset() + i;
        }
        return idx;
    }

    @Override
    public int dimension() {
        return index.length;
    }

    /** The objective at θ. */
    public double value() {
        return value;
    }

    /** The gradient at θ, restricted to this operator's parameters. */
    public double[] gradient() {
        double[] g = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            g[i] = gradient[index[i]];
        }
        return g;
    }

    /** The parameters at the point (all of them). */
    public double[] parameters() {
        return theta.clone();
    }

    /** Maps a vector over this operator's parameters to the full parameter layout. */
    public double[] expand(double[] v) {
        double[] full = new double[theta.length];
        for (int i = 0; i < index.length; i++) {
            full[index[i]] = v[i];
        }
        return full;
    }

    /** The objective at θ + t·v (v over this operator's parameters). */
    public double valueAlong(double[] v, double t) {
        System.arraycopy(theta, 0, plus, 0, theta.length);
        for (int i = 0; i < index.length; i++) {
            plus[index[i]] += t * v[i];
        }
        return objective(plus, work);
    }

    /** Whether products are exact (forward-over-reverse) rather than central differences. */
    public boolean exact() {
        return exact;
    }

    @Override
    public void apply(double[] v, double[] out) {
        if (!exact) {
            product(v, out, step(v));
            return;
        }
        java.util.Arrays.fill(fullV, 0);
        for (int i = 0; i < index.length; i++) {
            fullV[index[i]] = v[i];
        }
        System.arraycopy(theta, 0, thetaCopy, 0, theta.length);
        evaluator.hessianVector(thetaCopy, batch, fullV, fullHv);
        gradients++;
        for (int i = 0; i < index.length; i++) {
            out[i] = fullHv[index[i]];
        }
        penaltyCurvature(v, out);
    }

    /** Adds the penalties' Hessian times v, by central differences of their gradient (exact for L2). */
    private void penaltyCurvature(double[] v, double[] out) {
        double h = step(v);
        if (h == 0) {
            return;
        }
        System.arraycopy(theta, 0, plus, 0, theta.length);
        System.arraycopy(theta, 0, minus, 0, theta.length);
        for (int i = 0; i < index.length; i++) {
            plus[index[i]] += h * v[i];
            minus[index[i]] -= h * v[i];
        }
        java.util.Arrays.fill(gPlus, 0);
        java.util.Arrays.fill(work, 0);
        subject.penalties(plus, gPlus);
        subject.penalties(minus, work);
        for (int i = 0; i < index.length; i++) {
            out[i] += (gPlus[index[i]] - work[index[i]]) / (2 * h);
        }
    }

    /**
     * Estimates the relative error of {@link #apply} at v. For central differences: the products
     * with steps h and 2h differ by about three times the truncation error of the one with h. For
     * exact products: their distance from the central difference, a check of both (it is the
     * differences' own error).
     */
    public double relativeError(double[] v) {
        if (exact) {
            double[] a = new double[index.length];
            double[] b = new double[index.length];
            apply(v, a);
            product(v, b, step(v));
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(a[i] - b[i]));
                norm = Math.max(norm, Math.abs(a[i]));
            }
            return norm == 0 ? 0 : diff / norm;
        }
        double h = step(v);
        double[] a = new double[index.length];
        double[] b = new double[index.length];
        product(v, a, h);
        product(v, b, 2 * h);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            norm = Math.max(norm, Math.abs(a[i]));
        }
        return norm == 0 ? 0 : diff / 3 / norm;
    }

    /**
     * The Hessian as a dense matrix over this operator's parameters, column by column: exact
     * products, or Richardson extrapolation of central differences (4 gradients a column);
     * symmetrized.
     *
     * @param error receives, at index 0, the largest estimated error of an entry (for exact
     *            products, the largest asymmetry before symmetrizing)
     */
    public double[][] matrix(IProgressMonitor monitor, double[] error) {
        if (exact) {
            return exactMatrix(monitor, error);
        }
        int n = index.length;
        double[][] h = new double[n][n];
        double[] d1 = new double[theta.length];
        double[] d2 = new double[theta.length];
        double worst = 0;
        for (int j = 0; j < n; j++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            int p = index[j];
            double step = COLUMN_STEP * Math.max(1, Math.abs(theta[p]));
            coordinateDifference(p, step, d1);
            coordinateDifference(p, step / 2, d2);
            for (int i = 0; i < n; i++) {
                int q = index[i];
                double r = (4 * d2[q] - d1[q]) / 3;
                h[i][j] = r;
                worst = Math.max(worst, Math.abs(r - d2[q]));
            }
            monitor.worked(1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = (h[i][j] + h[j][i]) / 2;
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        error[0] = worst;
        return h;
    }

    /** Columns from exact products; the error is the largest asymmetry before symmetrizing (roundoff). */
    private double[][] exactMatrix(IProgressMonitor monitor, double[] error) {
        int n = index.length;
        double[][] h = new double[n][n];
        double[] e = new double[n];
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            e[j] = 1;
            apply(e, column);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                h[i][j] = column[i];
            }
            monitor.worked(1);
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                worst = Math.max(worst, Math.abs(h[i][j] - h[j][i]));
                double s = (h[i][j] + h[j][i]) / 2;
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        error[0] = worst;
        return h;
    }

    /** Gradient evaluations and exact products so far (including the gradient at θ). */
    public long gradients() {
        return gradients;
    }

    private double step(double[] v) {
        double norm = Math.sqrt(Lanczos.dot(v, v));
        if (norm == 0) {
            return 0;
        }
        return PRODUCT_STEP * (1 + thetaNorm) / norm;
    }

    private void product(double[] v, double[] out, double h) {
        if (h == 0) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        System.arraycopy(theta, 0, plus, 0, theta.length);
        System.arraycopy(theta, 0, minus, 0, theta.length);
        for (int i = 0; i < index.length; i++) {
            plus[index[i]] += h * v[i];
            minus[index[i]] -= h * v[i];
        }
        objective(plus, gPlus);
        objective(minus, work);
        for (int i = 0; i < index.length; i++) {
            out[i] = (gPlus[index[i]] - work[index[i]]) / (2 * h);
        }
    }

    private void coordinateDifference(int p, double h, double[] out) {
        System.arraycopy(theta, 0, plus, 0, theta.length);
        plus[p] += h;
        objective(plus, out);
        System.arraycopy(theta, 0, minus, 0, theta.length);
        minus[p] -= h;
        objective(minus, work);
        for (int i = 0; i < out.length; i++) {
            out[i] = (out[i] - work[i]) / (2 * h);
        }
    }

    private double objective(double[] at, double[] g) {
        gradients++;
        return subject.objective(evaluator, at, batch, g);
    }
}
