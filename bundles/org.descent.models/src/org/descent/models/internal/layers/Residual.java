package org.descent.models.internal.layers;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A residual block {@code y = relu(F(x) + S(x))} (He et al. 2016): F is a stack of layers
 * (conv-bn-relu-conv-bn in a ResNet), S the identity, or when F changes the shape either option A
 * (subsample by the stride and pad the new channels with zeros, no parameters, as in the paper's
 * CIFAR networks) or option B (a projection stack, 1x1 convolution and batch normalization).
 */
public final class Residual extends Layer {

    final Stack main;
    final @Nullable Stack projection;
    final int stride;
    private double[] sum = new double[0];
    private double[] dsum = new double[0];
    private double[] dshort = new double[0];
    private double[] shortcut = new double[0];
    private double[] rShortcut = new double[0];
    private double[] rShortGradient = new double[0];

    /**
     * @param projection the shortcut stack for option B, or null for the identity or option A
     */
    public Residual(String name, Stack main, @Nullable Stack projection) {
        super(name, "residual", main.in(), main.out());
        this.main = main;
        this.projection = projection;
        this.stride = main.in().h() / Math.max(1, main.out().h());
        if (projection == null && (main.out().c() < main.in().c() || main.in().h() != main.out().h() * stride)) {
            throw new IllegalArgumentException(name + ": an identity shortcut cannot map " + main.in() + " to " + main.out());
        }
    }

    @Override
    public List<ParameterBlock> place(int start) {
        List<ParameterBlock> blocks = new ArrayList<>(main.place(start));
        Stack s = projection;
        if (s != null) {
            blocks.addAll(s.place(start + main.parameterCount()));
        }
        return blocks;
    }

    @Override
    public int parameterCount() {
        Stack s = projection;
        return main.parameterCount() + (s == null ? 0 : s.parameterCount());
    }

    @Override
    public int trainableCount() {
        Stack s = projection;
        return main.trainableCount() + (s == null ? 0 : s.trainableCount());
    }

    @Override
    public void initialise(double[] p, SplitMix64 random) {
        main.initialise(p, random);
        Stack s = projection;
        if (s != null) {
            s.initialise(p, random);
        }
    }

    @Override
    public void allocate(int maxBatch) {
        main.allocate(maxBatch);
        Stack s = projection;
        if (s != null) {
            s.allocate(maxBatch);
        }
        sum = new double[maxBatch * out.size()];
        dsum = new double[maxBatch * out.size()];
        shortcut = new double[maxBatch * out.size()];
        dshort = new double[maxBatch * in.size()];
    }

