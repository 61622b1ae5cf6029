package org.descent.compute.opencl.internal;

import java.util.List;

import org.descent.compute.Activation;
import org.descent.compute.Conv2dShape;
import org.descent.compute.CounterRandom;
import org.descent.compute.Device;
import org.descent.compute.Ops;
import org.descent.compute.Pool2dShape;
import org.descent.compute.Tensor;
import org.descent.compute.UpdateRule;
import org.descent.core.Precision;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The operations as kernel launches (kernels/*.cl) on one OpenCL device in one precision. Tensors
 * stay on the device; nothing is copied to or from the host. Convolutions unfold the batch into
 * columns (im2col) on the device and multiply with the tiled GEMM kernel; the columns are
 * temporary buffers released as soon as the launches that use them are queued.
 */
final class ClOps implements Ops {

    private final OpenClDevice device;
    private final Precision precision;

    ClOps(OpenClDevice device, Precision precision) {
        this.device = device;
        this.precision = precision;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public Precision precision() {
        return precision;
    }

    private ClContext cl() {
        return device.context();
    }

    @Override
    public void finish() {
        cl().finish("finish");
    }

    // ---- checks and launches --------------------------------------------------------------------

    /** The tensor as this device's, in this precision, open, with at least {@code needed} values. */
    private ClTensor check(String op, String name, Tensor t, long needed) {
        if (!(t instanceof ClTensor c) || t.device() != device) {
            throw new IllegalArgumentException(op + ": " + name + " is a tensor of " + t.device().id() + ", not of "
                    + device.id());
        }
        if (t.precision() != precision) {
            throw new IllegalArgumentException(op + ": " + name + " is " + t.precision().id() + " in an "
                    + precision.id() + " operation");
        }
        if (c.closed()) {
            throw new IllegalArgumentException(op + ": " + name + " is closed");
        }
        if (t.size() < needed) {
            throw new IllegalArgumentException(op + ": " + name + " holds " + t.size() + " values, " + needed
                    + " are needed");
        }
        return c;
    }

    private @Nullable ClTensor checkOptional(String op, String name, @Nullable Tensor t, long needed) {
        return t == null ? null : check(op, name, t, needed);
    }

    /** An element-wise launch over n values. */
    private void each(String op, String kernel, long n, Object... args) {
        cl().launch(op, precision, kernel, new long[] { n }, null, args);
    }

    /** A launch of one work-group per channel (per-channel reductions). */
    private void perChannel(String op, String kernel, int channels, Object... args) {
        int group = cl().localSize();
        cl().launch(op, precision, kernel, new long[] { (long) channels * group }, new long[] { group }, args);
    }

    private Object orPlaceholder(@Nullable ClTensor t) {
        return t != null ? t : cl().placeholder(precision);
    }

    /** A work buffer (not zero-filled: every kernel that uses one writes it whole first). */
    private ClTensor scratch(long count, String op) {
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": a work buffer of " + count + " values is too large");
        }
        return new ClTensor(device, precision, cl().allocate(count, precision, false, op), 0, new int[] { (int) count },
                true);
    }

    // ---- element-wise -------------------------------------------------------------------------

    @Override
    public void fill(Tensor x, double value) {
        ClTensor cx = check("fill", "x", x, 0);
        each("fill", "fill", x.size(), cx, value, (long) x.size());
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        ClTensor s = check("copy", "src", src, 0);
        ClTensor d = check("copy", "dst", dst, src.size());
        each("copy", "copy", src.size(), s, d, (long) src.size());
    }

    @Override
    public void axpy(double alpha, Tensor x, Tensor y) {
        ClTensor cx = check("axpy", "x", x, 0);
        ClTensor cy = check("axpy", "y", y, x.size());
        each("axpy", "axpy", x.size(), alpha, cx, cy, (long) x.size());
    }

    @Override
    public void scale(double alpha, Tensor x) {
        ClTensor cx = check("scale", "x", x, 0);
        each("scale", "scale", x.size(), alpha, cx, (long) x.size());
    }

    @Override
    public void clip(double value, Tensor x) {
        ClTensor cx = check("clip", "x", x, 0);
        each("clip", "clip", x.size(), value, cx, (long) x.size());
    }

    @Override
    public void add(Tensor a, Tensor b, Tensor out) {
        addOrMul("add", false, a, b, out);
    }

    @Override
    public void mul(Tensor a, Tensor b, Tensor out) {
        addOrMul("mul", true, a, b, out);
    }

    private void addOrMul(String op, boolean product, Tensor a, Tensor b, Tensor out) {
        ClTensor ca = check(op, "a", a, 0);
        ClTensor cb = check(op, "b", b, a.size());
        ClTensor co = check(op, "out", out, a.size());
        each(op, "add_mul", a.size(), product, ca, cb, co, (long) a.size());
    }

    @Override
    public void addBias(Tensor y, Tensor bias, int rows, int channels, int spatial) {
        String op = "addBias";
        long n = positive(op, rows, channels, spatial);
        ClTensor cy = check(op, "y", y, n);
        ClTensor cb = check(op, "bias", bias, channels);
        each(op, "add_bias", n, cy, cb, rows, channels, spatial);
    }

    @Override
    public void biasGradient(Tensor dy, int rows, int channels, int spatial, Tensor db) {
        String op = "biasGradient";
        long n = positive(op, rows, channels, spatial);
        ClTensor cdy = check(op, "dy", dy, n);
        ClTensor cdb = check(op, "db", db, channels);
        perChannel(op, "channel_sum", channels, cdy, rows, channels, spatial, cdb);
    }

    private static long positive(String op, int rows, int channels, int spatial) {
        if (rows < 1 || channels < 1 || spatial < 1) {
            throw new IllegalArgumentException(op + ": rows " + rows + ", channels " + channels + ", spatial " + spatial
                    + " must be at least 1");
        }
        return (long) rows * channels * spatial;
    }

    @Override
    public void activation(Activation f, Tensor x, Tensor y) {
        String op = "activation " + f;
        ClTensor cx = check(op, "x", x, 0);
        ClTensor cy = check(op, "y", y, x.size());
        each(op, "activation_forward", x.size(), f.ordinal(), cx, cy, (long) x.size());
    }

    @Override
    public void activationBackward(Activation f, Tensor y, Tensor dy, Tensor dx) {
        String op = "activationBackward " + f;
        ClTensor cy = check(op, "y", y, 0);
        ClTensor cdy = check(op, "dy", dy, y.size());
        ClTensor cdx = check(op, "dx", dx, y.size());
        each(op, "activation_backward", y.size(), f.ordinal(), cy, cdy, cdx, (long) y.size());
    }

    @Override
    public void dropout(long seed, double rate, Tensor x, Tensor mask, Tensor y) {
        String op = "dropout";
        long threshold = CounterRandom.dropThreshold(rate);
        ClTensor cx = check(op, "x", x, 0);
        ClTensor cm = check(op, "mask", mask, x.size());
        ClTensor cy = check(op, "y", y, x.size());
        each(op, "dropout", x.size(), seed, threshold, 1 / (1 - rate), cx, cm, cy, (long) x.size());
    }

    // ---- reductions ---------------------------------------------------------------------------

    @Override
    public void sum(Tensor x, Tensor out) {
        reduce("sum", false, x, out);
    }

    @Override
    public void sumOfSquares(Tensor x, Tensor out) {
        reduce("sumOfSquares", true, x, out);
    }

    /** Two passes: each of up to 256 work-groups sums a strided slice, then one group sums their partials. */
    private void reduce(String op, boolean squares, Tensor x, Tensor out) {
        ClTensor cx = check(op, "x", x, 0);
        ClTensor co = check(op, "out", out, 1);
        int group = cl().localSize();
        int groups = (int) Math.max(1, Math.min(256, ((long) x.size() + group - 1) / group));
        try (ClTensor partial = scratch(groups, op)) {
            cl().launch(op, precision, "reduce_sum", new long[] { (long) groups * group }, new long[] { group }, squares,
                    cx, (long) x.size(), partial);
            cl().launch(op, precision, "reduce_sum", new long[] { group }, new long[] { group }, false, partial,
                    (long) groups, co);
        }
    }

    // ---- matrix products ----------------------------------------------------------------------

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, Tensor a, int lda, Tensor b,
            int ldb, double beta, Tensor c, int ldc) {
        gemmBatched(transA, transB, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc, 0, 1);
    }

    @Override
    public void gemmBatched(boolean transA, boolean transB, int m, int n, int k, double alpha, Tensor a, int lda,
            int strideA, Tensor b, int ldb, int strideB, double beta, Tensor c, int ldc, int strideC, int batch) {
        String op = "gemm " + m + "x" + n + "x" + k + (batch > 1 ? " (batch " + batch + ")" : "");
        if (m < 1 || n < 1 || k < 1 || batch < 1 || strideA < 0 || strideB < 0 || strideC < 0) {
            throw new IllegalArgumentException(op + ": sizes and the batch must be at least 1, strides at least 0");
        }
        if (lda < (transA ? m : k) || ldb < (transB ? k : n) || ldc < n) {
            throw new IllegalArgumentException(op + ": leading dimensions lda " + lda + ", ldb " + ldb + ", ldc " + ldc
                    + " are below the rows' lengths");
        }
        ClTensor ca = check(op, "a", a, (long) (batch - 1) * strideA + (long) ((transA ? k : m) - 1) * lda + (transA ? m : k));
        ClTensor cb = check(op, "b", b, (long) (batch - 1) * strideB + (long) ((transB ? n : k) - 1) * ldb + (transB ? k : n));
        ClTensor cc = check(op, "c", c, (long) (batch - 1) * strideC + (long) (m - 1) * ldc + n);
        gemm(op, transA, transB, m, n, k, alpha, ca, lda, strideA, cb, ldb, strideB, beta, cc, ldc, strideC, batch);
    }

    /** Queues the GEMM kernel: one work-group per GEMM_TS x GEMM_TS block of C, the batch in z. */
    private void gemm(String op, boolean ta, boolean tb, int m, int n, int k, double alpha, ClTensor a, int lda,
            long strideA, ClTensor b, int ldb, long strideB, double beta, ClTensor c, int ldc, long strideC, int batch) {
        KernelSource.Sizes s = cl().sizes();
        int tile = s.gemmTile();
        int threads = s.gemmThreads();
        long[] global = { (long) ((n + tile - 1) / tile) * threads, (long) ((m + tile - 1) / tile) * threads, batch };
        cl().launch(op, precision, "gemm", global, new long[] { threads, threads, 1 }, ta, tb, m, n, k, alpha, a, lda,
                strideA, b, ldb, strideB, beta, c, ldc, strideC);
    }

    /** {@code C = op(A) op(B)} on dense matrices. */
    private void product(String op, boolean ta, boolean tb, int m, int n, int k, ClTensor a, ClTensor b, ClTensor c) {
        gemm(op, ta, tb, m, n, k, 1.0, a, ta ? m : k, 0L, b, tb ? k : n, 0L, 0.0, c, n, 0L, 1);
    }

    // ---- convolution --------------------------------------------------------------------------

    @Override
    public void conv2dForward(Conv2dShape s, Tensor x, Tensor w, @Nullable Tensor bias, Tensor y) {
        String op = "conv2dForward";
        ClTensor cx = check(op, "x", x, s.inputSize());
        ClTensor cw = check(op, "w", w, s.weightSize());
        ClTensor cb = checkOptional(op, "bias", bias, s.outChannels());
        ClTensor cy = check(op, "y", y, s.outputSize());
        int positions = s.outHeight() * s.outWidth();
        long width = (long) s.batch() * positions;
        int cols = s.inChannels() * s.kernel() * s.kernel();
        try (ClTensor col = unfold(op, s, cx); ClTensor z = scratch(s.outChannels() * width, op)) {
            product(op, false, false, s.outChannels(), (int) width, cols, cw, col, z);
            each(op, "conv_out", s.outChannels() * width, z, orPlaceholder(cb), cb != null, cy, s.batch(),
                    s.outChannels(), positions);
        }
    }

    @Override
    public void conv2dBackwardData(Conv2dShape s, Tensor dy, Tensor w, Tensor dx) {
        String op = "conv2dBackwardData";
        ClTensor cdy = check(op, "dy", dy, s.outputSize());
        ClTensor cw = check(op, "w", w, s.weightSize());
        ClTensor cdx = check(op, "dx", dx, s.inputSize());
        long width = (long) s.batch() * s.outHeight() * s.outWidth();
        int cols = s.inChannels() * s.kernel() * s.kernel();
        try (ClTensor dz = gather(op, s, cdy); ClTensor dcol = scratch(cols * width, op)) {
            product(op, true, false, cols, (int) width, s.outChannels(), cw, dz, dcol);
            each(op, "col2im", s.inputSize(), dcol, cdx, s.batch(), s.inChannels(), s.height(), s.width(), s.kernel(),
                    s.stride(), s.padding(), s.outHeight(), s.outWidth());
        }
    }

    @Override
    public void conv2dBackwardFilter(Conv2dShape s, Tensor x, Tensor dy, Tensor dw, @Nullable Tensor dbias) {
        String op = "conv2dBackwardFilter";
        ClTensor cx = check(op, "x", x, s.inputSize());
        ClTensor cdy = check(op, "dy", dy, s.outputSize());
        ClTensor cdw = check(op, "dw", dw, s.weightSize());
        ClTensor cdb = checkOptional(op, "dbias", dbias, s.outChannels());
        int positions = s.outHeight() * s.outWidth();
        long width = (long) s.batch() * positions;
        int cols = s.inChannels() * s.kernel() * s.kernel();
        try (ClTensor col = unfold(op, s, cx); ClTensor dz = gather(op, s, cdy)) {
            int slices = slices(s.batch(), s.outChannels(), cols);
            if (slices == 1) {
                product(op, false, true, s.outChannels(), cols, (int) width, dz, col, cdw);
            } else {
                // split K: each slice of examples gives a partial dw (a batched product), then they are added
                long depth = (long) (s.batch() / slices) * positions;
                long size = (long) s.outChannels() * cols;
                try (ClTensor partial = scratch(slices * size, op)) {
                    gemm(op, false, true, s.outChannels(), cols, (int) depth, 1.0, dz, (int) width, depth, col,
                            (int) width, depth, 0.0, partial, cols, size, slices);
                    each(op, "sum_slices", size, partial, slices, size, cdw);
                }
            }
        }
        if (cdb != null) {
            perChannel(op, "channel_sum", s.outChannels(), cdy, s.batch(), s.outChannels(), positions, cdb);
        }
    }

    /**
     * How many slices of the batch the weight gradient's product is split into: a product of a
     * few filters by a few taps over every position of the batch has too few blocks of C to keep a
     * device busy, so the examples are split (a divisor of the batch) until there are at least
     * four work-groups per compute unit, as long as the partial products stay within 2^24 values.
     */
    private int slices(int batch, int rows, int cols) {
        int tile = cl().sizes().gemmTile();
        long blocks = (long) ((rows + tile - 1) / tile) * ((cols + tile - 1) / tile);
        long wanted = 4L * Math.max(2, device.computeUnits());
        int best = 1;
        for (int d = 1; d <= batch && (long) d * rows * cols <= 1 << 24; d++) {
            if (batch % d == 0) {
                best = d;
                if (blocks * d >= wanted) {
                    break;
                }
            }
        }
        return best;
    }

    /** The columns of x: cin k k rows by batch positions columns. */
    private ClTensor unfold(String op, Conv2dShape s, ClTensor x) {
        long count = (long) s.inChannels() * s.kernel() * s.kernel() * s.batch() * s.outHeight() * s.outWidth();
        ClTensor col = scratch(count, op);
        each(op, "im2col", count, x, col, s.batch(), s.inChannels(), s.height(), s.width(), s.kernel(), s.stride(),
                s.padding(), s.outHeight(), s.outWidth());
        return col;
    }

    /** dy rearranged as cout rows by batch positions columns. */
    private ClTensor gather(String op, Conv2dShape s, ClTensor dy) {
        ClTensor dz = scratch(s.outputSize(), op);
        each(op, "conv_grad_in", s.outputSize(), dy, dz, s.batch(), s.outChannels(), s.outHeight() * s.outWidth());
        return dz;
    }

    // ---- pooling ------------------------------------------------------------------------------

    @Override
    public void pool2dForward(Pool2dShape s, boolean max, Tensor x, Tensor y) {
        String op = max ? "pool2dForward (max)" : "pool2dForward (average)";
        ClTensor cx = check(op, "x", x, s.inputSize());
        ClTensor cy = check(op, "y", y, s.outputSize());
        each(op, "pool_forward", s.outputSize(), max, 1.0 / (s.kernel() * s.kernel()), cx, cy, s.batch() * s.channels(),
                s.height(), s.width(), s.kernel(), s.stride(), s.outHeight(), s.outWidth());
    }

    @Override
    public void pool2dBackward(Pool2dShape s, boolean max, Tensor x, Tensor dy, Tensor dx) {
        String op = max ? "pool2dBackward (max)" : "pool2dBackward (average)";
        ClTensor cx = check(op, "x", x, s.inputSize());
        ClTensor cdy = check(op, "dy", dy, s.outputSize());
        ClTensor cdx = check(op, "dx", dx, s.inputSize());
        each(op, "pool_backward", s.inputSize(), max, 1.0 / (s.kernel() * s.kernel()), cx, cdy, cdx,
                s.batch() * s.channels(), s.height(), s.width(), s.kernel(), s.stride(), s.outHeight(), s.outWidth());
    }

    @Override
    public void subsample(int batch, int channels, int height, int width, int outChannels, int outHeight, int outWidth,
            int stride, Tensor x, Tensor y) {
        String op = "subsample";
        checkSubsample(op, batch, channels, height, width, outChannels, outHeight, outWidth, stride);
        ClTensor cx = check(op, "x", x, (long) batch * channels * height * width);
        long out = (long) batch * outChannels * outHeight * outWidth;
        ClTensor cy = check(op, "y", y, out);
        each(op, "subsample", out, cx, cy, batch, channels, height, width, outChannels, outHeight, outWidth, stride);
    }

    @Override
    public void subsampleBackward(int batch, int channels, int height, int width, int outChannels, int outHeight,
            int outWidth, int stride, Tensor dy, Tensor dx) {
        String op = "subsampleBackward";
        checkSubsample(op, batch, channels, height, width, outChannels, outHeight, outWidth, stride);
        long out = (long) batch * outChannels * outHeight * outWidth;
        ClTensor cdy = check(op, "dy", dy, out);
        ClTensor cdx = check(op, "dx", dx, (long) batch * channels * height * width);
        each(op, "subsample_backward", out, cdy, cdx, batch, channels, height, width, outChannels, outHeight, outWidth,
                stride);
    }

    private static void checkSubsample(String op, int batch, int channels, int height, int width, int outChannels,
            int outHeight, int outWidth, int stride) {
        if (batch < 1 || channels < 1 || height < 1 || width < 1 || outChannels < channels || outHeight < 1
                || outWidth < 1 || stride < 1 || (long) (outHeight - 1) * stride >= height
                || (long) (outWidth - 1) * stride >= width) {
            throw new IllegalArgumentException(op + ": " + channels + "x" + height + "x" + width + " to " + outChannels
                    + "x" + outHeight + "x" + outWidth + " with stride " + stride + " (batch " + batch + ")");
        }
    }

    // ---- batch normalization ------------------------------------------------------------------

    @Override
    public void batchNormStatistics(int rows, int channels, int spatial, Tensor x, Tensor mean, Tensor var) {
        String op = "batchNormStatistics";
        long n = positive(op, rows, channels, spatial);
        ClTensor cx = check(op, "x", x, n);
        ClTensor cm = check(op, "mean", mean, channels);
        ClTensor cv = check(op, "var", var, channels);
        perChannel(op, "bn_statistics", channels, rows, channels, spatial, cx, cm, cv);
    }

    @Override
    public void batchNormForward(int rows, int channels, int spatial, Tensor x, Tensor mean, Tensor var, double eps,
            Tensor gamma, Tensor beta, Tensor xhat, Tensor y) {
        String op = "batchNormForward";
        long n = positive(op, rows, channels, spatial);
        ClTensor cx = check(op, "x", x, n);
        ClTensor cm = check(op, "mean", mean, channels);
        ClTensor cv = check(op, "var", var, channels);
        ClTensor cg = check(op, "gamma", gamma, channels);
        ClTensor cb = check(op, "beta", beta, channels);
        ClTensor ch = check(op, "xhat", xhat, n);
        ClTensor cy = check(op, "y", y, n);
        each(op, "bn_forward", n, rows, channels, spatial, cx, cm, cv, eps, cg, cb, ch, cy);
    }

    @Override
    public void batchNormBackward(int rows, int channels, int spatial, Tensor dy, Tensor xhat, Tensor var, double eps,
            Tensor gamma, boolean batchStatistics, @Nullable Tensor dx, Tensor dgamma, Tensor dbeta) {
        String op = "batchNormBackward";
        long n = positive(op, rows, channels, spatial);
        ClTensor cdy = check(op, "dy", dy, n);
        ClTensor ch = check(op, "xhat", xhat, n);
        ClTensor cv = check(op, "var", var, channels);
        ClTensor cg = check(op, "gamma", gamma, channels);
        ClTensor cdx = checkOptional(op, "dx", dx, n);
        ClTensor cdg = check(op, "dgamma", dgamma, channels);
        ClTensor cdb = check(op, "dbeta", dbeta, channels);
        perChannel(op, "bn_backward_sums", channels, rows, channels, spatial, cdy, ch, cdg, cdb);
        if (cdx != null) {
            each(op, "bn_backward_data", n, rows, channels, spatial, cdy, ch, cv, eps, cg, batchStatistics, cdg, cdb,
                    cdx);
        }
    }

    @Override
    public void batchNormRunningUpdate(int count, double momentum, Tensor mean, Tensor var, Tensor runningMean,
            Tensor runningVar) {
        String op = "batchNormRunningUpdate";
        if (count < 2) {
            throw new IllegalArgumentException(op + ": count " + count + " must be at least 2");
        }
        int channels = mean.size();
        ClTensor cm = check(op, "mean", mean, 0);
        ClTensor cv = check(op, "var", var, channels);
        ClTensor crm = check(op, "runningMean", runningMean, channels);
        ClTensor crv = check(op, "runningVar", runningVar, channels);
        each(op, "bn_running_update", channels, channels, 1 - momentum, momentum, (double) count / (count - 1), cm, cv,
                crm, crv);
    }

    // ---- loss ---------------------------------------------------------------------------------

    @Override
    public void softmaxCrossEntropy(int rows, int classes, Tensor logits, Tensor labels, double smoothing, Tensor losses,
            @Nullable Tensor dlogits) {
        String op = "softmaxCrossEntropy";
        if (rows < 1 || classes < 1) {
            throw new IllegalArgumentException(op + ": rows " + rows + " and classes " + classes + " must be at least 1");
        }
        ClTensor cz = check(op, "logits", logits, (long) rows * classes);
        ClTensor cl = check(op, "labels", labels, rows);
        ClTensor closs = check(op, "losses", losses, rows);
        ClTensor cg = checkOptional(op, "dlogits", dlogits, (long) rows * classes);
        each(op, "softmax_cross_entropy", rows, rows, classes, cz, cl, smoothing, 1 - smoothing, smoothing / classes,
                closs, cg != null, orPlaceholder(cg));
    }

    // ---- optimizer ----------------------------------------------------------------------------

    @Override
    public void update(UpdateRule rule, long step, double learningRate, Tensor params, Tensor grads, List<Tensor> state) {
        String op = "update " + rule.getClass().getSimpleName();
        if (step < 1) {
            throw new IllegalArgumentException(op + ": step " + step + " must be at least 1");
        }
        List<String> names = rule.stateArrays();
        if (state.size() != names.size()) {
            throw new IllegalArgumentException(op + ": " + state.size() + " state tensors given, the rule has "
                    + names.size() + " " + names);
        }
        long n = params.size();
        ClTensor p = check(op, "params", params, 0);
        ClTensor g = check(op, "grads", grads, n);
        ClTensor[] s = new ClTensor[names.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = check(op, names.get(i), state.get(i), n);
        }
        switch (rule) {
        case UpdateRule.Sgd r -> each(op, "sgd", n, p, g, orPlaceholder(r.momentum() != 0 ? s[0] : null),
                r.weightDecay(), r.momentum(), 1 - r.dampening(), r.nesterov(), step == 1, -learningRate, n);
        case UpdateRule.Adam r -> {
            double bc1 = r.biasCorrection() ? 1 - Math.pow(r.beta1(), step) : 1;
            double bc2Sqrt = r.biasCorrection() ? Math.sqrt(1 - Math.pow(r.beta2(), step)) : 1;
            each(op, "adam", n, p, g, s[0], s[1], orPlaceholder(r.amsgrad() ? s[2] : null), r.plain(), r.decoupled(),
                    r.amsgrad(), r.beta1(), 1 - r.beta1(), r.beta2(), 1 - r.beta2(), r.eps(), r.weightDecay(),
                    1 - learningRate * r.weightDecay(), bc2Sqrt, 1 / bc2Sqrt, -(learningRate / bc1), n);
        }
        case UpdateRule.RmsProp r -> {
            ClTensor buf = r.momentum() > 0 ? s[1] : null;
            ClTensor avg = r.centered() ? s[r.momentum() > 0 ? 2 : 1] : null;
            each(op, "rmsprop", n, p, g, s[0], orPlaceholder(buf), orPlaceholder(avg), r.weightDecay(), r.alpha(),
                    1 - r.alpha(), r.eps(), r.momentum(), r.centered(), -learningRate, n);
        }
        case UpdateRule.Adagrad r -> each(op, "adagrad", n, p, g, s[0], r.weightDecay(), r.eps(),
                -(learningRate / (1 + (step - 1) * r.lrDecay())), n);
        case UpdateRule.Adadelta r -> each(op, "adadelta", n, p, g, s[0], s[1], r.weightDecay(), r.rho(), 1 - r.rho(),
                r.eps(), -learningRate, n);
        }
    }

    // ---- entropic transport (Sinkhorn) ----------------------------------------------------------

    private static long matrix(String op, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(op + ": rows " + rows + " and cols " + cols + " must be at least 1");
        }
        return (long) rows * cols;
    }

    @Override
    public void expScaled(double alpha, Tensor x, Tensor y) {
        ClTensor cx = check("expScaled", "x", x, 0);
        ClTensor cy = check("expScaled", "y", y, x.size());
        each("expScaled", "exp_scaled", x.size(), alpha, cx, cy, (long) x.size());
    }

    @Override
    public void scaleRowsColumns(int rows, int cols, Tensor u, Tensor x, Tensor v, Tensor y) {
        scaleOrShift("scaleRowsColumns", false, rows, cols, u, x, v, y);
    }

    @Override
    public void expShifted(int rows, int cols, Tensor u, Tensor x, Tensor v, Tensor y) {
        scaleOrShift("expShifted", true, rows, cols, u, x, v, y);
    }

    private void scaleOrShift(String op, boolean shifted, int rows, int cols, Tensor u, Tensor x, Tensor v, Tensor y) {
        long n = matrix(op, rows, cols);
        ClTensor cu = check(op, "u", u, rows);
        ClTensor cx = check(op, "x", x, n);
        ClTensor cv = check(op, "v", v, cols);
        ClTensor cy = check(op, "y", y, n);
        each(op, "scale_rows_columns", n, shifted, cu, cx, cv, cy, rows, cols);
    }

    @Override
    public void sinkhornStep(int rows, int cols, Tensor k, Tensor v, Tensor a, Tensor u, Tensor w) {
        String op = "sinkhornStep";
        long n = matrix(op, rows, cols);
        ClTensor ck = check(op, "k", k, n);
        ClTensor cv = check(op, "v", v, cols);
        ClTensor ca = check(op, "a", a, rows);
        ClTensor cu = check(op, "u", u, rows);
        ClTensor cw = check(op, "w", w, cols);
        perChannel(op, "sinkhorn_rows", rows, ck, cv, ca, cu, cols);
        each(op, "sinkhorn_columns", cols, ck, cu, cw, rows, cols);
    }

    @Override
    public void logSumExp(boolean columns, int rows, int cols, Tensor x, Tensor add, Tensor out) {
        String op = "logSumExp";
        long n = matrix(op, rows, cols);
        ClTensor cx = check(op, "x", x, n);
        ClTensor ca = check(op, "add", add, columns ? rows : cols);
        ClTensor co = check(op, "out", out, columns ? cols : rows);
        if (columns) {
            each(op, "logsumexp_columns", cols, cx, ca, co, rows, cols);
        } else {
            perChannel(op, "logsumexp_rows", rows, cx, ca, co, cols);
        }
    }
}
