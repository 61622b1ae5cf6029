package org.descent.models.internal.layers;

import java.util.Arrays;

import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Max or average pooling over {@code k x k} windows with stride {@code k} (as {@code nn.MaxPool2d(k)}
 * and {@code nn.AvgPool2d(k)}); a window as large as the input is global average pooling. Max
 * pooling sends the gradient to the first maximum of each window, as PyTorch does.
 */
public final class Pool2d extends Layer {

    final boolean max;
    final int k;
    private int[] argmax = new int[0];

    public Pool2d(String name, Shape in, int k, boolean max) {
        super(name, max ? "maxpool" : "avgpool", in, new Shape(in.c(), in.h() / k, in.w() / k));
        if (k < 1 || in.h() < k || in.w() < k) {
            throw new IllegalArgumentException(name + ": a " + k + "x" + k + " pooling window does not fit an input of " + in);
        }
        this.max = max;
        this.k = k;
    }

    @Override
    public void allocate(int maxBatch) {
        if (max) {
            argmax = new int[maxBatch * out.size()];
        }
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        int h = in.h();
        int w = in.w();
        int oh = out.h();
        int ow = out.w();
        double area = k * k;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < in.c(); c++) {
                int xb = (r * in.c() + c) * h * w;
                int yb = (r * in.c() + c) * oh * ow;
                for (int oi = 0; oi < oh; oi++) {
                    for (int oj = 0; oj < ow; oj++) {
                        double best = Double.NEGATIVE_INFINITY;
                        int at = -1;
                        double sum = 0;
                        for (int ki = 0; ki < k; ki++) {
                            for (int kj = 0; kj < k; kj++) {
                                int i = xb + (oi * k + ki) * w + oj * k + kj;
                                double v = x[i];
                                sum += v;
                                if (v > best || at < 0) {
                                    best = v;
                                    at = i;
                                }
                            }
                        }
                        int yi = yb + oi * ow + oj;
                        if (max) {
                            y[yi] = best;
                            argmax[yi] = at;
                        } else {
                            y[yi] = sum / area;
                        }
                    }
                }
            }
        }
    }

    /** Linear given the windows' maxima of the plain pass: {@code ry} takes rx at them, or their averages. */
    @Override
    public boolean rForward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry, int n) {
        int count = n * out.size();
        if (rx == null) {
            Arrays.fill(ry, 0, count, 0);
        } else if (max) {
            for (int yi = 0; yi < count; yi++) {
                ry[yi] = rx[argmax[yi]];
            }
        } else {
            // average pooling does not record anything: its forward pass is the linear map itself
            forward(p, rx, ry, n, new Pass(false, new SplitMix64(0)));
        }
        return true;
    }

    /** The plain backward map (the transpose of the same linear map) applied to rdy. */
    @Override
    public boolean rBackward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry,
            double[] dy, double[] rdy, double @Nullable [] rdx, double[] rg, int n) {
        backward(p, x, y, rdy, rdx, rg, n);
        return true;
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        if (dx == null) {
            return;
        }
        Arrays.fill(dx, 0, n * in.size(), 0);
        int count = n * out.size();
        if (max) {
            for (int yi = 0; yi < count; yi++) {
                dx[argmax[yi]] += dy[yi];
            }
            return;
        }
        int h = in.h();
        int w = in.w();
        int oh = out.h();
        int ow = out.w();
        double area = k * k;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < in.c(); c++) {
                int xb = (r * in.c() + c) * h * w;
                int yb = (r * in.c() + c) * oh * ow;
                for (int oi = 0; oi < oh; oi++) {
                    for (int oj = 0; oj < ow; oj++) {
                        double d = dy[yb + oi * ow + oj] / area;
                        for (int ki = 0; ki < k; ki++) {
                            for (int kj = 0; kj < k; kj++) {
                                dx[xb + (oi * k + ki) * w + oj * k + kj] += d;
                            }
                        }
                    }
                }
            }
        }
    }
}
