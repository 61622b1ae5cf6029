package org.descent.analysis.distributions.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.descent.analysis.distributions.Transport;
import org.descent.analysis.distributions.Transport.Metric;
import org.descent.analysis.distributions.Transport.SinkhornResult;
import org.descent.core.SplitMix64;
import org.descent.testing.Fixture;
import org.descent.testing.Numerics;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;

/** The transport API against POT 0.8.2 (fixtures/pot_transport.py) and the optimality conditions. */
class TransportTest {

    /** The bar for agreement with POT. */
    private static final double REL = 1e-8;
    /** Sinkhorn runs to the fixed point, as the fixtures do. */
    private static final double TIGHT = 1e-13;

    private static Map<String, Object> fixture() throws IOException {
        return Fixture.load(TransportTest.class, "fixtures/pot_transport.json").object();
    }

    private static double[] d(Object c, String key) {
        return Fixture.doubles(Fixture.get(c, key));
    }

    private static double num(Object c, String key) {
        return ((Number) Fixture.get(c, key)).doubleValue();
    }

    private static void relative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void exactMatchesEmd2AndIsOptimal() throws IOException {
        for (Object c : (List<?>) fixture().get("exact")) {
            int dim = (int) num(c, "d");
            double[] a = d(c, "a");
            double[] b = d(c, "b");
            double[] cost = Transport.costMatrix(d(c, "x"), d(c, "y"), dim, Metric.parse((String) Fixture.get(c, "metric")));
            Transport.ExactResult r = Transport.exact(a, b, cost, null);
            String name = (String) Fixture.get(c, "name");
            relative(num(c, "cost"), r.cost(), REL, name + " cost vs emd2");
            assertOptimal(a, b, cost, r, name);
        }
    }

