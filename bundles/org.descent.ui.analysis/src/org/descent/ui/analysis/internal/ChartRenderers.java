package org.descent.ui.analysis.internal;

import java.io.IOException;

import org.descent.core.AnalysisResult;
import org.descent.ui.analysis.AnalysisRenderer;
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
        d.draw(ReportRenderer.chartTab(tabs, tab), r);
        ReportRenderer.addReportAndTables(tabs, r);
        tabs.setSelection(0);
    }

    /** {@code hessian}: the computed eigenvalues by rank as a stem plot. */
    public static final class Hessian implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            ChartRenderers.render(parent, result, "Eigenvalues", (area, r) -> {
                AnalysisResult.Table t = r.table("eigenvalues");
                double[] rank = t.column("rank");
                double[] ev = t.column("eigenvalue");
                LineChart c = new LineChart(area, "Hessian eigenvalues", "rank",
                        "eigenvalue λ");
                double[] sx = new double[3 * rank.length];
                double[] sy = new double[3 * rank.length];
                for (int i = 0; i < rank.length; i++) {
                    sx[3 * i] = rank[i];
                    sx[3 * i + 1] = rank[i];
                    sx[3 * i + 2] = rank[i];
                    sy[3 * i] = 0;
                    sy[3 * i + 1] = ev[i];
                    sy[3 * i + 2] = Double.NaN;
                }
                c.setSeries("stems", "stems", XYData.of(sx, sy), LineChart.color(7), LineChart.Style.LINE);
                c.setSeries("eigenvalues", "λ by rank", XYData.of(rank, ev), LineChart.color(0), LineChart.Style.POINTS);
            });
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

    /** {@code gradients}: each example's gradient norm. */
    public static final class Gradients implements AnalysisRenderer {
        @Override
        public void render(Composite parent, StoredAnalysis result) throws IOException {
            ChartRenderers.render(parent, result, "Gradients", (area, r) -> {
                AnalysisResult.Table t = r.table("examples");
                LineChart c = new LineChart(area, "Per-example gradient norms", "example", "‖∇ℓᵢ‖");
                c.setSeries("norms", "gradient norm", XYData.of(t.column("example"), t.column("gradient_norm")), null,
                        LineChart.Style.POINTS);
            });
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
                Heatmap h = new Heatmap(area, SWT.NONE);
                h.setTitles("Optimal transport plan", "target point", "source point", "mass");
                h.setData(g.x(), g.y(), z);
            });
        }
    }
}
