package org.descent.analysis.landscape.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.ParameterBlock;
import org.descent.core.Settings;
import org.descent.core.Subject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * PCA with explained variance of the training inputs, of a parameter block's weight matrix, or of
 * the training trajectory (checkpoints minus the analysed point, as in Li et al. 2018,
 * "Visualizing the Loss Landscape of Neural Nets").
 */
public final class PcaAnalysis implements Analysis {

    static final String ID = "pca";

    private String of = "data";
    private int k;
    private String block = "";
    private int limit;

    @Override
    public void configure(Settings settings) {
        of = settings.getString("of");
        k = settings.getInt("k");
        block = settings.getString("block").strip();
        limit = settings.getInt("limit");
        if (k < 1) {
            throw new IllegalArgumentException(settings.owner() + ": k must be at least 1, not " + k);
        }
        if (limit < 2) {
            throw new IllegalArgumentException(settings.owner() + ": limit must be at least 2 rows, not " + limit);
        }
        if (!block.isEmpty() && !of.equals("weights")) {
            throw new IllegalArgumentException(settings.owner() + ": block '" + block
                    + "' is only used with of=weights, not of=" + of);
        }
    }

    /** The matrix to decompose and what its rows are. */
    private record Source(String description, double[] x, int rows, int cols, boolean centre, String rowColumn,
            double[] rowLabels, double[] targets) {
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
        Subject subject = input.requireSubject(ID);
        Source src = switch (of) {
        case "weights" -> weights(subject);
        case "trajectory" -> trajectory(subject);
        default -> data(subject);
        };
        int m = Math.min(src.rows, src.cols);
        if (k > m) {
            throw new IllegalArgumentException("analysis 'pca': option k = " + k + " is larger than min(rows, columns) = "
                    + m + " of " + src.description + " (" + src.rows + " x " + src.cols + "); give --k 1 to " + m);
        }
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        Pca pca = new Pca(src.x, src.rows, src.cols, src.centre, k, monitor);
        double[] s = pca.singularValues();
        double[] variance = pca.explainedVariance();
        double[] ratio = pca.explainedVarianceRatio();
        double[] cumulative = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += ratio[i];
            cumulative[i] = sum;
        }
        double total = 0;
        for (double v : variance) {
            total += v;
        }

        AnalysisResult r = new AnalysisResult(ID);
        r.put("subject", subject.label());
        r.put("of", of);
        r.put("source", src.description);
        r.put("rows", src.rows);
        r.put("columns", src.cols);
        r.put("centred", src.centre);
        r.put("k", k);
        r.put("total_variance", total);
        r.put("explained_variance", list(variance, k));
        r.put("explained_variance_ratio", list(ratio, k));
        r.put("cumulative_ratio", list(cumulative, k));
        r.put("singular_values", list(s, m));