    /** Option A: every stride-th position of each input channel, new channels zero. */
    private void subsample(double[] x, double[] y, int n) {
        int ih = in.h();
        int iw = in.w();
        int oh = out.h();
        int ow = out.w();
        java.util.Arrays.fill(y, 0, n * out.size(), 0);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < in.c(); c++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        y[r * out.size() + (c * oh + i) * ow + j] = x[r * in.size() + (c * ih + i * stride) * iw + j * stride];
                    }
                }
            }
        }
    }

    private void subsampleBackward(double[] dy, double[] dx, int n) {
        int ih = in.h();
        int iw = in.w();
        int oh = out.h();
        int ow = out.w();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < in.c(); c++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        dx[r * in.size() + (c * ih + i * stride) * iw + j * stride] += dy[r * out.size() + (c * oh + i) * ow + j];
                    }
                }
            }
        }
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        double[] f = main.forward(p, x, n, pass);
        Stack s = projection;
        double[] sc;
        if (s != null) {
            sc = s.forward(p, x, n, pass);
        } else if (in.equals(out)) {
            sc = x;
        } else {
            subsample(x, shortcut, n);
            sc = shortcut;
        }
        int count = n * out.size();
        for (int i = 0; i < count; i++) {
            double v = f[i] + sc[i];
            sum[i] = v;
            y[i] = v > 0 ? v : 0;
        }
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        int count = n * out.size();
        for (int i = 0; i < count; i++) {
            dsum[i] = sum[i] > 0 ? dy[i] : 0;
        }
        System.arraycopy(dsum, 0, main.outputGradient(), 0, count);
        main.backward(p, dx, g, n);
        Stack s = projection;
        if (s != null) {
            System.arraycopy(dsum, 0, s.outputGradient(), 0, count);
            s.backward(p, dx == null ? null : dshort, g, n);
        }
        if (dx == null) {
            return;
        }
        int inCount = n * in.size();
        if (s != null) {
            for (int i = 0; i < inCount; i++) {
                dx[i] += dshort[i];
            }
        } else if (in.equals(out)) {
            for (int i = 0; i < inCount; i++) {
                dx[i] += dsum[i];
            }
        } else {
            subsampleBackward(dsum, dx, n);
        }
    }

    @Override
    public void rounding(@Nullable MixedPrecisionPolicy policy) {
        main.rounding(policy);
        Stack s = projection;
        if (s != null) {
            s.rounding(policy);
        }
    }

    @Override
    public @Nullable Layer withoutPerExample() {
        Layer l = main.withoutPerExample();
        Stack s = projection;
        return l != null || s == null ? l : s.withoutPerExample();
    }

    @Override
    public boolean perExample(double[] p, double[] x, double[] y, double[] dy, int n, double scale, double[] sqNorms,
            double[] sumSquares) {
        Stack s = projection;
        return main.perExample(p, n, scale, sqNorms, sumSquares)
                && (s == null || s.perExample(p, n, scale, sqNorms, sumSquares));
    }

    @Override
    public boolean exampleGradient(double[] p, double[] x, double[] y, double[] dy, int r, double scale, double[] out) {
        Stack s = projection;
        return main.exampleGradient(p, r, scale, out) && (s == null || s.exampleGradient(p, r, scale, out));
    }

    /** {@code ry = 1[sum > 0]·(RF + RS)}: the stacks' own R-ops, and the shortcut's linear map. */
    @Override
    public boolean rForward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry, int n) {
        if (!main.rForward(p, v, rx, n)) {
            return false;
        }
        double[] rf = main.rOutput();
        double @Nullable [] rs = null;
        Stack s = projection;
        int count = n * out.size();
        if (s != null) {
            if (!s.rForward(p, v, rx, n)) {
                return false;
            }
            rs = s.rOutput();
        } else if (rx != null) {
            if (in.equals(out)) {
                rs = rx;
            } else {
                if (rShortcut.length < count) {
                    rShortcut = new double[count];
                }
                subsample(rx, rShortcut, n);
                rs = rShortcut;
            }
        }
        for (int i = 0; i < count; i++) {
            ry[i] = sum[i] > 0 ? rf[i] + (rs == null ? 0 : rs[i]) : 0;
        }
        return true;
    }

    /** The ReLU's derivative is a step: {@code R(dsum) = 1[sum > 0]·rdy}, then both stacks and the shortcut. */
    @Override
    public boolean rBackward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry,
            double[] dy, double[] rdy, double @Nullable [] rdx, double[] rg, int n) {
        int count = n * out.size();
        double[] rd = main.rOutputGradient();
        for (int i = 0; i < count; i++) {
            rd[i] = sum[i] > 0 ? rdy[i] : 0;
        }
        if (!main.rBackward(p, v, rg, rdx, n)) {
            return false;
        }
        Stack s = projection;
        int inCount = n * in.size();
        if (s != null) {
            System.arraycopy(rd, 0, s.rOutputGradient(), 0, count);
            if (rdx != null && rShortGradient.length < inCount) {
                rShortGradient = new double[inCount];
            }
            if (!s.rBackward(p, v, rg, rdx == null ? null : rShortGradient, n)) {
                return false;
            }
            if (rdx != null) {
                for (int i = 0; i < inCount; i++) {
                    rdx[i] += rShortGradient[i];
                }
            }
        } else if (rdx != null) {
            if (in.equals(out)) {
                for (int i = 0; i < inCount; i++) {
                    rdx[i] += rd[i];
                }
            } else {
                subsampleBackward(rd, rdx, n);
            }
        }
        return true;
    }

    @Override
    public double weightGradientStd(double[] g) {
        return main.layers().get(0).weightGradientStd(g);
    }
}
