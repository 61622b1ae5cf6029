package org.descent.losses.internal;

import org.descent.core.Settings;

/** Huber loss, as {@code torch.nn.functional.huber_loss}: quadratic within delta, linear outside. */
public final class Huber extends ElementwiseLoss {

    private double delta;

    @Override
    public void configure(Settings settings) {
        delta = settings.getDouble("delta");
    }

    @Override
    double value(double d) {
        double a = Math.abs(d);
        return a < delta ? 0.5 * d * d : delta * (a - 0.5 * delta);
    }

    @Override
    double derivative(double d) {
        return Math.abs(d) < delta ? d : delta * Math.signum(d);
    }

    @Override
    double second(double d) {
        return Math.abs(d) < delta ? 1 : 0;
    }
}