        List<double[]> varianceRows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            varianceRows.add(new double[] { i + 1, s[i], variance[i], ratio[i], cumulative[i] });
        }
        r.table("variance", new AnalysisResult.Table(
                List.of("component", "singular_value", "explained_variance", "ratio", "cumulative"), varianceRows, true));

        List<String> columns = new ArrayList<>();
        columns.add(src.rowColumn);
        boolean withTargets = src.targets.length > 0;
        if (withTargets) {
            columns.add("target");
        }
        for (int j = 0; j < k; j++) {
            columns.add("pc" + (j + 1));
        }
        double[][] proj = pca.projections();
        List<double[]> projRows = new ArrayList<>();
        for (int i = 0; i < src.rows; i++) {
            double[] row = new double[columns.size()];
            row[0] = src.rowLabels[i];
            if (withTargets) {
                row[1] = src.targets[i];
            }
            System.arraycopy(proj[i], 0, row, withTargets ? 2 : 1, k);
            projRows.add(row);
        }
        if (of.equals("trajectory")) {
            double[] here = new double[columns.size()];
            here[0] = subject.step();
            projRows.add(here);
        }
        r.table("projections", new AnalysisResult.Table(columns, projRows, false));

        if (!of.equals("trajectory")) {
            List<String> componentColumns = new ArrayList<>();
            componentColumns.add("feature");
            for (int j = 0; j < k; j++) {
                componentColumns.add("pc" + (j + 1));
            }
            double[][] comp = pca.components();
            List<double[]> compRows = new ArrayList<>();
            for (int c = 0; c < src.cols; c++) {
                double[] row = new double[k + 1];
                row[0] = c;
                for (int j = 0; j < k; j++) {
                    row[j + 1] = comp[j][c];
                }
                compRows.add(row);
            }
            r.table("components", new AnalysisResult.Table(componentColumns, compRows, false));
        }

        r.line("PCA of %s", src.description);
        r.line("%s: %d rows x %d columns%s", subject.label(), src.rows, src.cols,
                src.centre ? ", columns centred" : ", not centred");
        r.line("%-10s %14s %14s %9s %11s", "component", "singular", "variance", "ratio", "cumulative");
        for (int j = 0; j < k; j++) {
            r.line("%-10s %14.6g %14.6g %8.3f%% %10.3f%%", "pc" + (j + 1), s[j], variance[j], 100 * ratio[j],
                    100 * cumulative[j]);
            if (pca.degenerate(j)) {
                r.warn("component " + (j + 1) + " has zero variance: its direction is undefined and reported as zeros");
            }
        }
        return r;
    }

    private static List<Double> list(double[] v, int n) {
        List<Double> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(v[i]);
        }
        return l;
    }

    private Source data(Subject subject) {
        int available = subject.data().rows();
        int n = Math.min(limit, available);
        if (n < 2) {
            throw new IllegalArgumentException("analysis 'pca': the training data of " + subject.label() + " has "
                    + available + " row" + (available == 1 ? "" : "s") + "; PCA needs at least 2");
        }
        Batch batch = subject.batch(n);
        int d = batch.inputDim();
        double[] x = Arrays.copyOf(batch.inputs(), n * d);
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i;
        }
        double[] targets = new double[0];
        if (batch.targetDim() == 1) {
            targets = Arrays.copyOf(batch.targets(), n);
        }
        String what = "the training inputs of " + subject.data().name() + " (" + (n == available ? "all " + n
                : "the first " + n + " of " + available) + " rows in epoch 0's order)";
        return new Source(what, x, n, d, true, "row", labels, targets);
    }

    private Source weights(Subject subject) {
        ParameterBlock chosen = null;
        List<String> names = new ArrayList<>();
        for (ParameterBlock b : subject.blocks()) {
            if (b.buffer() || b.shape().length < 2) {
                continue;
            }
            names.add(b.name() + " " + Arrays.toString(b.shape()));
            if (chosen == null && (block.isEmpty() || b.name().equals(block))) {
                chosen = b;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException(block.isEmpty()
                    ? "analysis 'pca': option of = weights, but " + subject.label()
                            + " has no parameter block with two or more dimensions"
                    : "analysis 'pca': option block = '" + block + "' is not a weight block of " + subject.label()
                            + "; its blocks with two or more dimensions are " + (names.isEmpty() ? "none"
                                    : String.join(", ", names)));
        }
        int rows = chosen.shape()[0];
        int cols = chosen.size() / rows;
        if (rows < 2) {
            throw new IllegalArgumentException("analysis 'pca': block '" + chosen.name() + "' "
                    + Arrays.toString(chosen.shape()) + " has one row; PCA of its rows needs at least 2");
        }
        double[] theta = subject.parameters();
        double[] x = Arrays.copyOfRange(theta, chosen.offset(), chosen.offset() + chosen.size());
        double[] labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i;
        }
        return new Source("the weights of block " + chosen.name() + " " + Arrays.toString(chosen.shape())
                + " (rows: its first dimension)", x, rows, cols, true, "row", labels, new double[0]);
    }

    private Source trajectory(Subject subject) {
        List<Subject.Point> points = Trajectories.before(subject, 1, ID, "of = trajectory");
        double[] theta = subject.parameters();
        double[] x = Trajectories.differences(points, theta, subject.blocks());
        double[] steps = new double[points.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = points.get(i).step();
        }
        return new Source("the trajectory: " + points.size() + " checkpoint" + (points.size() == 1 ? "" : "s")
                + " minus the parameters at step " + subject.step() + " (buffers left out)", x, points.size(),
                theta.length, false, "step", steps, new double[0]);
    }
}
