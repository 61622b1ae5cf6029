package org.descent.models.internal.layers;

import java.util.List;

import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Batch normalization as {@code nn.BatchNorm1d}/{@code nn.BatchNorm2d}: per channel (a flat
 * layer's every unit is a channel) over the batch and the spatial positions,
 * {@code y = γ·(x − μ_B)/√(σ²_B + ε) + β}. Training passes normalize with the batch statistics
 * (biased variance) and update the running mean and the running unbiased variance with momentum
 * 0.1; evaluation passes use the running statistics. The backward pass in training goes through
 * the batch statistics (Ioffe and Szegedy's derivation, as in the source material):
 * {@code dx = (1/m)·γ/σ·(m·dy − Σdy − x̂·Σ(dy·x̂))}. The running statistics are buffer blocks. A
 * training pass with one value per channel (a batch of one row in a dense layer) has no batch
 * statistics: it is computed as an evaluation pass.
 */
public final class BatchNorm extends Layer {

    static final double EPS = 1e-5;
    static final double MOMENTUM = 0.1;

    final int channels;
    final int spatial;
    private double[] xhat = new double[0];
    private final double[] invStd;
    private final double[] sumDy;
    private final double[] sumDyXhat;
    private final double[] exampleDy;
    private double[] rxhat = new double[0];
    private final double[] rInv;
    private final double[] exampleDyXhat;
    private boolean trained;

    public BatchNorm(String name, Shape shape) {
        super(name, "batchnorm", shape, shape);
        this.channels = shape.c();
        this.spatial = shape.h() * shape.w();
        this.invStd = new double[channels];
        this.sumDy = new double[channels];
        this.sumDyXhat = new double[channels];
        this.exampleDy = new double[channels];
        this.rInv = new double[channels];
        this.exampleDyXhat = new double[channels];
    }

    @Override
    protected List<Block> blocks() {
        return List.of(Block.of("weight", channels), Block.of("bias", channels), Block.buffer("running_mean", channels),
                Block.buffer("running_var", channels));
    }

    @Override
    public void initialise(double[] p, SplitMix64 random) {
        int o = offset();
        java.util.Arrays.fill(p, o, o + channels, 1);
        java.util.Arrays.fill(p, o + channels, o + 3 * channels, 0);
        java.util.Arrays.fill(p, o + 3 * channels, o + 4 * channels, 1);
    }

    @Override
    public void allocate(int maxBatch) {
        xhat = new double[maxBatch * in.size()];
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        int gamma = offset();
        int beta = gamma + channels;
        int runMean = beta + channels;
        int runVar = runMean + channels;
        int stride = channels * spatial;
        int m = n * spatial;
        // one value per channel has no batch statistics (PyTorch refuses it): such a pass, e.g. an
        // epoch's last batch of one row, normalizes with the running statistics and leaves them alone
        trained = pass.training() && m > 1;
        for (int c = 0; c < channels; c++) {
            double mean;
            double var;
            if (trained) {
                double s = 0;
                for (int r = 0; r < n; r++) {
                    int base = r * stride + c * spatial;
                    for (int k = 0; k < spatial; k++) {
                        s += x[base + k];
                    }
                }
                mean = s / m;
                double ss = 0;
                for (int r = 0; r < n; r++) {
                    int base = r * stride + c * spatial;
                    for (int k = 0; k < spatial; k++) {
                        double d = x[base + k] - mean;
                        ss += d * d;
                    }
                }
                var = ss / m;
                double unbiased = ss / (m - 1);
                p[runMean + c] = (1 - MOMENTUM) * p[runMean + c] + MOMENTUM * mean;
                p[runVar + c] = (1 - MOMENTUM) * p[runVar + c] + MOMENTUM * unbiased;
            } else {
                mean = p[runMean + c];
                var = p[runVar + c];
            }
            double inv = 1 / Math.sqrt(var + EPS);
            invStd[c] = inv;
            double g = p[gamma + c];
            double b = p[beta + c];
            for (int r = 0; r < n; r++) {
                int base = r * stride + c * spatial;
                for (int k = 0; k < spatial; k++) {
                    double h = (x[base + k] - mean) * inv;
                    xhat[base + k] = h;
                    y[base + k] = g * h + b;
                }
            }
        }
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        int gamma = offset();
        int beta = gamma + channels;
        int stride = channels * spatial;
        int m = n * spatial;
        for (int c = 0; c < channels; c++) {
            double sd = 0;
            double sdx = 0;
            for (int r = 0; r < n; r++) {
                int base = r * stride + c * spatial;
                for (int k = 0; k < spatial; k++) {
                    sd += dy[base + k];
                    sdx += dy[base + k] * xhat[base + k];
                }
            }
            sumDy[c] = sd;
            sumDyXhat[c] = sdx;
            g[gamma + c] = sdx;
            g[beta + c] = sd;
        }
        java.util.Arrays.fill(g, beta + channels, beta + 3 * channels, 0);
        if (dx == null) {
            return;
        }
        for (int c = 0; c < channels; c++) {
            double scale = p[gamma + c] * invStd[c];
            double meanDy = sumDy[c] / m;
            double meanDyXhat = sumDyXhat[c] / m;
            for (int r = 0; r < n; r++) {
                int base = r * stride + c * spatial;
                for (int k = 0; k < spatial; k++) {
                    int i = base + k;
                    dx[i] = trained ? scale * (dy[i] - meanDy - xhat[i] * meanDyXhat) : scale * dy[i];
                }
            }
        }
    }

    @Override
    public @Nullable Layer withoutPerExample() {
        return null;
    }

    /**
     * Example r's part of the γ and β gradients: Σ dy·x̂ and Σ dy over its positions. In a
     * training pass x̂ depends on the whole batch, so these parts sum to the batch gradient but are
     * not the gradient of example r's loss alone.
     */
    @Override
    public boolean perExample(double[] p, double[] x, double[] y, double[] dy, int n, double scale, double[] sqNorms,
            double[] sumSquares) {
        int gamma = offset();
        int beta = gamma + channels;
        for (int r = 0; r < n; r++) {
            exampleSums(dy, r);
            double norm = 0;
            for (int c = 0; c < channels; c++) {
                double sdx = scale * exampleDyXhat[c];
                double sd = scale * exampleDy[c];
                sumSquares[gamma + c] += sdx * sdx;
                sumSquares[beta + c] += sd * sd;
                norm += sdx * sdx + sd * sd;
            }
            sqNorms[r] += norm;
        }
        return true;
    }

    @Override
    public boolean exampleGradient(double[] p, double[] x, double[] y, double[] dy, int r, double scale, double[] out) {
        int gamma = offset();
        exampleSums(dy, r);
        for (int c = 0; c < channels; c++) {
            out[gamma + c] = scale * exampleDyXhat[c];
            out[gamma + channels + c] = scale * exampleDy[c];
        }
        return true;
    }

    /** Example r's Σ dy and Σ dy·x̂ over each channel's positions. */
    private void exampleSums(double[] dy, int r) {
        int stride = channels * spatial;
        for (int c = 0; c < channels; c++) {
            int base = r * stride + c * spatial;
            double sd = 0;
            double sdx = 0;
            for (int k = 0; k < spatial; k++) {
                sd += dy[base + k];
                sdx += dy[base + k] * xhat[base + k];
            }
            exampleDy[c] = sd;
            exampleDyXhat[c] = sdx;
        }
    }

    /**
     * In a training pass the statistics move with the input:
     * {@code Rx̂ = inv·(rx − mean(rx) − x̂·mean(x̂·rx))}, {@code R inv = −inv²·mean(x̂·rx)}; with
     * running statistics {@code Rx̂ = inv·rx}. Then {@code ry = Rγ·x̂ + γ·Rx̂ + Rβ}.
     */
    @Override
    public boolean rForward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry, int n) {
        int gamma = offset();
        int beta = gamma + channels;
        int stride = channels * spatial;
        int m = n * spatial;
        if (rxhat.length < n * stride) {
            rxhat = new double[n * stride];
        }
        for (int c = 0; c < channels; c++) {
            double inv = invStd[c];
            double meanRx = 0;
            double meanXhatRx = 0;
            if (rx != null && trained) {
                for (int r = 0; r < n; r++) {
                    int base = r * stride + c * spatial;
                    for (int k = 0; k < spatial; k++) {
                        meanRx += rx[base + k];
                        meanXhatRx += xhat[base + k] * rx[base + k];
                    }
                }
                meanRx /= m;
                meanXhatRx /= m;
            }
            rInv[c] = rx != null && trained ? -inv * inv * meanXhatRx : 0;
            for (int r = 0; r < n; r++) {
                int base = r * stride + c * spatial;
                for (int k = 0; k < spatial; k++) {
                    int i = base + k;
                    double rh = rx == null ? 0 : inv * (rx[i] - meanRx - xhat[i] * meanXhatRx);
                    rxhat[i] = rh;
                    ry[i] = v[gamma + c] * xhat[i] + p[gamma + c] * rh + v[beta + c];
                }
            }
        }
        return true;
    }

    /**
     * {@code Rdγ = Σ(rdy·x̂ + dy·Rx̂)}, {@code Rdβ = Σ rdy}, and with {@code D(dy) = dy − mean(dy) −
     * x̂·mean(dy·x̂)}: {@code Rdx = (Rγ·inv + γ·R inv)·D(dy) + γ·inv·(rdy − mean(rdy) − Rx̂·mean(dy·x̂)
     * − x̂·mean(rdy·x̂ + dy·Rx̂))}; with running statistics {@code Rdx = Rγ·inv·dy + γ·inv·rdy}.
     */
    @Override
    public boolean rBackward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry,
            double[] dy, double[] rdy, double @Nullable [] rdx, double[] rg, int n) {
        int gamma = offset();
        int beta = gamma + channels;
        int stride = channels * spatial;
        int m = n * spatial;
        for (int c = 0; c < channels; c++) {
            double sRdy = 0;
            double sRdyXhat = 0;
            double sDyRxhat = 0;
            double sDy = 0;
            double sDyXhat = 0;
            for (int r = 0; r < n; r++) {
                int base = r * stride + c * spatial;
                for (int k = 0; k < spatial; k++) {
                    int i = base + k;
                    sRdy += rdy[i];
                    sRdyXhat += rdy[i] * xhat[i];
                    sDyRxhat += dy[i] * rxhat[i];
                    sDy += dy[i];
                    sDyXhat += dy[i] * xhat[i];
                }
            }
            rg[gamma + c] = sRdyXhat + sDyRxhat;
            rg[beta + c] = sRdy;
            if (rdx == null) {
                continue;
            }
            double inv = invStd[c];
            double g = p[gamma + c];
            double rgamma = v[gamma + c];
            for (int r = 0; r < n; r++) {
                int base = r * stride + c * spatial;
                for (int k = 0; k < spatial; k++) {
                    int i = base + k;
                    if (trained) {
                        double d = dy[i] - sDy / m - xhat[i] * sDyXhat / m;
                        double rd = rdy[i] - sRdy / m - rxhat[i] * sDyXhat / m - xhat[i] * (sRdyXhat + sDyRxhat) / m;
                        rdx[i] = (rgamma * inv + g * rInv[c]) * d + g * inv * rd;
                    } else {
                        rdx[i] = rgamma * inv * dy[i] + g * inv * rdy[i];
                    }
                }
            }
        }
        java.util.Arrays.fill(rg, beta + channels, beta + 3 * channels, 0);
        return true;
    }

    @Override
    public double weightGradientStd(double[] g) {
        return std(g, offset(), channels);
    }
}
