package org.descent.compute.opencl.internal;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The operations as kernel launches on one device, on buffers of one precision ({@code real}:
 * {@link Element#FLOAT} or {@link Element#DOUBLE}). Shapes follow the CPU layers: images
 * {@code n x channels x h x w} row-major, matrices row-major, convolution weights
 * {@code [out][in][k][k]}. Nothing here copies to or from the host except {@link #reduce}, which
 * returns one number.
 */
public final class ClOps {

    /** Activations, numbered as the {@code ACT_*} constants of activation.cl. */
    public enum Activation {
        IDENTITY, RELU, LEAKY_RELU, TANH, SIGMOID, ELU, SOFTPLUS, GELU
    }

    /** Reductions, numbered as the {@code REDUCE_*} constants of reduce.cl. */
    public enum Reduction {
        SUM, SUM_SQUARES, MAX_ABS, DOT, MAX
    }

    /** Element-wise binary operations, numbered as the {@code BINARY_*} constants of elementwise.cl. */
    public enum Binary {
        ADD, SUB, MUL, DIV
    }

    /**
     * A convolution's geometry: {@code n} images of {@code cin x h x w}, {@code cout} filters of
     * {@code k x k}, stride and zero padding.
     */
    public record Conv(int n, int cin, int h, int w, int cout, int k, int stride, int pad) {

        public Conv {
            if (n <= 0 || cin <= 0 || h <= 0 || w <= 0 || cout <= 0 || k <= 0 || stride <= 0 || pad < 0
                    || h + 2 * pad < k || w + 2 * pad < k) {
                throw new IllegalArgumentException("convolution: a " + k + "x" + k + " kernel, stride " + stride
                        + ", padding " + pad + " on " + n + " images of " + cin + "x" + h + "x" + w);
            }
        }

        public int oh() {
            return (h + 2 * pad - k) / stride + 1;
        }

        public int ow() {
            return (w + 2 * pad - k) / stride + 1;
        }

        /** Rows of the unfolded columns: {@code cin k k}. */
        public int cols() {
            return cin * k * k;
        }

        public long positions() {
            return (long) oh() * ow();
        }
    }

    private final ClDevice device;
    private final Element real;

    public ClOps(ClDevice device, Element real) {
        if (real == Element.INT) {
            throw new IllegalArgumentException("operations compute in float or double, not int");
        }
        this.device = device;
        this.real = real;
    }

    public ClDevice device() {
        return device;
    }

    public Element real() {
        return real;
    }

    /** A buffer of this precision. */
    public ClBuffer allocate(long count, String operation) {
        return device.allocate(count, real, operation);
    }

    private void check(String operation, ClBuffer buffer, long needed) {
        if (buffer.device() != device) {
            throw new IllegalArgumentException(operation + ": a buffer of " + buffer.device().info().id()
                    + " used on " + device.info().id());
        }
        if (buffer.element() != real && buffer.element() != Element.INT) {
            throw new IllegalArgumentException(operation + ": a " + buffer.element().type() + " buffer in a "
                    + real.type() + " operation");
        }
        if (buffer.count() < needed) {
            throw new IllegalArgumentException(operation + ": a buffer of " + buffer.count() + " values where "
                    + needed + " are needed");
        }
    }

    private void run1(String operation, String kernel, long n, Object... args) {
        device.launch(operation, real, kernel, new long[] { n }, null, args);
    }

    // ---- GEMM ---------------------------------------------------------------------------------

    /**
     * {@code C[i] = alpha op(A[i]) op(B[i]) + beta C[i]} for {@code i < batch}, row-major, with
     * offsets, leading dimensions and batch strides (0: the same matrix for every entry).
     */
    public void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, ClBuffer a, long aOff, int lda,
            long strideA, ClBuffer b, long bOff, int ldb, long strideB, double beta, ClBuffer c, long cOff, int ldc,
            long strideC, int batch) {
        String op = "gemm " + m + "x" + n + "x" + k + (batch > 1 ? " batch " + batch : "");
        if (m <= 0 || n <= 0 || k <= 0 || batch <= 0) {
            throw new IllegalArgumentException(op + ": sizes must be positive");
        }
        check(op, a, aOff + (batch - 1) * strideA + (long) ((ta ? k : m) - 1) * lda + (ta ? m : k));
        check(op, b, bOff + (batch - 1) * strideB + (long) ((tb ? n : k) - 1) * ldb + (tb ? k : n));
        check(op, c, cOff + (batch - 1) * strideC + (long) (m - 1) * ldc + n);
        KernelSource.Sizes s = device.sizes();
        int tile = s.gemmTile();
        int rows = tile / s.gemmWorkPerItem();
        long[] global = { (long) ((n + tile - 1) / tile) * tile, (long) ((m + tile - 1) / tile) * rows, batch };
        device.launch(op, real, "gemm", global, new long[] { tile, rows, 1 }, ta, tb, m, n, k, alpha, a, aOff, lda,
                strideA, b, bOff, ldb, strideB, beta, c, cOff, ldc, strideC);
    }

    /** {@code C = alpha op(A) op(B) + beta C}, dense row-major matrices. */
    public void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, ClBuffer a, ClBuffer b, double beta,
            ClBuffer c) {
        gemm(ta, tb, m, n, k, alpha, a, 0, ta ? m : k, 0, b, 0, tb ? k : n, 0, beta, c, 0, n, 0, 1);
    }

    // ---- Convolution --------------------------------------------------------------------------

    /** {@code y = conv(x, w) + bias}: x {@code n x cin x h x w}, y {@code n x cout x oh x ow}. */
    public void conv2dForward(Conv g, ClBuffer x, ClBuffer w, @Nullable ClBuffer bias, ClBuffer y) {
        String op = "conv2d forward";
        long width = g.n() * g.positions();
        check(op, x, (long) g.n() * g.cin() * g.h() * g.w());
        check(op, w, (long) g.cout() * g.cols());
        check(op, y, g.cout() * width);
        if (bias != null) {
            check(op, bias, g.cout());
        }
        try (ClBuffer col = unfold(op, g, x); ClBuffer z = allocate(g.cout() * width, op)) {
            gemm(false, false, g.cout(), (int) width, g.cols(), 1, w, col, 0, z);
            run1(op, "conv_out", g.cout() * width, z, bias != null ? bias : device.placeholder(real), bias != null, y,
                    g.n(), g.cout(), (int) g.positions());
        }
    }

    /** {@code dx = conv2d}'s adjoint in x applied to dy. */
    public void conv2dBackwardData(Conv g, ClBuffer dy, ClBuffer w, ClBuffer dx) {
        String op = "conv2d backward data";
        long width = g.n() * g.positions();
        check(op, dy, g.cout() * width);
        check(op, w, (long) g.cout() * g.cols());
        check(op, dx, (long) g.n() * g.cin() * g.h() * g.w());
        try (ClBuffer dz = gather(op, g, dy); ClBuffer dcol = allocate(g.cols() * width, op)) {
            gemm(true, false, g.cols(), (int) width, g.cout(), 1, w, dz, 0, dcol);
            run1(op, "col2im", (long) g.n() * g.cin() * g.h() * g.w(), dcol, dx, g.n(), g.cin(), g.h(), g.w(), g.k(),
                    g.stride(), g.pad(), g.oh(), g.ow());
        }
    }

    /** {@code dw = sum over the batch of dy x patches^T} (overwritten); {@code dbias} the sums of dy per filter. */
    public void conv2dBackwardFilter(Conv g, ClBuffer x, ClBuffer dy, ClBuffer dw, @Nullable ClBuffer dbias) {
        String op = "conv2d backward filter";
        long width = g.n() * g.positions();
        check(op, x, (long) g.n() * g.cin() * g.h() * g.w());
        check(op, dy, g.cout() * width);
        check(op, dw, (long) g.cout() * g.cols());
        try (ClBuffer col = unfold(op, g, x); ClBuffer dz = gather(op, g, dy)) {
            gemm(false, true, g.cout(), g.cols(), (int) width, 1, dz, col, 0, dw);
        }
        if (dbias != null) {
            check(op, dbias, g.cout());
            channelSum(dy, dbias, g.n(), g.cout(), (int) g.positions());
        }
    }

    private ClBuffer unfold(String op, Conv g, ClBuffer x) {
        long count = g.cols() * g.n() * g.positions();
        ClBuffer col = allocate(count, op);
        run1(op, "im2col", count, x, col, g.n(), g.cin(), g.h(), g.w(), g.k(), g.stride(), g.pad(), g.oh(), g.ow());
        return col;
    }

    private ClBuffer gather(String op, Conv g, ClBuffer dy) {
        long count = g.cout() * g.n() * g.positions();
        ClBuffer dz = allocate(count, op);
        run1(op, "conv_grad_in", count, dy, dz, g.n(), g.cout(), (int) g.positions());
        return dz;
    }

    // ---- Pooling ------------------------------------------------------------------------------

    /** Max pooling of {@code planes} (= n c) planes h x w by k x k windows, stride s; argmax: int buffer. */
    public void maxPoolForward(ClBuffer x, ClBuffer y, ClBuffer argmax, int planes, int h, int w, int k, int s) {
        String op = "max pool forward";
        int oh = pooled(op, h, k, s);
        int ow = pooled(op, w, k, s);
        check(op, x, (long) planes * h * w);
        check(op, y, (long) planes * oh * ow);
        checkInts(op, argmax, (long) planes * oh * ow);
        run1(op, "maxpool_forward", (long) planes * oh * ow, x, y, argmax, planes, h, w, k, s, oh, ow);
    }

    public void maxPoolBackward(ClBuffer dy, ClBuffer argmax, ClBuffer dx, int planes, int h, int w, int k, int s) {
        String op = "max pool backward";
        int oh = pooled(op, h, k, s);
        int ow = pooled(op, w, k, s);
        check(op, dy, (long) planes * oh * ow);
        checkInts(op, argmax, (long) planes * oh * ow);
        check(op, dx, (long) planes * h * w);
        run1(op, "maxpool_backward", (long) planes * h * w, dy, argmax, dx, planes, h, w, k, s, oh, ow);
    }

    public void avgPoolForward(ClBuffer x, ClBuffer y, int planes, int h, int w, int k, int s) {
        String op = "average pool forward";
        int oh = pooled(op, h, k, s);
        int ow = pooled(op, w, k, s);
        check(op, x, (long) planes * h * w);
        check(op, y, (long) planes * oh * ow);
        run1(op, "avgpool_forward", (long) planes * oh * ow, x, y, planes, h, w, k, s, oh, ow);
    }

    public void avgPoolBackward(ClBuffer dy, ClBuffer dx, int planes, int h, int w, int k, int s) {
        String op = "average pool backward";
        int oh = pooled(op, h, k, s);
        int ow = pooled(op, w, k, s);
        check(op, dy, (long) planes * oh * ow);
        check(op, dx, (long) planes * h * w);
        run1(op, "avgpool_backward", (long) planes * h * w, dy, dx, planes, h, w, k, s, oh, ow);
    }

    private static int pooled(String op, int size, int k, int s) {
        if (k <= 0 || s <= 0 || size < k) {
            throw new IllegalArgumentException(op + ": a " + k + "x" + k + " window, stride " + s + ", on a side of " + size);
        }
        return (size - k) / s + 1;
    }

    private void checkInts(String op, ClBuffer b, long needed) {
        if (b.element() != Element.INT) {
            throw new IllegalArgumentException(op + ": the argmax buffer holds " + b.element().type() + ", not int");
        }
        check(op, b, needed);
    }

    // ---- Batch normalisation ------------------------------------------------------------------

    /** Per-channel mean and biased variance of {@code n x channels x positions} values. */
    public void batchNormStats(ClBuffer x, ClBuffer mean, ClBuffer var, int n, int channels, int positions) {
        String op = "batch-norm statistics";
        check(op, x, (long) n * channels * positions);
        check(op, mean, channels);
        check(op, var, channels);
        device.launch(op, real, "bn_stats", new long[] { (long) channels * device.localSize() },
                new long[] { device.localSize() }, x, mean, var, n, channels, positions);
    }

    /** {@code y = gamma (x - mean) / sqrt(var + eps) + beta}. */
    public void batchNormForward(ClBuffer x, ClBuffer y, ClBuffer mean, ClBuffer var, ClBuffer gamma, ClBuffer beta,
            double eps, int n, int channels, int positions) {
        String op = "batch-norm forward";
        long count = (long) n * channels * positions;
        check(op, x, count);
        check(op, y, count);
        for (ClBuffer b : new ClBuffer[] { mean, var, gamma, beta }) {
            check(op, b, channels);
        }
        run1(op, "bn_forward", count, x, y, mean, var, gamma, beta, eps, n, channels, positions);
    }

    /** The backward pass with batch statistics: dx, and dgamma, dbeta (overwritten). */
    public void batchNormBackward(ClBuffer x, ClBuffer dy, ClBuffer mean, ClBuffer var, ClBuffer gamma, double eps,
            ClBuffer dx, ClBuffer dgamma, ClBuffer dbeta, int n, int channels, int positions) {
        String op = "batch-norm backward";
        long count = (long) n * channels * positions;
        check(op, x, count);
        check(op, dy, count);
        check(op, dx, count);
        for (ClBuffer b : new ClBuffer[] { mean, var, gamma, dgamma, dbeta }) {
            check(op, b, channels);
        }
        device.launch(op, real, "bn_backward_reduce", new long[] { (long) channels * device.localSize() },
                new long[] { device.localSize() }, x, dy, mean, var, eps, dgamma, dbeta, n, channels, positions);
        run1(op, "bn_backward_data", count, x, dy, dx, mean, var, gamma, dgamma, dbeta, eps, n, channels, positions);
    }

    // ---- Activations, element-wise ------------------------------------------------------------

    public void activationForward(Activation kind, double alpha, ClBuffer x, ClBuffer y, long n) {
        String op = "activation " + kind.name().toLowerCase(java.util.Locale.ROOT);
        check(op, x, n);
        check(op, y, n);
        run1(op, "activation_forward", n, kind.ordinal(), alpha, x, y, n);
    }

    /** {@code dx = dy f'(x)}, from the input x and output y of the forward pass. */
    public void activationBackward(Activation kind, double alpha, ClBuffer x, ClBuffer y, ClBuffer dy, ClBuffer dx,
            long n) {
        String op = "activation " + kind.name().toLowerCase(java.util.Locale.ROOT) + " backward";
        for (ClBuffer b : new ClBuffer[] { x, y, dy, dx }) {
            check(op, b, n);
        }
        run1(op, "activation_backward", n, kind.ordinal(), alpha, x, y, dy, dx, n);
    }

    public void fill(ClBuffer y, double value, long n) {
        check("fill", y, n);
        run1("fill", "fill", n, y, value, n);
    }

    /** {@code y = a x + b y} (b = 0: y is overwritten without being read). */
    public void axpby(double a, ClBuffer x, double b, ClBuffer y, long n) {
        check("axpby", x, n);
        check("axpby", y, n);
        run1("axpby", "axpby", n, a, x, b, y, n);
    }

    public void scale(ClBuffer y, double a, long n) {
        check("scale", y, n);
        run1("scale", "scale", n, y, a, n);
    }

    /** {@code z = x op y}. */
    public void binary(Binary op, ClBuffer x, ClBuffer y, ClBuffer z, long n) {
        String name = op.name().toLowerCase(java.util.Locale.ROOT);
        check(name, x, n);
        check(name, y, n);
        check(name, z, n);
        run1(name, "binary", n, op.ordinal(), x, y, z, n);
    }

    /** {@code y[b][c][q] += bias[c]}. */
    public void addBias(ClBuffer y, ClBuffer bias, int n, int channels, int positions) {
        check("add bias", y, (long) n * channels * positions);
        check("add bias", bias, channels);
        run1("add bias", "add_bias", (long) n * channels * positions, y, bias, n, channels, positions);
    }

    /** {@code sum[c]} = the sum over the batch and positions of channel c (bias gradients). */
    public void channelSum(ClBuffer x, ClBuffer sum, int n, int channels, int positions) {
        check("channel sum", x, (long) n * channels * positions);
        check("channel sum", sum, channels);
        device.launch("channel sum", real, "channel_sum", new long[] { (long) channels * device.localSize() },
                new long[] { device.localSize() }, x, sum, n, channels, positions);
    }

    // ---- Losses, reductions, dropout ----------------------------------------------------------

    /**
     * Softmax cross-entropy of {@code rows x classes} logits with int labels: {@code loss[r]} per row
     * and {@code grad = scale (softmax - onehot)}.
     */
    public void softmaxCrossEntropy(ClBuffer logits, ClBuffer labels, ClBuffer loss, ClBuffer grad, double scale,
            int rows, int classes) {
        String op = "softmax cross-entropy";
        check(op, logits, (long) rows * classes);
        if (labels.element() != Element.INT) {
            throw new IllegalArgumentException(op + ": the labels are " + labels.element().type() + ", not int");
        }
        check(op, labels, rows);
        check(op, loss, rows);
        check(op, grad, (long) rows * classes);
        run1(op, "softmax_cross_entropy", rows, logits, labels, loss, grad, scale, rows, classes);
    }

    /** A reduction of n values (a dot product with u), read back to the host. */
    public double reduce(Reduction kind, ClBuffer x, @Nullable ClBuffer u, long n) {
        String op = "reduce " + kind.name().toLowerCase(java.util.Locale.ROOT);
        check(op, x, n);
        if (kind == Reduction.DOT) {
            if (u == null) {
                throw new IllegalArgumentException(op + ": a dot product needs a second vector");
            }
            check(op, u, n);
        }
        int group = device.localSize();
        int groups = (int) Math.max(1, Math.min(256, (n + group - 1) / group));
        ClBuffer other = u != null ? u : device.placeholder(real);
        try (ClBuffer partial = allocate(groups, op); ClBuffer total = allocate(1, op)) {
            device.launch(op, real, "reduce_partial", new long[] { (long) groups * group }, new long[] { group },
                    kind.ordinal(), x, other, n, partial);
            Reduction second = kind == Reduction.SUM_SQUARES || kind == Reduction.DOT ? Reduction.SUM
                    : kind == Reduction.MAX_ABS ? Reduction.MAX : kind;
            device.launch(op, real, "reduce_partial", new long[] { group }, new long[] { group }, second.ordinal(),
                    partial, other, (long) groups, total);
            double[] result = new double[1];
            device.read(total, result, 0, 1, op);
            return result[0];
        }
    }

    /**
     * Inverted dropout with the masks of {@code SplitMix64(state)}: value i is dropped when the
     * stream's (i+1)-th uniform draw is below {@code rate}; kept values are scaled by 1/(1-rate).
     */
    public void dropout(long state, double rate, ClBuffer x, ClBuffer y, ClBuffer mask, long n) {
        String op = "dropout";
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(op + ": rate " + rate + " is not in [0, 1)");
        }
        check(op, x, n);
        check(op, y, n);
        check(op, mask, n);
        long threshold = (long) Math.ceil(rate * 0x1p53);
        run1(op, "dropout", n, state, threshold, 1 / (1 - rate), x, y, mask, n);
    }

    // ---- Optimizer updates --------------------------------------------------------------------

    /** SGD (momentum, dampening, Nesterov, L2 decay); {@code first}: the momentum buffer's first step. */
    public void sgd(ClBuffer p, ClBuffer g, @Nullable ClBuffer buf, double rate, double momentum, double dampening,
            double decay, boolean nesterov, boolean first, long n) {
        checkAll("sgd", n, p, g, buf);
        if (momentum != 0 && buf == null) {
            throw new IllegalArgumentException("sgd: momentum needs a buffer");
        }
        run1("sgd", "sgd", n, p, g, orPlaceholder(buf), rate, momentum, dampening, decay, nesterov, first, n);
    }

    /** Adam/AdamW/AMSGrad at step t (from 1). */
    public void adam(ClBuffer p, ClBuffer g, ClBuffer m, ClBuffer v, @Nullable ClBuffer vmax, double rate, double beta1,
            double beta2, double eps, double decay, boolean decoupled, boolean biasCorrection, long t, long n) {
        checkAll("adam", n, p, g, m, v, vmax);
        double bc1 = biasCorrection ? 1 - Math.pow(beta1, t) : 1;
        double bc2Sqrt = biasCorrection ? Math.sqrt(1 - Math.pow(beta2, t)) : 1;
        run1("adam", "adam", n, p, g, m, v, orPlaceholder(vmax), rate, rate / bc1, bc2Sqrt, beta1, beta2, eps, decay,
                decoupled, vmax != null, n);
    }

    /** RMSProp (centered with gradAvg, momentum with buf). */
    public void rmsprop(ClBuffer p, ClBuffer g, ClBuffer square, @Nullable ClBuffer gradAvg, @Nullable ClBuffer buf,
            double rate, double alpha, double eps, double decay, double momentum, long n) {
        checkAll("rmsprop", n, p, g, square, gradAvg, buf);
        if (momentum > 0 && buf == null) {
            throw new IllegalArgumentException("rmsprop: momentum needs a buffer");
        }
        run1("rmsprop", "rmsprop", n, p, g, square, orPlaceholder(gradAvg), orPlaceholder(buf), rate, alpha, eps, decay,
                momentum, gradAvg != null, n);
    }

    /** Adagrad at step t (from 1), the rate decayed to rate / (1 + (t-1) lrDecay). */
    public void adagrad(ClBuffer p, ClBuffer g, ClBuffer sum, double rate, double lrDecay, double eps, double decay,
            long t, long n) {
        checkAll("adagrad", n, p, g, sum);
        run1("adagrad", "adagrad", n, p, g, sum, rate / (1 + (t - 1) * lrDecay), eps, decay, n);
    }

    private void checkAll(String op, long n, @Nullable ClBuffer... buffers) {
        for (ClBuffer b : buffers) {
            if (b != null) {
                check(op, b, n);
            }
        }
    }

    private ClBuffer orPlaceholder(@Nullable ClBuffer b) {
        return b != null ? b : device.placeholder(real);
    }
}
