package org.descent.models.internal.layers;

import java.util.Locale;

import org.eclipse.jdt.annotation.Nullable;

/** An elementwise nonlinearity: ReLU, tanh or the logistic sigmoid. */
public final class Nonlinearity extends Layer {

    /** The functions. */
    public enum Function {
        RELU, TANH, SIGMOID;

        public static Function parse(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    private final Function f;

    public Nonlinearity(String name, Shape shape, Function f) {
        super(name, f.name().toLowerCase(Locale.ROOT), shape, shape);
        this.f = f;
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        int count = n * in.size();
        switch (f) {
        case RELU -> {
            for (int i = 0; i < count; i++) {
                y[i] = x[i] > 0 ? x[i] : 0;
            }
        }
        case TANH -> {
            for (int i = 0; i < count; i++) {
                y[i] = Math.tanh(x[i]);
            }
        }
        case SIGMOID -> {
            for (int i = 0; i < count; i++) {
                y[i] = x[i] >= 0 ? 1 / (1 + Math.exp(-x[i])) : Math.exp(x[i]) / (1 + Math.exp(x[i]));
            }
        }
        }
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        if (dx == null) {
            return;
        }
        int count = n * in.size();
        switch (f) {
        case RELU -> {
            for (int i = 0; i < count; i++) {
                dx[i] = x[i] > 0 ? dy[i] : 0;
            }
        }
        case TANH -> {
            for (int i = 0; i < count; i++) {
                dx[i] = dy[i] * (1 - y[i] * y[i]);
            }
        }
        case SIGMOID -> {
            for (int i = 0; i < count; i++) {
                dx[i] = dy[i] * y[i] * (1 - y[i]);
            }
        }
        }
    }
}
