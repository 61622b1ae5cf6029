package org.descent.optimizers.internal;

import java.util.List;

import org.descent.compute.DeviceOptimizer;
import org.descent.compute.UpdateRule;
import org.descent.core.Settings;
import org.descent.optimizers.ElementwiseOptimizer;

/**
 * Adam (Kingma and Ba 2015) as {@code torch.optim.Adam} in PyTorch 1.13, with AMSGrad and
 * L2 weight decay; and AdamW ({@code torch.optim.AdamW}: decoupled weight decay) when
 * {@code decoupled} is declared true. {@code bias_correction=false} drops the
 * {@code 1 - beta^t} corrections (the original paper's uncorrected moments).
 */
public final class Adam extends ElementwiseOptimizer implements DeviceOptimizer {

    private double beta1;
    private double beta2;
    private double eps;
    private boolean amsgrad;
    private boolean biasCorrection;
    private boolean decoupled;

    @Override
    protected void configureMore(Settings s) {
        beta1 = s.getDouble("beta1");
        beta2 = s.getDouble("beta2");
        eps = s.getDouble("eps");
        amsgrad = s.getBoolean("amsgrad");
        biasCorrection = s.getBoolean("bias_correction");
        decoupled = s.has("decoupled") && s.getBoolean("decoupled");
    }

    @Override
    public UpdateRule updateRule() {
        return new UpdateRule.Adam(beta1, beta2, eps, weightDecay, amsgrad, biasCorrection, decoupled);
    }

    @Override
    protected List<String> stateArrays() {
        return amsgrad ? List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq") : List.of("exp_avg", "exp_avg_sq");
    }

    @Override
    protected void update(double[] p, double[] g, double rate, long step) {
        double[] m = state("exp_avg");
        double[] v = state("exp_avg_sq");
        double bc1 = biasCorrection ? 1 - Math.pow(beta1, step) : 1;
        double bc2Sqrt = biasCorrection ? Math.sqrt(1 - Math.pow(beta2, step)) : 1;
        double stepSize = rate / bc1;
        if (!amsgrad && !decoupled && weightDecay == 0) {
            plainUpdate(p, g, m, v, stepSize, bc2Sqrt);
            return;
        }
        double[] vmax = amsgrad ? state("max_exp_avg_sq") : v;
        double decay = 1 - rate * weightDecay;
        for (int i = 0; i < p.length; i++) {
            double d = g[i];
            if (decoupled) {
                p[i] *= decay;
            } else if (weightDecay != 0) {
                d += weightDecay * p[i];
            }
            m[i] = m[i] * beta1 + (1 - beta1) * d;
            v[i] = v[i] * beta2 + (1 - beta2) * (d * d);
            double second = v[i];
            if (amsgrad) {
                vmax[i] = Math.max(vmax[i], v[i]);
                second = vmax[i];
            }
            double denom = Math.sqrt(second) / bc2Sqrt + eps;
            p[i] += -stepSize * (m[i] / denom);
        }
    }

    /**
     * The common case (no weight decay, no AMSGrad) without branches, so that it compiles to SIMD
     * code, and with the division by √(1−β₂ᵗ) done as a multiplication by its inverse (a rounding
     * difference of at most an ulp; the update is bound by the throughput of divisions).
     */
    private void plainUpdate(double[] p, double[] g, double[] m, double[] v, double stepSize, double bc2Sqrt) {
        double b1 = beta1;
        double b2 = beta2;
        double c1 = 1 - beta1;
        double c2 = 1 - beta2;
        double e = eps;
        double minusStep = -stepSize;
        double inverseBc2Sqrt = 1 / bc2Sqrt;
        int n = Math.min(Math.min(p.length, g.length), Math.min(m.length, v.length));
        for (int i = 0; i < n; i++) {
            double d = g[i];
            double mi = m[i] * b1 + c1 * d;
            double vi = v[i] * b2 + c2 * (d * d);
            m[i] = mi;
            v[i] = vi;
            p[i] += minusStep * (mi / (Math.sqrt(vi) * inverseBc2Sqrt + e));
        }
    }
}
