package org.descent.models.internal.layers;

import java.util.Locale;

import org.descent.models.internal.Activation;
import org.descent.models.internal.F64Kernels;
import org.eclipse.jdt.annotation.Nullable;

/** An elementwise nonlinearity (ReLU, tanh or the logistic sigmoid) on the fp64 kernels. */
public final class Nonlinearity extends Layer {

    private final Activation f;

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
}
