package org.descent.models.internal.layers;

import java.util.Arrays;
import java.util.List;

import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A 2-D convolution as {@code nn.Conv2d} (cross-correlation, zero padding, square kernel and
 * stride): weights {@code [out][in][k][k]}, optional bias. The batch is unfolded into one matrix
 * of columns (im2col, {@code in·k·k} rows by {@code n·positions} columns), so each pass is one
 * matrix product per layer; the columns live in work memory shared by the evaluator's layers and
 * are unfolded again in the backward pass rather than kept.
 */
public final class Conv2d extends Layer {

    final int cin;
    final int cout;
    final int k;
    final int stride;
    final int pad;
    final boolean bias;
    private final Init init;
    private final Gemm gemm;
    private final int cols;
    private final int positions;
    private double[] part = new double[0];
    private double[] rOut = new double[0];
    private double[] rIn = new double[0];
    private double[] rGradient = new double[0];

    public Conv2d(String name, Shape in, int cout, int k, int stride, int pad, boolean bias, Init init, Gemm gemm) {
        super(name, "conv2d", in, new Shape(cout, (in.h() + 2 * pad - k) / stride + 1, (in.w() + 2 * pad - k) / stride + 1));
        if (in.h() + 2 * pad < k || in.w() + 2 * pad < k) {
            throw new IllegalArgumentException(name + ": a " + k + "x" + k + " kernel does not fit an input of " + in);
        }
        this.cin = in.c();
        this.cout = cout;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.bias = bias;
        this.init = init;
        this.gemm = gemm;
        this.cols = cin * k * k;
        this.positions = out.h() * out.w();
    }

    @Override
    protected List<Block> blocks() {
        return bias ? List.of(Block.of("weight", cout, cin, k, k), Block.of("bias", cout))
                : List.of(Block.of("weight", cout, cin, k, k));
    }

    @Override
    public void initialise(double[] p, SplitMix64 r) {
        int w = offset();
        init.fill(p, w, cout * cols, w + cout * cols, bias ? cout : 0, cols, cout * k * k, 0.01, r);
    }

    /** First output column whose input column {@code oj·stride − pad + kj} is inside the image. */
    private int firstInside(int kj) {
        int need = pad - kj;
        return need <= 0 ? 0 : Math.min(out.w(), (need + stride - 1) / stride);
    }

    /** One past the last output column whose input column is inside the image. */
    private int endInside(int kj) {
        int last = in.w() - 1 + pad - kj;
        return last < 0 ? 0 : Math.min(out.w(), last / stride + 1);
    }

