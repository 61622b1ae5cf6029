package org.example.descent.lion;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;
import org.descent.core.Subject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * Per-layer update sign agreement over a run's checkpoints: with the updates
 * {@code Δ_k = θ_k − θ_(k−1)} between consecutive checkpoints, the agreement of a block at
 * checkpoint k is the fraction of its coordinates where {@code Δ_k} and {@code Δ_(k−1)} have the
 * same sign, among those where neither is zero. Results: {@code agreement} (all blocks and steps
 * pooled), the table {@code blocks} (block index, size, agreement pooled over the steps) and the
 * table {@code steps} (step, then one column per block; NaN where no coordinate of the block
 * moved twice).
 */
public final class SignAgreement implements Analysis {

    /** The analysis' id, as plugin.xml declares it. */
    public static final String ID = "sign-agreement";

    @Override
    public void configure(Settings settings) {
        // no hyperparameters
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
        Subject subject = input.requireSubject(ID);
        List<Subject.Point> points = subject.trajectory();
        if (points.size() < 3) {
            throw new IllegalArgumentException("analysis '" + ID + "' needs at least 3 checkpoints (two consecutive "
                    + "updates); the run has " + points.size() + ": train with a smaller --checkpoint-every");
        }
        List<ParameterBlock> blocks = subject.blocks().stream().filter(b -> !b.buffer()).toList();
        long[] agree = new long[blocks.size()];
        long[] counted = new long[blocks.size()];
        List<String> columns = new ArrayList<>(List.of("step"));
        for (int b = 0; b < blocks.size(); b++) {
            columns.add("block_" + b);
        }
        List<double[]> steps = new ArrayList<>();
        for (int k = 2; k < points.size(); k++) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            double[] a = points.get(k - 2).parameters();
            double[] b = points.get(k - 1).parameters();
            double[] c = points.get(k).parameters();
            double[] row = new double[blocks.size() + 1];
            row[0] = points.get(k).step();
            for (int j = 0; j < blocks.size(); j++) {
                ParameterBlock block = blocks.get(j);
                long same = 0;
                long both = 0;
                for (int i = block.offset(); i < block.offset() + block.size(); i++) {
                    double previous = Math.signum(b[i] - a[i]);
                    double current = Math.signum(c[i] - b[i]);
                    if (previous != 0 && current != 0) {
                        both++;
                        if (previous == current) {
                            same++;
                        }
                    }
                }
                agree[j] += same;
                counted[j] += both;
                row[j + 1] = both == 0 ? Double.NaN : (double) same / both;
            }
            steps.add(row);
        }
        AnalysisResult result = new AnalysisResult(ID);
        result.line("%d checkpoints, %d pairs of consecutive updates", points.size(), points.size() - 2);
        result.line("%-4s %-24s %10s  %s", "#", "BLOCK", "SIZE", "AGREEMENT");
        List<double[]> perBlock = new ArrayList<>();
        long allSame = 0;
        long allCounted = 0;
        for (int j = 0; j < blocks.size(); j++) {
            double share = counted[j] == 0 ? Double.NaN : (double) agree[j] / counted[j];
            perBlock.add(new double[] { j, blocks.get(j).size(), share });
            result.line("%-4d %-24s %10d  %.4f", j, blocks.get(j).name(), blocks.get(j).size(), share);
            allSame += agree[j];
            allCounted += counted[j];
        }
        if (allCounted == 0) {
            result.warn("no coordinate moved in two consecutive updates: the parameters did not change");
        }
        result.put("agreement", allCounted == 0 ? Double.NaN : (double) allSame / allCounted);
        result.put("block_names", blocks.stream().map(ParameterBlock::name).toList());
        result.table("blocks", new AnalysisResult.Table(List.of("block", "size", "agreement"), perBlock, true));
        result.table("steps", new AnalysisResult.Table(columns, steps, false));
        return result;
    }
}