    /** Primal feasibility, dual feasibility, complementary slackness and equal objectives. */
    private static void assertOptimal(double[] a, double[] b, double[] cost, Transport.ExactResult r, String name) {
        int n = a.length;
        int m = b.length;
        assertTrue(r.marginalError() < 1e-12, name + " marginal error " + r.marginalError());
        assertTrue(r.plan().mass().length <= n + m - 1, name + ": a basic solution has at most n + m - 1 entries");
        double scale = 0;
        for (double x : cost) {
            scale = Math.max(scale, x);
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                worst = Math.min(worst, cost[i * m + j] - r.f()[i] - r.g()[j]);
            }
        }
        assertTrue(worst > -1e-12 * scale, name + ": dual infeasible by " + worst);
        for (int k = 0; k < r.plan().mass().length; k++) {
            int i = r.plan().rows()[k];
            int j = r.plan().cols()[k];
            double slack = cost[i * m + j] - r.f()[i] - r.g()[j];
            assertTrue(Math.abs(slack) < 1e-12 * Math.max(scale, 1), name + ": mass on an arc of reduced cost " + slack);
            assertTrue(r.plan().mass()[k] > 0);
        }
        double dual = 0;
        for (int i = 0; i < n; i++) {
            dual += a[i] * r.f()[i];
        }
        for (int j = 0; j < m; j++) {
            dual += b[j] * r.g()[j];
        }
        relative(r.cost(), dual, 1e-9, name + " dual objective equals the primal cost");
    }

    @Test
    void exactIsOptimalOnDegenerateAndRandomProblems() {
        SplitMix64 rng = new SplitMix64(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + (int) (rng.nextDouble() * 40);
            int m = 1 + (int) (rng.nextDouble() * 40);
            double[] a = new double[n];
            double[] b = new double[m];
            Arrays.fill(a, 1.0 / n);
            Arrays.fill(b, 1.0 / m);
            if (trial % 2 == 1) {
                a[0] = 0;
                double s = 0;
                for (int i = 1; i < n; i++) {
                    a[i] = rng.nextDouble();
                    s += a[i];
                }
                for (int i = 1; i < n; i++) {
                    a[i] = n == 1 ? 1 : a[i] / s;
                }
                if (n == 1) {
                    a[0] = 1;
                }
            }
            double[] cost = new double[n * m];
            for (int e = 0; e < cost.length; e++) {
                cost[e] = trial % 3 == 0 ? Math.floor(rng.nextDouble() * 3) : rng.nextDouble();
            }
            assertOptimal(a, b, cost, Transport.exact(a, b, cost, null), "trial " + trial + " (" + n + " x " + m + ")");
        }
    }

    @Test
    void exactIsOptimalForTwoThousandPoints() {
        SplitMix64 rng = new SplitMix64(2000);
        int n = 2000;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            x[i] = rng.nextGaussian();
            y[i] = rng.nextDouble() * 3;
        }
        double[] a = new double[n];
        double[] b = new double[n];
        double sa = 0;
        for (int i = 0; i < n; i++) {
            a[i] = 0.5 + rng.nextDouble();
            sa += a[i];
        }
        for (int i = 0; i < n; i++) {
            a[i] /= sa;
        }
        Arrays.fill(b, 1.0 / n);
        double[] cost = Transport.costMatrix(x, y, 2, Metric.SQEUCLIDEAN);
        assertOptimal(a, b, cost, Transport.exact(a, b, cost, null), "2000 x 2000 weighted points");
    }

    @Test
    void oneDimensionalMatchesWasserstein1dAndExact() throws IOException {
        for (Object c : (List<?>) fixture().get("wasserstein_1d")) {
            double p = num(c, "p");
            double[] x = d(c, "x");
            double[] y = d(c, "y");
            double[] a = d(c, "a");
            double[] b = d(c, "b");
            String name = (String) Fixture.get(c, "name");
            Transport.OneDimensionalResult r = Transport.wasserstein1d(x, a, y, b, p);
            relative(num(c, "cost"), r.cost(), REL, name + " vs wasserstein_1d");
            relative(num(c, "emd"), r.cost(), REL, name + " vs emd2 on the line");
            assertTrue(Transport.marginalError(r.plan(), a, b) < 1e-12, name + " plan marginals");
            Metric metric = p == 2 ? Metric.SQEUCLIDEAN : Metric.EUCLIDEAN;
            relative(Transport.exact(a, b, Transport.costMatrix(x, y, 1, metric), null).cost(), r.cost(), 1e-12,
                    name + " equals the network simplex");
        }
    }

    @Test
    void sinkhornMatchesPotBothMethods() throws IOException {
        Object s = fixture().get("sinkhorn");
        double[] a = d(s, "a");
        double[] b = d(s, "b");
        double[] cost = Transport.costMatrix(d(s, "x"), d(s, "y"), (int) num(s, "d"), Metric.SQEUCLIDEAN);
        for (Object c : (List<?>) Fixture.get(s, "cases")) {
            double eps = num(c, "eps");
            String method = (String) Fixture.get(c, "method");
            SinkhornResult r = method.equals("sinkhorn") ? Transport.sinkhorn(a, b, cost, eps, 100000, TIGHT, null)
                    : Transport.sinkhornLog(a, b, cost, eps, 100000, TIGHT, false, null);
            String what = method + " eps " + eps;
            assertTrue(r.converged(), what + " converged, marginal error " + r.marginalError());
            relative(num(c, "cost"), r.cost(), REL, what + " vs sinkhorn2");
            if (method.equals("sinkhorn_log")) {
                SinkhornResult annealed = Transport.sinkhornLog(a, b, cost, eps, 100000, TIGHT, true, null);
                assertTrue(annealed.converged());
                relative(num(c, "cost"), annealed.cost(), REL, what + " with eps scaling");
            }
        }
    }

    @Test
    void sinkhornDivergenceMatchesPot() throws IOException {
        Object s = fixture().get("divergence");
        for (Object c : (List<?>) Fixture.get(s, "cases")) {
            double eps = num(c, "eps");
            for (boolean log : new boolean[] { false, true }) {
                Transport.Divergence dv = Transport.sinkhornDivergence(d(s, "x"), d(s, "a"), d(s, "y"), d(s, "b"), 2,
                        Metric.SQEUCLIDEAN, eps, 100000, TIGHT, log, false, null);
                String what = (log ? "log" : "kernel") + " eps " + eps;
                relative(num(c, "cost_ab"), dv.ab().cost(), REL, what + " OT(a,b)");
                relative(num(c, "cost_aa"), dv.aa().cost(), REL, what + " OT(a,a)");
                relative(num(c, "cost_bb"), dv.bb().cost(), REL, what + " OT(b,b)");
                relative(num(c, "divergence"), dv.value(), REL, what + " divergence");
                relative(num(c, "pot_divergence"), dv.value(), 1e-6, what + " vs empirical_sinkhorn_divergence (stopThr 1e-9)");
            }
        }
    }

    @Test
    void sinkhornPlanHasTheMarginalsAndThePotentials() throws IOException {
        Object s = fixture().get("sinkhorn");
        double[] a = d(s, "a");
        double[] b = d(s, "b");
        double[] cost = Transport.costMatrix(d(s, "x"), d(s, "y"), 2, Metric.SQEUCLIDEAN);
        SinkhornResult r = Transport.sinkhorn(a, b, cost, 0.1, 100000, TIGHT, null);
        assertTrue(Transport.marginalError(r.plan(), a, b) < 1e-12);
        int m = b.length;
        for (int e = 0; e < r.plan().length; e += 7) {
            double p = Math.exp((r.f()[e / m] + r.g()[e % m] - cost[e]) / r.eps());
            assertEquals(p, r.plan()[e], 1e-12 * p);
        }
    }

    @Test
    void gradientIsTheDerivativeOfTheEntropicObjective() {
        SplitMix64 rng = new SplitMix64(3);
        int n = 6;
        int m = 5;
        double[] x = new double[n * 2];
        double[] y = new double[m * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextDouble() + 0.2;
        }
        double[] a = new double[n];
        double[] b = new double[m];
        Arrays.fill(a, 1.0 / n);
        Arrays.fill(b, 1.0 / m);
        for (Metric metric : Metric.values()) {
            SinkhornResult r = Transport.sinkhornLog(a, b, Transport.costMatrix(x, y, 2, metric), 0.1, 100000, 1e-14, false, null);
            double[] grad = Transport.gradient(x, y, 2, metric, r.plan());
            double[] fd = Numerics.finiteDifferenceGradient(
                    p -> Transport.sinkhornLog(a, b, Transport.costMatrix(p, y, 2, metric), 0.1, 100000, 1e-14, false, null)
                            .objective(),
                    x, 1e-6);
            assertTrue(Numerics.relativeNormError(grad, fd, 1e-12) < 1e-6,
                    metric + ": gradient " + Arrays.toString(grad) + " vs finite differences " + Arrays.toString(fd));
        }
    }

    @Test
    void kernelUnderflowIsReportedNotHidden() {
        double[] a = { 0.5, 0.5 };
        double[] b = { 0.5, 0.5 };
        double[] cost = { 0, 1000, 1000, 0 };
        SinkhornResult r = Transport.sinkhorn(a, b, new double[] { 900, 1000, 1000, 900 }, 1, 1000, 1e-9, null);
        assertTrue(r.problem() != null && r.problem().contains("log-domain"), String.valueOf(r.problem()));
        assertTrue(!r.converged());
        SinkhornResult log = Transport.sinkhornLog(a, b, cost, 1, 1000, 1e-12, false, null);
        assertTrue(log.converged());
        assertEquals(0, log.cost(), 1e-12);
    }

    @Test
    void cancelledMonitorStopsEverySolver() {
        int n = 40;
        double[] a = new double[n];
        Arrays.fill(a, 1.0 / n);
        double[] cost = new double[n * n];
        for (int e = 0; e < cost.length; e++) {
            cost[e] = Math.abs(e / n - e % n);
        }
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        assertThrows(OperationCanceledException.class, () -> Transport.sinkhorn(a, a, cost, 0.1, 1000, 1e-9, cancelled));
        assertThrows(OperationCanceledException.class,
                () -> Transport.sinkhornLog(a, a, cost, 0.1, 1000, 1e-9, true, cancelled));
        assertThrows(OperationCanceledException.class, () -> Transport.exact(a, a, cost, cancelled));
    }

    @Test
    void unequalTotalsAndNegativeMassesAreRefused() {
        double[] cost = { 0, 1, 1, 0 };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transport.exact(new double[] { 0.5, 0.5 }, new double[] { 0.5, 0.6 }, cost, null));
        assertTrue(e.getMessage().contains("equal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Transport.exact(new double[] { 1.5, -0.5 }, new double[] { 0.5, 0.5 }, cost, null));
        assertTrue(e.getMessage().contains("a[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Transport.sinkhorn(new double[] { 0.5, 0.5 }, new double[] { 0.5, 0.5 }, cost, 0, 10, 1e-9, null));
        assertTrue(e.getMessage().contains("eps"), e.getMessage());
    }
}
