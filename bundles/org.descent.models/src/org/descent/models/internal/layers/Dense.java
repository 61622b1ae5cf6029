package org.descent.models.internal.layers;

import java.util.List;

import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A fully connected layer {@code y = W·x + b}, weights {@code [out][in]} as PyTorch's
 * {@code nn.Linear}; inputs of any shape are taken flat.
 */
public final class Dense extends Layer {

    private final int inWidth;
    private final int outWidth;
    private final boolean bias;
    private final Init init;
    private final double initStd;
    private final Gemm gemm;

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

    @Override
    public double weightGradientStd(double[] g) {
        return std(g, offset(), outWidth * inWidth);
    }
}
