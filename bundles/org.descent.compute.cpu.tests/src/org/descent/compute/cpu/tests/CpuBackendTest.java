package org.descent.compute.cpu.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.descent.compute.Availability;
import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.Conv2dShape;
import org.descent.compute.CounterRandom;
import org.descent.compute.Device;
import org.descent.compute.DeviceKind;
import org.descent.compute.Ops;
import org.descent.compute.Tensor;
import org.descent.core.Precision;
import org.descent.core.SplitMix64;
import org.junit.jupiter.api.Test;

/** The cpu backend as a service, device resolution, and checks beyond the conformance suite. */
public class CpuBackendTest {

    private static List<Backend> backends() {
        return Backends.find(CpuBackendTest.class);
    }

    @Test
    public void cpuBackendIsAServiceAndAlwaysAvailable() {
        Backend cpu = backends().get(0);
        assertEquals("cpu", cpu.id());
        assertTrue(cpu.availability().available());
        Device d = cpu.devices().get(0);
        assertEquals("cpu", d.id());
        assertEquals(DeviceKind.CPU, d.kind());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.threads(), "every core by default");
        assertTrue(d.memoryBytes() > 0 && d.computeUnits() > 0);
        assertTrue(d.driver().contains("OpenBLAS"), d.driver());
        assertEquals(List.of("backend", "device", "name", "driver", "threads"), List.copyOf(d.provenance().keySet()));
        assertEquals("2", d.withThreads(2).provenance().get("threads"));
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(0));
    }

    /** A backend that is installed but cannot run, as OpenCL without a driver. */
    private static Backend missing() {
        return new Backend() {
            @Override
            public String id() {
                return "opencl";
            }

            @Override
            public String name() {
                return "OpenCL";
            }

            @Override
            public Availability availability() {
                return Availability.no("no platform found: install ocl-icd-libopencl1 and a driver");
            }

            @Override
            public List<Device> devices() {
                return List.of();
            }
        };
    }

    @Test
    public void deviceValuesResolveOrSayWhatExists() {
        List<Backend> list = Backends.sorted(List.of(missing(), backends().get(0)));
        assertEquals("cpu", list.get(0).id(), "cpu first");
        assertSame(list.get(0).devices().get(0), Backends.resolve(list, "auto"), "auto falls back to the cpu");
        assertSame(list.get(0).devices().get(0), Backends.resolve(list, "cpu:0"));
        assertSame(list.get(0).devices().get(0), Backends.resolve(list, " CPU "));
        String unknown = assertThrows(IllegalArgumentException.class, () -> Backends.resolve(list, "cuda")).getMessage();
        assertTrue(unknown.contains("'cuda'") && unknown.contains("cpu (available)")
                && unknown.contains("opencl (not available: no platform found"), unknown);
        String unavailable = assertThrows(IllegalArgumentException.class, () -> Backends.resolve(list, "opencl:0"))
                .getMessage();
        assertTrue(unavailable.contains("install ocl-icd-libopencl1"), unavailable);
        String index = assertThrows(IllegalArgumentException.class, () -> Backends.resolve(list, "cpu:1")).getMessage();
        assertTrue(index.contains("has 1 device: cpu ("), index);
        String bad = assertThrows(IllegalArgumentException.class, () -> Backends.resolve(list, "cpu:x")).getMessage();
        assertTrue(bad.contains("got 'x'"), bad);
    }

    /** The counter-based dropout bits are SplitMix64's stream for the seed, element by element. */
    @Test
    public void counterRandomIsTheSplitMix64Stream() {
        SplitMix64 stream = new SplitMix64(-77);
        SplitMix64 doubles = new SplitMix64(-77);
        for (int i = 0; i < 1000; i++) {
            assertEquals(stream.nextLong(), CounterRandom.bits(-77, i));
            assertEquals(doubles.nextDouble() < 0.37, CounterRandom.dropped(-77, i, 0.37), "element " + i);
        }
        assertEquals(0, CounterRandom.dropThreshold(0));
    }

    /**
     * The convolution's backward passes are the derivatives of its forward pass: central finite
     * differences of L = Σ dy·conv(x, w) in fp64 (an independent check of both adjoints).
     */
    @Test
    public void convolutionBackwardMatchesFiniteDifferences() {
        Device d = backends().get(0).devices().get(0);
        Ops ops = d.ops(Precision.FP64);
        Conv2dShape s = new Conv2dShape(2, 2, 5, 6, 3, 3, 2, 1);
        double[] x = gaussian(1, s.inputSize());
        double[] w = gaussian(2, s.weightSize());
        double[] dy = gaussian(3, s.outputSize());
        Tensor tdx = ops.allocate(s.inputSize());
        Tensor tdw = ops.allocate(s.weightSize());
        Tensor tdy = upload(ops, dy);
        ops.conv2dBackwardData(s, tdy, upload(ops, w), tdx);
        ops.conv2dBackwardFilter(s, upload(ops, x), tdy, tdw, null);
        double[] gx = tdx.toDoubles();
        double[] gw = tdw.toDoubles();
        double h = 1e-5;
        for (int i = 0; i < x.length; i += 7) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (loss(ops, s, xp, w, dy) - loss(ops, s, xm, w, dy)) / (2 * h);
            assertEquals(fd, gx[i], 1e-7 * (1 + Math.abs(fd)), "dx " + i);
        }
        for (int i = 0; i < w.length; i += 5) {
            double[] wp = w.clone();
            double[] wm = w.clone();
            wp[i] += h;
            wm[i] -= h;
            double fd = (loss(ops, s, x, wp, dy) - loss(ops, s, x, wm, dy)) / (2 * h);
            assertEquals(fd, gw[i], 1e-7 * (1 + Math.abs(fd)), "dw " + i);
        }
    }

    private static double loss(Ops ops, Conv2dShape s, double[] x, double[] w, double[] dy) {
        Tensor y = ops.allocate(s.outputSize());
        ops.conv2dForward(s, upload(ops, x), upload(ops, w), null, y);
        Tensor prod = ops.allocate(s.outputSize());
        ops.mul(y, upload(ops, dy), prod);
        Tensor out = ops.allocate(1);
        ops.sum(prod, out);
        return out.toDoubles()[0];
    }

    /** A thread count gives the same bits on every run; other thread counts agree within rounding. */
    @Test
    public void threadsAreDeterministic() {
        Device cpu = backends().get(0).devices().get(0);
        // large enough to be split over the threads (CpuDevice.MIN_PARALLEL_COST)
        Conv2dShape s = new Conv2dShape(16, 3, 12, 12, 8, 3, 1, 1);
        assertTrue(s.multiplyAdds() >= org.descent.compute.cpu.internal.CpuDevice.MIN_PARALLEL_COST);
        double[] x = gaussian(4, s.inputSize());
        double[] dy = gaussian(5, s.outputSize());
        float[] two = filterGradient(cpu.withThreads(2), s, x, dy);
        assertArrayEquals(two, filterGradient(cpu.withThreads(2), s, x, dy), "two threads twice");
        float[] one = filterGradient(cpu.withThreads(1), s, x, dy);
        for (int i = 0; i < one.length; i++) {
            assertEquals(one[i], two[i], 1e-4 * (1 + Math.abs(one[i])), "one vs two threads at " + i);
        }
        assertNotEquals(0, one[0]);
    }

    private static float[] filterGradient(Device d, Conv2dShape s, double[] x, double[] dy) {
        Ops ops = d.ops(Precision.FP32);
        Tensor dw = ops.allocate(s.weightSize());
        ops.conv2dBackwardFilter(s, upload(ops, x), upload(ops, dy), dw, null);
        return dw.toFloats();
    }

    /**
     * ReLU forward and backward are Activation's selects {@code x > 0 ? x : 0} and
     * {@code y > 0 ? dy : 0} bit for bit in both precisions, at the values a bit-level
     * implementation could get wrong: ±0, the smallest and largest magnitudes, ±∞ and NaNs of
     * either sign, beside ordinary values (and dy of every kind where y selects it).
     */
    @Test
    public void reluIsTheSelectBitForBit() {
        double[] special = { 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE,
                Float.MAX_VALUE, -Float.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0xfff8000000000001L), 1.5, -2.25 };
        int n = special.length * special.length;
        double[] x = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = special[i / special.length];
            dy[i] = special[i % special.length];
        }
        for (Precision p : List.of(Precision.FP64, Precision.FP32)) {
            Ops ops = backends().get(0).devices().get(0).ops(p);
            Tensor tx = upload(ops, x);
            Tensor ty = ops.allocate(n);
            Tensor tdx = ops.allocate(n);
            ops.activation(org.descent.compute.Activation.RELU, tx, ty);
            ops.activationBackward(org.descent.compute.Activation.RELU, tx, upload(ops, dy), tdx);
            double[] xs = tx.toDoubles();
            double[] ds = upload(ops, dy).toDoubles();
            double[] y = ty.toDoubles();
            double[] dx = tdx.toDoubles();
            for (int i = 0; i < n; i++) {
                double expectY = xs[i] > 0 ? xs[i] : 0;
                double expectDx = xs[i] > 0 ? ds[i] : 0;
                assertEquals(Double.doubleToRawLongBits(expectY), Double.doubleToRawLongBits(y[i]),
                        p + ": relu(" + xs[i] + ") = " + y[i]);
                assertEquals(Double.doubleToRawLongBits(expectDx), Double.doubleToRawLongBits(dx[i]),
                        p + ": relu'(" + xs[i] + ")·" + ds[i] + " = " + dx[i]);
            }
        }
    }

    @Test
    public void closedTensorsAndBadSizesAreRefused() {
        Ops ops = backends().get(0).devices().get(0).ops(Precision.FP32);
        Tensor a = ops.allocate(4);
        Tensor small = ops.allocate(3);
        String msg = assertThrows(IllegalArgumentException.class, () -> ops.add(a, small, a)).getMessage();
        assertTrue(msg.contains("add: b holds 3 values, needs 4"), msg);
        a.close();
        assertThrows(IllegalStateException.class, a::toFloats);
        assertThrows(IllegalArgumentException.class, () -> ops.scale(2, a));
    }

    private static double[] gaussian(long seed, int n) {
        SplitMix64 r = new SplitMix64(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static Tensor upload(Ops ops, double[] v) {
        Tensor t = ops.allocate(v.length);
        t.write(v);
        return t;
    }
}
