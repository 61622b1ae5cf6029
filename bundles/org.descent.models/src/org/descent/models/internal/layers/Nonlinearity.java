package org.descent.models.internal.layers;

import java.util.Locale;

import org.descent.models.internal.Activation;
import org.descent.models.internal.F64Kernels;
import org.eclipse.jdt.annotation.Nullable;

/** An elementwise nonlinearity (ReLU, tanh or the logistic sigmoid) on the fp64 kernels. */
public final class Nonlinearity extends Layer {

    final Activation f;

    public Nonlinearity(String name, Shape shape, Activation f) {
        super(name, f.name().toLowerCase(Locale.ROOT), shape, shape);
        this.f = f;
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        F64Kernels.INSTANCE.activate(f, x, y, n * in.size());
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        if (dx != null) {
            F64Kernels.INSTANCE.activateBackward(f, y, dy, dx, n * in.size());
        }
    }

    /** {@code ry = f'(x)·rx}, with f' from the outputs. */
    @Override
    public boolean rForward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry, int n) {
        int count = n * in.size();
        if (rx == null) {
            java.util.Arrays.fill(ry, 0, count, 0);
        } else {
            F64Kernels.INSTANCE.activateBackward(f, y, rx, ry, count);
        }
        return true;
    }

    /** {@code rdx = f''(x)·rx·dy + f'(x)·rdy}; for ReLU f'' is zero. */
    @Override
    public boolean rBackward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry,
            double[] dy, double[] rdy, double @Nullable [] rdx, double[] rg, int n) {
        if (rdx == null) {
            return true;
        }
        int count = n * in.size();
        F64Kernels.INSTANCE.activateBackward(f, y, rdy, rdx, count);
        if (rx != null && f != Activation.RELU) {
            for (int i = 0; i < count; i++) {
                double s = y[i];
                // tanh: f'' = -2y(1 - y²); sigmoid: f'' = y(1 - y)(1 - 2y)
                double second = f == Activation.TANH ? -2 * s * (1 - s * s) : s * (1 - s) * (1 - 2 * s);
                rdx[i] += second * rx[i] * dy[i];
            }
        }
        return true;
    }
}
