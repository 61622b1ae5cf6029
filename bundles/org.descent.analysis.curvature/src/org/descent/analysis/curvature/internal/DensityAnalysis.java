package org.descent.analysis.curvature.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.analysis.curvature.HessianOperator;
import org.descent.analysis.curvature.Lanczos;
import org.descent.analysis.curvature.SymmetricEigen;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.descent.core.Subject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * {@code hessian-density}: the Hessian's spectral density by stochastic Lanczos quadrature
 * (Ghorbani et al. 2019, as PyHessian): for each Rademacher probe, m Lanczos steps give Ritz
 * values θ_i with weights τ_i (squared first components); the density is the average of
 * Σ τ_i N(λ; θ_i, σ²), which integrates to 1.
 */
public final class DensityAnalysis implements Analysis {

    static final String ID = "hessian-density";

    private int probes;
    private int steps;
    private int bins;
    private double sigma;
    private long seed;

    @Override
    public void configure(Settings s) {
        probes = s.getInt("probes");
        steps = s.getInt("steps");
        bins = s.getInt("bins");
        sigma = s.getDouble("sigma");
        seed = s.getLong("seed");
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
        Subject subject = input.requireSubject(ID);
        HessianOperator h = HessianOperator.of(subject);
        Batch batch = h.batch();
        int n = h.dimension();
        SubMonitor sub = SubMonitor.convert(monitor, "Spectral density of " + subject.label(), probes);
        SplitMix64 random = new SplitMix64(seed);
        List<double[]> nodes = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[]> nodeRows = new ArrayList<>();
        double traceSum = 0;
        for (int p = 0; p < probes; p++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = random.nextDouble() < 0.5 ? -1 : 1;
            }
            double[][] t = Lanczos.tridiagonal(h, z, steps, sub.split(1));
            SymmetricEigen eig = SymmetricEigen.tridiagonal(t[0], t[1], true);
            int m = eig.order();
            double[] theta = eig.values();
            double[] tau = new double[m];
            double estimate = 0;
            for (int i = 0; i < m; i++) {
                tau[i] = eig.component(i, 0) * eig.component(i, 0);
                lo = Math.min(lo, theta[i]);
                hi = Math.max(hi, theta[i]);
                nodeRows.add(new double[] { p, theta[i], tau[i] });
                estimate += tau[i] * theta[i];
            }
            traceSum += estimate * n;
            nodes.add(theta);
            weights.add(tau);
        }
        double range = Math.max(hi - lo, Math.max(Math.abs(hi), 1e-12) * 1e-6);
        double s = sigma * range;
        double from = lo - 5 * s;
        double to = hi + 5 * s;
        List<double[]> density = new ArrayList<>();
        double negative = 0;
        double step = (to - from) / (bins - 1);
        for (int b = 0; b < bins; b++) {
            double x = from + b * step;
            double d = 0;
            for (int p = 0; p < probes; p++) {
                double[] theta = nodes.get(p);
                double[] tau = weights.get(p);
                for (int i = 0; i < theta.length; i++) {
                    double u = (x - theta[i]) / s;
                    d += tau[i] * Math.exp(-0.5 * u * u) / (s * Math.sqrt(2 * Math.PI));
                }
            }
            d /= probes;
            density.add(new double[] { x, d });
        }
        for (int p = 0; p < probes; p++) {
            double[] theta = nodes.get(p);
            double[] tau = weights.get(p);
            for (int i = 0; i < theta.length; i++) {
                if (theta[i] < 0) {
                    negative += tau[i] / probes;
                }
            }
        }
        AnalysisResult r = new AnalysisResult(ID);
        r.put("parameters", n).put("rows", batch.size()).put("probes", probes).put("lanczos_steps", steps);
        r.put("lambda_min", lo).put("lambda_max", hi).put("sigma", s);
        r.put("trace_estimate", traceSum / probes);
        r.put("negative_mass", negative);
        r.table("density", new AnalysisResult.Table(List.of("lambda", "density"), density, false));
        r.table("nodes", new AnalysisResult.Table(List.of("probe", "node", "weight"), nodeRows, false));
        r.line("%d parameters, %d rows; %d probes x %d Lanczos steps", n, batch.size(), probes, steps);
        r.line("spectrum within [%.6g, %.6g]; trace about %.6g; %.1f%% of the mass below zero", lo, hi,
                traceSum / probes, 100 * negative);
        r.line("density on %d points, Gaussian width %.3g (sigma %.3g of the range): density.csv", bins, s, sigma);
        return r;
    }
}
