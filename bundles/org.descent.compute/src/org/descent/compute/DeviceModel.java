package org.descent.compute;

import org.descent.core.Model;
import org.descent.core.Precision;

/**
 * A {@link Model} that can compute its passes on a compute {@link Device}. The engine asks for
 * such an evaluator where the run's precision is one the model computes on a device (fp32 for
 * Descent's layered models; fp64 stays the host reference path) and uses
 * {@link Model#evaluator(Precision, int)} otherwise.
 * <p>
 * The evaluator keeps the {@link Model.Evaluator} contract on host arrays: each call uploads the
 * parameters once, runs the forward and backward passes on the device with {@link Ops} on
 * tensors that stay there, and downloads the outputs or the gradient once. An evaluator that also
 * implements {@link ResidentTraining} keeps the parameters and optimizer state on the device
 * between training steps.
 *
 * @since 0.1.0
 */
public interface DeviceModel {

    /** Whether {@link #evaluator(Device, Precision, int)} works for this device and precision. */
    boolean computesOn(Device device, Precision precision);

    /**
     * An evaluator whose passes run on the device in the precision, for batches of up to
     * {@code maxBatch} rows.
     *
     * @throws IllegalArgumentException when the model does not compute on the device in the
     *         precision ({@link #computesOn} is false), naming what it does not support
     */
    Model.Evaluator evaluator(Device device, Precision precision, int maxBatch);
}
