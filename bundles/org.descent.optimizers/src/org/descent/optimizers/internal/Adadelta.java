package org.descent.optimizers.internal;

import java.util.List;

import org.descent.compute.DeviceOptimizer;
import org.descent.compute.UpdateRule;
import org.descent.core.Settings;
import org.descent.optimizers.ElementwiseOptimizer;

/** Adadelta (Zeiler 2012) as {@code torch.optim.Adadelta} in PyTorch 1.13. */
public final class Adadelta extends ElementwiseOptimizer implements DeviceOptimizer {

    private double rho;
    private double eps;

    @Override
    protected void configureMore(Settings s) {
        rho = s.getDouble("rho");
        eps = s.getDouble("eps");
    }

    @Override
    public UpdateRule updateRule() {
        return new UpdateRule.Adadelta(rho, eps, weightDecay);
    }

    @Override
    protected List<String> stateArrays() {
        return List.of("square_avg", "acc_delta");
    }

    @Override
    protected void update(double[] p, double[] g, double rate, long step) {
        double[] squareAvg = state("square_avg");
        double[] accDelta = state("acc_delta");
        for (int i = 0; i < p.length; i++) {
            double d = weightDecay != 0 ? g[i] + weightDecay * p[i] : g[i];
            squareAvg[i] = squareAvg[i] * rho + (1 - rho) * (d * d);
            double std = Math.sqrt(squareAvg[i] + eps);
            double delta = Math.sqrt(accDelta[i] + eps) / std * d;
            accDelta[i] = accDelta[i] * rho + (1 - rho) * (delta * delta);
            p[i] += -rate * delta;
        }
    }
}
