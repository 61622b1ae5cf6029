package org.descent.models.internal.layers;

import java.util.Arrays;
import java.util.List;

import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A 2-D convolution as {@code nn.Conv2d} (cross-correlation, zero padding, square kernel and
 * stride): weights {@code [out][in][k][k]}, optional bias. Computed per example as one matrix
 * product with the unfolded input (im2col), which is unfolded again in the backward pass rather
 * than kept, so memory stays at one example's columns.
 */
public final class Conv2d extends Layer {

    private final int cin;
    private final int cout;
    private final int k;
    private final int stride;
    private final int pad;
    private final boolean bias;
    private final Init init;
    private final Gemm gemm;
    private final int cols;
    private final int positions;
    private double[] col = new double[0];
    private double[] dcol = new double[0];

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

    @Override
    public void allocate(int maxBatch) {
        col = new double[cols * positions];
        dcol = new double[cols * positions];
    }

    private void unfold(double[] x, int example) {
        int h = in.h();
        int w = in.w();
        int base = example * in.size();
        int oh = out.h();
        int ow = out.w();
        for (int c = 0; c < cin; c++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int row = ((c * k + ki) * k + kj) * positions;
                    for (int oi = 0; oi < oh; oi++) {
                        int ii = oi * stride - pad + ki;
                        for (int oj = 0; oj < ow; oj++) {
                            int jj = oj * stride - pad + kj;
                            col[row + oi * ow + oj] = ii >= 0 && ii < h && jj >= 0 && jj < w
                                    ? x[base + (c * h + ii) * w + jj]
                                    : 0;
                        }
                    }
                }
            }
        }
    }

    private void fold(double[] dx, int example) {
        int h = in.h();
        int w = in.w();
        int base = example * in.size();
        int oh = out.h();
        int ow = out.w();
        Arrays.fill(dx, base, base + in.size(), 0);
        for (int c = 0; c < cin; c++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int row = ((c * k + ki) * k + kj) * positions;
                    for (int oi = 0; oi < oh; oi++) {
                        int ii = oi * stride - pad + ki;
                        if (ii < 0 || ii >= h) {
                            continue;
                        }
                        for (int oj = 0; oj < ow; oj++) {
                            int jj = oj * stride - pad + kj;
                            if (jj >= 0 && jj < w) {
                                dx[base + (c * h + ii) * w + jj] += dcol[row + oi * ow + oj];
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        int w = offset();
        int outSize = out.size();
        for (int r = 0; r < n; r++) {
            unfold(x, r);
            int yo = r * outSize;
            if (bias) {
                for (int o = 0; o < cout; o++) {
                    Arrays.fill(y, yo + o * positions, yo + (o + 1) * positions, p[w + cout * cols + o]);
                }
            }
            gemm.multiply(false, false, cout, positions, cols, p, w, cols, col, 0, positions, bias ? 1 : 0, y, yo,
                    positions);
        }
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        int w = offset();
        int outSize = out.size();
        Arrays.fill(g, w, w + parameterCount(), 0);
        for (int r = 0; r < n; r++) {
            unfold(x, r);
            int yo = r * outSize;
            gemm.multiply(false, true, cout, cols, positions, dy, yo, positions, col, 0, positions, 1, g, w, cols);
            if (bias) {
                for (int o = 0; o < cout; o++) {
                    double s = 0;
                    for (int q = yo + o * positions; q < yo + (o + 1) * positions; q++) {
                        s += dy[q];
                    }
                    g[w + cout * cols + o] += s;
                }
            }
            if (dx != null) {
                gemm.multiply(true, false, cols, positions, cout, p, w, cols, dy, yo, positions, 0, dcol, 0, positions);
                fold(dx, r);
            }
        }
    }

    @Override
    public double weightGradientStd(double[] g) {
        return std(g, offset(), cout * cols);
    }
}
