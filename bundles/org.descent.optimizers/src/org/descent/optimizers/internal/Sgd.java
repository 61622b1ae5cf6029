package org.descent.optimizers.internal;

import java.util.List;

import org.descent.compute.DeviceOptimizer;
import org.descent.compute.UpdateRule;
import org.descent.core.Settings;
import org.descent.optimizers.ElementwiseOptimizer;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
 * decay, as {@code torch.optim.SGD} in PyTorch 1.13. Backs the {@code gd}, {@code sgd},
 * {@code momentum} and {@code nesterov} contributions, which differ only in what they declare.
 */
public final class Sgd extends ElementwiseOptimizer implements DeviceOptimizer {

    private double momentum;
    private double dampening;
    private boolean nesterov;

    @Override
    protected void configureMore(Settings s) {
        momentum = s.has("momentum") ? s.getDouble("momentum") : 0;
        dampening = s.has("dampening") ? s.getDouble("dampening") : 0;
        nesterov = s.has("nesterov") && s.getBoolean("nesterov");
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException(s.owner() + ": Nesterov momentum needs momentum > 0 and dampening = 0"
                    + " (got momentum=" + momentum + ", dampening=" + dampening + ")");
        }
    }

    @Override
    public UpdateRule updateRule() {
        return new UpdateRule.Sgd(momentum, dampening, nesterov, weightDecay);
    }

    @Override
    protected List<String> stateArrays() {
        return momentum != 0 ? List.of("momentum_buffer") : List.of();
    }

    @Override
    protected void update(double[] p, double[] g, double rate, long step) {
        double[] buf = momentum != 0 ? state("momentum_buffer") : g;
        for (int i = 0; i < p.length; i++) {
            double d = weightDecay != 0 ? g[i] + weightDecay * p[i] : g[i];
            if (momentum != 0) {
                buf[i] = step == 1 ? d : buf[i] * momentum + (1 - dampening) * d;
                d = nesterov ? d + momentum * buf[i] : buf[i];
            }
            p[i] += -rate * d;
        }
    }
}
