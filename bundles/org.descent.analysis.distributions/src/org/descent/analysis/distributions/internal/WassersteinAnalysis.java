package org.descent.analysis.distributions.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.descent.analysis.distributions.Transport;
import org.descent.analysis.distributions.Transport.Metric;
import org.descent.analysis.distributions.Transport.SinkhornResult;
import org.descent.analysis.distributions.Transport.SparsePlan;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.compute.DeviceAware;
import org.descent.compute.Ops;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Precision;
import org.descent.core.Settings;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code descent analyze wasserstein --a X --b Y [--weights-a WA --weights-b WB]}: optimal
 * transport between two weighted point clouds, exact (network simplex), entropic (Sinkhorn, kernel
 * or log domain, optionally debiased) or, in one dimension, by the quantile functions. Sinkhorn
 * computes on the device of {@code --device} when the engine gives one ({@link DeviceAware}),
 * else on the host.
 */
public final class WassersteinAnalysis implements Analysis, DeviceAware {

    static final String ID = "wasserstein";

    /** Plans of at most this many entries are written as plan.csv. */
    static final long PLAN_FILE_LIMIT = 4_000_000L;

    private String method = "exact";
    private Metric metric = Metric.SQEUCLIDEAN;
    private double eps;
    private int maxIter;
    private double tol;
    private boolean epsScaling;
    private boolean debiased;
    private boolean inlinePlan;
    private @Nullable Device device;

    @Override
    public void useDevice(Device d) {
        device = d;
    }

