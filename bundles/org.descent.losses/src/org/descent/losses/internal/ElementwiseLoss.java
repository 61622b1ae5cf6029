package org.descent.losses.internal;

import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A loss that compares each output with the target in the same position and averages over
 * all elements ({@code n x targetDim}): MSE, L1, Huber.
 */
abstract class ElementwiseLoss implements LossFunction {

    @Override
    public void configure(Settings settings) {
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.VALUES;
    }

    @Override
    public int outputDim(DataShape shape) {
        if (shape.isClassification()) {
            throw new IllegalArgumentException(
                    "mse, l1 and huber need real-valued targets; this data set has class labels (use cross-entropy)");
        }
        return shape.targetDim();
    }

    /** The loss of one element with difference {@code d = output - target}. */
    abstract double value(double d);

    /** The derivative of {@link #value} with respect to the output. */
    abstract double derivative(double d);

    /** The second derivative of {@link #value} (0 where it has a kink). */
    abstract double second(double d);

    @Override
    public boolean hessianVector(int n, DataShape shape, double[] outputs, double[] targets, double[] rOutputs,
            double[] out) {
        int count = n * shape.targetDim();
        for (int i = 0; i < count; i++) {
            out[i] = second(outputs[i] - targets[i]) * rOutputs[i] / count;
        }
        return true;
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        int count = n * shape.targetDim();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double d = outputs[i] - targets[i];
            sum += value(d);
            if (gradient != null) {
                gradient[i] = derivative(d) / count;
            }
        }
        return sum / count;
    }
}
