package org.descent.compute.opencl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.descent.analysis.distributions.Transport;
import org.descent.analysis.distributions.Transport.Metric;
import org.descent.analysis.distributions.Transport.SinkhornResult;
import org.descent.compute.Device;
import org.descent.compute.Ops;
import org.descent.core.Precision;
import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Sinkhorn (kernel and log domain) on the first OpenCL device against the host path (which
 * matches POT, see the distributions tests), on 61 × 47 points. fp64: the cost within 1e-10 and
 * the plan within 1e-10 of its largest entry (exp and the sums differ in the last bits, the
 * iterations converge to the same fixed point); fp32, stopped at a marginal error of 1e-5: the
 * cost within 1e-4 and the plan within 1e-3 of its largest entry.
 */
public class OpenClTransportTest {

    private static final int N = 61;
    private static final int M = 47;

    private static double[] points(int n, double shift, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] p = new double[2 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble() + shift;
        }
        return p;
    }

    private static double[] masses(int n, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 + r.nextDouble();
            total += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        return w;
    }

    @Test
    public void sinkhornMatchesTheHostInBothPrecisions() {
        double[] a = masses(N, 1);
        double[] b = masses(M, 2);
        double[] cost = Transport.costMatrix(points(N, 0, 3), points(M, 0.3, 4), 2, Metric.SQEUCLIDEAN);
        Device d = OpenClBackendTest.firstDevice();
        for (boolean log : new boolean[] { false, true }) {
            SinkhornResult host = solve(null, log, a, b, cost, 1e-12);
            for (Precision p : new Precision[] { Precision.FP64, Precision.FP32 }) {
                if (!d.supports(p)) {
                    continue;
                }
                boolean fp64 = p == Precision.FP64;
                SinkhornResult r = solve(d.ops(p), log, a, b, cost, fp64 ? 1e-12 : 1e-5);
                String what = (log ? "log domain" : "kernel") + " in " + p.id() + " on " + d.id();
                assertTrue(r.converged(), what + ": marginal error " + r.marginalError());
                assertEquals(host.cost(), r.cost(), (fp64 ? 1e-10 : 1e-4) * host.cost(), what + ": cost");
                double largest = Arrays.stream(host.plan()).max().orElseThrow();
                double worst = 0;
                for (int e = 0; e < host.plan().length; e++) {
                    worst = Math.max(worst, Math.abs(host.plan()[e] - r.plan()[e]));
                }
                assertTrue(worst <= (fp64 ? 1e-10 : 1e-3) * largest, what + ": plan off by " + worst / largest
                        + " of its largest entry");
            }
        }
    }

    private static SinkhornResult solve(@Nullable Ops ops, boolean log, double[] a, double[] b, double[] cost, double tol) {
        if (ops == null) {
            return log ? Transport.sinkhornLog(a, b, cost, 0.05, 100000, tol, false, null)
                    : Transport.sinkhorn(a, b, cost, 0.05, 100000, tol, null);
        }
        return log ? Transport.sinkhornLog(ops, a, b, cost, 0.05, 100000, tol, false, null)
                : Transport.sinkhorn(ops, a, b, cost, 0.05, 100000, tol, null);
    }
}
