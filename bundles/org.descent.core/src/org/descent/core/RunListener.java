package org.descent.core;

import java.util.Map;

/**
 * Receives a run's events on the training thread. Implementations must return quickly (a
 * monitor throttles and hands work to its own thread).
 *
 * @since 0.1.0
 */
public interface RunListener {

    /**
     * After every optimizer step.
     *
     * @param step steps taken so far (1-based)
     * @param epoch the epoch the step belongs to (0-based)
     * @param loss training loss of the batch, before the step
     * @param gradientNorm Euclidean norm of the gradient (before clipping)
     * @param learningRate the learning rate used
     * @param probes values probes sampled at this step (empty most steps)
     */
    default void step(long step, int epoch, double loss, double gradientNorm, double learningRate,
            Map<String, Double> probes) {
    }

    /** At the end of an epoch, with the mean training loss over its batches. */
    default void epoch(int epoch, long step, double meanLoss) {
    }

    /** After an evaluation (validation loss, accuracy, ...). */
    default void evaluation(long step, int epoch, Map<String, Double> metrics) {
    }

    /** When the run's status changes; {@code message} says why (for example "diverged at step 12"). */
    default void status(RunStatus status, String message) {
    }
}