    /**
     * Unfolds examples {@code first..first+n-1}: column {@code r·positions + q} of {@code col}
     * holds the input patch of example first+r at output position q.
     */
    private void unfold(double[] x, double[] col, int first, int n) {
        int h = in.h();
        int w = in.w();
        int oh = out.h();
        int ow = out.w();
        int width = n * positions;
        for (int c = 0; c < cin; c++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int row = ((c * k + ki) * k + kj) * width;
                    int j0 = firstInside(kj);
                    int j1 = Math.max(j0, endInside(kj));
                    for (int r = 0; r < n; r++) {
                        int base = (first + r) * in.size() + c * h * w;
                        int at = row + r * positions;
                        for (int oi = 0; oi < oh; oi++) {
                            int ii = oi * stride - pad + ki;
                            int o = at + oi * ow;
                            if (ii < 0 || ii >= h) {
                                Arrays.fill(col, o, o + ow, 0);
                                continue;
                            }
                            for (int oj = 0; oj < j0; oj++) {
                                col[o + oj] = 0;
                            }
                            int src = base + ii * w - pad + kj;
                            if (stride == 1) {
                                System.arraycopy(x, src + j0, col, o + j0, j1 - j0);
                            } else {
                                for (int oj = j0; oj < j1; oj++) {
                                    col[o + oj] = x[src + oj * stride];
                                }
                            }
                            for (int oj = j1; oj < ow; oj++) {
                                col[o + oj] = 0;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Adds the columns back into the images they came from (the adjoint of {@link #unfold}). */
    private void fold(double[] col, double[] x, int first, int n) {
        int h = in.h();
        int w = in.w();
        int oh = out.h();
        int ow = out.w();
        int width = n * positions;
        Arrays.fill(x, first * in.size(), (first + n) * in.size(), 0);
        for (int c = 0; c < cin; c++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int row = ((c * k + ki) * k + kj) * width;
                    int j0 = firstInside(kj);
                    int j1 = endInside(kj);
                    for (int r = 0; r < n; r++) {
                        int base = (first + r) * in.size() + c * h * w;
                        int at = row + r * positions;
                        for (int oi = 0; oi < oh; oi++) {
                            int ii = oi * stride - pad + ki;
                            if (ii < 0 || ii >= h) {
                                continue;
                            }
                            int o = at + oi * ow;
                            int dst = base + ii * w - pad + kj;
                            for (int oj = j0; oj < j1; oj++) {
                                x[dst + oj * stride] += col[o + oj];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Examples per matrix product: as many as keep the unfolded columns within about 4 MB, so
     * they stay in cache (measured: one product over a whole ResNet batch was slower).
     */
    private int chunk(int n) {
        return Math.max(1, Math.min(n, (1 << 19) / Math.max(1, cols * positions)));
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        int w = offset();
        int outSize = out.size();
        int step = chunk(n);
        double[] col = gemm.scratch(0, cols * step * positions);
        double[] z = gemm.scratch(1, cout * step * positions);
        for (int first = 0; first < n; first += step) {
            int m = Math.min(step, n - first);
            int width = m * positions;
            unfold(x, col, first, m);
            gemm.multiply(false, false, cout, width, cols, p, w, cols, col, 0, width, 0, z, 0, width);
            for (int o = 0; o < cout; o++) {
                double b = bias ? p[w + cout * cols + o] : 0;
                for (int r = 0; r < m; r++) {
                    int src = o * width + r * positions;
                    int dst = (first + r) * outSize + o * positions;
                    for (int q = 0; q < positions; q++) {
                        y[dst + q] = z[src + q] + b;
                    }
                }
            }
        }
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        int w = offset();
        int outSize = out.size();
        int step = chunk(n);
        double[] col = gemm.scratch(0, cols * step * positions);
        double[] dz = gemm.scratch(1, cout * step * positions);
        double[] dcol = gemm.scratch(2, cols * step * positions);
        if (bias) {
            Arrays.fill(g, w + cout * cols, w + cout * cols + cout, 0);
        }
        for (int first = 0; first < n; first += step) {
            int m = Math.min(step, n - first);
            int width = m * positions;
            for (int o = 0; o < cout; o++) {
                double s = 0;
                for (int r = 0; r < m; r++) {
                    int src = (first + r) * outSize + o * positions;
                    int dst = o * width + r * positions;
                    for (int q = 0; q < positions; q++) {
                        double v = dy[src + q];
                        dz[dst + q] = v;
                        s += v;
                    }
                }
                if (bias) {
                    g[w + cout * cols + o] += s;
                }
            }
            unfold(x, col, first, m);
            gemm.multiply(false, true, cout, cols, width, dz, 0, width, col, 0, width, first == 0 ? 0 : 1, g, w, cols);
            if (dx != null) {
                gemm.multiply(true, false, cols, width, cout, p, w, cols, dz, 0, width, 0, dcol, 0, width);
                fold(dcol, dx, first, m);
            }
        }
    }

    /**
     * {@code ry = conv(x; RW, Rb) + conv(rx; W)}: the layer is bilinear in its weights and input,
     * so its own forward pass computes both terms (the second without the bias).
     */
    @Override
    public boolean rForward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry, int n) {
        Pass none = new Pass(false, new SplitMix64(0));
        forward(v, x, ry, n, none);
        if (rx != null) {
            int count = n * out.size();
            if (rOut.length < count) {
                rOut = new double[count];
            }
            forward(p, rx, rOut, n, none);
            for (int i = 0; i < count; i++) {
                double b = bias ? p[offset() + cout * cols + (i % out.size()) / positions] : 0;
                ry[i] += rOut[i] - b;
            }
        }
        return true;
    }

    /**
     * {@code RdW = wgrad(rdy, x) + wgrad(dy, rx)}, {@code Rdb = Σ rdy}, {@code rdx = igrad(rdy; W) +
     * igrad(dy; RW)}: two plain backward passes, the second with the direction as weights.
     */
    @Override
    public boolean rBackward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry,
            double[] dy, double[] rdy, double @Nullable [] rdx, double[] rg, int n) {
        backward(p, x, y, rdy, rdx, rg, n);
        if (rx == null && rdx == null) {
            return true;
        }
        int size = cout * cols + (bias ? cout : 0);
        if (rGradient.length < offset() + size) {
            rGradient = new double[offset() + size];
        }
        int inCount = n * in.size();
        if (rdx != null && rIn.length < inCount) {
            rIn = new double[inCount];
        }
        backward(v, rx == null ? x : rx, y, dy, rdx == null ? null : rIn, rGradient, n);
        if (rx != null) {
            for (int i = offset(); i < offset() + cout * cols; i++) {
                rg[i] += rGradient[i];
            }
        }
        if (rdx != null) {
            for (int i = 0; i < inCount; i++) {
                rdx[i] += rIn[i];
            }
        }
        return true;
    }

    /** Example r's weight gradient {@code dz_r · col_rᵀ} and bias gradient into {@code part} (cout·cols + cout). */
    private double[] examplePart(double[] x, double[] dy, int r) {
        double[] col = gemm.scratch(0, cols * positions);
        double[] dz = gemm.scratch(1, cout * positions);
        if (part.length < cout * cols + cout) {
            part = new double[cout * cols + cout];
        }
        System.arraycopy(dy, r * out.size(), dz, 0, cout * positions);
        unfold(x, col, r, 1);
        gemm.multiply(false, true, cout, cols, positions, dz, 0, positions, col, 0, positions, 0, part, 0, cols);
        for (int o = 0; o < cout; o++) {
            double s = 0;
            for (int q = 0; q < positions; q++) {
                s += dz[o * positions + q];
            }
            part[cout * cols + o] = s;
        }
        return part;
    }

    @Override
    public @Nullable Layer withoutPerExample() {
        return null;
    }

    /** One matrix product per example, as large as the batch's weight-gradient product in total. */
    @Override
    public boolean perExample(double[] p, double[] x, double[] y, double[] dy, int n, double scale, double[] sqNorms,
            double[] sumSquares) {
        int w = offset();
        double s2 = scale * scale;
        int size = cout * cols + (bias ? cout : 0);
        for (int r = 0; r < n; r++) {
            double[] g = examplePart(x, dy, r);
            double norm = 0;
            for (int i = 0; i < size; i++) {
                double v = s2 * g[i] * g[i];
                sumSquares[w + i] += v;
                norm += v;
            }
            sqNorms[r] += norm;
        }
        return true;
    }

    @Override
    public boolean exampleGradient(double[] p, double[] x, double[] y, double[] dy, int r, double scale, double[] out) {
        double[] g = examplePart(x, dy, r);
        int size = cout * cols + (bias ? cout : 0);
        for (int i = 0; i < size; i++) {
            out[offset() + i] = scale * g[i];
        }
        return true;
    }

    @Override
    public double weightGradientStd(double[] g) {
        return std(g, offset(), cout * cols);
    }
}
