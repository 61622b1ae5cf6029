package org.descent.core.tests;

import java.util.List;
import java.util.Map;

import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.Probe;
import org.descent.core.Settings;

/**
 * The class the test contributions point to: an optimizer (plain gradient descent) and a probe
 * (that samples nothing), so that the registry's type check accepts it for both points. It is
 * created through the registry.
 */
public class TestOptimizer implements Optimizer, Probe, Runnable {

    @Override
    public void configure(Settings settings) {
        // no settings of its own
    }

    @Override
    public void initialise(List<ParameterBlock> blocks) {
        // no state
    }

    @Override
    public double learningRate() {
        return 0.01;
    }

    @Override
    public void step(double[] parameters, double[] gradient, double learningRate) {
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] -= learningRate * gradient[i];
        }
    }

    @Override
    public void reset() {
        // no state
    }

    @Override
    public State saveState() {
        return new State(0, Map.of());
    }

    @Override
    public void restoreState(State state) {
        // no state
    }

    @Override
    public Cost cost() {
        return Cost.CHEAP;
    }

    @Override
    public int interval() {
        return 10;
    }

    @Override
    public void sample(long step, double[] parameters, double[] gradient, Map<String, Double> out) {
        // samples nothing
    }

    @Override
    public void run() {
        // Nothing to do: the tests only check that the registry creates it with the right type.
    }
}
