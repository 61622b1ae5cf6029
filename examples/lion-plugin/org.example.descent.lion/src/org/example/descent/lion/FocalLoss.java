package org.example.descent.lion;

import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.descent.losses.ClassTargets;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Sigmoid focal loss on logits, as {@code torchvision.ops.sigmoid_focal_loss(x, y, alpha, gamma,
 * reduction="mean")}: per element {@code α_t·(1 − p_t)^γ·ce} with {@code p = σ(x)},
 * {@code ce = max(x,0) − x·y + log(1 + e^−|x|)}, {@code p_t = p·y + (1 − p)(1 − y)},
 * {@code α_t = α·y + (1 − α)(1 − y)} (1 when α &lt; 0), averaged over every element. Its gradient
 * in x is {@code α_t·[(1 − p_t)^γ·(p − y) − γ·(1 − p_t)^(γ−1)·(2y − 1)·p(1 − p)·ce] / count}.
 */
public final class FocalLoss implements LossFunction {

    private double alpha;
    private double gamma;

    @Override
    public void configure(Settings settings) {
        alpha = settings.getDouble("alpha");
        gamma = settings.getDouble("gamma");
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.LOGITS;
    }

    @Override
    public int outputDim(DataShape shape) {
        if (shape.isClassification() && shape.classes() != 2) {
            throw new IllegalArgumentException("focal needs binary targets (two classes, or probabilities in [0,1]); "
                    + "this data set has " + shape.classes() + " classes (use cross-entropy)");
        }
        return shape.targetDim();
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        int count = n * shape.targetDim();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double y = target(shape, targets[i], i / shape.targetDim());
            double x = outputs[i];
            double p = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            double ce = Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
            double q = 1 - (p * y + (1 - p) * (1 - y)); // 1 − p_t
            double weight = alpha >= 0 ? alpha * y + (1 - alpha) * (1 - y) : 1;
            double focus = Math.pow(q, gamma);
            sum += weight * focus * ce;
            if (gradient != null) {
                double dFocus = gamma == 0 || q == 0 ? 0 : gamma * Math.pow(q, gamma - 1) * (2 * y - 1) * p * (1 - p);
                gradient[i] = weight * (focus * (p - y) - dFocus * ce) / count;
            }
        }
        return sum / count;
    }

    /** A target: a class label 0/1 (checked) for a two-class data set, otherwise a probability in [0,1]. */
    private static double target(DataShape shape, double value, int row) {
        if (shape.isClassification()) {
            return ClassTargets.label(value, 2, row);
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("target of row " + row + " is " + value + ", not a probability in [0,1]");
        }
        return value;
    }

    @Override
    public double correct(int n, DataShape shape, double[] outputs, double[] targets) {
        return ClassTargets.binaryCorrect(n, shape, outputs, targets);
    }
}
