package org.descent.losses.internal;

/** Mean absolute error, as {@code torch.nn.functional.l1_loss} (derivative 0 at 0). */
public final class L1Loss extends ElementwiseLoss {

    @Override
    double value(double d) {
        return Math.abs(d);
    }

    @Override
    double derivative(double d) {
        return Math.signum(d);
    }

    @Override
    double second(double d) {
        return 0;
    }
}
