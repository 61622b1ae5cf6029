package org.descent.compute;

import java.util.Map;

import org.descent.core.Batch;

/**
 * A device evaluator ({@link DeviceModel#evaluator}) that also trains with the parameters, the
 * gradient and the optimizer state resident on its device: after {@link #upload}, each step
 * computes the loss and gradient ({@link #lossAndGradient}), may clip the gradient (by value, by
 * norm) and applies an {@link UpdateRule} there, and the host sees parameters and state again only
 * when it reads them ({@link #readParameters}, {@link #readState}): at checkpoints, evaluations,
 * probes' samples and the end of a run. Buffers (batch normalization's running statistics) are
 * updated by the training passes and kept out of the rule's reach, as the host engine does.
 * <p>
 * The evaluator's {@link org.descent.core.Model.Evaluator} methods keep working on host arrays
 * and leave the resident copies alone.
 *
 * @since 0.1.0
 */
public interface ResidentTraining {

    /**
     * The loss and gradient norm of a resident step.
     *
     * @param loss the batch's mean loss
     * @param gradientNorm the Euclidean norm of the parameter gradient (accumulated on the device)
     */
    record Values(double loss, double gradientNorm) {
    }

    /**
     * Copies the parameters and the rule's state to the device, where they stay from now on (a
     * second call replaces them).
     *
     * @param state the rule's state arrays by {@linkplain UpdateRule#stateArrays() name}, each as
     *        long as the parameters
     * @throws IllegalArgumentException when an array is missing or of the wrong length
     */
    void upload(double[] parameters, UpdateRule rule, Map<String, double[]> state);

    /**
     * The forward and backward pass of a training batch at the resident parameters, leaving the
     * gradient on the device (and the batch's running statistics in the resident buffers); brings
     * back the loss and the gradient's norm only.
     */
    Values lossAndGradient(Batch batch);

    /** Multiplies the resident gradient by a factor (clipping by norm). */
    void scaleGradient(double factor);

    /**
     * Clamps every value of the resident gradient to {@code [−value, value]} ({@link Ops#clip}).
     *
     * @return the Euclidean norm of the clipped gradient (one small download)
     */
    double clipGradient(double value);

    /**
     * One update of the uploaded rule with the resident gradient (see {@link Ops#update}).
     *
     * @param step the rule's 1-based step number t
     */
    void update(long step, double learningRate);

    /** Copies the resident parameters into {@code parameters}. */
    void readParameters(double[] parameters);

    /** Copies the resident gradient of the last {@link #lossAndGradient} (after any scaling) into {@code gradient}. */
    void readGradient(double[] gradient);

    /** The rule's resident state arrays by name, as new host arrays. */
    Map<String, double[]> readState();
}
