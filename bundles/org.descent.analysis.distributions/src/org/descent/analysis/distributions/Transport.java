package org.descent.analysis.distributions;

import java.util.Arrays;
import java.util.Locale;

import org.descent.compute.Ops;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Optimal transport between discrete distributions {@code a} (n masses) and {@code b} (m masses)
 * with a cost matrix {@code C} (row-major {@code n × m}, usually {@link #costMatrix} of two point
 * clouds): the exact linear program ({@link #exact}, POT's {@code emd}), entropic regularisation
 * by Sinkhorn's kernel scaling ({@link #sinkhorn}, POT's {@code sinkhorn_knopp}) or in the log
 * domain ({@link #sinkhornLog}, POT's {@code sinkhorn_log}), the closed form in one dimension
 * ({@link #wasserstein1d}, POT's {@code wasserstein_1d}) and the debiased Sinkhorn divergence
 * ({@link #sinkhornDivergence}, POT's {@code empirical_sinkhorn_divergence}).
 * <p>
 * Costs are {@code ⟨P, C⟩} of the plan found, as POT's {@code emd2} and {@code sinkhorn2} report
 * them (no p-th root). Masses must be non-negative with equal totals. Long computations check the
 * monitor and end with {@link OperationCanceledException} when it is cancelled.
 * <p>
 * The Sinkhorn methods also run on a compute device: their overloads that take {@link Ops} keep
 * the n × m matrix on the device and make the same iterations with its operations; the vectors
 * and the stopping test stay on the host.
 *
 * @since 0.1.0
 */
public final class Transport {

    /** Ground cost between two points. */
    public enum Metric {
        /** {@code ‖x − y‖²}, POT's {@code ot.dist} default. */
        SQEUCLIDEAN,
        /** {@code ‖x − y‖}. */
        EUCLIDEAN;

        /** {@code sqeuclidean} or {@code euclidean}. */
        public static Metric parse(String name) {
            return switch (name) {
            case "sqeuclidean" -> SQEUCLIDEAN;
            case "euclidean" -> EUCLIDEAN;
            default -> throw new IllegalArgumentException("metric '" + name + "': expected sqeuclidean or euclidean");
            };
        }

        /** The exponent p of {@code |x − y|^p} in one dimension. */
        public double exponent() {
            return this == SQEUCLIDEAN ? 2 : 1;
        }
    }

    /**
     * A transport plan given by its non-zero entries {@code P[rows[k], cols[k]] = mass[k]}.
     *
     * @param n rows (source points)
     * @param m columns (target points)
     */
    public record SparsePlan(int n, int m, int[] rows, int[] cols, double[] mass) {

        /** The plan as a dense row-major {@code n × m} array. */
        public double[] dense() {
            double[] p = new double[n * m];
            for (int k = 0; k < mass.length; k++) {
                p[rows[k] * m + cols[k]] += mass[k];
            }
            return p;
        }
    }

    /**
     * The exact optimum.
     *
     * @param cost {@code ⟨P, C⟩}
     * @param plan the optimal plan, at most {@code n + m − 1} entries
     * @param f dual potential of the sources, g of the targets: {@code f_i + g_j ≤ C_ij}, with
     *            equality where the plan has mass, and {@code Σ a f + Σ b g = cost}
     * @param pivots network simplex pivots
     * @param marginalError {@code ‖P𝟙 − a‖₂ + ‖Pᵀ𝟙 − b‖₂}
     */
    public record ExactResult(double cost, SparsePlan plan, double[] f, double[] g, long pivots, double marginalError) {
    }

    /**
     * The one-dimensional optimum by the quantile functions.
     *
     * @param cost {@code ∫₀¹ |F⁻¹(t) − G⁻¹(t)|^p dt}
     * @param plan the monotone coupling, at most {@code n + m − 1} entries, in the input order
     */
    public record OneDimensionalResult(double cost, SparsePlan plan) {
    }

    /**
     * An entropic optimum.
     *
     * @param cost {@code ⟨P, C⟩} (POT's {@code sinkhorn2})
     * @param objective {@code ⟨P, C⟩ + ε Σ P_ij (log P_ij − 1)}, the regularised value; its
     *            gradient with respect to {@code C} is {@code P}
     * @param plan the plan, dense row-major {@code n × m}
     * @param f dual potential of the sources, g of the targets, in cost units:
     *            {@code P_ij = exp((f_i + g_j − C_ij)/ε)}
     * @param eps the regularisation ε
     * @param iterations Sinkhorn iterations (over all ε stages when annealing)
     * @param marginalError {@code ‖P𝟙 − a‖₂ + ‖Pᵀ𝟙 − b‖₂}, the stopping criterion
     * @param converged whether the marginal error fell below the tolerance within the iterations
     * @param problem why the iteration stopped early (numerical underflow), or null
     */
    public record SinkhornResult(double cost, double objective, double[] plan, double[] f, double[] g, double eps,
            int iterations, double marginalError, boolean converged, @Nullable String problem) {
    }

    /**
     * The debiased Sinkhorn divergence {@code S = OT_ε(a,b) − ½ (OT_ε(a,a) + OT_ε(b,b))} of costs
     * {@code ⟨P, C⟩}, as POT's {@code empirical_sinkhorn_divergence} (which also clips it at 0;
     * {@link #value()} does not).
     */
    public record Divergence(double value, SinkhornResult ab, SinkhornResult aa, SinkhornResult bb) {
    }

    private Transport() {
    }

    /**
     * The cost matrix of two point clouds.
     *
     * @param x n points of dimension d, row-major ({@code n·d} values)
     * @param y m points of dimension d, row-major
     * @return row-major {@code n × m} costs
     */
    public static double[] costMatrix(double[] x, double[] y, int d, Metric metric) {
        int n = count(x, d, "x");
        int m = count(y, d, "y");
        checkSize(n, m);
        double[] yt = new double[d * m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                yt[k * m + j] = y[j * d + k];
            }
        }
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            costRow(x, i * d, yt, d, m, c, i * m, metric);
        }
        return c;
    }

    /** One row of the cost matrix (a small method, compiled on its own after a few rows). */
    private static void costRow(double[] x, int xi, double[] yt, int d, int m, double[] c, int row, Metric metric) {
        for (int k = 0; k < d; k++) {
            double xik = x[xi + k];
            int col = k * m;
            for (int j = 0; j < m; j++) {
                double t = xik - yt[col + j];
                c[row + j] += t * t;
            }
        }
        if (metric == Metric.EUCLIDEAN) {
            for (int j = 0; j < m; j++) {
                c[row + j] = Math.sqrt(c[row + j]);
            }
        }
    }

    /** {@code out[row + j] = exp(in[row + j]·s)}. */
    private static void expRow(double[] in, int row, double s, double[] out, int m) {
        for (int j = 0; j < m; j++) {
            out[row + j] = Math.exp(in[row + j] * s);
        }
    }

    /** {@code k[row + j] *= ui·v_j}. */
    private static void scaleRow(double[] k, int row, double ui, double[] v, int m) {
        for (int j = 0; j < m; j++) {
            k[row + j] *= ui * v[j];
        }
    }

    /**
     * Exact optimal transport by the network simplex (POT's {@code emd}).
     *
     * @param cost row-major {@code n × m}, read only
     */
    public static ExactResult exact(double[] a, double[] b, double[] cost, @Nullable IProgressMonitor monitor) {
        checkProblem(a, b, cost);
        NetworkSimplex ns = new NetworkSimplex(a, b, cost);
        long pivots = ns.solve(monitor == null ? new NullProgressMonitor() : monitor);
        SparsePlan plan = ns.plan();
        double total = 0;
        for (int k = 0; k < plan.mass().length; k++) {
            total += plan.mass()[k] * cost[plan.rows()[k] * b.length + plan.cols()[k]];
        }
        double[][] duals = ns.duals();
        return new ExactResult(total, plan, duals[0], duals[1], pivots, marginalError(plan, a, b));
    }

    /**
     * Sinkhorn–Knopp kernel scaling (POT's {@code sinkhorn_knopp}): {@code v ← b / Kᵀu},
     * {@code u ← a / Kv} with {@code K = exp(−C/ε)}, starting from uniform scalings, until the
     * marginal error is below {@code tol}. Fast but underflows for small ε relative to the
     * costs; then {@link SinkhornResult#problem()} says so and {@link #sinkhornLog} is the remedy.
     */
    public static SinkhornResult sinkhorn(double[] a, double[] b, double[] cost, double eps, int maxIter, double tol,
            @Nullable IProgressMonitor monitor) {
        return kernelScaling(null, a, b, cost, eps, maxIter, tol, monitor);
    }

    /**
     * {@link #sinkhorn(double[], double[], double[], double, int, double, IProgressMonitor)} on a
     * compute device, in the precision of {@code ops}: the kernel is computed and kept on the device
     * and every iteration runs there ({@link Ops#sinkhornStep}); only the scalings (n and m values)
     * travel each iteration, for the stopping test, and the plan once at the end. fp64 on the cpu
     * backend gives the host's bits.
     */
    public static SinkhornResult sinkhorn(Ops ops, double[] a, double[] b, double[] cost, double eps, int maxIter,
            double tol, @Nullable IProgressMonitor monitor) {
        return kernelScaling(ops, a, b, cost, eps, maxIter, tol, monitor);
    }

    private static SinkhornResult kernelScaling(@Nullable Ops ops, double[] a, double[] b, double[] cost, double eps,
            int maxIter, double tol, @Nullable IProgressMonitor monitor) {
        checkProblem(a, b, cost);
        checkIteration(eps, maxIter, tol);
        int n = a.length;
        int m = b.length;
        double[] u = new double[n];
        double[] v = new double[m];
        Arrays.fill(u, 1.0 / n);
        Arrays.fill(v, 1.0 / m);
        double[] ktu = new double[m];
        double[] next = new double[m];
        double[] nu = new double[n];
        double[] nv = new double[m];
        try (SinkhornPasses passes = passes(ops, cost, n, m)) {
            passes.kernel(-1 / eps, u, ktu);
            double err = Double.POSITIVE_INFINITY;
            boolean converged = false;
            @Nullable
            String problem = null;
            int it = 0;
            while (true) {
                checkCancel(monitor);
                if (it > 0) {
                    err = columnError(v, ktu, b);
                    if (err < tol) {
                        converged = true;
                        break;
                    }
                }
                if (it == maxIter) {
                    break;
                }
                boolean bad = false;
                for (int j = 0; j < m; j++) {
                    nv[j] = b[j] / ktu[j];
                    bad |= !Double.isFinite(nv[j]);
                }
                if (!bad) {
                    passes.scaleRows(a, nv, nu, next);
                    for (double x : nu) {
                        bad |= !Double.isFinite(x);
                    }
                }
                if (bad) {
                    problem = String.format(Locale.ROOT,
                            "the kernel exp(-C/eps) underflowed at iteration %d (eps %g is small for costs up to %g); use the log-domain method",
                            it, eps, max(cost));
                    if (it == 0) {
                        err = Double.NaN;
                    }
                    break;
                }
                System.arraycopy(nv, 0, v, 0, m);
                System.arraycopy(nu, 0, u, 0, n);
                double[] t = ktu;
                ktu = next;
                next = t;
                it++;
            }
            double[] plan = passes.kernelPlan(u, v);
            double[] f = new double[n];
            double[] g = new double[m];
            for (int i = 0; i < n; i++) {
                f[i] = eps * Math.log(u[i]);
            }
            for (int j = 0; j < m; j++) {
                g[j] = eps * Math.log(v[j]);
            }
            return finish(plan, cost, f, g, eps, it, err, converged, problem, a, b);
        }
    }

    private static SinkhornPasses passes(@Nullable Ops ops, double[] cost, int n, int m) {
        return ops == null ? new HostPasses(cost, n, m) : new DevicePasses(ops, cost, n, m);
    }

    /**
     * Log-domain Sinkhorn (POT's {@code sinkhorn_log}): the same iteration on the potentials with
     * log-sum-exp, stable for any ε. With {@code epsScaling} the potentials are first computed for
     * ε halved from the largest cost down to the target (at most 100 iterations each, to a
     * tolerance of {@code max(tol, 1e-6)}), then iterated at the target ε.
     */
    public static SinkhornResult sinkhornLog(double[] a, double[] b, double[] cost, double eps, int maxIter, double tol,
            boolean epsScaling, @Nullable IProgressMonitor monitor) {
        return logDomain(null, a, b, cost, eps, maxIter, tol, epsScaling, monitor);
    }

    /**
     * {@link #sinkhornLog(double[], double[], double[], double, int, double, boolean, IProgressMonitor)}
     * on a compute device, in the precision of {@code ops}: {@code −C/ε} and the log-sum-exps
     * ({@link Ops#logSumExp}) stay on the device; only the potentials (n and m values) travel
     * each iteration, and the plan once at the end. fp64 on the cpu backend gives the host's bits.
     */
    public static SinkhornResult sinkhornLog(Ops ops, double[] a, double[] b, double[] cost, double eps, int maxIter,
            double tol, boolean epsScaling, @Nullable IProgressMonitor monitor) {
        return logDomain(ops, a, b, cost, eps, maxIter, tol, epsScaling, monitor);
    }

    private static SinkhornResult logDomain(@Nullable Ops ops, double[] a, double[] b, double[] cost, double eps,
            int maxIter, double tol, boolean epsScaling, @Nullable IProgressMonitor monitor) {
        checkProblem(a, b, cost);
        checkIteration(eps, maxIter, tol);
        int n = a.length;
        int m = b.length;
        double[] f = new double[n];
        double[] g = new double[m];
        double[] loga = logs(a);
        double[] logb = logs(b);
        int total = 0;
        try (SinkhornPasses passes = passes(ops, cost, n, m)) {
            if (epsScaling) {
                for (double e = max(cost); e > eps; e /= 2) {
                    LogStage s = logStage(passes, e, f, g, loga, logb, a, b, 100, Math.max(tol, 1e-6), monitor);
                    total += s.iterations;
                }
            }
            LogStage s = logStage(passes, eps, f, g, loga, logb, a, b, maxIter, tol, monitor);
            total += s.iterations;
            double[] fs = new double[n];
            double[] gs = new double[m];
            for (int i = 0; i < n; i++) {
                fs[i] = f[i] / eps;
            }
            for (int j = 0; j < m; j++) {
                gs[j] = g[j] / eps;
            }
            return finish(passes.logPlan(fs, gs), cost, f, g, eps, total, s.error, s.converged, null, a, b);
        }
    }

    private record LogStage(int iterations, double error, boolean converged) {
    }

    /** Iterates at one ε on potentials f, g (cost units, updated in place), from the passes' −C/ε. */
    private static LogStage logStage(SinkhornPasses passes, double eps, double[] f, double[] g, double[] loga,
            double[] logb, double[] a, double[] b, int maxIter, double tol, @Nullable IProgressMonitor monitor) {
        int n = a.length;
        int m = b.length;
        passes.logKernel(-1 / eps);
        double[] u = new double[n];
        double[] v = new double[m];
        for (int i = 0; i < n; i++) {
            u[i] = a[i] == 0 ? Double.NEGATIVE_INFINITY : f[i] / eps;
        }
        for (int j = 0; j < m; j++) {
            v[j] = b[j] == 0 ? Double.NEGATIVE_INFINITY : g[j] / eps;
        }
        double[] lse = new double[m];
        double[] rows = new double[n];
        double err = Double.POSITIVE_INFINITY;
        boolean converged = false;
        int it = 0;
        while (true) {
            checkCancel(monitor);
            passes.columnLogSumExp(u, lse);
            if (it > 0) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    double t = Math.exp(v[j] + lse[j]) - b[j];
                    s += t * t;
                }
                err = Math.sqrt(s);
                if (err < tol) {
                    converged = true;
                    break;
                }
            }
            if (it == maxIter) {
                break;
            }
            for (int j = 0; j < m; j++) {
                v[j] = logb[j] - lse[j];
            }
            passes.rowLogSumExp(v, rows);
            for (int i = 0; i < n; i++) {
                u[i] = loga[i] - rows[i];
            }
            it++;
        }
        for (int i = 0; i < n; i++) {
            f[i] = eps * u[i];
        }
        for (int j = 0; j < m; j++) {
            g[j] = eps * v[j];
        }
        return new LogStage(it, err, converged);
    }

    /** The passes over host arrays: the matrix (the kernel or −C/ε) lives in one n × m array. */
    private static final class HostPasses implements SinkhornPasses {

        private final double[] cost;
        private final int n;
        private final int m;
        private double @Nullable [] k;
        private double @Nullable [] colMax;

        HostPasses(double[] cost, int n, int m) {
            this.cost = cost;
            this.n = n;
            this.m = m;
        }

        private double[] matrix() {
            double[] x = k;
            if (x == null) {
                x = new double[n * m];
                k = x;
            }
            return x;
        }

        @Override
        public void kernel(double scale, double[] u, double[] out) {
            double[] x = matrix();
            Arrays.fill(out, 0);
            for (int i = 0; i < n; i++) {
                expRow(cost, i * m, scale, x, m);
                axpy(x, i * m, u[i], out, m);
            }
        }

        @Override
        public void scaleRows(double[] a, double[] v, double[] u, double[] out) {
            Transport.scaleRows(matrix(), n, m, a, v, u, out);
        }

        @Override
        public double[] kernelPlan(double[] u, double[] v) {
            double[] x = matrix();
            for (int i = 0; i < n; i++) {
                scaleRow(x, i * m, u[i], v, m);
            }
            return x;
        }

        @Override
        public void logKernel(double scale) {
            double[] x = matrix();
            for (int i = 0; i < n; i++) {
                scaleInto(cost, i * m, scale, x, m);
            }
        }

        @Override
        public void columnLogSumExp(double[] u, double[] out) {
            double[] mx = colMax;
            if (mx == null) {
                mx = new double[m];
                colMax = mx;
            }
            Transport.columnLogSumExp(matrix(), n, m, u, mx, out);
        }

        @Override
        public void rowLogSumExp(double[] v, double[] out) {
            double[] x = matrix();
            for (int i = 0; i < n; i++) {
                out[i] = Transport.rowLogSumExp(x, i * m, m, v);
            }
        }

        @Override
        public double[] logPlan(double[] fs, double[] gs) {
            double[] x = matrix();
            for (int i = 0; i < n; i++) {
                expShiftedRow(x, i * m, fs[i], gs, m);
            }
            return x;
        }

        @Override
        public void close() {
            // plain arrays: the plan is handed out, the rest is garbage
        }
    }

    private static void columnLogSumExp(double[] mr, int n, int m, double[] u, double[] colMax, double[] out) {
        Arrays.fill(colMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            if (u[i] != Double.NEGATIVE_INFINITY) {
                maxRow(mr, i * m, u[i], colMax, m);
            }
        }
        Arrays.fill(out, 0);
        for (int i = 0; i < n; i++) {
            if (u[i] != Double.NEGATIVE_INFINITY) {
                sumExpRow(mr, i * m, u[i], colMax, out, m);
            }
        }
        for (int j = 0; j < m; j++) {
            out[j] = colMax[j] + Math.log(out[j]);
        }
    }

    /** {@code mx_j = max(mx_j, mr[row + j] + ui)}. */
    private static void maxRow(double[] mr, int row, double ui, double[] mx, int m) {
        for (int j = 0; j < m; j++) {
            mx[j] = Math.max(mx[j], mr[row + j] + ui);
        }
    }

    /** {@code out_j += exp(mr[row + j] + ui − mx_j)}. */
    private static void sumExpRow(double[] mr, int row, double ui, double[] mx, double[] out, int m) {
        for (int j = 0; j < m; j++) {
            out[j] += Math.exp(mr[row + j] + ui - mx[j]);
        }
    }

    /** {@code out[row + j] = in[row + j]·s}. */
    private static void scaleInto(double[] in, int row, double s, double[] out, int m) {
        for (int j = 0; j < m; j++) {
            out[row + j] = in[row + j] * s;
        }
    }

    /** {@code p[row + j] = exp(p[row + j] + fi + g_j)}. */
    private static void expShiftedRow(double[] p, int row, double fi, double[] g, int m) {
        for (int j = 0; j < m; j++) {
            p[row + j] = Math.exp(p[row + j] + fi + g[j]);
        }
    }

    private static double rowLogSumExp(double[] mr, int row, int m, double[] v) {
        double mx = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            mx = Math.max(mx, mr[row + j] + v[j]);
        }
        if (mx == Double.NEGATIVE_INFINITY) {
            return mx;
        }
        double s = 0;
        for (int j = 0; j < m; j++) {
            s += Math.exp(mr[row + j] + v[j] - mx);
        }
        return mx + Math.log(s);
    }

    /**
     * The debiased Sinkhorn divergence of two weighted point clouds (POT's
     * {@code empirical_sinkhorn_divergence}, without its clipping at 0).
     *
     * @param logDomain log-domain iterations (with {@code epsScaling} if asked) instead of
     *            kernel scaling
     */
    public static Divergence sinkhornDivergence(double[] x, double[] wa, double[] y, double[] wb, int d, Metric metric,
            double eps, int maxIter, double tol, boolean logDomain, boolean epsScaling, @Nullable IProgressMonitor monitor) {
        return divergence(null, x, wa, y, wb, d, metric, eps, maxIter, tol, logDomain, epsScaling, monitor);
    }

    /** {@link #sinkhornDivergence} with its three problems solved on a compute device (see {@link #sinkhorn(Ops, double[], double[], double[], double, int, double, IProgressMonitor)}). */
    public static Divergence sinkhornDivergence(Ops ops, double[] x, double[] wa, double[] y, double[] wb, int d,
            Metric metric, double eps, int maxIter, double tol, boolean logDomain, boolean epsScaling,
            @Nullable IProgressMonitor monitor) {
        return divergence(ops, x, wa, y, wb, d, metric, eps, maxIter, tol, logDomain, epsScaling, monitor);
    }

    private static Divergence divergence(@Nullable Ops ops, double[] x, double[] wa, double[] y, double[] wb, int d,
            Metric metric, double eps, int maxIter, double tol, boolean logDomain, boolean epsScaling,
            @Nullable IProgressMonitor monitor) {
        SinkhornResult ab = solve(ops, wa, wb, costMatrix(x, y, d, metric), eps, maxIter, tol, logDomain, epsScaling, monitor);
        SinkhornResult aa = solve(ops, wa, wa, costMatrix(x, x, d, metric), eps, maxIter, tol, logDomain, epsScaling, monitor);
        SinkhornResult bb = solve(ops, wb, wb, costMatrix(y, y, d, metric), eps, maxIter, tol, logDomain, epsScaling, monitor);
        return new Divergence(ab.cost() - 0.5 * (aa.cost() + bb.cost()), ab, aa, bb);
    }

    private static SinkhornResult solve(@Nullable Ops ops, double[] a, double[] b, double[] cost, double eps, int maxIter,
            double tol, boolean logDomain, boolean epsScaling, @Nullable IProgressMonitor monitor) {
        return logDomain ? logDomain(ops, a, b, cost, eps, maxIter, tol, epsScaling, monitor)
                : kernelScaling(ops, a, b, cost, eps, maxIter, tol, monitor);
    }

    /**
     * Optimal transport on the line (POT's {@code wasserstein_1d}): the integral of
     * {@code |F⁻¹ − G⁻¹|^p} over the quantiles, exact for any convex cost {@code |x − y|^p},
     * {@code p ≥ 1}, in {@code O((n + m) log(n + m))}.
     *
     * @param x n positions with masses wa; y m positions with masses wb (equal totals)
     */
    public static OneDimensionalResult wasserstein1d(double[] x, double[] wa, double[] y, double[] wb, double p) {
        if (x.length != wa.length || y.length != wb.length) {
            throw new IllegalArgumentException("positions and masses differ in count: " + x.length + " and " + wa.length
                    + ", " + y.length + " and " + wb.length);
        }
        checkMasses(wa, "a");
        checkMasses(wb, "b");
        checkTotals(wa, wb);
        Integer[] ox = order(x);
        Integer[] oy = order(y);
        int[] rows = new int[x.length + y.length];
        int[] cols = new int[x.length + y.length];
        double[] mass = new double[x.length + y.length];
        int count = 0;
        double total = 0;
        int i = 0;
        int j = 0;
        double ra = x.length > 0 ? wa[ox[0]] : 0;
        double rb = y.length > 0 ? wb[oy[0]] : 0;
        while (i < x.length && j < y.length) {
            double t = Math.min(ra, rb);
            if (t > 0) {
                rows[count] = ox[i];
                cols[count] = oy[j];
                mass[count++] = t;
                total += t * Math.pow(Math.abs(x[ox[i]] - y[oy[j]]), p);
            }
            ra -= t;
            rb -= t;
            if (ra <= 0 && ++i < x.length) {
                ra = wa[ox[i]];
            }
            if (rb <= 0 && ++j < y.length) {
                rb = wb[oy[j]];
            }
        }
        return new OneDimensionalResult(total, new SparsePlan(x.length, y.length, Arrays.copyOf(rows, count),
                Arrays.copyOf(cols, count), Arrays.copyOf(mass, count)));
    }

    private static Integer[] order(double[] x) {
        Integer[] o = new Integer[x.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        Arrays.sort(o, (p, q) -> Double.compare(x[p], x[q]));
        return o;
    }

    /**
     * The gradient of a transport objective with respect to the points x of the first
     * distribution, for a fixed plan: {@code ∂/∂x_i Σ_j P_ij c(x_i, y_j)}. For the optimal plan
     * this is the gradient of the optimal value (envelope theorem): of the exact cost, and of the
     * entropic {@link SinkhornResult#objective()} (not of its linear part
     * {@link SinkhornResult#cost()}). Euclidean costs take a zero subgradient where
     * {@code x_i = y_j}.
     *
     * @param plan dense row-major {@code n × m}
     * @return {@code n·d} values
     */
    public static double[] gradient(double[] x, double[] y, int d, Metric metric, double[] plan) {
        int n = count(x, d, "x");
        int m = count(y, d, "y");
        if (plan.length != n * m) {
            throw new IllegalArgumentException("a plan of " + plan.length + " entries for " + n + " × " + m + " points");
        }
        double[] grad = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double p = plan[i * m + j];
                if (p != 0) {
                    addTerm(grad, x, y, d, metric, i, j, p);
                }
            }
        }
        return grad;
    }

    private static void addTerm(double[] grad, double[] x, double[] y, int d, Metric metric, int i, int j, double p) {
        double scale;
        if (metric == Metric.SQEUCLIDEAN) {
            scale = 2 * p;
        } else {
            double s = 0;
            for (int k = 0; k < d; k++) {
                double t = x[i * d + k] - y[j * d + k];
                s += t * t;
            }
            if (s == 0) {
                return;
            }
            scale = p / Math.sqrt(s);
        }
        for (int k = 0; k < d; k++) {
            grad[i * d + k] += scale * (x[i * d + k] - y[j * d + k]);
        }
    }

    /** {@code ‖P𝟙 − a‖₂ + ‖Pᵀ𝟙 − b‖₂} of a sparse plan. */
    public static double marginalError(SparsePlan plan, double[] a, double[] b) {
        double[] rows = new double[a.length];
        double[] cols = new double[b.length];
        for (int k = 0; k < plan.mass().length; k++) {
            rows[plan.rows()[k]] += plan.mass()[k];
            cols[plan.cols()[k]] += plan.mass()[k];
        }
        return distance(rows, a) + distance(cols, b);
    }

    /** {@code ‖P𝟙 − a‖₂ + ‖Pᵀ𝟙 − b‖₂} of a dense plan. */
    public static double marginalError(double[] plan, double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        double[] rows = new double[n];
        double[] cols = new double[m];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                double p = plan[i * m + j];
                s += p;
                cols[j] += p;
            }
            rows[i] = s;
        }
        return distance(rows, a) + distance(cols, b);
    }

    /**
     * The cost, the objective and the marginal error of a plan {@code P_ij = exp((f_i + g_j − C_ij)/ε)}:
     * since {@code log P_ij = (f_i + g_j − C_ij)/ε}, {@code Σ P (log P − 1) = (Σ f_i r_i + Σ g_j c_j − ⟨P,C⟩)/ε − Σ P}
     * with the row sums r and column sums c, so no logarithm is taken.
     */
    private static SinkhornResult finish(double[] plan, double[] cost, double[] f, double[] g, double eps, int iterations,
            double err, boolean converged, @Nullable String problem, double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        double[] rows = new double[n];
        double[] cols = new double[m];
        double linear = 0;
        for (int i = 0; i < n; i++) {
            rows[i] = rowSum(plan, i * m, m);
            linear += dot(plan, i * m, cost, i * m, m);
            axpy(plan, i * m, 1, cols, m);
        }
        double dual = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (rows[i] > 0) {
                dual += f[i] * rows[i];
                total += rows[i];
            }
        }
        for (int j = 0; j < m; j++) {
            if (cols[j] > 0) {
                dual += g[j] * cols[j];
            }
        }
        double error = Double.isNaN(err) ? err : distance(rows, a) + distance(cols, b);
        return new SinkhornResult(linear, dual - eps * total, plan, f, g, eps, iterations, error, converged, problem);
    }

    private static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double t = x[i] - y[i];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /**
     * One pass over K for the row update and the next column sums: four rows at a time,
     * {@code u_i = a_i / Σ_j K_ij v_j} and then {@code out_j += K_ij u_i} while the rows are in cache.
     *
     */
    private static void scaleRows(double[] k, int n, int m, double[] a, double[] v, double[] u, double[] out) {
        Arrays.fill(out, 0);
        double[] four = new double[4];
        int i = 0;
        for (; i + 3 < n; i += 4) {
            dot4(k, i * m, m, v, four);
            for (int q = 0; q < 4; q++) {
                u[i + q] = a[i + q] / four[q];
            }
            axpy4(k, i * m, m, u[i], u[i + 1], u[i + 2], u[i + 3], out);
        }
        for (; i < n; i++) {
            u[i] = a[i] / dot(k, i * m, v, 0, m);
            axpy(k, i * m, u[i], out, m);
        }
    }

    /**
     * The dot products of four consecutive rows of K (from {@code row}) with v, sharing the loads
     * of v, two partial sums each.
     */
    private static void dot4(double[] k, int row, int m, double[] v, double[] out) {
        int r1 = row;
        int r2 = row + m;
        int r3 = row + 2 * m;
        int r4 = row + 3 * m;
        double a0 = 0;
        double a1 = 0;
        double b0 = 0;
        double b1 = 0;
        double c0 = 0;
        double c1 = 0;
        double d0 = 0;
        double d1 = 0;
        int j = 0;
        for (int m2 = m & ~1; j < m2; j += 2) {
            double v0 = v[j];
            double v1 = v[j + 1];
            a0 += k[r1 + j] * v0;
            a1 += k[r1 + j + 1] * v1;
            b0 += k[r2 + j] * v0;
            b1 += k[r2 + j + 1] * v1;
            c0 += k[r3 + j] * v0;
            c1 += k[r3 + j + 1] * v1;
            d0 += k[r4 + j] * v0;
            d1 += k[r4 + j + 1] * v1;
        }
        if (j < m) {
            a0 += k[r1 + j] * v[j];
            b0 += k[r2 + j] * v[j];
            c0 += k[r3 + j] * v[j];
            d0 += k[r4 + j] * v[j];
        }
        out[0] = a0 + a1;
        out[1] = b0 + b1;
        out[2] = c0 + c1;
        out[3] = d0 + d1;
    }

    /** {@code out_j += Σ_q K[row + q·m + j]·s_q} over four consecutive rows. */
    private static void axpy4(double[] k, int row, int m, double s1, double s2, double s3, double s4, double[] out) {
        int r1 = row;
        int r2 = row + m;
        int r3 = row + 2 * m;
        int r4 = row + 3 * m;
        for (int j = 0; j < m; j++) {
            out[j] += (k[r1 + j] * s1 + k[r2 + j] * s2) + (k[r3 + j] * s3 + k[r4 + j] * s4);
        }
    }

    /** {@code Σ_j K[row + j]·v[off + j]} with eight partial sums (a small method, so that it is compiled on its own). */
    private static double dot(double[] k, int row, double[] v, int off, int m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        for (int m8 = m & ~7; j < m8; j += 8) {
            s0 += k[row + j] * v[off + j];
            s1 += k[row + j + 1] * v[off + j + 1];
            s2 += k[row + j + 2] * v[off + j + 2];
            s3 += k[row + j + 3] * v[off + j + 3];
            s4 += k[row + j + 4] * v[off + j + 4];
            s5 += k[row + j + 5] * v[off + j + 5];
            s6 += k[row + j + 6] * v[off + j + 6];
            s7 += k[row + j + 7] * v[off + j + 7];
        }
        for (; j < m; j++) {
            s0 += k[row + j] * v[off + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code Σ_j p[row + j]}. */
    private static double rowSum(double[] p, int row, int m) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            s += p[row + j];
        }
        return s;
    }

    /** {@code out_j += K[row + j]·s}, vectorised by the JIT. */
    private static void axpy(double[] k, int row, double s, double[] out, int m) {
        for (int j = 0; j < m; j++) {
            out[j] += k[row + j] * s;
        }
    }

    private static double columnError(double[] v, double[] ktu, double[] b) {
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            double t = v[j] * ktu[j] - b[j];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    private static double[] logs(double[] a) {
        double[] l = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            l[i] = Math.log(a[i]);
        }
        return l;
    }

    private static double max(double[] c) {
        double mx = 0;
        for (double x : c) {
            mx = Math.max(mx, x);
        }
        return mx;
    }

    private static void checkCancel(@Nullable IProgressMonitor monitor) {
        if (monitor != null && monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    private static int count(double[] x, int d, String name) {
        if (d < 1 || x.length % d != 0) {
            throw new IllegalArgumentException(name + ": " + x.length + " values are not points of dimension " + d);
        }
        return x.length / d;
    }

    private static void checkSize(int n, int m) {
        if ((long) n * m > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " × " + m + " points: the cost matrix would exceed 2^31 entries");
        }
    }

    private static void checkProblem(double[] a, double[] b, double[] cost) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("empty distribution: " + a.length + " and " + b.length + " masses");
        }
        checkSize(a.length, b.length);
        if (cost.length != a.length * b.length) {
            throw new IllegalArgumentException("a cost matrix of " + cost.length + " entries for " + a.length + " × "
                    + b.length + " masses");
        }
        for (int e = 0; e < cost.length; e++) {
            if (!Double.isFinite(cost[e])) {
                throw new IllegalArgumentException("cost[" + e / b.length + "][" + e % b.length + "] is " + cost[e]);
            }
        }
        checkMasses(a, "a");
        checkMasses(b, "b");
        checkTotals(a, b);
    }

    private static void checkMasses(double[] w, String name) {
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + w[i] + ": masses must be finite and non-negative");
            }
        }
    }

    private static void checkTotals(double[] a, double[] b) {
        double sa = 0;
        double sb = 0;
        for (double x : a) {
            sa += x;
        }
        for (double x : b) {
            sb += x;
        }
        if (!(sa > 0) || Math.abs(sa - sb) > 1e-9 * Math.max(sa, sb)) {
            throw new IllegalArgumentException("total masses " + sa + " and " + sb + " must be positive and equal");
        }
    }

    private static void checkIteration(double eps, int maxIter, double tol) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps = " + eps + ": expected a positive regularisation");
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("max-iter = " + maxIter + ": expected at least 1");
        }
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tol = " + tol + ": expected a positive tolerance");
        }
    }
}
