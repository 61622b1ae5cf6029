package org.descent.optimizers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;

/**
 * Base for optimizers whose update treats every parameter on its own (SGD, Adam, ...): keeps
 * the step count and named per-parameter state arrays, and implements reset, save and
 * restore. Subclasses declare their arrays in {@link #stateArrays()} and update in
 * {@link #update}.
 *
 * @since 0.1.0
 */
public abstract class ElementwiseOptimizer implements Optimizer {

    private final Map<String, double[]> state = new LinkedHashMap<>();
    private long steps;
    private int size = -1;
    private boolean configured;
    /** The configured base learning rate ({@code lr}). */
    protected double lr;
    /** L2 penalty added to the gradient ({@code weight_decay}), 0 when not declared. */
    protected double weightDecay;

    @Override
    public final void configure(Settings settings) {
        if (configured) {
            throw new IllegalStateException(settings.owner() + " is already configured");
        }
        configured = true;
        lr = settings.getDouble("lr");
        weightDecay = settings.getDouble("weight_decay");
        configureMore(settings);
    }

    /** Reads the optimizer's own hyperparameters; {@code lr} and {@code weight_decay} are read already. */
    protected abstract void configureMore(Settings settings);

    /** Names of the per-parameter state arrays. */
    protected abstract List<String> stateArrays();

    /** Initial value of a state array's elements (0 unless overridden). */
    protected double initialValue(String array) {
        return 0;
    }

    @Override
    public final void initialise(List<ParameterBlock> blocks) {
        size = ParameterBlock.total(blocks);
        reset();
    }

    @Override
    public final void reset() {
        checkInitialised();
        state.clear();
        for (String name : stateArrays()) {
            double[] a = new double[size];
            java.util.Arrays.fill(a, initialValue(name));
            state.put(name, a);
        }
        steps = 0;
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    @Override
    public final void step(double[] parameters, double[] gradient, double learningRate) {
        checkInitialised();
        if (parameters.length != size || gradient.length != size) {
            throw new IllegalArgumentException("expected " + size + " parameters and gradients, got "
                    + parameters.length + " and " + gradient.length);
        }
        steps++;
        update(parameters, gradient, learningRate, steps);
    }

    /**
     * Updates the parameters.
     *
     * @param step the 1-based number of this step
     */
    protected abstract void update(double[] parameters, double[] gradient, double learningRate, long step);

    /** A state array by name (the live array, for {@link #update}). */
    protected final double[] state(String name) {
        double[] a = state.get(name);
        if (a == null) {
            throw new IllegalStateException("no state array '" + name + "'");
        }
        return a;
    }

    @Override
    public final State saveState() {
        checkInitialised();
        return new State(steps, state);
    }

    @Override
    public final void restoreState(State saved) {
        checkInitialised();
        for (String name : stateArrays()) {
            state.put(name, saved.array(name, size));
        }
        if (saved.steps() < 0) {
            throw new IllegalArgumentException("optimizer state has a negative step count");
        }
        steps = saved.steps();
    }

    private void checkInitialised() {
        if (size < 0) {
            throw new IllegalStateException("optimizer is not initialised");
        }
    }
}
