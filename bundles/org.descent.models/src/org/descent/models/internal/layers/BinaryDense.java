package org.descent.models.internal.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A fully connected layer with binary weights (BinaryConnect / Binary-Weight-Networks of
 * Rastegari et al.): the forward pass uses {@code W̃ = α·B} with {@code B = sign(W)} and
 * {@code α = mean|W|} per output unit, the real-valued W being what the optimizer updates. With
 * {@code xnor} the inputs are binarized too, {@code x̃ = β·sign(x)} with {@code β = mean|x|} per
 * example (XNOR-Net), so the product needs only XNOR and popcount. Gradients pass sign() with the
 * straight-through estimator {@code 1(|v| ≤ 1)} and go through α and β exactly (as autograd does
 * with a custom sign), so they are not the gradient of the (piecewise constant) forward function
 * and finite differences do not apply. sign(0) is +1, so XNOR inputs must be centred (as XNOR-Net's
 * batch norm → sign → product blocks do) to carry information.
 */
public final class BinaryDense extends Layer {

    private final int inWidth;
    private final int outWidth;
    private final boolean xnor;
    private final Init init;
    private final Gemm gemm;
    private final double[] wb;
    private final double[] alpha;
    private final double[] dwb;
    private double[] xb = new double[0];
    private double[] beta = new double[0];
    private double[] dxb = new double[0];
    private double positiveInputs = Double.NaN;

    public BinaryDense(String name, Shape in, int outWidth, boolean xnor, Init init, Gemm gemm) {
        super(name, xnor ? "xnor-dense" : "binary-dense", in, Shape.flat(outWidth));
        this.inWidth = in.size();
        this.outWidth = outWidth;
        this.xnor = xnor;
        this.init = init;
        this.gemm = gemm;
        this.wb = new double[outWidth * inWidth];
        this.alpha = new double[outWidth];
        this.dwb = new double[outWidth * inWidth];
    }

    @Override
    protected List<Block> blocks() {
        return List.of(Block.of("weight", outWidth, inWidth), Block.of("bias", outWidth));
    }

    @Override
    public void initialise(double[] p, SplitMix64 r) {
        int w = offset();
        init.fill(p, w, outWidth * inWidth, w + outWidth * inWidth, outWidth, inWidth, outWidth, 0.01, r);
    }

    @Override
    public void allocate(int maxBatch) {
        if (xnor) {
            xb = new double[maxBatch * inWidth];
            beta = new double[maxBatch];
            dxb = new double[maxBatch * inWidth];
        }
    }

    static double sign(double v) {
        return v >= 0 ? 1 : -1;
    }

    /** Fills {@link #wb} = α·sign(W) and {@link #alpha} from the real weights. */
    private void binarize(double[] p) {
        int w = offset();
        for (int o = 0; o < outWidth; o++) {
            double s = 0;
            for (int i = 0; i < inWidth; i++) {
                s += Math.abs(p[w + o * inWidth + i]);
            }
            double a = s / inWidth;
            alpha[o] = a;
            for (int i = 0; i < inWidth; i++) {
                wb[o * inWidth + i] = a * sign(p[w + o * inWidth + i]);
            }
        }
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        binarize(p);
        double[] input = x;
        if (xnor) {
            long positive = 0;
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int i = 0; i < inWidth; i++) {
                    s += Math.abs(x[r * inWidth + i]);
                }
                double b = s / inWidth;
                beta[r] = b;
                for (int i = 0; i < inWidth; i++) {
                    double v = sign(x[r * inWidth + i]);
                    xb[r * inWidth + i] = b * v;
                    positive += v > 0 ? 1 : 0;
                }
            }
            positiveInputs = (double) positive / ((long) n * inWidth);
            input = xb;
        }
        int bias = offset() + outWidth * inWidth;
        for (int r = 0; r < n; r++) {
            System.arraycopy(p, bias, y, r * outWidth, outWidth);
        }
        gemm.multiply(false, true, n, outWidth, inWidth, input, 0, inWidth, wb, 0, inWidth, 1, y, 0, outWidth);
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        int w = offset();
        int bias = w + outWidth * inWidth;
        double[] input = xnor ? xb : x;
        gemm.multiply(true, false, outWidth, inWidth, n, dy, 0, outWidth, input, 0, inWidth, 0, dwb, 0, inWidth);
        for (int o = 0; o < outWidth; o++) {
            double s = 0;
            for (int i = 0; i < inWidth; i++) {
                s += dwb[o * inWidth + i] * sign(p[w + o * inWidth + i]);
            }
            double common = s / inWidth;
            for (int i = 0; i < inWidth; i++) {
                double v = p[w + o * inWidth + i];
                g[w + o * inWidth + i] = common * sign(v) + (Math.abs(v) <= 1 ? alpha[o] * dwb[o * inWidth + i] : 0);
            }
        }
        Arrays.fill(g, bias, bias + outWidth, 0);
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < outWidth; o++) {
                g[bias + o] += dy[r * outWidth + o];
            }
        }
        if (dx == null) {
            return;
        }
        double[] target = xnor ? dxb : dx;
        gemm.multiply(false, false, n, inWidth, outWidth, dy, 0, outWidth, wb, 0, inWidth, 0, target, 0, inWidth);
        if (xnor) {
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int i = 0; i < inWidth; i++) {
                    s += dxb[r * inWidth + i] * sign(x[r * inWidth + i]);
                }
                double common = s / inWidth;
                for (int i = 0; i < inWidth; i++) {
                    double v = x[r * inWidth + i];
                    dx[r * inWidth + i] = common * sign(v) + (Math.abs(v) <= 1 ? beta[r] * dxb[r * inWidth + i] : 0);
                }
            }
        }
    }

    @Override
    public double weightGradientStd(double[] g) {
        return std(g, offset(), outWidth * inWidth);
    }

    /**
     * α (mean over units), the relative approximation error ‖W − αB‖/‖W‖ and the memory saving
     * of the weights: 32-bit floats against one bit each plus one 32-bit α per unit. XNOR layers
     * add the fraction of inputs whose sign was +1 in the last pass: near 1 the binarized inputs
     * carry no information (inputs straight from a ReLU or raw pixels; normalize them first,
     * batchnorm=after).
     */
    @Override
    public Map<String, Double> extra(double[] p) {
        binarize(p);
        int w = offset();
        double err = 0;
        double norm = 0;
        double alphaMean = 0;
        for (int o = 0; o < outWidth; o++) {
            alphaMean += alpha[o] / outWidth;
            for (int i = 0; i < inWidth; i++) {
                double v = p[w + o * inWidth + i];
                double d = v - wb[o * inWidth + i];
                err += d * d;
                norm += v * v;
            }
        }
        double bits = 32.0 * outWidth * inWidth;
        double binaryBits = (double) outWidth * inWidth + 32.0 * outWidth;
        Map<String, Double> m = new java.util.TreeMap<>(Map.of("alpha", alphaMean, "approximation_error",
                norm == 0 ? 0 : Math.sqrt(err / norm), "memory_saving", bits / binaryBits));
        if (xnor && !Double.isNaN(positiveInputs)) {
            m.put("positive_inputs", positiveInputs);
        }
        return m;
    }
}
