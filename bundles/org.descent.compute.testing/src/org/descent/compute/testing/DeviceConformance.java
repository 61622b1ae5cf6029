package org.descent.compute.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.compute.Activation;
import org.descent.compute.Conv2dShape;
import org.descent.compute.CounterRandom;
import org.descent.compute.Device;
import org.descent.compute.DeviceOptimizer;
import org.descent.compute.Ops;
import org.descent.compute.Pool2dShape;
import org.descent.compute.Tensor;
import org.descent.compute.UpdateRule;
import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.SplitMix64;
import org.descent.testing.Contributions;
import org.junit.jupiter.api.Test;

/**
 * Every operation of a {@link Device}, in every precision it supports, against independent fp64
 * references written here (naive loops over the definitions in the {@link Ops} javadoc), and the
 * fused optimizer updates against Descent's host optimizers (created through the contribution
 * registry, as a run creates them): bit for bit in fp64, within {@link #tolerance} in fp32.
 * <p>
 * A backend's test class extends this with {@link #device()}. Errors are measured as
 * {@code max |actual − expected| / max(1, max |expected|)} over an output. The fp32 tolerances
 * per operation ({@link #tolerance}) allow for float rounding in sums of a few hundred terms;
 * the fp64 ones for reordered sums. A backend may widen one by overriding {@link #tolerance}, and
 * should say why.
 *
 * @since 0.1.0
 */
public abstract class DeviceConformance {

    /** The device under test. */
    protected abstract Device device();

    /**
     * The largest error allowed for an operation (its name in {@link Ops}) in a precision: fp64
     * 1e-12 (1e-10 for the products and convolutions; scaleRowsColumns is checked bit for bit),
     * fp32 1e-6 for element-wise operations,
     * 2e-5 for reductions, products and convolutions, 1e-4 for batch normalization's backward
     * pass and the optimizer updates (after five steps).
     */
    protected double tolerance(String op, Precision precision) {
        boolean products = op.startsWith("gemm") || op.startsWith("conv2d");
        if (precision == Precision.FP64) {
            return products ? 1e-10 : 1e-12;
        }
        return switch (op) {
        case "fill", "copy", "axpy", "scale", "clip", "add", "mul", "addBias", "activation", "activationBackward",
                "dropout", "pool2dForward", "pool2dBackward", "subsample", "subsampleBackward", "write", "expScaled",
                "scaleRowsColumns", "expShifted" -> 1e-6;
        case "batchNormBackward", "update" -> 1e-4;
        default -> 2e-5;
        };
    }

