package org.descent.losses.internal;

import org.descent.core.DataShape;
import org.descent.losses.ClassTargets;
import org.descent.core.Logistic;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Binary cross-entropy on logits, as {@code torch.nn.functional.binary_cross_entropy_with_logits}:
 * {@code max(z,0) - z·y + log(1 + exp(-|z|))} per element, stable for large |z|. Targets are
 * probabilities in [0,1], one column per output; class labels 0/1 are accepted too.
 */
public final class BinaryCrossEntropy implements LossFunction {

    @Override
    public void configure(Settings settings) {
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.LOGITS;
    }

    @Override
    public int outputDim(DataShape shape) {
        if (shape.classes() > 2) {
            throw new IllegalArgumentException("bce-logits needs two classes or probability targets; this data set has "
                    + shape.classes() + " classes (use cross-entropy)");
        }
        return shape.targetDim();
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        int count = n * shape.targetDim();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double z = outputs[i];
            double y = targets[i];
            // e^-|z| once for both the loss and the sigmoid
            double e = Math.exp(-Math.abs(z));
            sum += Math.max(z, 0) - z * y + Logistic.log1p(e);
            if (gradient != null) {
                double s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
                gradient[i] = (s - y) / count;
            }
        }
        return sum / count;
    }

    @Override
    public double correct(int n, DataShape shape, double[] outputs, double[] targets) {
        return ClassTargets.binaryCorrect(n, shape, outputs, targets);
    }
}
