package org.descent.losses.internal;

import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Kullback–Leibler divergence KL(target ‖ model) with the model's output given as
 * log-probabilities and the target as probabilities, as {@code torch.nn.functional.kl_div}
 * with {@code reduction='batchmean'}: {@code Σ_j p_j (log p_j − output_j)} per row, averaged over
 * rows; terms with {@code p_j = 0} are 0.
 */
public final class KlDivergence implements LossFunction {

    @Override
    public void configure(Settings settings) {
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.LOG_PROBABILITIES;
    }

    @Override
    public int outputDim(DataShape shape) {
        if (shape.isClassification()) {
            throw new IllegalArgumentException("kl-div needs probability vectors as targets; this data set has class labels"
                    + " (cross-entropy is the KL divergence to one-hot targets up to a constant)");
        }
        return shape.targetDim();
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        int count = n * shape.targetDim();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double p = targets[i];
            if (p > 0) {
                sum += p * (Math.log(p) - outputs[i]);
            }
            if (gradient != null) {
                gradient[i] = -p / n;
            }
        }
        return sum / n;
    }
}
