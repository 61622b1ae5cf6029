package org.descent.experiment.internal;

import java.util.List;
import java.util.Map;

import org.descent.core.ParameterBlock;
import org.descent.core.Probe;
import org.descent.core.Settings;

/**
 * Per parameter block: the weight norm, the gradient norm and the update-to-weight ratio
 * ‖Δθ‖/‖θ‖ of the last step. O(parameters) per sample.
 */
public final class NormsProbe implements Probe {

    private int interval = 10;
    private List<ParameterBlock> blocks = List.of();
    private double[] previous = new double[0];
    private long previousStep = -1;

    @Override
    public void configure(Settings settings) {
        interval = settings.getInt("interval");
    }

    @Override
    public Cost cost() {
        return Cost.CHEAP;
    }

    @Override
    public int interval() {
        return interval;
    }

    @Override
    public void initialise(List<ParameterBlock> layout) {
        this.blocks = List.copyOf(layout);
        this.previous = new double[ParameterBlock.total(layout)];
        this.previousStep = -1;
    }

    @Override
    public void beforeStep(long step, double[] parameters) {
        System.arraycopy(parameters, 0, previous, 0, previous.length);
        previousStep = step;
    }

    @Override
    public void sample(long step, double[] parameters, double[] gradient, Map<String, Double> out) {
        for (ParameterBlock b : blocks) {
            double w = 0;
            double g = 0;
            double d = 0;
            for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                w += parameters[i] * parameters[i];
                g += gradient[i] * gradient[i];
                double u = parameters[i] - previous[i];
                d += u * u;
            }
            out.put("weight_norm/" + b.name(), Math.sqrt(w));
            out.put("grad_norm/" + b.name(), Math.sqrt(g));
            if (previousStep == step) {
                out.put("update_ratio/" + b.name(), w > 0 ? Math.sqrt(d / w) : Double.NaN);
            }
        }
    }
}
