package org.descent.core;

import java.util.Map;

/**
 * What one layer of a model did in the last pass of an evaluator: the distribution of its
 * outputs over the batch and of the gradients flowing back into them. Evaluators of layered
 * models offer these through {@link Model.Inspectable}; the {@code layers} command prints them
 * and analyses chart them.
 *
 * @param layer the layer's name, as in its parameter blocks ({@code layer3}, {@code stage2.block1})
 * @param kind what the layer computes ({@code dense}, {@code relu}, {@code batchnorm}, ...)
 * @param outputShape one example's output, channels x height x width or a single width
 * @param parameters trainable values in the layer
 * @param mean mean of the outputs over the batch
 * @param std standard deviation of the outputs over the batch
 * @param zeroFraction fraction of outputs exactly zero
 * @param gradientStd standard deviation of d(loss)/d(outputs), NaN after a forward pass only
 * @param weightGradientStd standard deviation of the gradient of the layer's weights, NaN when it
 *            has none or after a forward pass only
 * @param extra layer-specific figures, such as a binary layer's scaling factor and approximation
 *            error
 *
 * @since 0.1.0
 */
public record LayerStatistics(String layer, String kind, int[] outputShape, int parameters, double mean, double std,
        double zeroFraction, double gradientStd, double weightGradientStd, Map<String, Double> extra) {

    public LayerStatistics {
        outputShape = outputShape.clone();
        extra = Map.copyOf(extra);
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }
}
