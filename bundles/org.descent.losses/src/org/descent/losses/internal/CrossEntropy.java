package org.descent.losses.internal;

import org.descent.compute.DeviceLoss;
import org.descent.compute.LossRule;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.descent.losses.ClassTargets;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Softmax cross-entropy on logits with optional label smoothing, as
 * {@code torch.nn.functional.cross_entropy}: per row {@code logsumexp(z) - (1-ε) z_y - ε mean(z)}.
 */
public final class CrossEntropy implements LossFunction, DeviceLoss {

    private double smoothing;

    @Override
    public void configure(Settings settings) {
        smoothing = settings.getDouble("label_smoothing");
    }

    @Override
    public LossRule lossRule() {
        return new LossRule.SoftmaxCrossEntropy(smoothing);
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.LOGITS;
    }

    @Override
    public int outputDim(DataShape shape) {
        return ClassTargets.requireClasses("cross-entropy", shape);
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        int c = shape.classes();
        double sum = 0;
        for (int r = 0; r < n; r++) {
            int o = r * c;
            int y = ClassTargets.label(targets[r], c, r);
            double max = Double.NEGATIVE_INFINITY;
            double mean = 0;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, outputs[o + j]);
                mean += outputs[o + j];
            }
            mean /= c;
            double z = 0;
            for (int j = 0; j < c; j++) {
                z += Math.exp(outputs[o + j] - max);
            }
            double logSumExp = max + Math.log(z);
            sum += logSumExp - (1 - smoothing) * outputs[o + y] - smoothing * mean;
            if (gradient != null) {
                for (int j = 0; j < c; j++) {
                    double p = Math.exp(outputs[o + j] - max) / z;
                    gradient[o + j] = (p - (j == y ? 1 - smoothing : 0) - smoothing / c) / n;
                }
            }
        }
        return sum / n;
    }

    /** (diag(p) − p pᵀ) r / n per row, p the softmax of the row: the targets (and smoothing) drop out. */
    @Override
    public boolean hessianVector(int n, DataShape shape, double[] outputs, double[] targets, double[] rOutputs,
            double[] out) {
        int c = shape.classes();
        double[] p = new double[c];
        for (int r = 0; r < n; r++) {
            int o = r * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, outputs[o + j]);
            }
            double z = 0;
            for (int j = 0; j < c; j++) {
                p[j] = Math.exp(outputs[o + j] - max);
                z += p[j];
            }
            double pr = 0;
            for (int j = 0; j < c; j++) {
                p[j] /= z;
                pr += p[j] * rOutputs[o + j];
            }
            for (int j = 0; j < c; j++) {
                out[o + j] = p[j] * (rOutputs[o + j] - pr) / n;
            }
        }
        return true;
    }

    @Override
    public double correct(int n, DataShape shape, double[] outputs, double[] targets) {
        return ClassTargets.argmaxCorrect(n, shape.classes(), outputs, targets);
    }
}
