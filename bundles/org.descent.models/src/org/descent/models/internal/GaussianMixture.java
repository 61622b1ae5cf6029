package org.descent.models.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.OutputKind;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;

/**
 * A one-dimensional mixture of k Gaussians fitted by maximum likelihood (the source material's
 * second MLE example): parameters {@code mu[k]} and {@code sigma[k]}, and mixing logits
 * {@code logits[k]} when {@code learn_weights} is on; otherwise the weights stay equal (1/k), as
 * in the source material. Outputs (logits, μ, σ) for mixture-nll.
 */
public final class GaussianMixture extends DensityModel {

    private int k;
    private double[] mu0 = new double[0];
    private double[] sigma0 = new double[0];
    private boolean learnWeights;

    @Override
    public void configure(Settings s) {
        owner = s.owner();
        k = s.getInt("k");
        mu0 = perComponent(s, "mu");
        sigma0 = perComponent(s, "sigma");
        learnWeights = s.getBoolean("learn_weights");
    }

    private double[] perComponent(Settings s, String name) {
        double[] v = s.getDoubles(name);
        if (v.length == k) {
            return v;
        }
        if (v.length == 1) {
            double[] all = new double[k];
            java.util.Arrays.fill(all, v[0]);
            return all;
        }
        throw new IllegalArgumentException(owner + ": hyperparameter '" + name + "' has " + v.length
                + " values but k=" + k + ": give " + k + " values, such as " + name + "=[" + "1,".repeat(k - 1) + "2]");
    }

    @Override
    OutputKind kind() {
        return OutputKind.MIXTURE;
    }

    @Override
    int rowWidth() {
        return 3 * k;
    }

    @Override
    List<ParameterBlock> blocks() {
        List<ParameterBlock> b = new ArrayList<>();
        b.add(new ParameterBlock("mu", new int[] { k }, 0));
        b.add(new ParameterBlock("sigma", new int[] { k }, k));
        if (learnWeights) {
            b.add(new ParameterBlock("logits", new int[] { k }, 2 * k));
        }
        return b;
    }

    @Override
    public void initialise(double[] parameters, long seed) {
        System.arraycopy(mu0, 0, parameters, 0, k);
        System.arraycopy(sigma0, 0, parameters, k, k);
        if (learnWeights) {
            java.util.Arrays.fill(parameters, 2 * k, 3 * k, 0);
        }
    }

    @Override
    void outputRow(double[] p, double[] row) {
        for (int j = 0; j < k; j++) {
            row[j] = learnWeights ? p[2 * k + j] : 0;
            row[k + j] = p[j];
            row[2 * k + j] = p[k + j];
        }
    }

    @Override
    void backward(double[] p, double[] rowGradient, double[] gradient) {
        for (int j = 0; j < k; j++) {
            gradient[j] = rowGradient[k + j];
            gradient[k + j] = rowGradient[2 * k + j];
            if (learnWeights) {
                gradient[2 * k + j] = rowGradient[j];
            }
        }
    }
}
