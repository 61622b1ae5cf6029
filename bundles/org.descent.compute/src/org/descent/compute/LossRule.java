package org.descent.compute;

/**
 * A loss that {@link Ops} compute in one fused operation on the device, so that a
 * {@link DeviceModel}'s evaluator keeps the outputs there and brings back only the loss value.
 * A {@link org.descent.core.LossFunction} names its rule through {@link DeviceLoss}.
 *
 * @since 0.1.0
 */
public sealed interface LossRule {

    /**
     * Softmax cross-entropy on logits against class labels with label smoothing ε
     * ({@link Ops#softmaxCrossEntropy}).
     *
     * @param smoothing the label smoothing ε, in {@code [0, 1]}
     */
    record SoftmaxCrossEntropy(double smoothing) implements LossRule {
    }
}
