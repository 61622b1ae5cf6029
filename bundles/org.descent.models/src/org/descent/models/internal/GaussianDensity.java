package org.descent.models.internal;

import java.util.List;

import org.descent.core.OutputKind;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;

/**
 * A univariate Gaussian N(μ, σ²) fitted by maximum likelihood (the source material's first
 * MLE example): parameters {@code mu} and {@code sigma}; outputs (μ, σ²) for gaussian-nll.
 */
public final class GaussianDensity extends DensityModel {

    private double mu0;
    private double sigma0;

    @Override
    public void configure(Settings s) {
        owner = s.owner();
        mu0 = s.getDouble("mu");
        sigma0 = s.getDouble("sigma");
    }

    @Override
    OutputKind kind() {
        return OutputKind.GAUSSIAN;
    }

    @Override
    int rowWidth() {
        return 2;
    }

    @Override
    List<ParameterBlock> blocks() {
        return List.of(new ParameterBlock("mu", new int[] { 1 }, 0), new ParameterBlock("sigma", new int[] { 1 }, 1));
    }

    @Override
    public void initialise(double[] parameters, long seed) {
        parameters[0] = mu0;
        parameters[1] = sigma0;
    }

    @Override
    void outputRow(double[] p, double[] row) {
        row[0] = p[0];
        row[1] = p[1] * p[1];
    }

    @Override
    void backward(double[] p, double[] rowGradient, double[] gradient) {
        gradient[0] = rowGradient[0];
        gradient[1] = rowGradient[1] * 2 * p[1];
    }
}
