package org.descent.testing.broken;

import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;

/** A regression loss whose {@code evaluate} throws, as a loss with an indexing bug would. */
public class ThrowingLoss implements LossFunction {

    /** What {@code evaluate} says. */
    public static final String MESSAGE = "index 7 out of bounds for the focal weights";

    @Override
    public void configure(Settings settings) {
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.VALUES;
    }

    @Override
    public int outputDim(DataShape shape) {
        return shape.targetDim();
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        throw new IllegalStateException(MESSAGE);
    }
}
