package org.descent.experiment.internal;

import java.util.List;
import java.util.Map;

import org.descent.core.LayerStatistics;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Probe;
import org.descent.core.Settings;

/**
 * Training dynamics, every interval steps: per parameter block the weight and gradient norms and
 * the update-to-weight ratio (as {@link NormsProbe}), and per layer of a layered model the
 * statistics of its outputs and of the gradient reaching them in the step's pass — mean, standard
 * deviation, fraction exactly zero, fraction saturated (tanh and sigmoid outputs within 0.01 of
 * their bounds) — and their histograms on fixed power-of-two buckets, so that samples line up
 * over time (a heatmap per layer).
 * <p>
 * Histogram bucket {@code b} of {@code act_hist/<layer>/b} (and {@code grad_hist}): 0 holds
 * |v| &lt; 2^-20; for b = 1..28, v in [2^(b-21), 2^(b-20)) (b = 28: v ≥ 2^7); −b the same for
 * negative v. Values are fractions of the layer's outputs; empty buckets are not written.
 */
public final class DynamicsProbe implements Probe {

    /** Buckets on each side of zero. */
    static final int SIDE = 28;
    /** Exponent of the smallest bucket's lower edge. */
    static final int LOWEST = -20;

    private final NormsProbe norms = new NormsProbe();
    private int interval;
    private boolean histograms;
    private final double[] counts = new double[2 * SIDE + 1];

    @Override
    public void configure(Settings settings) {
        norms.configure(settings);
        interval = settings.getInt("interval");
        histograms = settings.getBoolean("histograms");
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
    public void initialise(List<ParameterBlock> blocks) {
        norms.initialise(blocks);
    }

    @Override
    public boolean wantsLayers() {
        return true;
    }

    @Override
    public void sampleLayers(long step, Model.Inspectable layers, Map<String, Double> out) {
        List<LayerStatistics> stats = layers.lastPass();
        int n = layers.lastRows();
        for (int i = 0; i < stats.size(); i++) {
            LayerStatistics s = stats.get(i);
            int count = n * size(s.outputShape());
            String name = s.layer();
            out.put("act_mean/" + name, s.mean());
            out.put("act_std/" + name, s.std());
            out.put("act_zero/" + name, s.zeroFraction());
            double[] a = layers.outputs(i);
            if (s.kind().equals("tanh") || s.kind().equals("sigmoid")) {
                double lo = s.kind().equals("tanh") ? -0.99 : 0.01;
                double hi = 0.99;
                int saturated = 0;
                for (int k = 0; k < count; k++) {
                    if (a[k] <= lo || a[k] >= hi) {
                        saturated++;
                    }
                }
                out.put("act_saturated/" + name, count == 0 ? Double.NaN : (double) saturated / count);
            }
            double[] g = layers.outputGradients(i);
            if (g != null) {
                out.put("grad_std/" + name, s.gradientStd());
                int zeros = 0;
                for (int k = 0; k < count; k++) {
                    if (g[k] == 0) {
                        zeros++;
                    }
                }
                out.put("grad_zero/" + name, count == 0 ? Double.NaN : (double) zeros / count);
            }
            if (histograms && count > 0) {
                histogram(a, count, "act_hist/" + name, out);
                if (g != null) {
                    histogram(g, count, "grad_hist/" + name, out);
                }
            }
        }
    }

    @Override
    public void beforeStep(long step, double[] parameters) {
        norms.beforeStep(step, parameters);
    }

    @Override
    public void sample(long step, double[] parameters, double[] gradient, Map<String, Double> out) {
        norms.sample(step, parameters, gradient, out);
    }

    /** The power-of-two bucket of a value, -SIDE..SIDE. */
    static int bucket(double v) {
        double m = Math.abs(v);
        if (!(m >= 0x1p-20)) {
            return 0;
        }
        int b = Math.min(SIDE, Math.getExponent(m) - LOWEST + 1);
        return v < 0 ? -b : b;
    }

    private void histogram(double[] v, int count, String prefix, Map<String, Double> out) {
        java.util.Arrays.fill(counts, 0);
        for (int k = 0; k < count; k++) {
            counts[bucket(v[k]) + SIDE]++;
        }
        for (int b = -SIDE; b <= SIDE; b++) {
            double c = counts[b + SIDE];
            if (c > 0) {
                out.put(prefix + "/" + b, c / count);
            }
        }
    }

    private static int size(int[] shape) {
        int s = 1;
        for (int d : shape) {
            s *= d;
        }
        return s;
    }
}
