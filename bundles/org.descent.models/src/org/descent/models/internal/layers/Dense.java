package org.descent.models.internal.layers;

import java.util.List;

import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A fully connected layer {@code y = W·x + b}, weights {@code [out][in]} as PyTorch's
 * {@code nn.Linear}; inputs of any shape are taken flat.
 */
public final class Dense extends Layer {

    final int inWidth;
    final int outWidth;
    final boolean bias;
    private final Init init;
    private final double initStd;
    private final Gemm gemm;
    private double[] squaredX = new double[0];
    private double[] squaredDy = new double[0];

    public Dense(String name, Shape in, int outWidth, boolean bias, Init init, double initStd, Gemm gemm) {
        super(name, "dense", in, Shape.flat(outWidth));
        this.inWidth = in.size();
        this.outWidth = outWidth;
        this.bias = bias;
        this.init = init;
        this.initStd = initStd;
        this.gemm = gemm;
    }

    @Override
    protected List<Block> blocks() {
        return bias ? List.of(Block.of("weight", outWidth, inWidth), Block.of("bias", outWidth))
                : List.of(Block.of("weight", outWidth, inWidth));
    }

    @Override
    public void initialise(double[] p, SplitMix64 r) {
        int w = offset();
        init.fill(p, w, outWidth * inWidth, w + outWidth * inWidth, bias ? outWidth : 0, inWidth, outWidth, initStd, r);
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        int w = offset();
        if (bias) {
            int b = w + outWidth * inWidth;
            for (int r = 0; r < n; r++) {
                System.arraycopy(p, b, y, r * outWidth, outWidth);
            }
        }
        gemm.multiply(false, true, n, outWidth, inWidth, x, 0, inWidth, p, w, inWidth, bias ? 1 : 0, y, 0, outWidth);
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        int w = offset();
        gemm.multiply(true, false, outWidth, inWidth, n, dy, 0, outWidth, x, 0, inWidth, 0, g, w, inWidth);
        if (bias) {
            int b = w + outWidth * inWidth;
            java.util.Arrays.fill(g, b, b + outWidth, 0);
            for (int r = 0; r < n; r++) {
                for (int o = 0; o < outWidth; o++) {
                    g[b + o] += dy[r * outWidth + o];
                }
            }
        }
        if (dx != null) {
            gemm.multiply(false, false, n, inWidth, outWidth, dy, 0, outWidth, p, w, inWidth, 0, dx, 0, inWidth);
        }
    }

    /** {@code ry = x·RWᵀ + rx·Wᵀ + Rb}. */
    @Override
    public boolean rForward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry, int n) {
        int w = offset();
        if (bias) {
            int b = w + outWidth * inWidth;
            for (int r = 0; r < n; r++) {
                System.arraycopy(v, b, ry, r * outWidth, outWidth);
            }
        }
        gemm.multiply(false, true, n, outWidth, inWidth, x, 0, inWidth, v, w, inWidth, bias ? 1 : 0, ry, 0, outWidth);
        if (rx != null) {
            gemm.multiply(false, true, n, outWidth, inWidth, rx, 0, inWidth, p, w, inWidth, 1, ry, 0, outWidth);
        }
        return true;
    }

    /** {@code RdW = rdyᵀ·x + dyᵀ·rx}, {@code Rdb = Σ rdy}, {@code rdx = rdy·W + dy·RW}. */
    @Override
    public boolean rBackward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry,
            double[] dy, double[] rdy, double @Nullable [] rdx, double[] rg, int n) {
        int w = offset();
        gemm.multiply(true, false, outWidth, inWidth, n, rdy, 0, outWidth, x, 0, inWidth, 0, rg, w, inWidth);
        if (rx != null) {
            gemm.multiply(true, false, outWidth, inWidth, n, dy, 0, outWidth, rx, 0, inWidth, 1, rg, w, inWidth);
        }
        if (bias) {
            int b = w + outWidth * inWidth;
            java.util.Arrays.fill(rg, b, b + outWidth, 0);
            for (int r = 0; r < n; r++) {
                for (int o = 0; o < outWidth; o++) {
                    rg[b + o] += rdy[r * outWidth + o];
                }
            }
        }
        if (rdx != null) {
            gemm.multiply(false, false, n, inWidth, outWidth, rdy, 0, outWidth, p, w, inWidth, 0, rdx, 0, inWidth);
            gemm.multiply(false, false, n, inWidth, outWidth, dy, 0, outWidth, v, w, inWidth, 1, rdx, 0, inWidth);
        }
        return true;
    }

    @Override
    public void allocate(int maxBatch) {
        squaredX = new double[maxBatch * inWidth];
        squaredDy = new double[maxBatch * outWidth];
    }

    @Override
    public @Nullable Layer withoutPerExample() {
        return null;
    }

    @Override
    public boolean perExample(double[] p, double[] x, double[] y, double[] dy, int n, double scale, double[] sqNorms,
            double[] sumSquares) {
        if (squaredX.length < n * inWidth) {
            allocate(n);
        }
        double s2 = scale * scale;
        for (int r = 0; r < n; r++) {
            double xx = 0;
            for (int i = r * inWidth; i < (r + 1) * inWidth; i++) {
                double v = x[i];
                squaredX[i] = v * v;
                xx += v * v;
            }
            double dd = 0;
            for (int o = r * outWidth; o < (r + 1) * outWidth; o++) {
                double v = dy[o];
                double sq = s2 * v * v;
                squaredDy[o] = sq;
                dd += sq;
            }
            // g_r = scale·dy_r x_r': ||g_r||² = scale²·||dy_r||²·||x_r||², plus the bias part scale²·||dy_r||²
            sqNorms[r] += dd * xx + (bias ? dd : 0);
        }
        int w = offset();
        // the layer's blocks are its own: the product writes them (beta 0) rather than adding to zeros
        gemm.multiply(true, false, outWidth, inWidth, n, squaredDy, 0, outWidth, squaredX, 0, inWidth, 0, sumSquares, w,
                inWidth);
        if (bias) {
            int b = w + outWidth * inWidth;
            for (int r = 0; r < n; r++) {
                for (int o = 0; o < outWidth; o++) {
                    sumSquares[b + o] += squaredDy[r * outWidth + o];
                }
            }
        }
        return true;
    }

    @Override
    public boolean exampleGradient(double[] p, double[] x, double[] y, double[] dy, int r, double scale, double[] out) {
        int w = offset();
        for (int o = 0; o < outWidth; o++) {
            double d = scale * dy[r * outWidth + o];
            int row = w + o * inWidth;
            for (int i = 0; i < inWidth; i++) {
                out[row + i] = d * x[r * inWidth + i];
            }
            if (bias) {
                out[w + outWidth * inWidth + o] = d;
            }
        }
        return true;
    }

    @Override
    public double weightGradientStd(double[] g) {
        return std(g, offset(), outWidth * inWidth);
    }
}