    @Override
    public void configure(Settings settings) {
        method = settings.getString("method");
        metric = Metric.parse(settings.getString("metric"));
        eps = settings.getDouble("eps");
        maxIter = settings.getInt("max-iter");
        tol = settings.getDouble("tol");
        epsScaling = settings.getBoolean("eps-scaling");
        debiased = settings.getBoolean("debiased");
        inlinePlan = settings.getBoolean("plan");
        if (epsScaling && !method.equals("sinkhorn-log")) {
            throw new IllegalArgumentException(settings.owner() + ": eps-scaling anneals eps in the log domain; it needs"
                    + " method sinkhorn-log, not " + method);
        }
        if (debiased && !method.startsWith("sinkhorn")) {
            throw new IllegalArgumentException(settings.owner() + ": debiased is the Sinkhorn divergence; it needs method"
                    + " sinkhorn or sinkhorn-log, not " + method);
        }
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) throws IOException {
        SampleFiles.Points xa = SampleFiles.readPoints("a", input.requireFile(ID, "a"));
        SampleFiles.Points xb = SampleFiles.readPoints("b", input.requireFile(ID, "b"));
        if (xa.d() != xb.d()) {
            throw new IllegalArgumentException(xa.where() + " has points of dimension " + xa.d() + " but " + xb.where()
                    + " of dimension " + xb.d() + "; expected the same number of columns");
        }
        if (method.equals("1d") && xa.d() != 1) {
            throw new IllegalArgumentException("method 1d needs points of dimension 1; " + xa.where() + " has dimension "
                    + xa.d() + " (use exact, sinkhorn or sinkhorn-log)");
        }
        double[] wa = weights(input, "weights-a", xa);
        double[] wb = weights(input, "weights-b", xb);
        int n = xa.n();
        int m = xb.n();
        int d = xa.d();
        if (!method.equals("1d")) {
            checkMemory(n, m, heapMatrices());
        }
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        AnalysisResult r = new AnalysisResult(ID);
        r.put("method", method).put("metric", metric.name().toLowerCase(Locale.ROOT)).put("n", n).put("m", m).put("dimension", d);
        r.line("%s transport of %d points (%s) to %d points (%s) in dimension %d, cost %s", method, n, xa.where(), m,
                xb.where(), d, metric == Metric.SQEUCLIDEAN ? "|x-y|^2" : "|x-y|");
        long start = System.nanoTime();
        switch (method) {
        case "exact" -> exact(r, xa, xb, wa, wb, monitor);
        case "1d" -> oneDimensional(r, xa, xb, wa, wb);
        default -> sinkhorn(r, xa, xb, wa, wb, monitor);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        r.put("seconds", seconds);
        r.line("%.3f s", seconds);
        return r;
    }

    private void exact(AnalysisResult r, SampleFiles.Points xa, SampleFiles.Points xb, double[] wa, double[] wb,
            IProgressMonitor monitor) {
        double[] cost = Transport.costMatrix(xa.values(), xb.values(), xa.d(), metric);
        Transport.ExactResult e = Transport.exact(wa, wb, cost, monitor);
        double dual = 0;
        for (int i = 0; i < wa.length; i++) {
            dual += wa[i] * e.f()[i];
        }
        for (int j = 0; j < wb.length; j++) {
            dual += wb[j] * e.g()[j];
        }
        distance(r, e.cost());
        r.put("pivots", e.pivots()).put("marginal_error", e.marginalError()).put("converged", true)
                .put("dual_objective", dual);
        r.line("%d network simplex pivots, marginal error %.3g, dual objective %.12g", e.pivots(), e.marginalError(), dual);
        plan(r, e.plan());
    }

    private void oneDimensional(AnalysisResult r, SampleFiles.Points xa, SampleFiles.Points xb, double[] wa, double[] wb) {
        Transport.OneDimensionalResult o = Transport.wasserstein1d(xa.values(), wa, xb.values(), wb, metric.exponent());
        distance(r, o.cost());
        r.put("marginal_error", Transport.marginalError(o.plan(), wa, wb));
        plan(r, o.plan());
    }

    private void distance(AnalysisResult r, double cost) {
        double p = metric.exponent();
        double w = Math.pow(cost, 1 / p);
        r.put("cost", cost).put("p", p).put("distance", w);
        r.line("cost %.12g, W_%d = cost^(1/%d) = %.12g", cost, (int) p, (int) p, w);
    }

    private void sinkhorn(AnalysisResult r, SampleFiles.Points xa, SampleFiles.Points xb, double[] wa, double[] wb,
            IProgressMonitor monitor) {
        boolean log = method.equals("sinkhorn-log");
        r.put("eps", eps).put("eps_scaling", epsScaling).put("debiased", debiased);
        SinkhornResult s;
        Device d = device;
        @Nullable
        Ops ops = null;
        if (d != null) {
            Precision precision = DeviceAware.precisionOn(d);
            ops = d.ops(precision);
            r.put("device", d.id()).put("precision", precision.id());
            r.line("computed on device %s (%s) in %s", d.id(), d.name(), precision.id());
        }
        if (debiased) {
            Transport.Divergence dv = ops != null
                    ? Transport.sinkhornDivergence(ops, xa.values(), wa, xb.values(), wb, xa.d(), metric, eps, maxIter, tol,
                            log, epsScaling, monitor)
                    : Transport.sinkhornDivergence(xa.values(), wa, xb.values(), wb, xa.d(), metric, eps, maxIter, tol, log,
                            epsScaling, monitor);
            s = dv.ab();
            r.put("divergence", dv.value()).put("cost_aa", dv.aa().cost()).put("cost_bb", dv.bb().cost());
            r.line("Sinkhorn divergence S(a,b) = OT(a,b) - (OT(a,a) + OT(b,b))/2 = %.12g", dv.value());
            r.line("OT(a,a) = %.12g, OT(b,b) = %.12g", dv.aa().cost(), dv.bb().cost());
            check(r, "OT(a,a)", dv.aa());
            check(r, "OT(b,b)", dv.bb());
        } else {
            double[] cost = Transport.costMatrix(xa.values(), xb.values(), xa.d(), metric);
            if (ops != null) {
                s = log ? Transport.sinkhornLog(ops, wa, wb, cost, eps, maxIter, tol, epsScaling, monitor)
                        : Transport.sinkhorn(ops, wa, wb, cost, eps, maxIter, tol, monitor);
            } else {
                s = log ? Transport.sinkhornLog(wa, wb, cost, eps, maxIter, tol, epsScaling, monitor)
                        : Transport.sinkhorn(wa, wb, cost, eps, maxIter, tol, monitor);
            }
        }
        r.put("cost", s.cost()).put("objective", s.objective()).put("iterations", s.iterations())
                .put("marginal_error", s.marginalError()).put("converged", s.converged());
        r.line("OT_eps(a,b): cost <P,C> = %.12g, regularised objective %.12g", s.cost(), s.objective());
        r.line("%d iterations, marginal error %.3g (tol %.3g), %s", s.iterations(), s.marginalError(), tol,
                s.converged() ? "converged" : "NOT converged");
        check(r, "OT(a,b)", s);
        plan(r, dense(s.plan(), wa.length, wb.length));
    }

    private void check(AnalysisResult r, String what, SinkhornResult s) {
        String problem = s.problem();
        if (problem != null) {
            r.warn(what + ": " + problem);
        } else if (!s.converged()) {
            r.warn(String.format(Locale.ROOT,
                    "%s: Sinkhorn did not converge in %d iterations: marginal error %.3g > tol %.3g; raise --max-iter or --eps",
                    what, s.iterations(), s.marginalError(), tol));
        }
    }

    private static SparsePlan dense(double[] p, int n, int m) {
        int count = 0;
        for (double x : p) {
            if (x > 0) {
                count++;
            }
        }
        int[] rows = new int[count];
        int[] cols = new int[count];
        double[] mass = new double[count];
        int k = 0;
        for (int e = 0; e < p.length; e++) {
            if (p[e] > 0) {
                rows[k] = e / m;
                cols[k] = e % m;
                mass[k++] = p[e];
            }
        }
        return new SparsePlan(n, m, rows, cols, mass);
    }

    private void plan(AnalysisResult r, SparsePlan plan) {
        r.put("plan_entries", plan.mass().length);
        if (!inlinePlan && (long) plan.n() * plan.m() > PLAN_FILE_LIMIT) {
            return;
        }
        List<double[]> rows = new ArrayList<>(plan.mass().length);
        for (int k = 0; k < plan.mass().length; k++) {
            rows.add(new double[] { plan.rows()[k], plan.cols()[k], plan.mass()[k] });
        }
        r.table("plan", new AnalysisResult.Table(List.of("source", "target", "mass"), rows, inlinePlan));
    }

    private static double[] weights(AnalysisInput input, String option, SampleFiles.Points points) throws IOException {
        Path file = input.files().get(option);
        if (file == null) {
            double[] w = new double[points.n()];
            Arrays.fill(w, 1.0 / points.n());
            return w;
        }
        SampleFiles.Values v = SampleFiles.readValues(option, file, "weights");
        if (v.values().length != points.n()) {
            throw new IllegalArgumentException(v.where() + " has " + v.values().length + " weights but " + points.where()
                    + " has " + points.n() + " points; expected one weight per point");
        }
        return SampleFiles.distribution(v, true, "weights");
    }

    /**
     * The n·m matrices this JVM's heap holds: the cost matrix and the plan (or kernel, which
     * becomes the plan) on the host; Sinkhorn on the cpu device keeps its tensors in the heap too:
     * the kernel (a copy of the costs), and −C/ε in the log domain.
     */
    private int heapMatrices() {
        Device d = device;
        if (method.startsWith("sinkhorn") && d != null && Backends.CPU.equals(d.backend().id())) {
            return method.equals("sinkhorn-log") ? 4 : 3;
        }
        return 2;
    }

    /** The n·m matrices of {@link #heapMatrices} must fit. */
    private static void checkMemory(int n, int m, int matrices) {
        long bytes = 8L * matrices * n * m;
        long max = Runtime.getRuntime().maxMemory();
        if ((long) n * m > Integer.MAX_VALUE - 8 || bytes > max * 0.9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d x %d points need %.1f GB for the cost matrix and the plan%s, more than the %.1f GB this JVM may use"
                            + " (raise -Xmx, or subsample)",
                    n, m, bytes / 1e9, matrices > 2 ? " and the cpu device's copies" : "", max / 1e9));
        }
    }
}
