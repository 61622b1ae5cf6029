package org.descent.losses.internal;

/** Mean squared error, as {@code torch.nn.functional.mse_loss}. */
public final class Mse extends ElementwiseLoss {

    @Override
    double value(double d) {
        return d * d;
    }

    @Override
    double derivative(double d) {
        return 2 * d;
    }

    @Override
    double second(double d) {
        return 2;
    }
}
