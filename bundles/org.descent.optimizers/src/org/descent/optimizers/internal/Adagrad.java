package org.descent.optimizers.internal;

import java.util.List;

import org.descent.compute.DeviceOptimizer;
import org.descent.compute.UpdateRule;
import org.descent.core.Settings;
import org.descent.optimizers.ElementwiseOptimizer;

/** Adagrad as {@code torch.optim.Adagrad} in PyTorch 1.13 (learning-rate decay, initial accumulator). */
public final class Adagrad extends ElementwiseOptimizer implements DeviceOptimizer {

    private double lrDecay;
    private double initialAccumulator;
    private double eps;

    @Override
    protected void configureMore(Settings s) {
        lrDecay = s.getDouble("lr_decay");
        initialAccumulator = s.getDouble("initial_accumulator_value");
        eps = s.getDouble("eps");
    }

    @Override
    public UpdateRule updateRule() {
        return new UpdateRule.Adagrad(lrDecay, initialAccumulator, eps, weightDecay);
    }

    @Override
    protected List<String> stateArrays() {
        return List.of("sum");
    }

    @Override
    protected double initialValue(String array) {
        return initialAccumulator;
    }

    @Override
    protected void update(double[] p, double[] g, double rate, long step) {
        double[] sum = state("sum");
        double clr = rate / (1 + (step - 1) * lrDecay);
        for (int i = 0; i < p.length; i++) {
            double d = weightDecay != 0 ? g[i] + weightDecay * p[i] : g[i];
            sum[i] += d * d;
            p[i] += -clr * (d / (Math.sqrt(sum[i]) + eps));
        }
    }
}
