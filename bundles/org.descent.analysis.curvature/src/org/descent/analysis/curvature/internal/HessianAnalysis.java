package org.descent.analysis.curvature.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.analysis.curvature.HessianOperator;
import org.descent.analysis.curvature.Lanczos;
import org.descent.analysis.curvature.SymmetricEigen;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.descent.core.Subject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * {@code hessian}: the curvature of the training objective at a run's point — the extreme
 * eigenvalues and eigenvectors of the Hessian (exact for small models, Lanczos otherwise), its
 * trace, condition number, the kind of point (minimum, maximum, saddle), the second-order test
 * of a gradient step (source 003), per-block spectra, and whether the learning rate is too large
 * for the curvature (λmax · lr > 2).
 */
public final class HessianAnalysis implements Analysis {

    static final String ID = "hessian";

    private String method = "auto";
    private int k;
    private int maxExact;
    private int steps;
    private double tol;
    private int traceSamples;
    private boolean perBlock;
    private double epsilon;
    private double zeroTol;
    private double gradTol;
    private long seed;

    @Override
    public void configure(Settings s) {
        method = s.getString("method");
        k = s.getInt("k");
        maxExact = s.getInt("max-exact");
        steps = s.getInt("steps");
        tol = s.getDouble("tol");
        traceSamples = s.getInt("trace-samples");
        perBlock = s.getBoolean("per-block");
        epsilon = s.getDouble("epsilon");
        zeroTol = s.getDouble("zero-tol");
        gradTol = s.getDouble("grad-tol");
        seed = s.getLong("seed");
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
        Subject subject = input.requireSubject(ID);
        HessianOperator h = HessianOperator.of(subject);
        Batch batch = h.batch();
        int n = h.dimension();
        int k = this.k == 0 ? Math.min(5, n) : this.k;
        if (k > n) {
            throw new IllegalArgumentException("option '--k': " + k + " eigenpairs asked, but the model has only " + n
                    + " trainable parameters");
        }
        boolean exact = switch (method) {
        case "exact" -> true;
        case "lanczos" -> false;
        default -> n <= maxExact;
        };
        if (exact && n > 20000) {
            throw new IllegalArgumentException("option '--method exact': " + n + " parameters need a " + n + "x" + n
                    + " matrix (" + (8L * n * n >> 20) + " MiB); use --method lanczos");
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Hessian of " + subject.label(), 100);
        AnalysisResult r = new AnalysisResult(ID);
        r.put("parameters", n).put("rows", batch.size()).put("method", exact ? "exact" : "lanczos");
        double[] g = h.gradient();
        double gNorm = Math.sqrt(Lanczos.dot(g, g));
        double hvpError = h.relativeError(gNorm > 0 ? g : Lanczos.randomUnit(n, seed));

        double[] bottom;
        double[] top;
        double[][] bottomVectors;
        double[][] topVectors;
        double[] bottomResiduals;
        double[] topResiduals;
        double trace;
        double traceError = 0;
        double entryError = Double.NaN;
        if (exact) {
            double[] err = new double[1];
            double[][] matrix = h.matrix(sub.split(60).setWorkRemaining(n), err);
            entryError = err[0];
            r.put("hessian_entry_error", entryError);
            trace = 0;
            for (int i = 0; i < n; i++) {
                trace += matrix[i][i];
            }
            SymmetricEigen eig = SymmetricEigen.of(matrix, true, sub.split(20));
            bottom = new double[k];
            top = new double[k];
            bottomVectors = new double[k][];
            topVectors = new double[k][];
            bottomResiduals = new double[k];
            topResiduals = new double[k];
            for (int i = 0; i < k; i++) {
                bottom[i] = eig.value(i);
                bottomVectors[i] = eig.vector(i);
                top[i] = eig.value(n - 1 - i);
                topVectors[i] = eig.vector(n - 1 - i);
            }
            double[] all = eig.values();
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(new double[] { i, all[i] });
            }
            r.table("spectrum", new AnalysisResult.Table(List.of("index", "eigenvalue"), rows, false));
            r.put("lanczos_steps", 0);
        } else {
            Lanczos.Result l = Lanczos.extremes(h, k, steps, tol, seed, sub.split(70).setWorkRemaining(steps));
            int m = l.values().length;
            int count = Math.min(k, m);
            bottom = new double[count];
            bottomVectors = new double[count][];
            bottomResiduals = new double[count];
            for (int i = 0; i < count; i++) {
                bottom[i] = l.values()[i];
                bottomVectors[i] = l.vectors()[i];
                bottomResiduals[i] = l.residuals()[i];
            }
            top = new double[count];
            topVectors = new double[count][];
            topResiduals = new double[count];
            for (int i = 0; i < count; i++) {
                top[i] = l.values()[m - 1 - i];
                topVectors[i] = l.vectors()[m - 1 - i];
                topResiduals[i] = l.residuals()[m - 1 - i];
            }
            r.put("lanczos_steps", l.steps()).put("converged", l.converged());
            if (!l.converged()) {
                r.warn("Lanczos stopped after " + l.steps() + " steps before every pair met --tol " + tol
                        + "; the residuals say how far each is");
            }
            double[] est = hutchinson(h, traceSamples, seed, sub.split(10));
            trace = est[0];
            traceError = est[1];
        }
        double lambdaMax = top[0];
        double lambdaMin = bottom[0];
        double scale = Math.max(Math.abs(lambdaMax), Math.abs(lambdaMin));
        if (exact && !h.exact() && entryError > 1e-6 * scale) {
            r.warn(String.format(java.util.Locale.ROOT, "difference columns disagree by up to %.3g between step sizes: the"
                    + " objective is not smooth at this point (ReLU or max-pooling kinks within a step), so the"
                    + " eigenvalues are unreliable to that order; Lanczos (--method lanczos) uses smaller steps",
                    entryError));
        }
        r.put("top", list(top)).put("bottom", list(bottom));
        r.put("top_residuals", list(topResiduals)).put("bottom_residuals", list(bottomResiduals));
        r.put("lambda_max", lambdaMax).put("lambda_min", lambdaMin);
        r.put("condition_number", lambdaMin > zeroTol * scale ? lambdaMax / lambdaMin : null);
        r.put("trace", trace).put("trace_method", exact ? "exact" : "hutchinson, " + traceSamples + " samples");
        if (!exact) {
            r.put("trace_standard_error", traceError);
        }
        r.put("gradient_norm", gNorm).put("loss", h.value());
        String kind = classify(lambdaMin, lambdaMax, zeroTol * scale);
        boolean critical = gNorm <= gradTol;
        r.put("point", kind).put("critical", critical);
        r.put("hvp_method", h.exact() ? "exact (forward-over-reverse)" : "central differences");
        r.put("hvp_relative_error", hvpError);

        // the 003 test of a gradient step
        double lr = subject.learningRate();
        double eps = epsilon > 0 ? epsilon : Double.isFinite(lr) && lr > 0 ? lr : 1e-3;
        double[] hg = new double[n];
        h.apply(g, hg);
        double gg = Lanczos.dot(g, g);
        double gHg = Lanczos.dot(g, hg);
        double predicted = -eps * gg + 0.5 * eps * eps * gHg;
        double actual = h.valueAlong(g, -eps) - h.value();
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("epsilon", eps);
        step.put("first_order_change", -eps * gg);
        step.put("predicted_change", predicted);
        step.put("actual_change", actual);
        step.put("relative_difference", actual == 0 ? 0 : Math.abs(predicted - actual) / Math.abs(actual));
        step.put("gHg_over_gg", gg == 0 ? null : gHg / gg);
        r.put("step_test", step);
        r.put("learning_rate", Double.isFinite(lr) ? lr : null);
        if (Double.isFinite(lr)) {
            r.put("lr_times_lambda_max", lr * lambdaMax);
            if (lr * lambdaMax > 2) {
                r.warn(String.format(java.util.Locale.ROOT,
                        "the step is too large for the curvature: learning rate %.4g x lambda_max %.4g = %.3g > 2, so gradient "
                                + "descent diverges along the top eigenvector; a learning rate below 2/lambda_max = %.4g is stable",
                        lr, lambdaMax, lr * lambdaMax, 2 / lambdaMax));
            }
        }

        // timing: products against gradients, measured on this batch
        double[] v = Lanczos.randomUnit(n, seed + 1);
        double[] out = new double[n];
        long bestHvp = Long.MAX_VALUE;
        long bestGradient = Long.MAX_VALUE;
        // after a few untimed rounds, the best of each: a gradient (the objective and its gradient at θ), then
        // products in a row at the same point, as Lanczos and Hutchinson use them
        for (int i = -3; i < 7; i++) {
            long t0 = System.nanoTime();
            h.valueAlong(v, 0);
            long t1 = System.nanoTime();
            if (i >= 0) {
                bestGradient = Math.min(bestGradient, t1 - t0);
            }
        }
        for (int i = -3; i < 7; i++) {
            long t0 = System.nanoTime();
            h.apply(v, out);
            long t1 = System.nanoTime();
            if (i >= 0) {
                bestHvp = Math.min(bestHvp, t1 - t0);
            }
        }
        double perHvp = bestHvp / 1e9;
        double perGradient = bestGradient / 1e9;
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("seconds_per_gradient", perGradient);
        timing.put("seconds_per_hvp", perHvp);
        timing.put("hvp_over_gradient", perHvp / perGradient);
        timing.put("gradients_evaluated", h.gradients());
        r.put("timing", timing);

        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < bottom.length; i++) {
            rows.add(new double[] { i + 1, bottom[i], exact ? 0 : bottomResiduals[i] });
        }
        for (int i = top.length - 1; i >= 0; i--) {
            rows.add(new double[] { n - i, top[i], exact ? 0 : topResiduals[i] });
        }
        r.table("eigenvalues", new AnalysisResult.Table(List.of("rank", "eigenvalue", "residual"), rows, true));
        List<String> vectorColumns = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < top.length; i++) {
            vectorColumns.add("top" + (i + 1));
            vectors.add(h.expand(topVectors[i]));
        }
        for (int i = 0; i < bottom.length; i++) {
            vectorColumns.add("bottom" + (i + 1));
            vectors.add(h.expand(bottomVectors[i]));
        }
        List<double[]> vectorRows = new ArrayList<>();
        int size = subject.size();
        for (int p = 0; p < size; p++) {
            double[] row = new double[vectors.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = vectors.get(c)[p];
            }
            vectorRows.add(row);
        }
        r.table("eigenvectors", new AnalysisResult.Table(vectorColumns, vectorRows, false));

        r.line("%d parameters, %d rows, %s; loss %.6g, gradient norm %.4g", n, batch.size(),
                exact ? "exact Hessian (" + (h.exact() ? "exact products, asymmetry " : "max entry error ")
                        + String.format(java.util.Locale.ROOT, "%.2g", entryError)
                        + ")" : "Lanczos, " + r.values().get("lanczos_steps") + " steps",
                h.value(), gNorm);
        r.line("largest eigenvalues:  %s", format(top));
        r.line("smallest eigenvalues: %s", format(bottom));
        r.line("trace %.6g%s; condition number %s", trace, exact ? "" : String.format(java.util.Locale.ROOT,
                " (Hutchinson, ± %.2g)", traceError), lambdaMin > zeroTol * scale
                        ? String.format(java.util.Locale.ROOT, "%.4g", lambdaMax / lambdaMin)
                        : "undefined (lambda_min <= 0)");
        r.line(critical ? "the point: %s (gradient norm %.3g <= grad-tol)"
                : "the point: not a critical point (gradient norm %2$.3g > grad-tol); the curvature there is that of a %1$s",
                kind, gNorm);
        r.line("step test with epsilon %.4g: predicted change %.6g (first order %.6g), actual %.6g", eps, predicted,
                -eps * gg, actual);
        if (Double.isFinite(lr)) {
            r.line("learning rate %.4g x lambda_max = %.4g (stable below 2)", lr, lr * lambdaMax);
        }
        r.line(h.exact() ? "one exact Hessian-vector product (forward-over-reverse) costs %.2fx a gradient (%.3g s vs %.3g s);"
                + " central differences agree within %.2g"
                : "one Hessian-vector product (central differences) costs %.2fx a gradient (%.3g s vs %.3g s);"
                        + " estimated relative error %.2g", perHvp / perGradient, perHvp, perGradient, hvpError);
        if (perBlock) {
            blocks(subject, h, r, sub.split(10));
        }
        return r;
    }

    /** Extreme eigenvalues of each trainable block's diagonal block of the Hessian. */
    private void blocks(Subject subject, HessianOperator h, AnalysisResult r, IProgressMonitor monitor) {
        List<Object> info = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        int b = 0;
        for (ParameterBlock block : subject.blocks()) {
            b++;
            if (block.buffer()) {
                continue;
            }
            HessianOperator hb = h.restrictedTo(HessianOperator.block(block));
            Lanczos.Result l = Lanczos.extremes(hb, 1, Math.min(steps, 100), tol, seed, monitor);
            double max = l.values()[l.values().length - 1];
            double min = l.values()[0];
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("block", block.name());
            m.put("size", block.size());
            m.put("lambda_max", max);
            m.put("lambda_min", min);
            info.add(m);
            rows.add(new double[] { b - 1, block.size(), max, min });
            r.line("  block %-24s %8d parameters: lambda_max %.6g, lambda_min %.6g", block.name(), block.size(), max, min);
        }
        r.put("blocks", info);
        r.table("blocks", new AnalysisResult.Table(List.of("block", "size", "lambda_max", "lambda_min"), rows, true));
    }

    /**
     * What the extreme eigenvalues say about the point: a minimum (all positive), a maximum (all
     * negative), a strict saddle (a direction of negative curvature), or degenerate (zero
     * curvature at an end, where second order cannot decide).
     */
    static String classify(double min, double max, double zero) {
        if (min > zero) {
            return "minimum (positive definite)";
        }
        if (max < -zero) {
            return "maximum (negative definite)";
        }
        if (min < -zero && max > zero) {
            return "strict saddle (negative and positive curvature)";
        }
        if (min < -zero) {
            return "degenerate: negative curvature and flat directions (maximum or saddle, second order cannot tell)";
        }
        if (max > zero) {
            return "degenerate: positive curvature and flat directions (minimum or saddle, second order cannot tell)";
        }
        return "flat: the Hessian is zero to the tolerance";
    }

    /** Hutchinson's trace estimate with Rademacher vectors: mean and standard error. */
    static double[] hutchinson(HessianOperator h, int samples, long seed, IProgressMonitor monitor) {
        if (samples <= 0) {
            return new double[] { Double.NaN, Double.NaN };
        }
        int n = h.dimension();
        SplitMix64 r = new SplitMix64(seed ^ 0x5DEECE66DL);
        double[] z = new double[n];
        double[] hz = new double[n];
        double sum = 0;
        double sumSq = 0;
        for (int s = 0; s < samples; s++) {
            if (monitor.isCanceled()) {
                throw new org.eclipse.core.runtime.OperationCanceledException();
            }
            for (int i = 0; i < n; i++) {
                z[i] = r.nextDouble() < 0.5 ? -1 : 1;
            }
            h.apply(z, hz);
            double t = Lanczos.dot(z, hz);
            sum += t;
            sumSq += t * t;
        }
        double mean = sum / samples;
        double var = samples > 1 ? Math.max(0, (sumSq - samples * mean * mean) / (samples - 1)) : Double.NaN;
        return new double[] { mean, Math.sqrt(var / samples) };
    }

    private static List<Object> list(double[] v) {
        List<Object> l = new ArrayList<>();
        for (double x : v) {
            l.add(x);
        }
        return l;
    }

    private static String format(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.6g", x));
        }
        return sb.toString();
    }
}
