package org.example.descent.lion;

import java.util.List;

import org.descent.core.Settings;
import org.descent.optimizers.ElementwiseOptimizer;

/**
 * Lion (Chen et al. 2023, Algorithm 2): {@code c = β1·m + (1 − β1)·g}, {@code θ ← θ − lr·(sign(c) + λ·θ)},
 * {@code m ← β2·m + (1 − β2)·g}, with {@code sign(0) = 0}. Its only state is the momentum
 * {@code exp_avg} (as lion-pytorch names it), which {@link ElementwiseOptimizer} saves and
 * restores. The weight decay is decoupled: it is not added to the gradient.
 */
public final class Lion extends ElementwiseOptimizer {

    private double beta1;
    private double beta2;

    @Override
    protected void configureMore(Settings settings) {
        beta1 = settings.getDouble("beta1");
        beta2 = settings.getDouble("beta2");
    }

    @Override
    protected List<String> stateArrays() {
        return List.of("exp_avg");
    }

    @Override
    protected void update(double[] parameters, double[] gradient, double learningRate, long step) {
        double[] m = state("exp_avg");
        for (int i = 0; i < parameters.length; i++) {
            double g = gradient[i];
            double c = beta1 * m[i] + (1 - beta1) * g;
            parameters[i] = parameters[i] - learningRate * (Math.signum(c) + weightDecay * parameters[i]);
            m[i] = beta2 * m[i] + (1 - beta2) * g;
        }
    }
}
