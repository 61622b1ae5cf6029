package org.descent.losses.internal;

import java.util.Arrays;

import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Negative log-likelihood of a one-dimensional Gaussian mixture: the output row holds
 * {@code k} mixing logits, {@code k} means and {@code k} standard deviations;
 * {@code −log Σ_j softmax(a)_j N(y; μ_j, σ_j)} per row, computed with log-sum-exp. The loss of
 * the source material's two-component example, and of mixture density networks.
 */
public final class MixtureNll implements LossFunction {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private int k;

    @Override
    public void configure(Settings settings) {
        k = settings.getInt("k");
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.MIXTURE;
    }

    @Override
    public int outputDim(DataShape shape) {
        if (shape.isClassification() || shape.targetDim() != 1) {
            throw new IllegalArgumentException("mixture-nll needs exactly one real-valued target column; this data set has "
                    + (shape.isClassification() ? "class labels" : shape.targetDim() + " target columns"));
        }
        return 3 * k;
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        int w = 3 * k;
        double[] logTerm = new double[k];
        double[] scaled = new double[k];
        // what depends on a row's mixture alone, kept while the rows repeat it (a density model
        // outputs one mixture for every row): log Z of the weights, log σ_j and the weights
        double logZa = 0;
        double[] logSigma = new double[k];
        double[] weight = new double[k];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            int o = r * w;
            double y = targets[r];
            if (r == 0 || !Arrays.equals(outputs, o - w, o, outputs, o, o + w)) {
                double maxA = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    maxA = Math.max(maxA, outputs[o + j]);
                }
                double za = 0;
                for (int j = 0; j < k; j++) {
                    za += Math.exp(outputs[o + j] - maxA);
                }
                logZa = maxA + Math.log(za);
                for (int j = 0; j < k; j++) {
                    logSigma[j] = Math.log(outputs[o + 2 * k + j]);
                    weight[j] = Math.exp(outputs[o + j] - logZa);
                }
            }
            double maxT = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double sigma = outputs[o + 2 * k + j];
                double u = (y - outputs[o + k + j]) / sigma;
                logTerm[j] = outputs[o + j] - logZa - logSigma[j] - HALF_LOG_2PI - 0.5 * u * u;
                maxT = Math.max(maxT, logTerm[j]);
            }
            double zt = 0;
            for (int j = 0; j < k; j++) {
                scaled[j] = Math.exp(logTerm[j] - maxT);
                zt += scaled[j];
            }
            double logLikelihood = maxT + Math.log(zt);
            sum -= logLikelihood;
            if (gradient != null) {
                for (int j = 0; j < k; j++) {
                    // exp(logTerm_j - logLikelihood), from the exponentials the sum already took
                    double responsibility = scaled[j] / zt;
                    double mu = outputs[o + k + j];
                    double sigma = outputs[o + 2 * k + j];
                    double d = y - mu;
                    gradient[o + j] = (weight[j] - responsibility) / n;
                    gradient[o + k + j] = -responsibility * d / (sigma * sigma) / n;
                    gradient[o + 2 * k + j] = -responsibility * (d * d / (sigma * sigma * sigma) - 1 / sigma) / n;
                }
            }
        }
        return sum / n;
    }
}
