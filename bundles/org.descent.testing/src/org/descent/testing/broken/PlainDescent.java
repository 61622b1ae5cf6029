package org.descent.testing.broken;

import java.util.List;
import java.util.Map;

import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;

/** Plain gradient descent that works: the base of the optimizers that fail in one place. */
public class PlainDescent implements Optimizer {

    private double lr = 0.01;
    private long steps;

    @Override
    public void configure(Settings settings) {
        if (settings.has("lr")) {
            lr = settings.getDouble("lr");
        }
    }

    @Override
    public void initialise(List<ParameterBlock> blocks) {
        steps = 0;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void step(double[] parameters, double[] gradient, double learningRate) {
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] -= learningRate * gradient[i];
        }
        steps++;
    }

    /** Steps taken since {@link #initialise}. */
    protected long steps() {
        return steps;
    }

    @Override
    public void reset() {
        steps = 0;
    }

    @Override
    public State saveState() {
        return new State(steps, Map.of());
    }

    @Override
    public void restoreState(State state) {
        steps = state.steps();
    }
}
