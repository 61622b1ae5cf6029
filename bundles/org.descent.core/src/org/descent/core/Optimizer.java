package org.descent.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimization algorithm. Configured once ({@link #configure(Settings)}), then
 * {@link #initialise(List)} for a parameter layout, then {@link #step} once per iteration.
 * The state it keeps between steps (moments, accumulators, step count) can be saved and
 * restored, so a resumed run continues bit for bit.
 *
 * @since 0.1.0
 */
public interface Optimizer extends Configurable {

    /** Allocates state for a parameter layout and clears it. */
    void initialise(List<ParameterBlock> blocks);

    /** The configured (base) learning rate; schedules scale it. */
    double learningRate();

    /**
     * Updates the parameters in place from a gradient.
     *
     * @param parameters the flat parameter vector, updated in place
     * @param gradient the gradient of the loss at {@code parameters}; may be modified
     * @param learningRate the learning rate for this step (the base rate after the schedule)
     */
    void step(double[] parameters, double[] gradient, double learningRate);

    /** Forgets all state, as right after {@link #initialise(List)}. */
    void reset();

    /** A copy of the state. */
    State saveState();

    /**
     * Restores a state saved by an optimizer of the same kind and layout.
     *
     * @throws IllegalArgumentException when the state does not fit
     */
    void restoreState(State state);

    /**
     * An optimizer's state: its step count and named arrays (copies).
     *
     * @param steps number of steps taken
     * @param arrays named state arrays such as {@code exp_avg}
     */
    record State(long steps, Map<String, double[]> arrays) {

        public State {
            Map<String, double[]> copy = new LinkedHashMap<>();
            arrays.forEach((k, v) -> copy.put(k, v.clone()));
            arrays = java.util.Collections.unmodifiableMap(copy);
        }

        /** The named array; throws naming it when absent or of the wrong length. */
        public double[] array(String name, int length) {
            double[] a = arrays.get(name);
            if (a == null || a.length != length) {
                throw new IllegalArgumentException("optimizer state has no array '" + name + "' of length " + length);
            }
            return a.clone();
        }
    }
}