    /** The precisions the device supports among fp32 and fp64. */
    protected final List<Precision> precisions() {
        List<Precision> list = new ArrayList<>();
        for (Precision p : List.of(Precision.FP64, Precision.FP32)) {
            if (device().supports(p)) {
                list.add(p);
            }
        }
        return list;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static double[] gaussian(long seed, int n) {
        SplitMix64 r = new SplitMix64(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double[] rounded(double[] v, Precision p) {
        if (p == Precision.FP64) {
            return v;
        }
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (float) v[i];
        }
        return r;
    }

    /** A tensor holding {@code values} (rounded to the precision). */
    private static Tensor upload(Ops ops, double[] values, int... shape) {
        Tensor t = ops.allocate(shape.length == 0 ? new int[] { values.length } : shape);
        t.write(values);
        return t;
    }

    private void assertClose(String op, Precision p, double[] expected, Tensor actual) {
        assertClose(op, p, expected, actual.toDoubles(), tolerance(op, p));
    }

    private static void assertClose(String op, Precision p, double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, op + ": length");
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]);
            if (!(err <= worst) || Double.isNaN(actual[i])) {
                worst = Double.isNaN(actual[i]) ? Double.POSITIVE_INFINITY : err;
                at = i;
            }
        }
        if (worst / scale > tol) {
            fail(op + " in " + p.id() + ": error " + worst / scale + " > " + tol + " at " + at + " (expected "
                    + expected[at] + ", got " + actual[at] + ")");
        }
    }

    // ---- host <-> device -------------------------------------------------------------------------

    @Test
    public void writeReadAndViews() {
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] v = gaussian(1, 24);
            try (Tensor t = ops.allocate(2, 3, 4)) {
                assertArrayEquals(new int[] { 2, 3, 4 }, t.shape());
                assertEquals(24, t.size());
                assertEquals(p, t.precision());
                assertArrayEquals(new double[24], t.toDoubles(), p.id() + ": a new tensor is zero");
                t.write(v);
                assertArrayEquals(rounded(v, p), t.toDoubles(), p.id() + ": write then read");
                float[] f = new float[24];
                t.read(0, f, 0, 24);
                for (int i = 0; i < 24; i++) {
                    assertEquals((float) v[i], f[i], p.id() + ": read as float " + i);
                }
                Tensor view = t.view(12, 3, 4);
                assertEquals(12, view.size());
                double[] back = new double[5];
                view.read(2, back, 1, 3);
                assertEquals(rounded(v, p)[14], back[1]);
                view.write(new double[] { 7, 8 }, 0, 1, 2);
                assertEquals(7, t.toDoubles()[13]);
                ops.fill(view, 0.5);
                double[] all = t.toDoubles();
                assertEquals(rounded(v, p)[11], all[11], "fill on a view leaves the rest");
                assertEquals(0.5, all[12]);
                assertThrows(IllegalArgumentException.class, () -> t.view(20, 5));
                assertThrows(IllegalArgumentException.class, () -> t.write(new double[4], 0, 22, 4));
                assertThrows(IllegalArgumentException.class, () -> t.read(0, new double[3], 1, 3));
            }
            assertThrows(IllegalArgumentException.class, () -> device().allocate(p, 0, 3));
        }
    }

    @Test
    public void refusesTensorsOfAnotherPrecision() {
        if (precisions().size() < 2) {
            return;
        }
        Ops f64 = device().ops(Precision.FP64);
        try (Tensor f32 = device().allocate(Precision.FP32, 4); Tensor d = f64.allocate(4)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f64.add(d, f32, d));
            assertTrue(e.getMessage().contains("add"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> device().ops(Precision.MIXED_FP16));
    }

    // ---- element-wise ------------------------------------------------------------------------

    @Test
    public void elementwise() {
        int n = 37;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] a = rounded(gaussian(2, n), p);
            double[] b = rounded(gaussian(3, n), p);
            Tensor ta = upload(ops, a);
            Tensor tb = upload(ops, b);
            Tensor out = ops.allocate(n);
            double[] e = new double[n];

            ops.fill(out, -1.25);
            java.util.Arrays.fill(e, -1.25);
            assertClose("fill", p, e, out);

            ops.copy(ta, out);
            assertClose("copy", p, a, out);

            ops.axpy(0.75, tb, out);
            for (int i = 0; i < n; i++) {
                e[i] = a[i] + 0.75 * b[i];
            }
            assertClose("axpy", p, e, out);

            ops.scale(-2, out);
            for (int i = 0; i < n; i++) {
                e[i] *= -2;
            }
            assertClose("scale", p, e, out);

            ops.clip(1.5, out);
            for (int i = 0; i < n; i++) {
                e[i] = Math.max(-1.5, Math.min(1.5, e[i]));
            }
            assertClose("clip", p, e, out);

            ops.add(ta, tb, out);
            for (int i = 0; i < n; i++) {
                e[i] = a[i] + b[i];
            }
            assertClose("add", p, e, out);

            ops.mul(ta, tb, out);
            for (int i = 0; i < n; i++) {
                e[i] = a[i] * b[i];
            }
            assertClose("mul", p, e, out);

            ops.copy(ta, out);
            ops.add(out, tb, out);
            for (int i = 0; i < n; i++) {
                e[i] = a[i] + b[i];
            }
            assertClose("add", p, e, out);
        }
    }

    @Test
    public void biasAndItsGradient() {
        int rows = 3;
        int channels = 4;
        int spatial = 5;
        int n = rows * channels * spatial;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] y = rounded(gaussian(4, n), p);
            double[] bias = rounded(gaussian(5, channels), p);
            Tensor ty = upload(ops, y);
            ops.addBias(ty, upload(ops, bias), rows, channels, spatial);
            double[] e = new double[n];
            double[] db = new double[channels];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < channels; c++) {
                    for (int s = 0; s < spatial; s++) {
                        int i = (r * channels + c) * spatial + s;
                        e[i] = y[i] + bias[c];
                        db[c] += y[i];
                    }
                }
            }
            assertClose("addBias", p, e, ty);
            Tensor tdb = ops.allocate(channels);
            ops.biasGradient(upload(ops, y), rows, channels, spatial, tdb);
            assertClose("biasGradient", p, db, tdb);
        }
    }

    @Test
    public void activationsAndTheirDerivatives() {
        int n = 41;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] x = gaussian(6, n);
            x[0] = 0;
            x[1] = -30;
            x[2] = 30;
            x = rounded(x, p);
            double[] dy = rounded(gaussian(7, n), p);
            for (Activation f : Activation.values()) {
                Tensor tx = upload(ops, x);
                Tensor ty = ops.allocate(n);
                ops.activation(f, tx, ty);
                double[] y = new double[n];
                double[] dx = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = switch (f) {
                    case IDENTITY -> x[i];
                    case RELU -> Math.max(0, x[i]);
                    case TANH -> Math.tanh(x[i]);
                    case SIGMOID -> 1 / (1 + Math.exp(-x[i]));
                    };
                }
                assertClose("activation", p, y, ty);
                double[] yd = ty.toDoubles();
                for (int i = 0; i < n; i++) {
                    dx[i] = switch (f) {
                    case IDENTITY -> dy[i];
                    case RELU -> yd[i] > 0 ? dy[i] : 0;
                    case TANH -> dy[i] * (1 - yd[i] * yd[i]);
                    case SIGMOID -> dy[i] * yd[i] * (1 - yd[i]);
                    };
                }
                Tensor tdx = ops.allocate(n);
                ops.activationBackward(f, ty, upload(ops, dy), tdx);
                assertClose("activationBackward", p, dx, tdx);
                // in place
                ops.activation(f, tx, tx);
                assertClose("activation", p, y, tx);
            }
        }
    }

    /** The mask is a function of (seed, index, rate) alone: exactly the same on every backend. */
    @Test
    public void dropoutMaskFromTheCounterStream() {
        int n = 1000;
        double rate = 0.3;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] x = rounded(gaussian(8, n), p);
            Tensor mask = ops.allocate(n);
            Tensor y = ops.allocate(n);
            ops.dropout(12345, rate, upload(ops, x), mask, y);
            double keep = p == Precision.FP64 ? 1 / (1 - rate) : (float) (1 / (1 - rate));
            double[] m = mask.toDoubles();
            double[] e = new double[n];
            int dropped = 0;
            for (int i = 0; i < n; i++) {
                boolean drop = CounterRandom.dropped(12345, i, rate);
                dropped += drop ? 1 : 0;
                assertEquals(drop ? 0 : keep, m[i], "mask " + i);
                e[i] = x[i] * m[i];
            }
            assertTrue(dropped > 250 && dropped < 350, "dropped " + dropped + " of 1000 at rate 0.3");
            assertClose("dropout", p, e, y);
            assertThrows(IllegalArgumentException.class, () -> ops.dropout(1, 1, mask, mask, y));
        }
    }

    // ---- reductions ----------------------------------------------------------------------------

    @Test
    public void reductions() {
        int n = 513;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] x = rounded(gaussian(9, n), p);
            double sum = 0;
            double squares = 0;
            for (double v : x) {
                sum += v;
                squares += v * v;
            }
            Tensor out = ops.allocate(2);
            ops.sum(upload(ops, x), out.view(0, 1));
            ops.sumOfSquares(upload(ops, x), out.view(1, 1));
            double[] got = out.toDoubles();
            assertClose("sum", p, new double[] { sum }, new double[] { got[0] }, tolerance("sum", p) * Math.sqrt(n));
            assertClose("sumOfSquares", p, new double[] { squares }, new double[] { got[1] }, tolerance("sumOfSquares", p));
        }
    }

    // ---- matrix products -------------------------------------------------------------------------

    private static double at(double[] a, int off, int ld, boolean trans, int i, int j) {
        return trans ? a[off + j * ld + i] : a[off + i * ld + j];
    }

    @Test
    public void gemmWithTransposesAlphaBetaAndLeadingDimensions() {
        int m = 13;
        int n = 17;
        int k = 29;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            for (boolean ta : new boolean[] { false, true }) {
                for (boolean tb : new boolean[] { false, true }) {
                    int lda = (ta ? m : k) + 2;
                    int ldb = (tb ? k : n) + 1;
                    int ldc = n + 3;
                    double[] a = rounded(gaussian(10, (ta ? k : m) * lda), p);
                    double[] b = rounded(gaussian(11, (tb ? n : k) * ldb), p);
                    double[] c = rounded(gaussian(12, m * ldc), p);
                    for (double beta : new double[] { 0, 0.5 }) {
                        double alpha = -1.5;
                        double[] e = c.clone();
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                double s = 0;
                                for (int q = 0; q < k; q++) {
                                    s += at(a, 0, lda, ta, i, q) * at(b, 0, ldb, tb, q, j);
                                }
                                e[i * ldc + j] = alpha * s + beta * c[i * ldc + j];
                            }
                        }
                        double[] start = c.clone();
                        if (beta == 0) {
                            start[0] = Double.NaN;
                            e[0] = alpha * dot(a, b, ta, tb, lda, ldb, k, 0, 0);
                        }
                        Tensor tc = upload(ops, start);
                        ops.gemm(ta, tb, m, n, k, alpha, upload(ops, a), lda, upload(ops, b), ldb, beta, tc, ldc);
                        assertClose("gemm", p, e, tc.toDoubles(), tolerance("gemm", p));
                    }
                }
            }
        }
    }

    private static double dot(double[] a, double[] b, boolean ta, boolean tb, int lda, int ldb, int k, int i, int j) {
        double s = 0;
        for (int q = 0; q < k; q++) {
            s += at(a, 0, lda, ta, i, q) * at(b, 0, ldb, tb, q, j);
        }
        return s;
    }

    @Test
    public void gemmBatchedWithStridesAndASharedMatrix() {
        int m = 5;
        int n = 7;
        int k = 9;
        int batch = 4;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            int strideA = m * k + 3;
            int strideC = m * n + 1;
            double[] a = rounded(gaussian(13, batch * strideA), p);
            double[] b = rounded(gaussian(14, n * k), p);
            double[] c = rounded(gaussian(15, batch * strideC), p);
            double[] e = c.clone();
            for (int t = 0; t < batch; t++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int q = 0; q < k; q++) {
                            s += a[t * strideA + i * k + q] * b[j * k + q];
                        }
                        e[t * strideC + i * n + j] = 2 * s + c[t * strideC + i * n + j];
                    }
                }
            }
            Tensor tc = upload(ops, c);
            ops.gemmBatched(false, true, m, n, k, 2, upload(ops, a), k, strideA, upload(ops, b), k, 0, 1, tc, n, strideC,
                    batch);
            assertClose("gemmBatched", p, e, tc.toDoubles(), tolerance("gemmBatched", p));
        }
    }

    // ---- convolution ---------------------------------------------------------------------------

    /**
     * Geometries covering 1x1, 3x3 and 5x5 kernels, strides 1 and 2, padding 0-2, odd sizes, and
     * a batch of 90 16x16 images (large enough that a backend splits it into several parts and
     * chunks); unit-stride ones with fewer output than input channels and no or little padding
     * (a backend may compute their input gradients as a convolution of the output gradients).
     */
    protected List<Conv2dShape> convolutions() {
        return List.of(new Conv2dShape(2, 3, 7, 6, 4, 3, 1, 1), new Conv2dShape(3, 2, 9, 9, 5, 3, 2, 1),
                new Conv2dShape(2, 4, 5, 5, 3, 1, 1, 0), new Conv2dShape(1, 2, 8, 7, 2, 5, 2, 2),
                new Conv2dShape(2, 1, 6, 6, 3, 3, 1, 0), new Conv2dShape(90, 8, 16, 16, 4, 3, 1, 1),
                new Conv2dShape(2, 5, 7, 6, 3, 3, 1, 0), new Conv2dShape(2, 4, 6, 7, 4, 5, 1, 1));
    }

    private static double xAt(Conv2dShape s, double[] x, int r, int c, int i, int j) {
        if (i < 0 || j < 0 || i >= s.height() || j >= s.width()) {
            return 0;
        }
        return x[((r * s.inChannels() + c) * s.height() + i) * s.width() + j];
    }

    @Test
    public void conv2dForwardAndBothBackwardPasses() {
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            long seed = 20;
            for (Conv2dShape s : convolutions()) {
                double[] x = rounded(gaussian(seed++, s.inputSize()), p);
                double[] w = rounded(gaussian(seed++, s.weightSize()), p);
                double[] bias = rounded(gaussian(seed++, s.outChannels()), p);
                double[] dy = rounded(gaussian(seed++, s.outputSize()), p);
                int k = s.kernel();
                int oh = s.outHeight();
                int ow = s.outWidth();
                double[] y = new double[s.outputSize()];
                double[] dx = new double[s.inputSize()];
                double[] dw = new double[s.weightSize()];
                double[] db = new double[s.outChannels()];
                for (int r = 0; r < s.batch(); r++) {
                    for (int o = 0; o < s.outChannels(); o++) {
                        for (int i = 0; i < oh; i++) {
                            for (int j = 0; j < ow; j++) {
                                int yi = ((r * s.outChannels() + o) * oh + i) * ow + j;
                                double v = bias[o];
                                for (int c = 0; c < s.inChannels(); c++) {
                                    for (int ki = 0; ki < k; ki++) {
                                        for (int kj = 0; kj < k; kj++) {
                                            int ii = i * s.stride() - s.padding() + ki;
                                            int jj = j * s.stride() - s.padding() + kj;
                                            int wi = ((o * s.inChannels() + c) * k + ki) * k + kj;
                                            double xv = xAt(s, x, r, c, ii, jj);
                                            v += w[wi] * xv;
                                            dw[wi] += dy[yi] * xv;
                                            if (ii >= 0 && jj >= 0 && ii < s.height() && jj < s.width()) {
                                                dx[((r * s.inChannels() + c) * s.height() + ii) * s.width() + jj] += w[wi] * dy[yi];
                                            }
                                        }
                                    }
                                }
                                y[yi] = v;
                                db[o] += dy[yi];
                            }
                        }
                    }
                }
                Tensor tx = upload(ops, x);
                Tensor tw = upload(ops, w);
                Tensor ty = ops.allocate(s.outputSize());
                ops.conv2dForward(s, tx, tw, upload(ops, bias), ty);
                assertClose("conv2dForward", p, y, ty.toDoubles(), tolerance("conv2dForward", p));
                ops.conv2dForward(s, tx, tw, null, ty);
                double[] noBias = y.clone();
                for (int i = 0; i < noBias.length; i++) {
                    noBias[i] -= bias[(i / (oh * ow)) % s.outChannels()];
                }
                assertClose("conv2dForward", p, noBias, ty.toDoubles(), tolerance("conv2dForward", p));
                Tensor tdx = upload(ops, gaussian(99, s.inputSize()));
                ops.conv2dBackwardData(s, upload(ops, dy), tw, tdx);
                assertClose("conv2dBackwardData", p, dx, tdx.toDoubles(), tolerance("conv2dBackwardData", p));
                Tensor tdw = upload(ops, gaussian(98, s.weightSize()));
                Tensor tdb = ops.allocate(s.outChannels());
                ops.conv2dBackwardFilter(s, tx, upload(ops, dy), tdw, tdb);
                assertClose("conv2dBackwardFilter", p, dw, tdw.toDoubles(), tolerance("conv2dBackwardFilter", p));
                assertClose("conv2dBackwardFilter", p, db, tdb.toDoubles(), tolerance("conv2dBackwardFilter", p));
            }
        }
    }

    // ---- pooling and the ResNet shortcut ---------------------------------------------------------

    @Test
    public void poolingForwardAndBackward() {
        List<Pool2dShape> shapes = List.of(new Pool2dShape(2, 3, 8, 6, 2, 2), new Pool2dShape(1, 2, 7, 5, 2, 2),
                new Pool2dShape(1, 2, 7, 7, 3, 2), new Pool2dShape(2, 2, 4, 4, 4, 4));
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            for (Pool2dShape s : shapes) {
                double[] x = rounded(gaussian(40, s.inputSize()), p);
                x[1] = x[0]; // a tie: the first maximum takes the gradient
                double[] dy = rounded(gaussian(41, s.outputSize()), p);
                for (boolean max : new boolean[] { true, false }) {
                    double[] y = new double[s.outputSize()];
                    double[] dx = new double[s.inputSize()];
                    int oh = s.outHeight();
                    int ow = s.outWidth();
                    int k = s.kernel();
                    for (int pl = 0; pl < s.batch() * s.channels(); pl++) {
                        for (int i = 0; i < oh; i++) {
                            for (int j = 0; j < ow; j++) {
                                int yi = (pl * oh + i) * ow + j;
                                double best = Double.NEGATIVE_INFINITY;
                                int arg = -1;
                                double sum = 0;
                                for (int ki = 0; ki < k; ki++) {
                                    for (int kj = 0; kj < k; kj++) {
                                        int xi = (pl * s.height() + i * s.stride() + ki) * s.width() + j * s.stride() + kj;
                                        sum += x[xi];
                                        if (x[xi] > best) {
                                            best = x[xi];
                                            arg = xi;
                                        }
                                    }
                                }
                                y[yi] = max ? best : sum / (k * k);
                                if (max) {
                                    dx[arg] += dy[yi];
                                } else {
                                    for (int ki = 0; ki < k; ki++) {
                                        for (int kj = 0; kj < k; kj++) {
                                            dx[(pl * s.height() + i * s.stride() + ki) * s.width() + j * s.stride() + kj] += dy[yi] / (k * k);
                                        }
                                    }
                                }
                            }
                        }
                    }
                    Tensor ty = ops.allocate(s.outputSize());
                    ops.pool2dForward(s, max, upload(ops, x), ty);
                    assertClose("pool2dForward", p, y, ty);
                    Tensor tdx = upload(ops, gaussian(42, s.inputSize()));
                    ops.pool2dBackward(s, max, upload(ops, x), upload(ops, dy), tdx);
                    assertClose("pool2dBackward", p, dx, tdx);
                }
            }
        }
    }

    @Test
    public void subsampleShortcut() {
        int batch = 2;
        int channels = 3;
        int h = 7;
        int w = 6;
        int outChannels = 5;
        int stride = 2;
        int oh = 4;
        int ow = 3;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] x = rounded(gaussian(50, batch * channels * h * w), p);
            double[] dy = rounded(gaussian(51, batch * outChannels * oh * ow), p);
            double[] dx0 = rounded(gaussian(52, x.length), p);
            double[] y = new double[dy.length];
            double[] dx = dx0.clone();
            for (int r = 0; r < batch; r++) {
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            int yi = ((r * outChannels + c) * oh + i) * ow + j;
                            int xi = ((r * channels + c) * h + i * stride) * w + j * stride;
                            y[yi] = x[xi];
                            dx[xi] += dy[yi];
                        }
                    }
                }
            }
            Tensor ty = upload(ops, gaussian(53, y.length));
            ops.subsample(batch, channels, h, w, outChannels, oh, ow, stride, upload(ops, x), ty);
            assertClose("subsample", p, y, ty);
            Tensor tdx = upload(ops, dx0);
            ops.subsampleBackward(batch, channels, h, w, outChannels, oh, ow, stride, upload(ops, dy), tdx);
            assertClose("subsampleBackward", p, dx, tdx);
        }
    }

    // ---- batch normalization -----------------------------------------------------------------

    @Test
    public void batchNormalization() {
        int rows = 4;
        int channels = 3;
        int spatial = 6;
        int n = rows * channels * spatial;
        int m = rows * spatial;
        double eps = 1e-5;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] x = gaussian(60, n);
            for (int i = 0; i < n; i++) {
                x[i] = 3 + 2 * x[i];
            }
            x = rounded(x, p);
            double[] gamma = rounded(gaussian(61, channels), p);
            double[] beta = rounded(gaussian(62, channels), p);
            double[] dy = rounded(gaussian(63, n), p);
            double[] mean = new double[channels];
            double[] var = new double[channels];
            for (int i = 0; i < n; i++) {
                mean[(i / spatial) % channels] += x[i] / m;
            }
            for (int i = 0; i < n; i++) {
                int c = (i / spatial) % channels;
                var[c] += (x[i] - mean[c]) * (x[i] - mean[c]) / m;
            }
            Tensor tx = upload(ops, x);
            Tensor tm = ops.allocate(channels);
            Tensor tv = ops.allocate(channels);
            ops.batchNormStatistics(rows, channels, spatial, tx, tm, tv);
            assertClose("batchNormStatistics", p, mean, tm);
            assertClose("batchNormStatistics", p, var, tv);
            double[] xhat = new double[n];
            double[] y = new double[n];
            double[] dgamma = new double[channels];
            double[] dbeta = new double[channels];
            for (int i = 0; i < n; i++) {
                int c = (i / spatial) % channels;
                xhat[i] = (x[i] - mean[c]) / Math.sqrt(var[c] + eps);
                y[i] = gamma[c] * xhat[i] + beta[c];
                dgamma[c] += dy[i] * xhat[i];
                dbeta[c] += dy[i];
            }
            Tensor th = ops.allocate(n);
            Tensor ty = ops.allocate(n);
            ops.batchNormForward(rows, channels, spatial, tx, tm, tv, eps, upload(ops, gamma), upload(ops, beta), th, ty);
            assertClose("batchNormForward", p, xhat, th);
            assertClose("batchNormForward", p, y, ty);
            for (boolean batchStatistics : new boolean[] { true, false }) {
                double[] dx = new double[n];
                for (int i = 0; i < n; i++) {
                    int c = (i / spatial) % channels;
                    double k = gamma[c] / Math.sqrt(var[c] + eps);
                    dx[i] = batchStatistics ? k * (dy[i] - dbeta[c] / m - xhat[i] * dgamma[c] / m) : k * dy[i];
                }
                Tensor tdx = ops.allocate(n);
                Tensor tdg = ops.allocate(channels);
                Tensor tdb = ops.allocate(channels);
                ops.batchNormBackward(rows, channels, spatial, upload(ops, dy), th, tv, eps, upload(ops, gamma),
                        batchStatistics, tdx, tdg, tdb);
                assertClose("batchNormBackward", p, dx, tdx);
                assertClose("batchNormBackward", p, dgamma, tdg);
                assertClose("batchNormBackward", p, dbeta, tdb);
            }
            double[] rm = rounded(gaussian(64, channels), p);
            double[] rv = rounded(new double[] { 1, 2, 0.5 }, p);
            Tensor trm = upload(ops, rm);
            Tensor trv = upload(ops, rv);
            ops.batchNormRunningUpdate(m, 0.1, tm, tv, trm, trv);
            double[] em = new double[channels];
            double[] ev = new double[channels];
            for (int c = 0; c < channels; c++) {
                em[c] = 0.9 * rm[c] + 0.1 * mean[c];
                ev[c] = 0.9 * rv[c] + 0.1 * var[c] * m / (m - 1);
            }
            assertClose("batchNormRunningUpdate", p, em, trm);
            assertClose("batchNormRunningUpdate", p, ev, trv);
        }
    }

    // ---- loss ----------------------------------------------------------------------------------

    @Test
    public void softmaxCrossEntropyWithLabelSmoothing() {
        int rows = 6;
        int classes = 5;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] z = gaussian(70, rows * classes);
            z[3] = 40; // a large logit: the log-sum-exp must not overflow
            z = rounded(z, p);
            double[] labels = { 0, 4, 2, 2, 1, 3 };
            for (double eps : new double[] { 0, 0.1 }) {
                double[] losses = new double[rows];
                double[] grad = new double[rows * classes];
                for (int r = 0; r < rows; r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    double mean = 0;
                    for (int j = 0; j < classes; j++) {
                        max = Math.max(max, z[r * classes + j]);
                        mean += z[r * classes + j] / classes;
                    }
                    double sum = 0;
                    for (int j = 0; j < classes; j++) {
                        sum += Math.exp(z[r * classes + j] - max);
                    }
                    int y = (int) labels[r];
                    losses[r] = max + Math.log(sum) - (1 - eps) * z[r * classes + y] - eps * mean;
                    for (int j = 0; j < classes; j++) {
                        double prob = Math.exp(z[r * classes + j] - max) / sum;
                        grad[r * classes + j] = (prob - (j == y ? 1 - eps : 0) - eps / classes) / rows;
                    }
                }
                Tensor tl = ops.allocate(rows);
                Tensor tg = ops.allocate(rows * classes);
                Tensor tz = upload(ops, z);
                Tensor ty = upload(ops, labels);
                ops.softmaxCrossEntropy(rows, classes, tz, ty, eps, tl, tg);
                assertClose("softmaxCrossEntropy", p, losses, tl);
                assertClose("softmaxCrossEntropy", p, grad, tg);
                ops.softmaxCrossEntropy(rows, classes, tz, ty, eps, tl, null);
                assertClose("softmaxCrossEntropy", p, losses, tl);
            }
        }
    }

    // ---- optimizer updates -------------------------------------------------------------------

    /** A host optimizer's id and hyperparameters, and the rule with the same values. */
    protected record Case(String optimizer, Map<String, Object> hyperparameters, UpdateRule rule) {
    }

    /** Every update rule, in the configurations whose code paths differ. */
    protected List<Case> updateCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("sgd", Map.of("lr", 0.1), new UpdateRule.Sgd(0, 0, false, 0)));
        cases.add(new Case("sgd", Map.of("lr", 0.1, "momentum", 0.9, "dampening", 0.1, "weight_decay", 0.01),
                new UpdateRule.Sgd(0.9, 0.1, false, 0.01)));
        cases.add(new Case("nesterov", Map.of("lr", 0.05, "momentum", 0.8, "weight_decay", 0.001),
                new UpdateRule.Sgd(0.8, 0, true, 0.001)));
        cases.add(new Case("adam", Map.of("lr", 0.01), new UpdateRule.Adam(0.9, 0.999, 1e-8, 0, false, true, false)));
        cases.add(new Case("adam", Map.of("lr", 0.01, "amsgrad", true, "weight_decay", 0.01),
                new UpdateRule.Adam(0.9, 0.999, 1e-8, 0.01, true, true, false)));
        cases.add(new Case("adam", Map.of("lr", 0.01, "bias_correction", false, "beta1", 0.8),
                new UpdateRule.Adam(0.8, 0.999, 1e-8, 0, false, false, false)));
        cases.add(new Case("adamw", Map.of("lr", 0.01, "weight_decay", 0.1),
                new UpdateRule.Adam(0.9, 0.999, 1e-8, 0.1, false, true, true)));
        cases.add(new Case("rmsprop", Map.of("lr", 0.01), new UpdateRule.RmsProp(0.99, 1e-8, 0, false, 0)));
        cases.add(new Case("rmsprop", Map.of("lr", 0.01, "momentum", 0.9, "centered", true, "weight_decay", 0.01),
                new UpdateRule.RmsProp(0.99, 1e-8, 0.9, true, 0.01)));
        cases.add(new Case("rmsprop", Map.of("lr", 0.01, "centered", true), new UpdateRule.RmsProp(0.99, 1e-8, 0, true, 0)));
        cases.add(new Case("adagrad", Map.of("lr", 0.1, "lr_decay", 0.01, "initial_accumulator_value", 0.1,
                "weight_decay", 0.01), new UpdateRule.Adagrad(0.01, 0.1, 1e-10, 0.01)));
        cases.add(new Case("adadelta", Map.of("lr", 1.0, "weight_decay", 0.01), new UpdateRule.Adadelta(0.9, 1e-6, 0.01)));
        return cases;
    }

    @Test
    public void optimizerUpdatesFollowTheHostOptimizers() {
        int n = 64;
        int steps = 5;
        for (Case c : updateCases()) {
            Optimizer host = Contributions.create("optimizers", c.optimizer(), c.hyperparameters(), Optimizer.class);
            host.initialise(List.of(new ParameterBlock("w", new int[] { n }, 0)));
            assertEquals(new ArrayList<>(host.saveState().arrays().keySet()), c.rule().stateArrays(),
                    c + ": the rule's state arrays are the host optimizer's");
            assertEquals(c.rule(), ((DeviceOptimizer) host).updateRule(), c + ": the rule the optimizer gives for itself");
            double[] params = gaussian(80, n);
            double[][] grads = new double[steps][];
            for (int t = 0; t < steps; t++) {
                grads[t] = gaussian(81 + t, n);
            }
            double[] expected = params.clone();
            for (int t = 0; t < steps; t++) {
                host.step(expected, grads[t].clone(), host.learningRate() * (1 - 0.1 * t));
            }
            Map<String, double[]> hostState = new LinkedHashMap<>(host.saveState().arrays());
            for (Precision p : precisions()) {
                Ops ops = device().ops(p);
                Tensor tp = upload(ops, params);
                List<Tensor> state = new ArrayList<>();
                for (String name : c.rule().stateArrays()) {
                    Tensor s = ops.allocate(n);
                    ops.fill(s, c.rule().initialValue(name));
                    state.add(s);
                }
                for (int t = 0; t < steps; t++) {
                    ops.update(c.rule(), t + 1, host.learningRate() * (1 - 0.1 * t), tp, upload(ops, grads[t]), state);
                }
                if (p == Precision.FP64) {
                    assertArrayEquals(expected, tp.toDoubles(), c + ": fp64 parameters bit for bit");
                    for (int i = 0; i < state.size(); i++) {
                        String name = c.rule().stateArrays().get(i);
                        assertArrayEquals(hostState.get(name), state.get(i).toDoubles(), c + ": fp64 state " + name);
                    }
                } else {
                    assertClose("update", p, expected, tp.toDoubles(), tolerance("update", p));
                }
            }
        }
    }

    /**
     * The Sinkhorn operations on a 9 × 37 matrix (two blocks of four rows and one more, an odd
     * row length), with a left-out (−∞) term in each log-sum-exp and a whole row of them.
     */
    @Test
    public void sinkhornOperations() {
        int rows = 9;
        int cols = 37;
        for (Precision p : precisions()) {
            Ops ops = device().ops(p);
            double[] x = rounded(gaussian(21, rows * cols), p);
            double[] u = rounded(gaussian(22, rows), p);
            double[] v = rounded(gaussian(23, cols), p);
            Tensor tx = upload(ops, x);
            Tensor tu = upload(ops, u);
            Tensor tv = upload(ops, v);
            Tensor ty = ops.allocate(rows * cols);
            double[] e = new double[rows * cols];

            double alpha = -1.75;
            ops.expScaled(alpha, tx, ty);
            for (int i = 0; i < e.length; i++) {
                e[i] = Math.exp(x[i] * alpha);
            }
            assertClose("expScaled", p, e, ty);
            double[] kernel = rounded(e.clone(), p);
            Tensor tk = upload(ops, kernel);

            ops.scaleRowsColumns(rows, cols, tu, tk, tv, ty);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    e[i * cols + j] = kernel[i * cols + j] * (u[i] * v[j]);
                }
            }
            if (p == Precision.FP64) {
                assertArrayEquals(e, ty.toDoubles(), "scaleRowsColumns in fp64: the same bits as the host");
            }
            assertClose("scaleRowsColumns", p, e, ty);

            ops.expShifted(rows, cols, tu, tx, tv, ty);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    e[i * cols + j] = Math.exp((x[i * cols + j] + u[i]) + v[j]);
                }
            }
            assertClose("expShifted", p, e, ty);

            // a Sinkhorn step on the positive kernel, positive v and masses a
            double[] pv = new double[cols];
            for (int j = 0; j < cols; j++) {
                pv[j] = rounded(new double[] { Math.abs(v[j]) + 0.5 }, p)[0];
            }
            double[] a = new double[rows];
            for (int i = 0; i < rows; i++) {
                a[i] = rounded(new double[] { (i + 1) / 45.0 }, p)[0];
            }
            Tensor tsu = ops.allocate(rows);
            Tensor tw = ops.allocate(cols);
            ops.sinkhornStep(rows, cols, tk, upload(ops, pv), upload(ops, a), tsu, tw);
            double[] eu = new double[rows];
            double[] ew = new double[cols];
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    s += kernel[i * cols + j] * pv[j];
                }
                eu[i] = a[i] / s;
            }
            assertClose("sinkhornStep", p, eu, tsu);
            double[] su = tsu.toDoubles();
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) {
                    ew[j] += kernel[i * cols + j] * su[i];
                }
            }
            assertClose("sinkhornStep", p, ew, tw);

            // log-sum-exp along rows (add over columns) and along columns (add over rows)
            double[] addCols = v.clone();
            addCols[3] = Double.NEGATIVE_INFINITY;
            double[] addRows = u.clone();
            addRows[2] = Double.NEGATIVE_INFINITY;
            Tensor tr = ops.allocate(rows);
            ops.logSumExp(false, rows, cols, tx, upload(ops, addCols), tr);
            double[] er = new double[rows];
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    s += Math.exp(x[i * cols + j] + addCols[j]);
                }
                er[i] = Math.log(s);
            }
            assertClose("logSumExp", p, er, tr);
            Tensor tc = ops.allocate(cols);
            ops.logSumExp(true, rows, cols, tx, upload(ops, addRows), tc);
            double[] ec = new double[cols];
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += Math.exp(x[i * cols + j] + addRows[i]);
                }
                ec[j] = Math.log(s);
            }
            assertClose("logSumExp", p, ec, tc);
            double[] none = new double[cols];
            java.util.Arrays.fill(none, Double.NEGATIVE_INFINITY);
            ops.logSumExp(false, rows, cols, tx, upload(ops, none), tr);
            for (double value : tr.toDoubles()) {
                assertEquals(Double.NEGATIVE_INFINITY, value, "logSumExp of no terms in " + p.id());
            }
            for (Tensor t : List.of(tx, tu, tv, ty, tk, tsu, tw, tr, tc)) {
                t.close();
            }
        }
    }
}
