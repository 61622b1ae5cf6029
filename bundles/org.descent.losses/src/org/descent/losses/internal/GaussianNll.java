package org.descent.losses.internal;

import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Gaussian negative log-likelihood, as {@code torch.nn.functional.gaussian_nll_loss}: for
 * {@code t} target columns the output row holds {@code t} means then {@code t} variances;
 * per element {@code ½(log v + (μ − y)²/v)}, plus {@code ½ log 2π} when {@code full}. The
 * variance is clamped to at least {@code eps} with the gradient passed straight through, as in
 * PyTorch.
 */
public final class GaussianNll implements LossFunction {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private boolean full;
    private double eps;

    @Override
    public void configure(Settings settings) {
        full = settings.getBoolean("full");
        eps = settings.getDouble("eps");
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.GAUSSIAN;
    }

    @Override
    public int outputDim(DataShape shape) {
        if (shape.isClassification()) {
            throw new IllegalArgumentException("gaussian-nll needs real-valued targets; this data set has class labels");
        }
        return 2 * shape.targetDim();
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        int t = shape.targetDim();
        int count = n * t;
        double sum = 0;
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < t; k++) {
                int m = r * 2 * t + k;
                int v = m + t;
                double var = Math.max(outputs[v], eps);
                double d = outputs[m] - targets[r * t + k];
                sum += 0.5 * (Math.log(var) + d * d / var) + (full ? HALF_LOG_2PI : 0);
                if (gradient != null) {
                    gradient[m] = d / var / count;
                    gradient[v] = 0.5 * (1 / var - d * d / (var * var)) / count;
                }
            }
        }
        return sum / count;
    }
}
