package org.descent.ui.analysis.internal;

import java.io.IOException;

import org.descent.core.AnalysisResult;
import org.descent.ui.analysis.AnalysisRenderer;
import org.descent.ui.analysis.AnalysisTabs;
import org.descent.ui.analysis.StoredAnalysis;
import org.descent.ui.charts.Heatmap;
import org.descent.ui.charts.LineChart;
import org.descent.ui.charts.XYData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Composite;

/** The renderers of the analyses that come with Descent: a chart first, then the report and tables. */
public final class ChartRenderers {

    private ChartRenderers() {
    }

    /** A tab folder with a chart tab; the report and table tabs are added after {@code draw}. */
    private interface Drawing {
        void draw(Composite chartArea, StoredAnalysis r) throws IOException;
    }

    private static void render(Composite parent, StoredAnalysis r, String tab, Drawing d) throws IOException {
        CTabFolder tabs = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        d.draw(AnalysisTabs.chartTab(tabs, tab), r);
        AnalysisTabs.addReportAndTables(tabs, r);
        tabs.setSelection(0);
    }

    /**
     * {@code hessian}: the largest and the smallest eigenvalues at their places in the spectrum
     * (index 1 the largest, n the smallest, n the number of parameters) as stems with a marker on top.
     */
    public static final class Hessian implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            ChartRenderers.render(parent, result, "Eigenvalues", (area, r) -> {
                double n = r.number("parameters");
                double[] top = numbers(r.values().get("top"));
                double[] bottom = numbers(r.values().get("bottom"));
                String title = top.length >= n
                        ? String.format(java.util.Locale.ROOT, "Hessian eigenvalues: all %d", (long) n)
                        : String.format(java.util.Locale.ROOT, "Hessian eigenvalues: the %d largest and the %d smallest of %d",
                                top.length, bottom.length, (long) n);
                LineChart c = new LineChart(area, title, "index in the spectrum (1 = largest)", "eigenvalue λ");
                c.setIntegerX(true);
                double[] topX = new double[top.length];
                for (int i = 0; i < top.length; i++) {
                    topX[i] = i + 1;
                }
                double[] bottomX = new double[bottom.length];
                for (int i = 0; i < bottom.length; i++) {
                    bottomX[i] = n - i;
                }
                stems(c, "top-stems", whole(top, n) ? "every eigenvalue" : "largest", topX, top, LineChart.color(0));
                c.setSeries("top", whole(top, n) ? "every eigenvalue" : "largest", XYData.of(topX, top), LineChart.color(0), LineChart.Style.POINTS);
                if (!whole(top, n)) {
                    stems(c, "bottom-stems", "smallest", bottomX, bottom, LineChart.color(1));
                    c.setSeries("bottom", "smallest", XYData.of(bottomX, bottom), LineChart.color(1), LineChart.Style.POINTS);
                }
            });
        }

        /**
         * A stem plot as one line: from the baseline up to each value and back, in order of x, so
         * no raw chart series is needed.
         */
        static void stems(LineChart c, String id, String label, double[] x, double[] y, org.eclipse.swt.graphics.RGB color) {
            Integer[] order = new Integer[x.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
            double[] sx = new double[3 * x.length];
            double[] sy = new double[3 * x.length];
            for (int k = 0; k < order.length; k++) {
                int i = order[k];
                sx[3 * k] = x[i];
                sx[3 * k + 1] = x[i];
                sx[3 * k + 2] = x[i];
                sy[3 * k + 1] = y[i];
            }
            c.setSeries(id, label, XYData.of(sx, sy), color, LineChart.Style.LINE);
            // the markers on top are read out; the stems' baseline points would read 0
            c.setInReadout(id, false);
        }

        private static boolean whole(double[] top, double n) {
            return top.length >= n;
        }

        private static double[] numbers(@org.eclipse.jdt.annotation.Nullable Object list) {
            if (!(list instanceof java.util.List<?> l)) {
                return new double[0];
            }
            double[] v = new double[l.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = l.get(i) instanceof Number num ? num.doubleValue() : Double.NaN;
            }
            return v;
        }
    }

    /** {@code hessian-density}: the spectral density curve. */
    public static final class Density implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            ChartRenderers.render(parent, result, "Density", (area, r) -> {
                AnalysisResult.Table t = r.table("density");
                LineChart c = new LineChart(area, "Hessian spectral density", "eigenvalue λ", "density");
                c.setSeries("density", "density", XYData.of(t.column("lambda"), t.column("density")), null,
                        LineChart.Style.LINE);
            });
        }
    }

    /** {@code landscape}: the surface as a heatmap with contours and the projected trajectory, or the line. */
    public static final class Landscape implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            ChartRenderers.render(parent, result, "Landscape", (area, r) -> {
                AnalysisResult.Table traj = r.tableNames().contains("trajectory") ? r.table("trajectory") : null;
                if (r.tableNames().contains("surface")) {
                    Grid g = Grid.of(r.table("surface"), "alpha", "beta", "loss");
                    Heatmap h = new Heatmap(area, SWT.NONE);
                    h.setTitles("Loss surface (" + r.string("directions", "random") + " directions)", "α", "β", "loss");
                    h.setData(g.x(), g.y(), g.z());
                    h.setContours(12);
                    if (traj != null) {
                        h.setOverlays(java.util.List.of(new Heatmap.Polyline("trajectory (checkpoints)",
                                traj.column("alpha"), traj.column("beta"), LineChart.color(3))));
                    }
                } else {
                    AnalysisResult.Table line = r.table("line");
                    LineChart c = new LineChart(area, "Loss along the line", "α", "loss");
                    c.setSeries("line", "loss", XYData.of(line.column("alpha"), line.column("loss")), null,
                            LineChart.Style.LINE);
                    if (traj != null) {
                        c.setSeries("trajectory", "checkpoints", XYData.of(traj.column("alpha"), traj.column("loss")),
                                null, LineChart.Style.POINTS);
                    }
                }
            });
        }
    }

    /** {@code pca}: the projections on the first two components (coloured by target when there is one), or the variance. */
    public static final class Pca implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            ChartRenderers.render(parent, result, "PCA", (area, r) -> {
                AnalysisResult.Table p = r.table("projections");
                if (p.columns().contains("pc2")) {
                    LineChart c = new LineChart(area, "PCA of the " + r.string("of", "data"), "PC 1", "PC 2");
                    double[] x = p.column("pc1");
                    double[] y = p.column("pc2");
                    if (p.columns().contains("target")) {
                        double[] target = p.column("target");
                        java.util.TreeSet<Double> classes = new java.util.TreeSet<>();
                        for (double v : target) {
                            classes.add(v);
                        }
                        if (classes.size() <= 10) {
                            int k = 0;
                            for (double cl : classes) {
                                int n = 0;
                                for (double v : target) {
                                    n += v == cl ? 1 : 0;
                                }
                                double[] cx = new double[n];
                                double[] cy = new double[n];
                                for (int i = 0, j = 0; i < target.length; i++) {
                                    if (target[i] == cl) {
                                        cx[j] = x[i];
                                        cy[j++] = y[i];
                                    }
                                }
                                c.setSeries("class-" + k, "target " + Tables.format(cl), XYData.of(cx, cy),
                                        LineChart.color(k++), LineChart.Style.POINTS);
                            }
                            return;
                        }
                    }
                    c.setSeries("points", "rows", XYData.of(x, y), null, LineChart.Style.POINTS);
                } else {
                    AnalysisResult.Table v = r.table("variance");
                    LineChart c = new LineChart(area, "Explained variance", v.columns().get(0), v.columns().get(1));
                    c.setSeries("variance", v.columns().get(1), XYData.of(v.column(v.columns().get(0)),
                            v.column(v.columns().get(1))), null, LineChart.Style.LINE);
                }
            });
        }
    }

    /**
     * {@code gradients}: per block the mean of the per-example squared gradients against the square
     * of the mean gradient (stems by block, with the block table beside), and each example's norm.
     */
    public static final class Gradients implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            ChartRenderers.render(parent, result, "Blocks", (area, r) -> {
                java.util.List<?> blocks = r.values().get("blocks") instanceof java.util.List<?> l ? l : java.util.List.of();
                org.eclipse.swt.custom.SashForm sash = new org.eclipse.swt.custom.SashForm(area, SWT.VERTICAL);
                String[] columns = { "block", "size", "mean_of_squares", "square_of_mean", "noise_scale" };
                java.util.List<String[]> rows = new java.util.ArrayList<>();
                double[] x = new double[blocks.size()];
                double[] ms = new double[blocks.size()];
                double[] sm = new double[blocks.size()];
                for (int i = 0; i < x.length; i++) {
                    java.util.Map<?, ?> b = (java.util.Map<?, ?>) blocks.get(i);
                    x[i] = i + 1;
                    ms[i] = b.get("mean_of_squares") instanceof Number n ? n.doubleValue() : Double.NaN;
                    sm[i] = b.get("square_of_mean") instanceof Number n ? n.doubleValue() : Double.NaN;
                    String[] cells = new String[columns.length];
                    cells[0] = (i + 1) + ": " + b.get("block");
                    for (int c = 1; c < columns.length; c++) {
                        cells[c] = b.get(columns[c]) instanceof Number n ? Tables.format(n.doubleValue()) : "";
                    }
                    rows.add(cells);
                }
                LineChart c = new LineChart(sash, "Per-block gradient: mean of squares and square of the mean",
                        "block (numbered as in the table below)", "per entry");
                c.setIntegerX(true);
                Hessian.stems(c, "mean-of-squares-stems", "mean of per-example squares", x, ms, LineChart.color(0));
                c.setSeries("mean_of_squares", "mean of per-example squares", XYData.of(x, ms), LineChart.color(0), LineChart.Style.POINTS);
                c.setSeries("square_of_mean", "square of the batch gradient", XYData.of(x, sm), LineChart.color(1),
                        LineChart.Style.POINTS);
                Tables.ofText(sash, columns, rows);
                sash.setWeights(65, 35);
            });
        }
    }

    /** {@code information}: the two distributions by outcome, then the measures in the report and table. */
    public static final class Information implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            ChartRenderers.render(parent, result, "Distributions", (area, r) -> {
                org.eclipse.swt.custom.SashForm sash = new org.eclipse.swt.custom.SashForm(area, SWT.VERTICAL);
                AnalysisResult.Table t = r.table("distributions");
                LineChart c = new LineChart(sash, "The distributions a and b", "outcome", "probability");
                c.setSeries("a", "a", XYData.of(t.column("outcome"), t.column("a")), LineChart.color(0), LineChart.Style.LINE);
                c.setSeries("b", "b", XYData.of(t.column("outcome"), t.column("b")), LineChart.color(1), LineChart.Style.DASHED);
                String unit = r.string("base", "nats");
                String[] keys = { "entropy_a", "entropy_b", "cross_entropy_ab", "kl_ab", "kl_ba", "js_divergence",
                        "js_distance" };
                java.util.List<String[]> rows = new java.util.ArrayList<>();
                for (String k : keys) {
                    Object v = r.values().get(k);
                    rows.add(new String[] { k, v instanceof Number n ? Tables.format(n.doubleValue()) : "∞ (see report)",
                            k.equals("js_distance") ? "" : unit });
                }
                Tables.ofText(sash, new String[] { "measure", "value", "unit" }, rows);
            });
        }
    }

    /**
     * {@code precision}: each format's gradient underflow per block (stems, at each scale), and when
     * the run was trained in mixed precision, its loss scale, skipped steps and underflow by step.
     */
    public static final class Precision implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            CTabFolder tabs = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
            java.util.List<?> blocks = result.values().get("blocks") instanceof java.util.List<?> l ? l : java.util.List.of();
            for (String format : result.tableNames()) {
                AnalysisResult.Table t = result.table(format);
                if (!t.columns().contains("underflow_fraction")) {
                    continue;
                }
                Composite area = AnalysisTabs.chartTab(tabs, format + " underflow");
                LineChart c = new LineChart(area, format + ": gradient entries that underflow to zero",
                        "block (1 = " + (blocks.isEmpty() ? "first" : blocks.get(0)) + ")", "fraction of entries");
                double[] block = t.column("block");
                double[] scale = t.column("scale");
                double[] under = t.column("underflow_fraction");
                java.util.TreeSet<Double> scales = new java.util.TreeSet<>();
                for (double s : scale) {
                    scales.add(s);
                }
                int k = 0;
                for (double s : scales) {
                    int n = 0;
                    for (double v : scale) {
                        n += v == s ? 1 : 0;
                    }
                    double[] x = new double[n];
                    double[] y = new double[n];
                    for (int i = 0, j = 0; i < scale.length; i++) {
                        if (scale[i] == s) {
                            x[j] = block[i] + 1;
                            y[j++] = under[i];
                        }
                    }
                    Hessian.stems(c, "stems-" + k, "loss scale " + Tables.format(s), x, y, LineChart.color(k));
                    c.setSeries("scale-" + k, "loss scale " + Tables.format(s), XYData.of(x, y), LineChart.color(k), LineChart.Style.POINTS);
                    k++;
                }
            }
            java.util.Optional<ProbesFile> probes = RunProbes.ofAnalysisFolder(result.folder());
            if (probes.isPresent() && RunProbes.hasPrecision(probes.get())) {
                RunProbes.precision(AnalysisTabs.chartTab(tabs, "Run: loss scale"), probes.get());
            }
            AnalysisTabs.addReportAndTables(tabs, result);
            tabs.setSelection(0);
        }
    }

    /** {@code wasserstein}: the transport plan as a heatmap (source × target → mass). */
    public static final class Wasserstein implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            ChartRenderers.render(parent, result, "Transport plan", (area, r) -> {
                Grid g = Grid.of(r.table("plan"), "target", "source", "mass");
                double[][] z = g.z();
                for (double[] row : z) {
                    for (int i = 0; i < row.length; i++) {
                        if (Double.isNaN(row[i])) {
                            row[i] = 0;
                        }
                    }
                }
                org.eclipse.swt.custom.SashForm sash = new org.eclipse.swt.custom.SashForm(area, SWT.HORIZONTAL);
                Heatmap h = new Heatmap(sash, SWT.NONE);
                h.setTitles("Optimal transport plan", "target point", "source point", "mass");
                h.setData(g.x(), g.y(), z);
                java.util.List<String[]> rows = new java.util.ArrayList<>();
                for (String k : new String[] { "method", "metric", "p", "distance", "cost", "divergence", "n", "m",
                        "dimension", "marginal_error", "iterations", "seconds" }) {
                    Object v = r.values().get(k);
                    if (v != null) {
                        rows.add(new String[] { k, v instanceof Number num ? Tables.format(num.doubleValue()) : v.toString() });
                    }
                }
                Tables.ofText(sash, new String[] { "measure", "value" }, rows);
                sash.setWeights(72, 28);
            });
        }
    }
}
