package org.descent.compute.cpu.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

import org.descent.compute.Activation;
import org.descent.compute.Conv2dShape;
import org.descent.compute.HostConvolution;
import org.descent.compute.CounterRandom;
import org.descent.compute.Device;
import org.descent.compute.Ops;
import org.descent.compute.Pool2dShape;
import org.descent.compute.Tensor;
import org.descent.compute.UpdateRule;
import org.descent.core.Blas;
import org.descent.core.Precision;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The cpu backend's operations in fp32: generated from F64Ops.java by generate-f32.sh, do not edit.
 */
public final class F32Ops implements Ops {

    private final CpuDevice device;
    private final @Nullable Blas blas;
    /** Work arrays per part of a parallel operation: slots of im2col columns, products and BLAS slices. */
    private final float[][][] scratch;
    /** Per thread, the BLAS's operands A, B and C in native memory. */
    private final FloatBuffer[][] operands;
    /** Zeroes to copy from. */
    private static final float[] ZEROS = new float[1024];

    F32Ops(CpuDevice device) {
        this.device = device;
        this.blas = device.blas();
        this.scratch = new float[device.threads()][8][];
        this.operands = new FloatBuffer[device.threads()][3];
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public Precision precision() {
        return Precision.FP32;
    }

    @Override
    public void finish() {
        // every operation has completed when it returns
    }

    // ---- scalars and functions in this precision --------------------------------------------------

    private static float r(double scalar) {
        return (float) scalar;
    }

    private static float sqrt(float v) {
        return (float) Math.sqrt(v);
    }

    private static float exp(float v) {
        return (float) Math.exp(v);
    }

    private static float log(float v) {
        return (float) Math.log(v);
    }

    private static float tanh(float v) {
        return (float) Math.tanh(v);
    }

    /** One past the bits of +∞: exactly the values {@code v > 0} have bits in {@code 1..POSITIVE_END−1}. */
    private static final int POSITIVE_END = Float.floatToRawIntBits(Float.POSITIVE_INFINITY) + 1;

    /**
     * All ones when {@code v > 0} (+∞ included, NaN not), else zero: integer arithmetic on the bits,
     * which the JIT compiles without branches (ReLU's compare and select on signs that vary like a
     * coin's mispredicted about every other value, and did not vectorize).
     */
    private static int positiveMask(float v) {
        int b = Float.floatToRawIntBits(v);
        return (-b & (b - POSITIVE_END)) >> (Float.SIZE - 1);
    }

    /** {@code mask(v) ? x : +0}, bit for bit, for a mask from {@link #positiveMask}. */
    private static float keep(float x, int mask) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) & mask);
    }

    // ---- reductions: four interleaved partial sums, whose additions the processor overlaps ---------

    /** {@code Σ a[from..to−1]}. */
    private static double sum(float[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code Σ (a[i] − mu)²} over {@code from..to−1}, each difference rounded to the precision and
     * squared in the accumulators'.
     */
    private static double squaredDeviations(float[] a, int from, int to, float mu) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double d0 = a[i] - mu;
            double d1 = a[i + 1] - mu;
            double d2 = a[i + 2] - mu;
            double d3 = a[i + 3] - mu;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < to; i++) {
            double d = a[i] - mu;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    // ---- argument checks -------------------------------------------------------------------------

    private CpuTensor t(Tensor tensor, int need, String op, String name) {
        if (!(tensor instanceof CpuTensor c) || !(c.device() instanceof CpuDevice)) {
            throw new IllegalArgumentException(op + ": " + name + " is not a tensor of the cpu backend (" + tensor + ")");
        }
        if (c.precision() != Precision.FP32) {
            throw new IllegalArgumentException(op + ": " + name + " is " + c.precision().id() + ", expected fp32");
        }
        if (c.closed()) {
            throw new IllegalArgumentException(op + ": " + name + " is closed");
        }
        if (c.size() < need) {
            throw new IllegalArgumentException(op + ": " + name + " holds " + c.size() + " values, needs " + need);
        }
        return c;
    }

    private static void positive(String op, int... sizes) {
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException(op + ": sizes must be at least 1, got " + Arrays.toString(sizes));
            }
        }
    }

    private float[] work(int part, int slot, int length) {
        float[] a = scratch[part][slot];
        if (a == null || a.length < length) {
            a = new float[Math.max(length, 16)];
            scratch[part][slot] = a;
        }
        return a;
    }

    /**
     * Operand {@code slot} (0 for A, 1 for B, 2 for C) of thread {@code part}'s products: a direct
     * buffer of at least {@code length} values, kept for the next product.
     */
    private FloatBuffer operand(int part, int slot, int length) {
        FloatBuffer b = operands[part][slot];
        if (b == null || b.capacity() < length) {
            int capacity = Math.max(length, b == null ? 16 : Math.min(Integer.MAX_VALUE / 16, b.capacity() * 3 / 2));
            b = ByteBuffer.allocateDirect(capacity * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            operands[part][slot] = b;
        }
        return b;
    }

    // ---- element-wise --------------------------------------------------------------------------

    @Override
    public void fill(Tensor x, double value) {
        CpuTensor tx = t(x, 0, "fill", "x");
        Arrays.fill(tx.f(), tx.offset(), tx.offset() + tx.size(), r(value));
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        CpuTensor s = t(src, 0, "copy", "src");
        CpuTensor d = t(dst, s.size(), "copy", "dst");
        System.arraycopy(s.f(), s.offset(), d.f(), d.offset(), s.size());
    }

    @Override
    public void axpy(double alpha, Tensor x, Tensor y) {
        CpuTensor tx = t(x, 0, "axpy", "x");
        int n = tx.size();
        CpuTensor ty = t(y, n, "axpy", "y");
        float a = r(alpha);
        float[] xs = tx.f();
        float[] ys = ty.f();
        int xo = tx.offset();
        int yo = ty.offset();
        for (int i = 0; i < n; i++) {
            ys[yo + i] = ys[yo + i] + a * xs[xo + i];
        }
    }

    @Override
    public void scale(double alpha, Tensor x) {
        CpuTensor tx = t(x, 0, "scale", "x");
        float a = r(alpha);
        float[] xs = tx.f();
        for (int i = tx.offset(), end = i + tx.size(); i < end; i++) {
            xs[i] = a * xs[i];
        }
    }

    @Override
    public void clip(double value, Tensor x) {
        CpuTensor tx = t(x, 0, "clip", "x");
        float m = r(value);
        float[] xs = tx.f();
        for (int i = tx.offset(), end = i + tx.size(); i < end; i++) {
            float v = xs[i];
            xs[i] = v > m ? m : v < -m ? -m : v;
        }
    }

    @Override
    public void add(Tensor a, Tensor b, Tensor out) {
        CpuTensor ta = t(a, 0, "add", "a");
        int n = ta.size();
        CpuTensor tb = t(b, n, "add", "b");
        CpuTensor to = t(out, n, "add", "out");
        float[] as = ta.f();
        float[] bs = tb.f();
        float[] os = to.f();
        int ao = ta.offset();
        int bo = tb.offset();
        int oo = to.offset();
        for (int i = 0; i < n; i++) {
            os[oo + i] = as[ao + i] + bs[bo + i];
        }
    }

    @Override
    public void mul(Tensor a, Tensor b, Tensor out) {
        CpuTensor ta = t(a, 0, "mul", "a");
        int n = ta.size();
        CpuTensor tb = t(b, n, "mul", "b");
        CpuTensor to = t(out, n, "mul", "out");
        float[] as = ta.f();
        float[] bs = tb.f();
        float[] os = to.f();
        int ao = ta.offset();
        int bo = tb.offset();
        int oo = to.offset();
        for (int i = 0; i < n; i++) {
            os[oo + i] = as[ao + i] * bs[bo + i];
        }
    }

    @Override
    public void addBias(Tensor y, Tensor bias, int rows, int channels, int spatial) {
        positive("addBias", rows, channels, spatial);
        CpuTensor ty = t(y, rows * channels * spatial, "addBias", "y");
        CpuTensor tb = t(bias, channels, "addBias", "bias");
        float[] ys = ty.f();
        float[] bs = tb.f();
        int bo = tb.offset();
        int at = ty.offset();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                float b = bs[bo + c];
                for (int s = 0; s < spatial; s++, at++) {
                    ys[at] = ys[at] + b;
                }
            }
        }
    }

    @Override
    public void biasGradient(Tensor dy, int rows, int channels, int spatial, Tensor db) {
        positive("biasGradient", rows, channels, spatial);
        CpuTensor td = t(dy, rows * channels * spatial, "biasGradient", "dy");
        CpuTensor tb = t(db, channels, "biasGradient", "db");
        float[] ds = td.f();
        float[] bs = tb.f();
        int bo = tb.offset();
        int o = td.offset();
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int base = o + (r * channels + c) * spatial;
                for (int s = 0; s < spatial; s++) {
                    sum += ds[base + s];
                }
            }
            bs[bo + c] = (float) sum;
        }
    }

    @Override
    public void activation(Activation f, Tensor x, Tensor y) {
        CpuTensor tx = t(x, 0, "activation", "x");
        int n = tx.size();
        CpuTensor ty = t(y, n, "activation", "y");
        float[] xs = tx.f();
        float[] ys = ty.f();
        int xo = tx.offset();
        int yo = ty.offset();
        switch (f) {
        case IDENTITY -> System.arraycopy(xs, xo, ys, yo, n);
        case RELU -> {
            for (int i = 0; i < n; i++) {
                float v = xs[xo + i];
                ys[yo + i] = keep(v, positiveMask(v)); // v > 0 ? v : 0
            }
        }
        case TANH -> {
            for (int i = 0; i < n; i++) {
                ys[yo + i] = tanh(xs[xo + i]);
            }
        }
        case SIGMOID -> {
            for (int i = 0; i < n; i++) {
                float v = xs[xo + i];
                ys[yo + i] = v >= 0 ? 1 / (1 + exp(-v)) : exp(v) / (1 + exp(v));
            }
        }
        }
    }

    @Override
    public void activationBackward(Activation f, Tensor y, Tensor dy, Tensor dx) {
        CpuTensor ty = t(y, 0, "activationBackward", "y");
        int n = ty.size();
        CpuTensor tdy = t(dy, n, "activationBackward", "dy");
        CpuTensor tdx = t(dx, n, "activationBackward", "dx");
        float[] ys = ty.f();
        float[] gs = tdy.f();
        float[] xs = tdx.f();
        int yo = ty.offset();
        int go = tdy.offset();
        int xo = tdx.offset();
        switch (f) {
        case IDENTITY -> System.arraycopy(gs, go, xs, xo, n);
        case RELU -> {
            for (int i = 0; i < n; i++) {
                xs[xo + i] = keep(gs[go + i], positiveMask(ys[yo + i])); // y > 0 ? dy : 0
            }
        }
        case TANH -> {
            for (int i = 0; i < n; i++) {
                float v = ys[yo + i];
                xs[xo + i] = gs[go + i] * (1 - v * v);
            }
        }
        case SIGMOID -> {
            for (int i = 0; i < n; i++) {
                float v = ys[yo + i];
                xs[xo + i] = gs[go + i] * v * (1 - v);
            }
        }
        }
    }

    @Override
    public void dropout(long seed, double rate, Tensor x, Tensor mask, Tensor y) {
        long threshold = CounterRandom.dropThreshold(rate);
        CpuTensor tx = t(x, 0, "dropout", "x");
        int n = tx.size();
        CpuTensor tm = t(mask, n, "dropout", "mask");
        CpuTensor ty = t(y, n, "dropout", "y");
        float keep = r(1 / (1 - rate));
        float[] xs = tx.f();
        float[] ms = tm.f();
        float[] ys = ty.f();
        int xo = tx.offset();
        int mo = tm.offset();
        int yo = ty.offset();
        for (int i = 0; i < n; i++) {
            float m = (CounterRandom.bits(seed, i) >>> 11) < threshold ? 0 : keep;
            ms[mo + i] = m;
            ys[yo + i] = xs[xo + i] * m;
        }
    }

    // ---- reductions ----------------------------------------------------------------------------

    @Override
    public void sum(Tensor x, Tensor out) {
        CpuTensor tx = t(x, 0, "sum", "x");
        CpuTensor to = t(out, 1, "sum", "out");
        float[] xs = tx.f();
        double s = 0;
        for (int i = tx.offset(), end = i + tx.size(); i < end; i++) {
            s += xs[i];
        }
        to.f()[to.offset()] = (float) s;
    }

    @Override
    public void sumOfSquares(Tensor x, Tensor out) {
        CpuTensor tx = t(x, 0, "sumOfSquares", "x");
        CpuTensor to = t(out, 1, "sumOfSquares", "out");
        float[] xs = tx.f();
        double s = 0;
        for (int i = tx.offset(), end = i + tx.size(); i < end; i++) {
            double v = xs[i];
            s += v * v;
        }
        to.f()[to.offset()] = (float) s;
    }

    // ---- matrix products -------------------------------------------------------------------------

    private static int extent(boolean trans, int rows, int cols, int ld) {
        return trans ? (cols - 1) * ld + rows : (rows - 1) * ld + cols;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, Tensor a, int lda, Tensor b,
            int ldb, double beta, Tensor c, int ldc) {
        gemmBatched(transA, transB, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc, 0, 1);
    }

    @Override
    public void gemmBatched(boolean transA, boolean transB, int m, int n, int k, double alpha, Tensor a, int lda,
            int strideA, Tensor b, int ldb, int strideB, double beta, Tensor c, int ldc, int strideC, int batch) {
        positive("gemm", m, n, k, batch);
        if (lda < (transA ? m : k) || ldb < (transB ? k : n) || ldc < n || strideA < 0 || strideB < 0 || strideC < 0) {
            throw new IllegalArgumentException("gemm: leading dimensions " + lda + ", " + ldb + ", " + ldc
                    + " or strides too small for m=" + m + ", n=" + n + ", k=" + k);
        }
        CpuTensor ta = t(a, (batch - 1) * strideA + extent(transA, m, k, lda), "gemm", "a");
        CpuTensor tb = t(b, (batch - 1) * strideB + extent(transB, k, n, ldb), "gemm", "b");
        CpuTensor tc = t(c, (batch - 1) * strideC + extent(false, m, n, ldc), "gemm", "c");
        float al = r(alpha);
        float be = r(beta);
        int cLen = (batch - 1) * strideC + extent(false, m, n, ldc);
        int threads = device.gemmThreads(precision(), transA, transB, m, n, k, batch,
                be == 0 ? () -> { } : restorer(tc.f(), tc.offset(), cLen),
                t -> gemmBatched(t, transA, transB, m, n, k, al, ta, lda, strideA, tb, ldb, strideB, be, tc, ldc,
                        strideC, batch));
        gemmBatched(threads, transA, transB, m, n, k, al, ta, lda, strideA, tb, ldb, strideB, be, tc, ldc, strideC,
                batch);
    }

    /**
     * A reset for measuring candidates of an operation that accumulates into {@code c}: its first
     * call saves the values, the next ones put them back.
     */
    private static Runnable restorer(float[] c, int from, int length) {
        float[][] saved = new float[1][];
        return () -> {
            if (saved[0] == null) {
                saved[0] = Arrays.copyOfRange(c, from, from + length);
            } else {
                System.arraycopy(saved[0], 0, c, from, length);
            }
        };
    }

    /** The products on up to {@code threads} host threads. */
    private void gemmBatched(int threads, boolean transA, boolean transB, int m, int n, int k, float al, CpuTensor ta,
            int lda, int strideA, CpuTensor tb, int ldb, int strideB, float be, CpuTensor tc, int ldc, int strideC,
            int batch) {
        if (batch > 1) {
            device.parallel(device.parts(batch, (long) batch * m * n * k, threads), (part, parts) -> {
                for (int i = CpuDevice.start(batch, part, parts); i < CpuDevice.start(batch, part + 1, parts); i++) {
                    product(part, transA, transB, m, n, k, al, ta.f(), ta.offset() + i * strideA, lda,
                            tb.f(), tb.offset() + i * strideB, ldb, be, tc.f(), tc.offset() + i * strideC, ldc);
                }
            });
            return;
        }
        // one product: rows of C split over the threads when each gets a worthwhile share
        int parts = (long) m * n * k < CpuDevice.MIN_SPLIT_PRODUCT ? 1 : Math.min(threads, Math.max(1, m / 16));
        device.parallel(parts, (part, ps) -> {
            int i0 = CpuDevice.start(m, part, ps);
            int i1 = CpuDevice.start(m, part + 1, ps);
            int aOff = ta.offset() + (transA ? i0 : i0 * lda);
            product(part, transA, transB, i1 - i0, n, k, al, ta.f(), aOff, lda, tb.f(), tb.offset(), ldb, be,
                    tc.f(), tc.offset() + i0 * ldc, ldc);
        });
    }

    /**
     * One product on the BLAS or in plain loops. The BLAS reads and writes direct buffers in place
     * (its binding copies whole Java arrays in and out of native memory on every call), so A and B
     * are copied into this thread's operand buffers, and C's rows out of its buffer after; only
     * C's rows, each {@code n} values, are written back, as other threads may be writing other
     * parts of its array at the same time.
     */
    private void product(int part, boolean transA, boolean transB, int m, int n, int k, float al,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float be, float[] c, int cOff, int ldc) {
        if (m < 1) {
            return;
        }
        if (blas == null) {
            plainProduct(transA, transB, m, n, k, al, a, aOff, lda, b, bOff, ldb, be, c, cOff, ldc);
            return;
        }
        int aLen = extent(transA, m, k, lda);
        int bLen = extent(transB, k, n, ldb);
        int cLen = extent(false, m, n, ldc);
        operand(part, 0, aLen).put(0, a, aOff, aLen);
        operand(part, 1, bLen).put(0, b, bOff, bLen);
        FloatBuffer nc = operand(part, 2, cLen);
        if (be != 0) {
            nc.put(0, c, cOff, cLen);
        }
        product(part, transA, transB, m, n, k, al, lda, ldb, be, ldc);
        if (ldc == n) {
            nc.get(0, c, cOff, cLen);
        } else {
            for (int i = 0; i < m; i++) {
                nc.get(i * ldc, c, cOff + i * ldc, n);
            }
        }
    }

    /**
     * The product of this thread's operand buffers, A and B into C (operands 0, 1 and 2), which the
     * caller filled: on the BLAS, or without one in plain loops on copies of them.
     */
    private void product(int part, boolean transA, boolean transB, int m, int n, int k, float al, int lda, int ldb,
            float be, int ldc) {
        FloatBuffer na = operands[part][0];
        FloatBuffer nb = operands[part][1];
        FloatBuffer nc = operands[part][2];
        Blas native_ = blas;
        if (native_ != null) {
            native_.sgemm(transA, transB, m, n, k, al, na, lda, nb, ldb, be, nc, ldc);
            return;
        }
        int aLen = extent(transA, m, k, lda);
        int bLen = extent(transB, k, n, ldb);
        int cLen = extent(false, m, n, ldc);
        float[] a = work(part, 4, aLen);
        float[] b = work(part, 5, bLen);
        float[] c = work(part, 6, cLen);
        na.get(0, a, 0, aLen);
        nb.get(0, b, 0, bLen);
        if (be != 0) {
            nc.get(0, c, 0, cLen);
        }
        plainProduct(transA, transB, m, n, k, al, a, 0, lda, b, 0, ldb, be, c, 0, ldc);
        nc.put(0, c, 0, cLen);
    }

    /** {@code C = al·op(A)·op(B) + be·C} in plain loops. */
    private static void plainProduct(boolean transA, boolean transB, int m, int n, int k, float al, float[] a,
            int aOff, int lda, float[] b, int bOff, int ldb, float be, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (be == 0) {
                Arrays.fill(c, ci, ci + n, 0);
            } else if (be != 1) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] = be * c[ci + j];
                }
            }
            if (transB) {
                rowTimesRows(transA, i, n, k, al, a, aOff, lda, b, bOff, ldb, c, ci);
                continue;
            }
            for (int p = 0; p < k; p++) {
                float av = al * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    /**
     * Row i of {@code C += al·op(A)·Bᵀ} in plain loops: each {@code C[i][j]} summed over p in
     * order along row j of B, four rows of B at a time (a loop over j for each p strode across
     * B's rows).
     */
    private static void rowTimesRows(boolean transA, int i, int n, int k, float al, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float[] c, int ci) {
        int aStep = transA ? lda : 1;
        int a0 = aOff + (transA ? i : i * lda);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            int b0 = bOff + j * ldb;
            int b1 = b0 + ldb;
            int b2 = b1 + ldb;
            int b3 = b2 + ldb;
            float x0 = c[ci + j];
            float x1 = c[ci + j + 1];
            float x2 = c[ci + j + 2];
            float x3 = c[ci + j + 3];
            for (int p = 0; p < k; p++) {
                float av = al * a[a0 + p * aStep];
                x0 += av * b[b0 + p];
                x1 += av * b[b1 + p];
                x2 += av * b[b2 + p];
                x3 += av * b[b3 + p];
            }
            c[ci + j] = x0;
            c[ci + j + 1] = x1;
            c[ci + j + 2] = x2;
            c[ci + j + 3] = x3;
        }
        for (; j < n; j++) {
            int bj = bOff + j * ldb;
            float x = c[ci + j];
            for (int p = 0; p < k; p++) {
                x += al * a[a0 + p * aStep] * b[bj + p];
            }
            c[ci + j] = x;
        }
    }

    // ---- convolution ---------------------------------------------------------------------------

    /**
     * Unfolds examples {@code first..first+n-1} of x (from array index xo): column
     * {@code r·positions + q} of {@code col} holds the patch of example first+r at output position q.
     */
    private static void unfold(Conv2dShape s, float[] x, int xo, FloatBuffer col, int first, int n) {
        int h = s.height();
        int w = s.width();
        int k = s.kernel();
        int stride = s.stride();
        int pad = s.padding();
        int oh = s.outHeight();
        int ow = s.outWidth();
        int positions = oh * ow;
        int width = n * positions;
        int inSize = s.inChannels() * h * w;
        for (int c = 0; c < s.inChannels(); c++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int row = ((c * k + ki) * k + kj) * width;
                    int j0 = firstInside(pad - kj, stride, ow);
                    int j1 = Math.max(j0, endInside(w - 1 + pad - kj, stride, ow));
                    for (int r = 0; r < n; r++) {
                        int base = xo + (first + r) * inSize + c * h * w;
                        int at = row + r * positions;
                        if (shifts(s)) {
                            int oi0 = Math.min(oh, Math.max(0, pad - ki));
                            int oi1 = Math.max(oi0, Math.min(oh, h + pad - ki));
                            zero(col, at, at + oi0 * ow);
                            zero(col, at + oi1 * ow, at + positions);
                            int lo = at + oi0 * ow + j0;
                            int hi = at + oi1 * ow - (ow - j1);
                            if (hi > lo) {
                                col.put(lo, x, lo + base + (ki - pad) * w + kj - pad - at, hi - lo);
                            }
                            zeroBorders(col, at + oi0 * ow, at + oi1 * ow, j0, j1, ow);
                            continue;
                        }
                        for (int oi = 0; oi < oh; oi++) {
                            int ii = oi * stride - pad + ki;
                            int o = at + oi * ow;
                            if (ii < 0 || ii >= h) {
                                zero(col, o, o + ow);
                                continue;
                            }
                            zero(col, o, o + j0);
                            int src = base + ii * w - pad + kj;
                            if (stride == 1) {
                                col.put(o + j0, x, src + j0, j1 - j0);
                            } else {
                                for (int oj = j0; oj < j1; oj++) {
                                    col.put(o + oj, x[src + oj * stride]);
                                }
                            }
                            zero(col, o + j1, o + ow);
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether each patch row of the unfolded columns is the image shifted by a few values (unit
     * stride, output as wide as the image, the shift within a row): then the rows inside the image
     * are one stretch of it, and the values the stretch wraps in from the neighbouring rows (the
     * output columns outside {@code j0..j1−1}) are set apart after. One copy or one loop of
     * hundreds of values instead of a short one per output row, which the JIT left scalar.
     */
    private static boolean shifts(Conv2dShape s) {
        return s.stride() == 1 && s.outWidth() == s.width() && s.padding() < s.width();
    }

    /** Zeroes the output columns {@code 0..j0−1} and {@code j1..ow−1} of the rows from {@code from} to {@code to}. */
    private static void zeroBorders(FloatBuffer col, int from, int to, int j0, int j1, int ow) {
        for (int oj = 0; oj < ow; oj++) {
            if (oj < j0 || oj >= j1) {
                for (int o = from + oj; o < to; o += ow) {
                    col.put(o, 0);
                }
            }
        }
    }

    /** Zeroes the values {@code from..to−1} of a buffer. */
    private static void zero(FloatBuffer b, int from, int to) {
        for (int i = from; i < to; i += ZEROS.length) {
            b.put(i, ZEROS, 0, Math.min(ZEROS.length, to - i));
        }
    }

    /** First output column whose input column {@code oj·stride − need} is inside the image. */
    private static int firstInside(int need, int stride, int ow) {
        return need <= 0 ? 0 : Math.min(ow, (need + stride - 1) / stride);
    }

    /** One past the last output column whose input column is at most {@code last} after the shift. */
    private static int endInside(int last, int stride, int ow) {
        return last < 0 ? 0 : Math.min(ow, last / stride + 1);
    }

    /**
     * Adds the columns back into the images they came from (the adjoint of unfold), after zeroing
     * the images; overwrites the columns' values that fall outside the images.
     */
    private void fold(int part, Conv2dShape s, FloatBuffer col, float[] x, int xo, int first, int n) {
        int h = s.height();
        int w = s.width();
        int k = s.kernel();
        int stride = s.stride();
        int pad = s.padding();
        int oh = s.outHeight();
        int ow = s.outWidth();
        int positions = oh * ow;
        int width = n * positions;
        int inSize = s.inChannels() * h * w;
        Arrays.fill(x, xo + first * inSize, xo + (first + n) * inSize, 0);
        for (int c = 0; c < s.inChannels(); c++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int row = ((c * k + ki) * k + kj) * width;
                    int j0 = firstInside(pad - kj, stride, ow);
                    int j1 = endInside(w - 1 + pad - kj, stride, ow);
                    for (int r = 0; r < n; r++) {
                        int base = xo + (first + r) * inSize + c * h * w;
                        int at = row + r * positions;
                        if (shifts(s)) {
                            // the columns outside the image become +0, which leaves the sums they
                            // wrap into as they are (a sum that starts at +0 is never −0)
                            int oi0 = Math.min(oh, Math.max(0, pad - ki));
                            int oi1 = Math.max(oi0, Math.min(oh, h + pad - ki));
                            zeroBorders(col, at + oi0 * ow, at + oi1 * ow, j0, j1, ow);
                            // the patch row's stretch, read into an array that stays in the cache
                            int from = at + oi0 * ow + j0;
                            int length = at + oi1 * ow - (ow - j1) - from;
                            if (length <= 0) {
                                continue;
                            }
                            float[] stretch = work(part, 2, length);
                            col.get(from, stretch, 0, length);
                            int shift = base + (ki - pad) * w + kj - pad - at + from;
                            for (int q = 0; q < length; q++) {
                                x[q + shift] += stretch[q];
                            }
                            continue;
                        }
                        for (int oi = 0; oi < oh; oi++) {
                            int ii = oi * stride - pad + ki;
                            if (ii < 0 || ii >= h) {
                                continue;
                            }
                            int o = at + oi * ow;
                            int dst = base + ii * w - pad + kj;
                            if (stride == 1) {
                                // unit stride: a loop the JIT turns into vector adds
                                for (int oj = j0; oj < j1; oj++) {
                                    x[dst + oj] += col.get(o + oj);
                                }
                            } else {
                                for (int oj = j0; oj < j1; oj++) {
                                    x[dst + oj * stride] += col.get(o + oj);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** With autotuning off the passes' plans are the fixed defaults: looked up, nothing computed. */
    @Override
    public void tuneConv2d(Conv2dShape s) {
        if (device.autotune()) {
            Ops.super.tuneConv2d(s);
            return;
        }
        for (String pass : List.of("conv2dForward", "conv2dBackwardData", "conv2dBackwardFilter")) {
            device.convPlan(pass, precision(), s, plan -> {
                throw new IllegalStateException(pass + " measured with autotuning off");
            });
        }
    }

    @Override
    public void conv2dForward(Conv2dShape s, Tensor x, Tensor w, @Nullable Tensor bias, Tensor y) {
        CpuTensor tx = t(x, s.inputSize(), "conv2dForward", "x");
        CpuTensor tw = t(w, s.weightSize(), "conv2dForward", "w");
        CpuTensor tb = bias == null ? null : t(bias, s.outChannels(), "conv2dForward", "bias");
        CpuTensor ty = t(y, s.outputSize(), "conv2dForward", "y");
        conv2dForward(s, tx, tw, tb, ty, device.convPlan("conv2dForward", precision(), s,
                plan -> conv2dForward(s, tx, tw, tb, ty, plan)));
    }

    private void conv2dForward(Conv2dShape s, CpuTensor tx, CpuTensor tw, @Nullable CpuTensor tb, CpuTensor ty,
            ConvPlan plan) {
        HostConvolution library = plan.library();
        if (library != null) {
            library.conv2dForward(s, tx.f(), tx.offset(), tw.f(), tw.offset(), tb == null ? null : tb.f(),
                    tb == null ? 0 : tb.offset(), ty.f(), ty.offset());
            return;
        }
        forwardColumns(s, tx.f(), tx.offset(), tw.f(), tw.offset(), tb == null ? null : tb.f(),
                tb == null ? 0 : tb.offset(), ty.f(), ty.offset(), plan);
    }

    /** The forward pass by im2col and a GEMM per chunk of examples, as {@code plan} blocks them. */
    private void forwardColumns(Conv2dShape s, float[] xs, int xo, float[] ws, int wo, float @Nullable [] bs, int bo,
            float[] ys, int yo, ConvPlan plan) {
        int n = s.batch();
        int cout = s.outChannels();
        int cols = s.inChannels() * s.kernel() * s.kernel();
        int positions = s.outHeight() * s.outWidth();
        int outSize = cout * positions;
        int step = plan.chunk(s, n);
        device.parallel(plan.parts(device, n, s.multiplyAdds()), (part, parts) -> {
            int r0 = CpuDevice.start(n, part, parts);
            int r1 = CpuDevice.start(n, part + 1, parts);
            for (int first = r0; first < r1; first += step) {
                int m = Math.min(step, r1 - first);
                int width = m * positions;
                unfold(s, xs, xo, operand(part, 1, cols * width), first, m);
                operand(part, 0, cout * cols).put(0, ws, wo, cout * cols);
                FloatBuffer z = operand(part, 2, cout * width);
                product(part, false, false, cout, width, cols, 1, cols, width, 0, width);
                for (int o = 0; o < cout; o++) {
                    float b = bs == null ? 0 : bs[bo + o];
                    for (int r = 0; r < m; r++) {
                        int dst = yo + (first + r) * outSize + o * positions;
                        z.get(o * width + r * positions, ys, dst, positions);
                        for (int q = dst; q < dst + positions; q++) {
                            ys[q] += b;
                        }
                    }
                }
            }
        });
    }

    /** Gathers dy of examples first..first+m-1 into dz[cout][m·positions]. */
    private static void gather(float[] dy, int dyo, FloatBuffer dz, int first, int m, int cout, int positions) {
        int width = m * positions;
        int outSize = cout * positions;
        for (int o = 0; o < cout; o++) {
            for (int r = 0; r < m; r++) {
                dz.put(o * width + r * positions, dy, dyo + (first + r) * outSize + o * positions, positions);
            }
        }
    }

    @Override
    public void conv2dBackwardData(Conv2dShape s, Tensor dy, Tensor w, Tensor dx) {
        CpuTensor tdy = t(dy, s.outputSize(), "conv2dBackwardData", "dy");
        CpuTensor tw = t(w, s.weightSize(), "conv2dBackwardData", "w");
        CpuTensor tdx = t(dx, s.inputSize(), "conv2dBackwardData", "dx");
        conv2dBackwardData(s, tdy, tw, tdx, device.convPlan("conv2dBackwardData", precision(), s,
                plan -> conv2dBackwardData(s, tdy, tw, tdx, plan)));
    }

    private void conv2dBackwardData(Conv2dShape s, CpuTensor tdy, CpuTensor tw, CpuTensor tdx, ConvPlan plan) {
        int k = s.kernel();
        if (s.stride() == 1 && s.padding() < k && s.outChannels() <= s.inChannels()) {
            // dx is dy convolved with the kernels turned by 180° and their channels swapped, padded
            // by k−1−padding: one unfold of dy and a GEMM as deep as the forward pass's, instead of
            // a GEMM as deep as dy's channels and a fold that adds into dx (unfolding dy writes
            // outChannels·k² values a position, folding inChannels·k²)
            Conv2dShape t = new Conv2dShape(s.batch(), s.outChannels(), s.outHeight(), s.outWidth(), s.inChannels(),
                    k, 1, k - 1 - s.padding());
            int cin = s.inChannels();
            int cout = s.outChannels();
            float[] turned = work(0, 7, s.weightSize());
            float[] ws = tw.f();
            for (int o = 0; o < cout; o++) {
                for (int c = 0; c < cin; c++) {
                    int from = tw.offset() + (o * cin + c) * k * k;
                    int to = (c * cout + o) * k * k + k * k - 1;
                    for (int i = 0; i < k * k; i++) {
                        turned[to - i] = ws[from + i];
                    }
                }
            }
            forwardColumns(t, tdy.f(), tdy.offset(), turned, 0, null, 0, tdx.f(), tdx.offset(), plan);
            return;
        }
        int n = s.batch();
        int cout = s.outChannels();
        int cols = s.inChannels() * s.kernel() * s.kernel();
        int positions = s.outHeight() * s.outWidth();
        int step = plan.chunk(s, n);
        device.parallel(plan.parts(device, n, s.multiplyAdds()), (part, parts) -> {
            int r0 = CpuDevice.start(n, part, parts);
            int r1 = CpuDevice.start(n, part + 1, parts);
            for (int first = r0; first < r1; first += step) {
                int m = Math.min(step, r1 - first);
                int width = m * positions;
                gather(tdy.f(), tdy.offset(), operand(part, 1, cout * width), first, m, cout, positions);
                operand(part, 0, cout * cols).put(0, tw.f(), tw.offset(), cout * cols);
                FloatBuffer dcol = operand(part, 2, cols * width);
                product(part, true, false, cols, width, cout, 1, cols, width, 0, width);
                fold(part, s, dcol, tdx.f(), tdx.offset(), first, m);
            }
        });
    }

    @Override
    public void conv2dBackwardFilter(Conv2dShape s, Tensor x, Tensor dy, Tensor dw, @Nullable Tensor dbias) {
        CpuTensor tx = t(x, s.inputSize(), "conv2dBackwardFilter", "x");
        CpuTensor tdy = t(dy, s.outputSize(), "conv2dBackwardFilter", "dy");
        CpuTensor tdw = t(dw, s.weightSize(), "conv2dBackwardFilter", "dw");
        CpuTensor tdb = dbias == null ? null : t(dbias, s.outChannels(), "conv2dBackwardFilter", "dbias");
        conv2dBackwardFilter(s, tx, tdy, tdw, tdb, device.convPlan("conv2dBackwardFilter", precision(), s,
                plan -> conv2dBackwardFilter(s, tx, tdy, tdw, tdb, plan)));
    }

    private void conv2dBackwardFilter(Conv2dShape s, CpuTensor tx, CpuTensor tdy, CpuTensor tdw,
            @Nullable CpuTensor tdb, ConvPlan plan) {
        int n = s.batch();
        int cout = s.outChannels();
        int cols = s.inChannels() * s.kernel() * s.kernel();
        int positions = s.outHeight() * s.outWidth();
        int step = plan.chunk(s, n);
        int weights = cout * cols;
        int parts = plan.parts(device, n, s.multiplyAdds());
        device.parallel(parts, (part, ps) -> {
            int r0 = CpuDevice.start(n, part, ps);
            int r1 = CpuDevice.start(n, part + 1, ps);
            float[] partial = work(part, 3, weights + cout);
            Arrays.fill(partial, 0, weights + cout, 0);
            // the weights' partial sums stay in the product's C from chunk to chunk
            FloatBuffer dwPartial = operand(part, 2, weights);
            zero(dwPartial, 0, weights);
            float[] dys = tdy.f();
            int outSize = cout * positions;
            for (int first = r0; first < r1; first += step) {
                int m = Math.min(step, r1 - first);
                int width = m * positions;
                unfold(s, tx.f(), tx.offset(), operand(part, 1, cols * width), first, m);
                gather(dys, tdy.offset(), operand(part, 0, cout * width), first, m, cout, positions);
                product(part, false, true, cout, cols, width, 1, width, width, 1, cols);
                for (int o = 0; o < cout; o++) {
                    double sum = 0;
                    for (int r = 0; r < m; r++) {
                        for (int q = tdy.offset() + (first + r) * outSize + o * positions, end = q + positions; q < end; q++) {
                            sum += dys[q];
                        }
                    }
                    partial[weights + o] += (float) sum;
                }
            }
            dwPartial.get(0, partial, 0, weights);
        });
        float[] dws = tdw.f();
        int wo = tdw.offset();
        System.arraycopy(scratch[0][3], 0, dws, wo, weights);
        for (int part = 1; part < parts; part++) {
            float[] p = scratch[part][3];
            for (int i = 0; i < weights; i++) {
                dws[wo + i] += p[i];
            }
        }
        if (tdb != null) {
            float[] dbs = tdb.f();
            for (int o = 0; o < cout; o++) {
                float v = scratch[0][3][weights + o];
                for (int part = 1; part < parts; part++) {
                    v += scratch[part][3][weights + o];
                }
                dbs[tdb.offset() + o] = v;
            }
        }
    }

    // ---- pooling -------------------------------------------------------------------------------

    @Override
    public void pool2dForward(Pool2dShape s, boolean max, Tensor x, Tensor y) {
        CpuTensor tx = t(x, s.inputSize(), "pool2dForward", "x");
        CpuTensor ty = t(y, s.outputSize(), "pool2dForward", "y");
        int planes = s.batch() * s.channels();
        int h = s.height();
        int w = s.width();
        int k = s.kernel();
        int st = s.stride();
        int oh = s.outHeight();
        int ow = s.outWidth();
        float inverseArea = r(1.0 / (k * k));
        device.parallel(device.parts(planes, s.inputSize()), (part, parts) -> {
            float[] xs = tx.f();
            float[] ys = ty.f();
            for (int pl = CpuDevice.start(planes, part, parts); pl < CpuDevice.start(planes, part + 1, parts); pl++) {
                int xb = tx.offset() + pl * h * w;
                int yb = ty.offset() + pl * oh * ow;
                if (k == 2 && st == 2) {
                    pool2x2(xs, xb, w, ys, yb, oh, ow, max, inverseArea);
                    continue;
                }
                for (int oi = 0; oi < oh; oi++) {
                    for (int oj = 0; oj < ow; oj++) {
                        float best = Float.NEGATIVE_INFINITY;
                        boolean none = true;
                        float sum = 0;
                        for (int ki = 0; ki < k; ki++) {
                            int row = xb + (oi * st + ki) * w + oj * st;
                            for (int kj = 0; kj < k; kj++) {
                                float v = xs[row + kj];
                                sum += v;
                                if (v > best || none) {
                                    best = v;
                                    none = false;
                                }
                            }
                        }
                        ys[yb + oi * ow + oj] = max ? best : sum * inverseArea;
                    }
                }
            }
        });
    }

    @Override
    public void pool2dBackward(Pool2dShape s, boolean max, Tensor x, Tensor dy, Tensor dx) {
        CpuTensor tx = t(x, s.inputSize(), "pool2dBackward", "x");
        CpuTensor tdy = t(dy, s.outputSize(), "pool2dBackward", "dy");
        CpuTensor tdx = t(dx, s.inputSize(), "pool2dBackward", "dx");
        int planes = s.batch() * s.channels();
        int h = s.height();
        int w = s.width();
        int k = s.kernel();
        int st = s.stride();
        int oh = s.outHeight();
        int ow = s.outWidth();
        float inverseArea = r(1.0 / (k * k));
        device.parallel(device.parts(planes, s.inputSize()), (part, parts) -> {
            float[] xs = tx.f();
            float[] gs = tdy.f();
            float[] ds = tdx.f();
            for (int pl = CpuDevice.start(planes, part, parts); pl < CpuDevice.start(planes, part + 1, parts); pl++) {
                int xb = tx.offset() + pl * h * w;
                int db = tdx.offset() + pl * h * w;
                int yb = tdy.offset() + pl * oh * ow;
                Arrays.fill(ds, db, db + h * w, 0);
                if (k == 2 && st == 2) {
                    pool2x2Backward(xs, xb, w, gs, yb, ds, db, oh, ow, max, inverseArea);
                    continue;
                }
                for (int oi = 0; oi < oh; oi++) {
                    for (int oj = 0; oj < ow; oj++) {
                        float g = gs[yb + oi * ow + oj];
                        if (max) {
                            float best = Float.NEGATIVE_INFINITY;
                            int at = -1;
                            for (int ki = 0; ki < k; ki++) {
                                int row = (oi * st + ki) * w + oj * st;
                                for (int kj = 0; kj < k; kj++) {
                                    float v = xs[xb + row + kj];
                                    if (v > best || at < 0) {
                                        best = v;
                                        at = row + kj;
                                    }
                                }
                            }
                            ds[db + at] += g;
                        } else {
                            float share = g * inverseArea;
                            for (int ki = 0; ki < k; ki++) {
                                int row = db + (oi * st + ki) * w + oj * st;
                                for (int kj = 0; kj < k; kj++) {
                                    ds[row + kj] += share;
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    /**
     * The 2x2 windows of stride 2 (the CNNs' pooling) of one plane: the general loops' results, in
     * the same order of comparisons and additions, without their per-element bookkeeping.
     */
    private static void pool2x2(float[] xs, int xb, int w, float[] ys, int yb, int oh, int ow, boolean max,
            float inverseArea) {
        for (int oi = 0; oi < oh; oi++) {
            int r0 = xb + 2 * oi * w;
            int r1 = r0 + w;
            int yo = yb + oi * ow;
            for (int oj = 0; oj < ow; oj++) {
                int c = 2 * oj;
                float a = xs[r0 + c];
                float b = xs[r0 + c + 1];
                float d = xs[r1 + c];
                float e = xs[r1 + c + 1];
                if (max) {
                    float m = a;
                    if (b > m) {
                        m = b;
                    }
                    if (d > m) {
                        m = d;
                    }
                    if (e > m) {
                        m = e;
                    }
                    ys[yo + oj] = m;
                } else {
                    ys[yo + oj] = (a + b + d + e) * inverseArea;
                }
            }
        }
    }

    /** The gradient of {@link #pool2x2} into one plane of {@code ds} (zeroed): to the first maximum, or shared. */
    private static void pool2x2Backward(float[] xs, int xb, int w, float[] gs, int yb, float[] ds, int db, int oh,
            int ow, boolean max, float inverseArea) {
        for (int oi = 0; oi < oh; oi++) {
            int r0 = 2 * oi * w;
            int yo = yb + oi * ow;
            for (int oj = 0; oj < ow; oj++) {
                int at = r0 + 2 * oj;
                float g = gs[yo + oj];
                if (max) {
                    int arg = at;
                    float m = xs[xb + at];
                    if (xs[xb + at + 1] > m) {
                        m = xs[xb + at + 1];
                        arg = at + 1;
                    }
                    if (xs[xb + at + w] > m) {
                        m = xs[xb + at + w];
                        arg = at + w;
                    }
                    if (xs[xb + at + w + 1] > m) {
                        arg = at + w + 1;
                    }
                    ds[db + arg] += g;
                } else {
                    float share = g * inverseArea;
                    ds[db + at] += share;
                    ds[db + at + 1] += share;
                    ds[db + at + w] += share;
                    ds[db + at + w + 1] += share;
                }
            }
        }
    }

    @Override
    public void subsample(int batch, int channels, int height, int width, int outChannels, int outHeight,
            int outWidth, int stride, Tensor x, Tensor y) {
        positive("subsample", batch, channels, height, width, outChannels, outHeight, outWidth, stride);
        checkSubsample(channels, height, width, outChannels, outHeight, outWidth, stride);
        CpuTensor tx = t(x, batch * channels * height * width, "subsample", "x");
        int outSize = outChannels * outHeight * outWidth;
        CpuTensor ty = t(y, batch * outSize, "subsample", "y");
        float[] xs = tx.f();
        float[] ys = ty.f();
        int inSize = channels * height * width;
        Arrays.fill(ys, ty.offset(), ty.offset() + batch * outSize, 0);
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < outHeight; i++) {
                    int src = tx.offset() + r * inSize + (c * height + i * stride) * width;
                    int dst = ty.offset() + r * outSize + (c * outHeight + i) * outWidth;
                    for (int j = 0; j < outWidth; j++) {
                        ys[dst + j] = xs[src + j * stride];
                    }
                }
            }
        }
    }

    @Override
    public void subsampleBackward(int batch, int channels, int height, int width, int outChannels, int outHeight,
            int outWidth, int stride, Tensor dy, Tensor dx) {
        positive("subsampleBackward", batch, channels, height, width, outChannels, outHeight, outWidth, stride);
        checkSubsample(channels, height, width, outChannels, outHeight, outWidth, stride);
        int outSize = outChannels * outHeight * outWidth;
        int inSize = channels * height * width;
        CpuTensor tdy = t(dy, batch * outSize, "subsampleBackward", "dy");
        CpuTensor tdx = t(dx, batch * inSize, "subsampleBackward", "dx");
        float[] gs = tdy.f();
        float[] ds = tdx.f();
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < outHeight; i++) {
                    int dst = tdx.offset() + r * inSize + (c * height + i * stride) * width;
                    int src = tdy.offset() + r * outSize + (c * outHeight + i) * outWidth;
                    for (int j = 0; j < outWidth; j++) {
                        ds[dst + j * stride] += gs[src + j];
                    }
                }
            }
        }
    }

    private static void checkSubsample(int channels, int height, int width, int outChannels, int outHeight,
            int outWidth, int stride) {
        if (outChannels < channels || (outHeight - 1) * stride >= height || (outWidth - 1) * stride >= width) {
            throw new IllegalArgumentException("subsample: cannot map " + channels + "x" + height + "x" + width + " to "
                    + outChannels + "x" + outHeight + "x" + outWidth + " with stride " + stride);
        }
    }

    // ---- batch normalization -----------------------------------------------------------------

    @Override
    public void batchNormStatistics(int rows, int channels, int spatial, Tensor x, Tensor mean, Tensor var) {
        positive("batchNormStatistics", rows, channels, spatial);
        CpuTensor tx = t(x, rows * channels * spatial, "batchNormStatistics", "x");
        CpuTensor tm = t(mean, channels, "batchNormStatistics", "mean");
        CpuTensor tv = t(var, channels, "batchNormStatistics", "var");
        int m = rows * spatial;
        int stride = channels * spatial;
        device.parallel(device.parts(channels, (long) rows * channels * spatial), (part, parts) -> {
            float[] xs = tx.f();
            for (int c = CpuDevice.start(channels, part, parts); c < CpuDevice.start(channels, part + 1, parts); c++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    int base = tx.offset() + r * stride + c * spatial;
                    s += sum(xs, base, base + spatial);
                }
                float mu = (float) (s / m);
                double ss = 0;
                for (int r = 0; r < rows; r++) {
                    int base = tx.offset() + r * stride + c * spatial;
                    ss += squaredDeviations(xs, base, base + spatial, mu);
                }
                tm.f()[tm.offset() + c] = mu;
                tv.f()[tv.offset() + c] = (float) (ss / m);
            }
        });
    }

    @Override
    public void batchNormForward(int rows, int channels, int spatial, Tensor x, Tensor mean, Tensor var, double eps,
            Tensor gamma, Tensor beta, Tensor xhat, Tensor y) {
        positive("batchNormForward", rows, channels, spatial);
        int count = rows * channels * spatial;
        CpuTensor tx = t(x, count, "batchNormForward", "x");
        CpuTensor tm = t(mean, channels, "batchNormForward", "mean");
        CpuTensor tv = t(var, channels, "batchNormForward", "var");
        CpuTensor tg = t(gamma, channels, "batchNormForward", "gamma");
        CpuTensor tb = t(beta, channels, "batchNormForward", "beta");
        CpuTensor th = t(xhat, count, "batchNormForward", "xhat");
        CpuTensor ty = t(y, count, "batchNormForward", "y");
        float e = r(eps);
        int stride = channels * spatial;
        device.parallel(device.parts(channels, (long) rows * channels * spatial), (part, parts) -> {
            float[] xs = tx.f();
            float[] hs = th.f();
            float[] ys = ty.f();
            for (int c = CpuDevice.start(channels, part, parts); c < CpuDevice.start(channels, part + 1, parts); c++) {
                float mu = tm.f()[tm.offset() + c];
                float inv = 1 / sqrt(tv.f()[tv.offset() + c] + e);
                float g = tg.f()[tg.offset() + c];
                float b = tb.f()[tb.offset() + c];
                for (int r = 0; r < rows; r++) {
                    int at = r * stride + c * spatial;
                    for (int k = 0; k < spatial; k++) {
                        float h = (xs[tx.offset() + at + k] - mu) * inv;
                        hs[th.offset() + at + k] = h;
                        ys[ty.offset() + at + k] = g * h + b;
                    }
                }
            }
        });
    }

    @Override
    public void batchNormBackward(int rows, int channels, int spatial, Tensor dy, Tensor xhat, Tensor var, double eps,
            Tensor gamma, boolean batchStatistics, @Nullable Tensor dx, Tensor dgamma, Tensor dbeta) {
        positive("batchNormBackward", rows, channels, spatial);
        int count = rows * channels * spatial;
        CpuTensor tdy = t(dy, count, "batchNormBackward", "dy");
        CpuTensor th = t(xhat, count, "batchNormBackward", "xhat");
        CpuTensor tv = t(var, channels, "batchNormBackward", "var");
        CpuTensor tg = t(gamma, channels, "batchNormBackward", "gamma");
        CpuTensor tdx = dx == null ? null : t(dx, count, "batchNormBackward", "dx");
        CpuTensor tdg = t(dgamma, channels, "batchNormBackward", "dgamma");
        CpuTensor tdb = t(dbeta, channels, "batchNormBackward", "dbeta");
        float e = r(eps);
        int stride = channels * spatial;
        int m = rows * spatial;
        device.parallel(device.parts(channels, (long) rows * channels * spatial), (part, parts) -> {
            float[] gs = tdy.f();
            float[] hs = th.f();
            for (int c = CpuDevice.start(channels, part, parts); c < CpuDevice.start(channels, part + 1, parts); c++) {
                // Σ dy and Σ dy·xhat in one pass, each in four interleaved partial sums
                double sd0 = 0;
                double sd1 = 0;
                double sd2 = 0;
                double sd3 = 0;
                double sx0 = 0;
                double sx1 = 0;
                double sx2 = 0;
                double sx3 = 0;
                int shift = th.offset() - tdy.offset();
                for (int r = 0; r < rows; r++) {
                    int from = tdy.offset() + r * stride + c * spatial;
                    int to = from + spatial;
                    int i = from;
                    for (; i + 3 < to; i += 4) {
                        float g0 = gs[i];
                        float g1 = gs[i + 1];
                        float g2 = gs[i + 2];
                        float g3 = gs[i + 3];
                        sd0 += g0;
                        sd1 += g1;
                        sd2 += g2;
                        sd3 += g3;
                        sx0 += g0 * hs[i + shift];
                        sx1 += g1 * hs[i + 1 + shift];
                        sx2 += g2 * hs[i + 2 + shift];
                        sx3 += g3 * hs[i + 3 + shift];
                    }
                    for (; i < to; i++) {
                        sd0 += gs[i];
                        sx0 += gs[i] * hs[i + shift];
                    }
                }
                double sd = (sd0 + sd1) + (sd2 + sd3);
                double sdx = (sx0 + sx1) + (sx2 + sx3);
                float sumDy = (float) sd;
                float sumDyXhat = (float) sdx;
                tdg.f()[tdg.offset() + c] = sumDyXhat;
                tdb.f()[tdb.offset() + c] = sumDy;
                if (tdx == null) {
                    continue;
                }
                float[] ds = tdx.f();
                float scale = tg.f()[tg.offset() + c] * (1 / sqrt(tv.f()[tv.offset() + c] + e));
                float meanDy = sumDy / m;
                float meanDyXhat = sumDyXhat / m;
                for (int r = 0; r < rows; r++) {
                    int at = r * stride + c * spatial;
                    for (int k = 0; k < spatial; k++) {
                        float g = gs[tdy.offset() + at + k];
                        ds[tdx.offset() + at + k] = batchStatistics
                                ? scale * (g - meanDy - hs[th.offset() + at + k] * meanDyXhat)
                                : scale * g;
                    }
                }
            }
        });
    }

    @Override
    public void batchNormRunningUpdate(int count, double momentum, Tensor mean, Tensor var, Tensor runningMean,
            Tensor runningVar) {
        if (count < 2) {
            throw new IllegalArgumentException("batchNormRunningUpdate: needs at least 2 values per channel, got " + count);
        }
        CpuTensor tm = t(mean, 0, "batchNormRunningUpdate", "mean");
        int channels = tm.size();
        CpuTensor tv = t(var, channels, "batchNormRunningUpdate", "var");
        CpuTensor trm = t(runningMean, channels, "batchNormRunningUpdate", "runningMean");
        CpuTensor trv = t(runningVar, channels, "batchNormRunningUpdate", "runningVar");
        float keep = r(1 - momentum);
        float mo = r(momentum);
        float unbias = r((float) count / (count - 1));
        for (int c = 0; c < channels; c++) {
            int rm = trm.offset() + c;
            int rv = trv.offset() + c;
            trm.f()[rm] = keep * trm.f()[rm] + mo * tm.f()[tm.offset() + c];
            trv.f()[rv] = keep * trv.f()[rv] + mo * (tv.f()[tv.offset() + c] * unbias);
        }
    }

    // ---- loss ----------------------------------------------------------------------------------

    @Override
    public void softmaxCrossEntropy(int rows, int classes, Tensor logits, Tensor labels, double smoothing,
            Tensor losses, @Nullable Tensor dlogits) {
        positive("softmaxCrossEntropy", rows, classes);
        CpuTensor tz = t(logits, rows * classes, "softmaxCrossEntropy", "logits");
        CpuTensor ty = t(labels, rows, "softmaxCrossEntropy", "labels");
        CpuTensor tl = t(losses, rows, "softmaxCrossEntropy", "losses");
        CpuTensor td = dlogits == null ? null : t(dlogits, rows * classes, "softmaxCrossEntropy", "dlogits");
        float ls = r(smoothing);
        float hit = r(1 - smoothing);
        float spread = r(smoothing / classes);
        float[] zs = tz.f();
        for (int r = 0; r < rows; r++) {
            float label = ty.f()[ty.offset() + r];
            int y = (int) label;
            if (y != label || y < 0 || y >= classes) {
                throw new IllegalArgumentException("softmaxCrossEntropy: label " + label + " of row " + r
                        + " is not a class index in [0, " + classes + ")");
            }
            int o = tz.offset() + r * classes;
            float max = Float.NEGATIVE_INFINITY;
            double mean = 0;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, zs[o + j]);
                mean += zs[o + j];
            }
            double z = 0;
            for (int j = 0; j < classes; j++) {
                z += exp(zs[o + j] - max);
            }
            float zz = (float) z;
            float logSumExp = max + log(zz);
            float meanZ = (float) (mean / classes);
            tl.f()[tl.offset() + r] = logSumExp - hit * zs[o + y] - ls * meanZ;
            if (td != null) {
                float[] ds = td.f();
                int dOff = td.offset() + r * classes;
                for (int j = 0; j < classes; j++) {
                    float p = exp(zs[o + j] - max) / zz;
                    ds[dOff + j] = (p - (j == y ? hit : 0) - spread) / rows;
                }
            }
        }
    }

    // ---- optimizer -----------------------------------------------------------------------------

    @Override
    public void update(UpdateRule rule, long step, double learningRate, Tensor params, Tensor grads,
            List<Tensor> state) {
        if (step < 1) {
            throw new IllegalArgumentException("update: the step number is 1-based, got " + step);
        }
        CpuTensor tp = t(params, 0, "update", "params");
        int n = tp.size();
        CpuTensor tg = t(grads, n, "update", "grads");
        List<String> names = rule.stateArrays();
        if (state.size() != names.size()) {
            throw new IllegalArgumentException("update: " + rule.getClass().getSimpleName() + " takes the state arrays "
                    + names + ", got " + state.size() + " tensors");
        }
        CpuTensor[] s = new CpuTensor[names.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = t(state.get(i), n, "update", names.get(i));
        }
        float[] p = tp.f();
        float[] g = tg.f();
        int po = tp.offset();
        int go = tg.offset();
        switch (rule) {
        case UpdateRule.Sgd sgd -> sgd(sgd, step, learningRate, p, po, g, go, n, s);
        case UpdateRule.Adam adam -> adam(adam, step, learningRate, p, po, g, go, n, s);
        case UpdateRule.RmsProp rms -> rmsProp(rms, learningRate, p, po, g, go, n, s);
        case UpdateRule.Adagrad ada -> adagrad(ada, step, learningRate, p, po, g, go, n, s);
        case UpdateRule.Adadelta ada -> adadelta(ada, learningRate, p, po, g, go, n, s);
        }
    }

    private static void sgd(UpdateRule.Sgd rule, long step, double lr, float[] p, int po, float[] g, int go, int n,
            CpuTensor[] s) {
        float wd = r(rule.weightDecay());
        boolean decay = rule.weightDecay() != 0;
        boolean momentum = rule.momentum() != 0;
        float mu = r(rule.momentum());
        float damp = r(1 - rule.dampening());
        float minusLr = r(-lr);
        float[] b = momentum ? s[0].f() : g;
        int bo = momentum ? s[0].offset() : go;
        for (int i = 0; i < n; i++) {
            float d = decay ? g[go + i] + wd * p[po + i] : g[go + i];
            if (momentum) {
                float v = step == 1 ? d : b[bo + i] * mu + damp * d;
                b[bo + i] = v;
                d = rule.nesterov() ? d + mu * v : v;
            }
            p[po + i] = p[po + i] + minusLr * d;
        }
    }

    private static void adam(UpdateRule.Adam rule, long step, double lr, float[] p, int po, float[] g, int go,
            int n, CpuTensor[] s) {
        float[] m = s[0].f();
        float[] v = s[1].f();
        int mo = s[0].offset();
        int vo = s[1].offset();
        double bc1 = rule.biasCorrection() ? 1 - Math.pow(rule.beta1(), step) : 1;
        double bc2Sqrt = rule.biasCorrection() ? Math.sqrt(1 - Math.pow(rule.beta2(), step)) : 1;
        double stepSize = lr / bc1;
        float b1 = r(rule.beta1());
        float b2 = r(rule.beta2());
        float c1 = r(1 - rule.beta1());
        float c2 = r(1 - rule.beta2());
        float e = r(rule.eps());
        float minusStep = r(-stepSize);
        if (rule.plain()) {
            float inverse = r(1 / bc2Sqrt);
            for (int i = 0; i < n; i++) {
                float d = g[go + i];
                float mi = m[mo + i] * b1 + c1 * d;
                float vi = v[vo + i] * b2 + c2 * (d * d);
                m[mo + i] = mi;
                v[vo + i] = vi;
                p[po + i] = p[po + i] + minusStep * (mi / (sqrt(vi) * inverse + e));
            }
            return;
        }
        float[] vmax = rule.amsgrad() ? s[2].f() : v;
        int xo = rule.amsgrad() ? s[2].offset() : vo;
        float decay = r(1 - lr * rule.weightDecay());
        float wd = r(rule.weightDecay());
        boolean l2 = rule.weightDecay() != 0;
        float bc2 = r(bc2Sqrt);
        for (int i = 0; i < n; i++) {
            float d = g[go + i];
            if (rule.decoupled()) {
                p[po + i] = p[po + i] * decay;
            } else if (l2) {
                d = d + wd * p[po + i];
            }
            float mi = m[mo + i] * b1 + c1 * d;
            float vi = v[vo + i] * b2 + c2 * (d * d);
            m[mo + i] = mi;
            v[vo + i] = vi;
            float second = vi;
            if (rule.amsgrad()) {
                second = Math.max(vmax[xo + i], vi);
                vmax[xo + i] = second;
            }
            float denom = sqrt(second) / bc2 + e;
            p[po + i] = p[po + i] + minusStep * (mi / denom);
        }
    }

    private static void rmsProp(UpdateRule.RmsProp rule, double lr, float[] p, int po, float[] g, int go, int n,
            CpuTensor[] s) {
        float wd = r(rule.weightDecay());
        boolean decay = rule.weightDecay() != 0;
        float smoothingFactor = r(rule.alpha());
        float rest = r(1 - rule.alpha());
        float e = r(rule.eps());
        float mu = r(rule.momentum());
        boolean momentum = rule.momentum() > 0;
        float minusLr = r(-lr);
        float[] sq = s[0].f();
        int so = s[0].offset();
        float[] b = momentum ? s[1].f() : sq;
        int bo = momentum ? s[1].offset() : so;
        CpuTensor avgTensor = rule.centered() ? s[momentum ? 2 : 1] : s[0];
        float[] a = avgTensor.f();
        int ao = avgTensor.offset();
        for (int i = 0; i < n; i++) {
            float d = decay ? g[go + i] + wd * p[po + i] : g[go + i];
            float v = sq[so + i] * smoothingFactor + rest * (d * d);
            sq[so + i] = v;
            float avg;
            if (rule.centered()) {
                float ga = a[ao + i] * smoothingFactor + rest * d;
                a[ao + i] = ga;
                avg = sqrt(v - ga * ga) + e;
            } else {
                avg = sqrt(v) + e;
            }
            if (momentum) {
                float bi = b[bo + i] * mu + d / avg;
                b[bo + i] = bi;
                p[po + i] = p[po + i] + minusLr * bi;
            } else {
                p[po + i] = p[po + i] + minusLr * (d / avg);
            }
        }
    }

    private static void adagrad(UpdateRule.Adagrad rule, long step, double lr, float[] p, int po, float[] g, int go,
            int n, CpuTensor[] s) {
        float wd = r(rule.weightDecay());
        boolean decay = rule.weightDecay() != 0;
        float minusClr = r(-(lr / (1 + (step - 1) * rule.lrDecay())));
        float e = r(rule.eps());
        float[] sum = s[0].f();
        int so = s[0].offset();
        for (int i = 0; i < n; i++) {
            float d = decay ? g[go + i] + wd * p[po + i] : g[go + i];
            float acc = sum[so + i] + d * d;
            sum[so + i] = acc;
            p[po + i] = p[po + i] + minusClr * (d / (sqrt(acc) + e));
        }
    }

    private static void adadelta(UpdateRule.Adadelta rule, double lr, float[] p, int po, float[] g, int go, int n,
            CpuTensor[] s) {
        float wd = r(rule.weightDecay());
        boolean decay = rule.weightDecay() != 0;
        float rho = r(rule.rho());
        float rest = r(1 - rule.rho());
        float e = r(rule.eps());
        float minusLr = r(-lr);
        float[] sq = s[0].f();
        float[] acc = s[1].f();
        int so = s[0].offset();
        int ao = s[1].offset();
        for (int i = 0; i < n; i++) {
            float d = decay ? g[go + i] + wd * p[po + i] : g[go + i];
            float v = sq[so + i] * rho + rest * (d * d);
            sq[so + i] = v;
            float std = sqrt(v + e);
            float delta = sqrt(acc[ao + i] + e) / std * d;
            acc[ao + i] = acc[ao + i] * rho + rest * (delta * delta);
            p[po + i] = p[po + i] + minusLr * delta;
        }
    }

    // ---- entropic transport (Sinkhorn) ---------------------------------------------------------

    private static int matrix(String op, int rows, int cols) {
        positive(op, rows, cols);
        if ((long) rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + rows + " x " + cols + " values exceed 2^31");
        }
        return rows * cols;
    }

    @Override
    public void expScaled(double alpha, Tensor x, Tensor y) {
        CpuTensor tx = t(x, 0, "expScaled", "x");
        int n = tx.size();
        CpuTensor ty = t(y, n, "expScaled", "y");
        float a = r(alpha);
        float[] xs = tx.f();
        float[] ys = ty.f();
        int xo = tx.offset();
        int yo = ty.offset();
        device.parallel(device.parts(n, 16L * n), (part, parts) -> {
            for (int i = CpuDevice.start(n, part, parts), end = CpuDevice.start(n, part + 1, parts); i < end; i++) {
                ys[yo + i] = exp(xs[xo + i] * a);
            }
        });
    }

    @Override
    public void scaleRowsColumns(int rows, int cols, Tensor u, Tensor x, Tensor v, Tensor y) {
        String op = "scaleRowsColumns";
        int n = matrix(op, rows, cols);
        CpuTensor tu = t(u, rows, op, "u");
        CpuTensor tx = t(x, n, op, "x");
        CpuTensor tv = t(v, cols, op, "v");
        CpuTensor ty = t(y, n, op, "y");
        float[] us = tu.f();
        float[] xs = tx.f();
        float[] vs = tv.f();
        float[] ys = ty.f();
        device.parallel(device.parts(rows, 2L * n), (part, parts) -> {
            for (int i = CpuDevice.start(rows, part, parts); i < CpuDevice.start(rows, part + 1, parts); i++) {
                float ui = us[tu.offset() + i];
                int xr = tx.offset() + i * cols;
                int yr = ty.offset() + i * cols;
                int vo = tv.offset();
                for (int j = 0; j < cols; j++) {
                    ys[yr + j] = xs[xr + j] * (ui * vs[vo + j]);
                }
            }
        });
    }

    @Override
    public void expShifted(int rows, int cols, Tensor u, Tensor x, Tensor v, Tensor y) {
        String op = "expShifted";
        int n = matrix(op, rows, cols);
        CpuTensor tu = t(u, rows, op, "u");
        CpuTensor tx = t(x, n, op, "x");
        CpuTensor tv = t(v, cols, op, "v");
        CpuTensor ty = t(y, n, op, "y");
        float[] us = tu.f();
        float[] xs = tx.f();
        float[] vs = tv.f();
        float[] ys = ty.f();
        device.parallel(device.parts(rows, 16L * n), (part, parts) -> {
            for (int i = CpuDevice.start(rows, part, parts); i < CpuDevice.start(rows, part + 1, parts); i++) {
                float ui = us[tu.offset() + i];
                int xr = tx.offset() + i * cols;
                int yr = ty.offset() + i * cols;
                int vo = tv.offset();
                for (int j = 0; j < cols; j++) {
                    ys[yr + j] = exp(xs[xr + j] + ui + vs[vo + j]);
                }
            }
        });
    }

    /**
     * Rows are taken four at a time (their dot products share the loads of v, then their
     * contributions to w are added while they are in cache); the parts of a parallel step start at
     * multiples of four rows, so u has the same bits for every thread count and w is the sum of
     * the parts' column sums in part order.
     */
    @Override
    public void sinkhornStep(int rows, int cols, Tensor k, Tensor v, Tensor a, Tensor u, Tensor w) {
        String op = "sinkhornStep";
        int n = matrix(op, rows, cols);
        CpuTensor tk = t(k, n, op, "k");
        CpuTensor tv = t(v, cols, op, "v");
        CpuTensor ta = t(a, rows, op, "a");
        CpuTensor tu = t(u, rows, op, "u");
        CpuTensor tw = t(w, cols, op, "w");
        int blocks = (rows + 3) / 4;
        int parts = device.parts(blocks, 4L * n);
        float[] vs = tv.f();
        int vo = tv.offset();
        if (vo != 0) {
            vs = work(0, 0, cols);
            System.arraycopy(tv.f(), vo, vs, 0, cols);
        }
        float[] vv = vs;
        device.parallel(parts, (part, ps) -> {
            int i0 = Math.min(rows, 4 * CpuDevice.start(blocks, part, ps));
            int i1 = Math.min(rows, 4 * CpuDevice.start(blocks, part + 1, ps));
            float[] out = work(part, 1, cols);
            Arrays.fill(out, 0, cols, 0);
            scaleRows(tk.f(), tk.offset(), i0, i1, cols, ta.f(), ta.offset(), vv, tu.f(), tu.offset(), out);
        });
        float[] ws = tw.f();
        int wo = tw.offset();
        float[] first = work(0, 1, cols);
        for (int j = 0; j < cols; j++) {
            double s = first[j];
            for (int part = 1; part < parts; part++) {
                s += scratch[part][1][j];
            }
            ws[wo + j] = (float) s;
        }
    }

    /** Rows i0..i1 of {@link #sinkhornStep}: {@code u_i = a_i / Σ_j K_ij v_j}, {@code out_j += K_ij u_i}. */
    private static void scaleRows(float[] k, int ko, int i0, int i1, int m, float[] a, int ao, float[] v,
            float[] u, int uo, float[] out) {
        int i = i0;
        for (; i + 3 < i1; i += 4) {
            int row = ko + i * m;
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
                a0 += k[row + j] * v0;
                a1 += k[row + j + 1] * v1;
                b0 += k[r2 + j] * v0;
                b1 += k[r2 + j + 1] * v1;
                c0 += k[r3 + j] * v0;
                c1 += k[r3 + j + 1] * v1;
                d0 += k[r4 + j] * v0;
                d1 += k[r4 + j + 1] * v1;
            }
            if (j < m) {
                a0 += k[row + j] * v[j];
                b0 += k[r2 + j] * v[j];
                c0 += k[r3 + j] * v[j];
                d0 += k[r4 + j] * v[j];
            }
            float s1 = (float) (a[ao + i] / (a0 + a1));
            float s2 = (float) (a[ao + i + 1] / (b0 + b1));
            float s3 = (float) (a[ao + i + 2] / (c0 + c1));
            float s4 = (float) (a[ao + i + 3] / (d0 + d1));
            u[uo + i] = s1;
            u[uo + i + 1] = s2;
            u[uo + i + 2] = s3;
            u[uo + i + 3] = s4;
            for (j = 0; j < m; j++) {
                out[j] += (k[row + j] * s1 + k[r2 + j] * s2) + (k[r3 + j] * s3 + k[r4 + j] * s4);
            }
        }
        for (; i < i1; i++) {
            int row = ko + i * m;
            float s = (float) (a[ao + i] / dot8(k, row, v, m));
            u[uo + i] = s;
            for (int j = 0; j < m; j++) {
                out[j] += k[row + j] * s;
            }
        }
    }

    /** {@code Σ_j K[row + j]·v[j]} with eight partial sums. */
    private static double dot8(float[] k, int row, float[] v, int m) {
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
            s0 += k[row + j] * v[j];
            s1 += k[row + j + 1] * v[j + 1];
            s2 += k[row + j + 2] * v[j + 2];
            s3 += k[row + j + 3] * v[j + 3];
            s4 += k[row + j + 4] * v[j + 4];
            s5 += k[row + j + 5] * v[j + 5];
            s6 += k[row + j + 6] * v[j + 6];
            s7 += k[row + j + 7] * v[j + 7];
        }
        for (; j < m; j++) {
            s0 += k[row + j] * v[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public void logSumExp(boolean columns, int rows, int cols, Tensor x, Tensor add, Tensor out) {
        String op = "logSumExp";
        int n = matrix(op, rows, cols);
        CpuTensor tx = t(x, n, op, "x");
        CpuTensor ta = t(add, columns ? rows : cols, op, "add");
        CpuTensor to = t(out, columns ? cols : rows, op, "out");
        float[] xs = tx.f();
        float[] as = ta.f();
        float[] os = to.f();
        int xo = tx.offset();
        int ao = ta.offset();
        int oo = to.offset();
        if (columns) {
            // each part takes a range of columns through every row, in row order
            device.parallel(device.parts(cols, 20L * n), (part, parts) -> {
                int j0 = CpuDevice.start(cols, part, parts);
                int j1 = CpuDevice.start(cols, part + 1, parts);
                float[] mx = work(part, 2, cols);
                Arrays.fill(mx, j0, j1, Float.NEGATIVE_INFINITY);
                for (int i = 0; i < rows; i++) {
                    float ai = as[ao + i];
                    if (ai != Float.NEGATIVE_INFINITY) {
                        int row = xo + i * cols;
                        for (int j = j0; j < j1; j++) {
                            mx[j] = Math.max(mx[j], xs[row + j] + ai);
                        }
                    }
                }
                float[] sum = work(part, 3, cols);
                Arrays.fill(sum, j0, j1, 0);
                for (int i = 0; i < rows; i++) {
                    float ai = as[ao + i];
                    if (ai != Float.NEGATIVE_INFINITY) {
                        int row = xo + i * cols;
                        for (int j = j0; j < j1; j++) {
                            sum[j] += exp(xs[row + j] + ai - mx[j]);
                        }
                    }
                }
                for (int j = j0; j < j1; j++) {
                    os[oo + j] = mx[j] + log(sum[j]);
                }
            });
            return;
        }
        device.parallel(device.parts(rows, 20L * n), (part, parts) -> {
            for (int i = CpuDevice.start(rows, part, parts); i < CpuDevice.start(rows, part + 1, parts); i++) {
                int row = xo + i * cols;
                float mx = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < cols; j++) {
                    float aj = as[ao + j];
                    if (aj != Float.NEGATIVE_INFINITY) {
                        mx = Math.max(mx, xs[row + j] + aj);
                    }
                }
                if (mx == Float.NEGATIVE_INFINITY) {
                    os[oo + i] = mx;
                    continue;
                }
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    float aj = as[ao + j];
                    if (aj != Float.NEGATIVE_INFINITY) {
                        s += exp(xs[row + j] + aj - mx);
                    }
                }
                os[oo + i] = mx + (float) Math.log(s);
            }
        });
    }
}
