package org.descent.analysis.distributions.internal;

import java.util.Arrays;

import org.descent.analysis.distributions.Transport;
import org.descent.analysis.distributions.Transport.Metric;
import org.descent.analysis.distributions.Transport.SinkhornResult;
import org.descent.compute.Device;
import org.descent.compute.DeviceAware;
import org.descent.compute.Ops;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The Sinkhorn divergence between the batch's output rows and its target rows, each taken as an
 * evenly weighted point cloud: a loss between distributions, not pairs, for training a model to
 * produce samples like the data (Genevay et al. 2018; Feydy et al. 2019). Debiased by default:
 * {@code S = OT_ε(x,y) − ½ OT_ε(x,x) − ½ OT_ε(y,y)} of the entropic objectives, which is zero
 * when the clouds coincide. The gradient with respect to the outputs follows from the optimal
 * plans (envelope theorem). Kernel scaling, with log-domain iterations when the kernel underflows,
 * on the training's compute device when the engine gives one ({@link DeviceAware}; fp64 where the
 * device has it, else fp32), else on the host.
 */
public final class SinkhornLoss implements LossFunction, DeviceAware {

    private double eps;
    private int maxIter;
    private double tol;
    private Metric metric = Metric.SQEUCLIDEAN;
    private boolean debiased;
    private @Nullable Device device;

    @Override
    public void useDevice(Device d) {
        device = d;
    }

    @Override
    public void configure(Settings s) {
        eps = s.getDouble("eps");
        maxIter = s.getInt("max_iter");
        tol = s.getDouble("tol");
        metric = Metric.parse(s.getString("metric"));
        debiased = s.getBoolean("debiased");
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.VALUES;
    }

    @Override
    public int outputDim(DataShape shape) {
        if (shape.classes() > 0) {
            throw new IllegalArgumentException("loss 'sinkhorn' compares point clouds of real-valued targets; the data has "
                    + shape.classes() + " classes (use cross-entropy)");
        }
        return shape.targetDim();
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        int d = shape.targetDim();
        double[] x = Arrays.copyOf(outputs, n * d);
        double[] y = Arrays.copyOf(targets, n * d);
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        SinkhornResult xy = solve(x, y, d, w);
        double value = xy.objective();
        double[] g = gradient == null ? null : Transport.gradient(x, y, d, metric, xy.plan());
        if (debiased) {
            SinkhornResult xx = solve(x, x, d, w);
            SinkhornResult yy = solve(y, y, d, w);
            value -= 0.5 * (xx.objective() + yy.objective());
            if (g != null) {
                // x stands on both sides of OT(x, x): half of twice the one-sided gradient
                double[] self = Transport.gradient(x, x, d, metric, xx.plan());
                for (int i = 0; i < g.length; i++) {
                    g[i] -= self[i];
                }
            }
        }
        if (gradient != null && g != null) {
            System.arraycopy(g, 0, gradient, 0, n * d);
        }
        return value;
    }

    /** Kernel scaling, and the log domain when the kernel underflows (small ε for the costs). */
    private SinkhornResult solve(double[] x, double[] y, int d, double[] w) {
        double[] cost = Transport.costMatrix(x, y, d, metric);
        Device dev = device;
        @Nullable
        Ops ops = dev == null ? null : dev.ops(DeviceAware.precisionOn(dev));
        SinkhornResult r = ops != null ? Transport.sinkhorn(ops, w, w, cost, eps, maxIter, tol, null)
                : Transport.sinkhorn(w, w, cost, eps, maxIter, tol, null);
        if (r.problem() != null) {
            r = ops != null ? Transport.sinkhornLog(ops, w, w, cost, eps, maxIter, tol, false, null)
                    : Transport.sinkhornLog(w, w, cost, eps, maxIter, tol, false, null);
        }
        if (r.problem() != null) {
            throw new IllegalArgumentException("loss 'sinkhorn': " + r.problem());
        }
        return r;
    }
}
