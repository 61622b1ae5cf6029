package org.descent.core;

import java.util.List;
import java.util.Map;

/**
 * Collects data during training, every {@link #interval()} steps: named scalar values that
 * are stored with the run's metrics. A probe declares its cost so the workbench can say what
 * turning it on will do to training speed.
 *
 * @since 0.1.0
 */
public interface Probe extends Configurable {

    /** How expensive one sample is compared with a training step. */
    enum Cost {
        /** O(parameters) arithmetic, well under 1% of a step. */
        CHEAP,
        /** Comparable to a forward pass. */
        MODERATE,
        /** One or more extra backward passes, or more. */
        EXPENSIVE
    }

    Cost cost();

    /** Sample every this many steps (at least 1). */
    int interval();

    /** Called once before training with the parameter layout. */
    void initialise(List<ParameterBlock> blocks);

    /**
     * Called before the optimizer updates the parameters on a step that will be sampled, with
     * the parameters as they were (for probes that measure the update).
     */
    default void beforeStep(long step, double[] parameters) {
    }

    /**
     * Whether the probe looks inside the model on sampled steps ({@link #sampleLayers}). Only
     * models whose evaluator is {@link Model.Inspectable} (the layered ones, in fp64) can be looked
     * into; for others the engine says so once and calls only {@link #sample}.
     */
    default boolean wantsLayers() {
        return false;
    }

    /**
     * Called on a step that will be sampled, after its forward and backward pass and before the
     * optimizer's update, with the model's layers as that pass left them.
     *
     * @param out receives named values, e.g. {@code act_std/layer1}
     */
    default void sampleLayers(long step, Model.Inspectable layers, Map<String, Double> out) {
    }

    /**
     * Samples after a step.
     *
     * @param step the step just taken (1-based)
     * @param parameters parameters after the step (read only)
     * @param gradient the gradient used by the step (read only)
     * @param out receives named values, e.g. {@code norm/layer1.weight}
     */
    void sample(long step, double[] parameters, double[] gradient, Map<String, Double> out);
}
