package org.descent.analysis.gradients.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;
import org.descent.core.Subject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * {@code gradients}: per-example gradients of a batch in one pass (source 004): the mean of
 * squared per-example gradients for every parameter, each example's gradient norm, and the
 * gradient noise scale {@code B_simple = tr(Σ) / |G|²} (McCandlish et al. 2018), with a check
 * that the per-example gradients average to the batch gradient, and the cost against a plain
 * backward pass (and, on request, against the loop of one backward pass per example).
 */
public final class GradientsAnalysis implements Analysis {

    static final String ID = "gradients";
    /** Untimed passes before the timed ones. */
    static final int WARM_UP = 20;

    private boolean checkSum;
    private boolean compareLoop;
    private int repeats;

    @Override
    public void configure(Settings s) {
        checkSum = s.getBoolean("check-sum");
        compareLoop = s.getBoolean("compare-loop");
        repeats = s.getInt("repeats");
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
        Subject subject = input.requireSubject(ID);
        SubMonitor sub = SubMonitor.convert(monitor, "Per-example gradients of " + subject.label(), 4);
        Batch batch = subject.batch(subject.batchSize());
        int n = batch.size();
        Model.Evaluator ev = subject.evaluator(n);
        if (!(ev instanceof Model.PerExample split)) {
            throw new IllegalArgumentException("the model of " + subject.label()
                    + " does not split its gradient by example; models made of layers (mlp, cnn, resnet) do");
        }
        double[] theta = subject.parameters();
        int size = theta.length;
        double[] gradient = new double[size];
        double[] norms = new double[n];
        double[] meanSquares = new double[size];
        double loss = ev.lossAndGradient(theta.clone(), batch, gradient);
        try {
            split.perExample(norms, meanSquares);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("per-example gradients: " + e.getMessage(), e);
        }
        check(sub);
        AnalysisResult r = new AnalysisResult(ID);
        r.put("rows", n).put("parameters", trainable(subject.blocks())).put("loss", loss);
        double gg = 0;
        for (ParameterBlock b : subject.blocks()) {
            if (!b.buffer()) {
                for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                    gg += gradient[i] * gradient[i];
                }
            }
        }
        double sumNormSq = 0;
        for (double v : norms) {
            sumNormSq += v;
        }
        // tr(Σ) of the per-example gradients, unbiased: (Σ|g_r|² − n|G|²) / (n − 1)
        double traceCov = n > 1 ? (sumNormSq - n * gg) / (n - 1) : Double.NaN;
        double noiseScale = traceCov / gg;
        r.put("batch_gradient_norm", Math.sqrt(gg));
        r.put("mean_squared_norm", sumNormSq / n);
        r.put("gradient_variance_trace", traceCov);
        r.put("noise_scale", noiseScale);
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = Math.sqrt(norms[i]);
        }
        double[] copy = sorted.clone();
        Arrays.sort(sorted);
        Map<String, Object> normStats = new LinkedHashMap<>();
        double mean = 0;
        for (double v : sorted) {
            mean += v / n;
        }
        double var = 0;
        for (double v : sorted) {
            var += (v - mean) * (v - mean) / n;
        }
        normStats.put("mean", mean);
        normStats.put("std", Math.sqrt(var));
        normStats.put("min", sorted[0]);
        normStats.put("median", n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
        normStats.put("max", sorted[n - 1]);
        r.put("example_norms", normStats);
        List<double[]> exampleRows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            exampleRows.add(new double[] { i, copy[i] });
        }
        r.table("examples", new AnalysisResult.Table(List.of("example", "gradient_norm"), exampleRows, false));

        List<Object> blocks = new ArrayList<>();
        List<double[]> entryRows = new ArrayList<>();
        for (ParameterBlock b : subject.blocks()) {
            if (b.buffer()) {
                continue;
            }
            double ms = 0;
            double g2 = 0;
            for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                ms += meanSquares[i];
                g2 += gradient[i] * gradient[i];
                entryRows.add(new double[] { i, meanSquares[i], gradient[i] });
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("block", b.name());
            m.put("size", b.size());
            m.put("mean_of_squares", ms / b.size());
            m.put("square_of_mean", g2 / b.size());
            double blockTrace = n > 1 ? (ms * n - n * g2) / (n - 1) : Double.NaN;
            m.put("noise_scale", blockTrace / g2);
            blocks.add(m);
        }
        r.put("blocks", blocks);
        r.table("mean-squares", new AnalysisResult.Table(List.of("parameter", "mean_square", "batch_gradient"), entryRows,
                false));
        check(sub);

        if (checkSum) {
            double[] sum = new double[size];
            double[] g = new double[size];
            for (int e = 0; e < n; e++) {
                if (e % 64 == 0) {
                    check(sub);
                }
                split.exampleGradient(e, g);
                for (int i = 0; i < size; i++) {
                    sum[i] += g[i];
                }
            }
            double worst = 0;
            double scale = 0;
            for (ParameterBlock b : subject.blocks()) {
                if (!b.buffer()) {
                    for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                        worst = Math.max(worst, Math.abs(sum[i] / n - gradient[i]));
                        scale = Math.max(scale, Math.abs(gradient[i]));
                    }
                }
            }
            r.put("sum_check_error", scale == 0 ? worst : worst / scale);
        }
        sub.worked(1);

        // cost: a plain backward pass against the same pass followed by the per-example split
        double[] work = theta.clone();
        long plain = Long.MAX_VALUE;
        long splitNanos = Long.MAX_VALUE;
        // untimed passes first, so that both paths are compiled; then the best of at least `repeats`
        // passes and of 0.3 s, so that small batches are timed as steadily as large ones
        long until = 0;
        for (int rep = -WARM_UP; rep < repeats || (System.nanoTime() < until && rep < 100_000); rep++) {
            check(sub);
            System.arraycopy(theta, 0, work, 0, size);
            long t0 = System.nanoTime();
            ev.lossAndGradient(work, batch, gradient);
            long t1 = System.nanoTime();
            split.perExample(norms, meanSquares);
            long t2 = System.nanoTime();
            if (rep == 0) {
                until = t0 + 300_000_000L;
            }
            if (rep >= 0) {
                plain = Math.min(plain, t1 - t0);
                splitNanos = Math.min(splitNanos, t2 - t1);
            }
        }
        long withSplit = plain + splitNanos;
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("seconds_backward", plain / 1e9);
        timing.put("seconds_backward_and_split", withSplit / 1e9);
        timing.put("split_over_backward", (double) withSplit / plain);
        if (compareLoop) {
            double loop = loopSeconds(subject, batch, theta, sub);
            timing.put("seconds_loop_of_single_examples", loop);
            timing.put("loop_over_split", loop / (withSplit / 1e9));
        }
        r.put("timing", timing);
        sub.worked(1);

        boolean coupled = subject.blocks().stream().anyMatch(b -> b.buffer() && b.name().endsWith("running_mean"));
        if (coupled && batch.training()) {
            r.warn("batch normalization couples the examples through the batch statistics: each example's part of the "
                    + "batch gradient is reported (the parts average to the batch gradient), not the gradient of its own "
                    + "loss alone");
        }
        r.put("coupled_by_batch_norm", coupled && batch.training());
        r.put("note", "gradients of the model's mean loss; the experiment's penalties (regularizers) are not per-example "
                + "and are left out");

        r.line("%d examples, %d trainable parameters; batch loss %.6g, batch gradient norm %.4g", n,
                trainable(subject.blocks()), loss, Math.sqrt(gg));
        r.line("per-example gradient norms: mean %.4g, median %.4g, min %.4g, max %.4g", mean, normStats.get("median"),
                sorted[0], sorted[n - 1]);
        r.line("gradient noise scale B_simple = tr(Sigma)/|G|^2 = %.4g (tr Sigma %.4g)", noiseScale, traceCov);
        r.line("%-24s %10s %14s %14s %12s", "block", "size", "mean of g^2", "(mean g)^2", "noise scale");
        for (Object o : blocks) {
            Map<?, ?> m = (Map<?, ?>) o;
            r.line("%-24s %10d %14.6g %14.6g %12.4g", m.get("block"), m.get("size"), m.get("mean_of_squares"),
                    m.get("square_of_mean"), m.get("noise_scale"));
        }
        if (checkSum) {
            r.line("per-example gradients average to the batch gradient within %.2g (relative)", r.values().get(
                    "sum_check_error"));
        }
        r.line("cost: backward %.3g s, backward + per-example split %.3g s (%.2fx)%s", plain / 1e9, withSplit / 1e9,
                (double) withSplit / plain, compareLoop ? String.format(Locale.ROOT,
                        "; a loop of %d single-example backward passes takes %.3g s", n,
                        (Double) timing.get("seconds_loop_of_single_examples")) : "");
        return r;
    }

    /** The naive way, for comparison: one backward pass per example (best of the repeats). */
    private double loopSeconds(Subject subject, Batch batch, double[] theta, IProgressMonitor monitor) {
        int n = batch.size();
        Model.Evaluator one = subject.evaluator(1);
        DataShape shape = subject.data().shape();
        int in = shape.inputDim();
        int td = shape.targetDim();
        Data rows = new Data("batch", new DataShape(n, in, td, shape.classes()), Arrays.copyOf(batch.inputs(), n * in),
                Arrays.copyOf(batch.targets(), n * td), List.of());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Batch single = new Batch(1, in, td);
        double[] g = new double[theta.length];
        double[] work = theta.clone();
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < Math.max(1, repeats / 2); rep++) {
            long t0 = System.nanoTime();
            for (int e = 0; e < n; e++) {
                if (e % 64 == 0) {
                    check(monitor);
                }
                single.fill(rows, order, e, e + 1);
                single.mode(batch.training(), batch.seed());
                System.arraycopy(theta, 0, work, 0, theta.length);
                one.lossAndGradient(work, single, g);
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best / 1e9;
    }

    private static int trainable(List<ParameterBlock> blocks) {
        return blocks.stream().filter(b -> !b.buffer()).mapToInt(ParameterBlock::size).sum();
    }

    private static void check(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
