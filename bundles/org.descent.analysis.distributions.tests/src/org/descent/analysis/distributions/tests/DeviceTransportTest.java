package org.descent.analysis.distributions.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.analysis.distributions.Transport;
import org.descent.analysis.distributions.Transport.Metric;
import org.descent.analysis.distributions.Transport.SinkhornResult;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.compute.DeviceAware;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Precision;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sinkhorn on the cpu backend's device: fp64 on one thread gives the host path's bits (and so
 * POT's values, fixtures/pot_transport.json), on two threads the host's values within 1e-12;
 * the analysis and the loss compute on the device they are given.
 */
class DeviceTransportTest {

    private static final double REL = 1e-8;
    private static final double TIGHT = 1e-13;

    @TempDir
    Path dir;

    private static Device cpu() {
        return Backends.resolve(Backends.find(DeviceTransportTest.class), Backends.CPU);
    }

    private static Object sinkhornFixture() throws IOException {
        return Fixture.get(Fixture.load(DeviceTransportTest.class, "fixtures/pot_transport.json").object(), "sinkhorn");
    }

    private static double num(Object c, String key) {
        return ((Number) Fixture.get(c, key)).doubleValue();
    }

    @Test
    void fp64OnTheCpuDeviceIsTheHostPath() throws IOException {
        Object s = sinkhornFixture();
        double[] a = Fixture.doubles(Fixture.get(s, "a"));
        double[] b = Fixture.doubles(Fixture.get(s, "b"));
        double[] cost = Transport.costMatrix(Fixture.doubles(Fixture.get(s, "x")), Fixture.doubles(Fixture.get(s, "y")),
                (int) num(s, "d"), Metric.SQEUCLIDEAN);
        for (Object c : (List<?>) Fixture.get(s, "cases")) {
            double eps = num(c, "eps");
            boolean log = Fixture.get(c, "method").equals("sinkhorn_log");
            SinkhornResult host = log ? Transport.sinkhornLog(a, b, cost, eps, 100000, TIGHT, false, null)
                    : Transport.sinkhorn(a, b, cost, eps, 100000, TIGHT, null);
            for (int threads : new int[] { 1, 2 }) {
                Device d = cpu().withThreads(threads);
                SinkhornResult r = log
                        ? Transport.sinkhornLog(d.ops(Precision.FP64), a, b, cost, eps, 100000, TIGHT, false, null)
                        : Transport.sinkhorn(d.ops(Precision.FP64), a, b, cost, eps, 100000, TIGHT, null);
                String what = Fixture.get(c, "method") + " eps " + eps + " on " + threads + " threads";
                assertTrue(r.converged(), what);
                assertEquals(num(c, "cost"), r.cost(), REL * num(c, "cost"), what + " vs POT");
                if (threads == 1) {
                    assertArrayEquals(host.plan(), r.plan(), what + ": the host's plan, bit for bit");
                    assertEquals(host.iterations(), r.iterations(), what);
                } else {
                    assertEquals(host.cost(), r.cost(), 1e-12 * host.cost(), what + " vs the host");
                }
            }
        }
    }

    @Test
    void theAnalysisComputesOnItsDevice() throws IOException {
        Object s = sinkhornFixture();
        Samples files = new Samples(dir);
        int dim = (int) num(s, "d");
        Map<String, Path> input = Samples.files("a", files.points("a.csv", Fixture.doubles(Fixture.get(s, "x")), dim), "b",
                files.points("b.csv", Fixture.doubles(Fixture.get(s, "y")), dim), "weights-a",
                files.column("wa.csv", Fixture.doubles(Fixture.get(s, "a"))), "weights-b",
                files.column("wb.csv", Fixture.doubles(Fixture.get(s, "b"))));
        Object c = ((List<?>) Fixture.get(s, "cases")).get(0);
        Analysis analysis = Contributions.create("analyses", "wasserstein",
                Map.of("method", ((String) Fixture.get(c, "method")).replace('_', '-'), "eps", num(c, "eps"), "tol", TIGHT,
                        "max-iter", 100000),
                Analysis.class);
        ((DeviceAware) analysis).useDevice(cpu());
        AnalysisResult r = analysis.analyze(new AnalysisInput(Optional.empty(), input), new NullProgressMonitor());
        assertEquals("cpu", r.values().get("device"));
        assertEquals("fp64", r.values().get("precision"));
        assertEquals(num(c, "cost"), Samples.number(r, "cost"), REL * num(c, "cost"));
    }

    @Test
    void theLossComputesOnItsDevice() {
        int n = 24;
        DataShape shape = new DataShape(n, 1, 2, 0);
        double[] x = SinkhornLossTest.gaussian(2 * n, 0, 1, 5);
        double[] y = SinkhornLossTest.gaussian(2 * n, 0.5, 1, 6);
        LossFunction host = SinkhornLossTest.loss(Map.of());
        LossFunction device = SinkhornLossTest.loss(Map.of());
        ((DeviceAware) device).useDevice(cpu().withThreads(1));
        double[] gh = new double[2 * n];
        double[] gd = new double[2 * n];
        assertEquals(host.evaluate(n, shape, x, y, gh), device.evaluate(n, shape, x, y, gd), 0);
        assertArrayEquals(gh, gd);
    }
}
