package org.descent.testing.broken;

/** An optimizer whose third {@code step} throws, after two that work. */
public class ThrowingStep extends PlainDescent {

    /** The step (1-based) that throws. */
    public static final int FAILING_STEP = 3;
    /** What that step says. */
    public static final String MESSAGE = "the state buffer went negative";

    @Override
    public void step(double[] parameters, double[] gradient, double learningRate) {
        if (steps() + 1 == FAILING_STEP) {
            throw new IllegalStateException(MESSAGE);
        }
        super.step(parameters, gradient, learningRate);
    }
}
