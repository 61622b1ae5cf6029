package org.descent.optimizers.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.compute.DeviceOptimizer;
import org.descent.compute.UpdateRule;
import org.descent.core.Settings;
import org.descent.optimizers.ElementwiseOptimizer;

/** RMSProp, plain or centered, with optional momentum, as {@code torch.optim.RMSprop} in PyTorch 1.13. */
public final class RmsProp extends ElementwiseOptimizer implements DeviceOptimizer {

    private double alpha;
    private double eps;
    private double momentum;
    private boolean centered;

    @Override
    protected void configureMore(Settings s) {
        alpha = s.getDouble("alpha");
        eps = s.getDouble("eps");
        momentum = s.getDouble("momentum");
        centered = s.getBoolean("centered");
    }

    @Override
    public UpdateRule updateRule() {
        return new UpdateRule.RmsProp(alpha, eps, momentum, centered, weightDecay);
    }

    @Override
    protected List<String> stateArrays() {
        List<String> names = new ArrayList<>(List.of("square_avg"));
        if (momentum > 0) {
            names.add("momentum_buffer");
        }
        if (centered) {
            names.add("grad_avg");
        }
        return names;
    }

    @Override
    protected void update(double[] p, double[] g, double rate, long step) {
        double[] squareAvg = state("square_avg");
        double[] buf = momentum > 0 ? state("momentum_buffer") : squareAvg;
        double[] gradAvg = centered ? state("grad_avg") : squareAvg;
        for (int i = 0; i < p.length; i++) {
            double d = weightDecay != 0 ? g[i] + weightDecay * p[i] : g[i];
            squareAvg[i] = squareAvg[i] * alpha + (1 - alpha) * (d * d);
            double avg;
            if (centered) {
                gradAvg[i] = gradAvg[i] * alpha + (1 - alpha) * d;
                avg = Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + eps;
            } else {
                avg = Math.sqrt(squareAvg[i]) + eps;
            }
            if (momentum > 0) {
                buf[i] = buf[i] * momentum + d / avg;
                p[i] += -rate * buf[i];
            } else {
                p[i] += -rate * (d / avg);
            }
        }
    }
}
