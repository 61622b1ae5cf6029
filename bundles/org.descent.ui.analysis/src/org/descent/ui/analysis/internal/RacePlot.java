package org.descent.ui.analysis.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.descent.core.AnalysisResult;
import org.descent.ui.analysis.StoredAnalysis;
import org.descent.ui.charts.Heatmap;
import org.descent.ui.charts.LineChart;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;

/**
 * The race drawn: the function's contour plot (a heatmap with contour lines, colours and levels
 * logarithmic for steep valleys) with every optimizer's trajectory over it in its own colour,
 * up to a chosen step.
 */
public final class RacePlot {

    /** One optimizer's trajectory: label, x and y from the start on. */
    public record Path(String label, double[] x, double[] y) {
    }

    private final Heatmap heatmap;
    private final List<Path> paths = new ArrayList<>();
    private int shown = Integer.MAX_VALUE;
    private int longest;

    public RacePlot(Composite parent, int style) {
        heatmap = new Heatmap(parent, style);
    }

    public Heatmap heatmap() {
        return heatmap;
    }

    /** Shows a race result, all steps. */
    @SuppressWarnings("unchecked")
    public void show(StoredAnalysis race) throws IOException {
        String xName = race.string("x_name", "x");
        String yName = race.string("y_name", "y");
        Grid g = Grid.of(race.table("grid"), "x", "y", "f");
        boolean log = Boolean.TRUE.equals(race.values().get("log_levels"));
        double[][] z = g.z();
        if (log) {
            z = positive(z);
        }
        heatmap.setTitles(race.string("problem", "race") + ": f(" + xName + ", " + yName + ") = "
                + race.string("function", ""), xName, yName, "f");
        heatmap.setData(g.x(), g.y(), z);
        heatmap.setLogColors(log);
        heatmap.setContours(14);
        paths.clear();
        longest = 0;
        if (race.values().get("optimizers") instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> m = (Map<String, Object>) o;
                AnalysisResult.Table t = race.table((String) m.get("table"));
                String label = (String) m.get("label");
                if (Boolean.TRUE.equals(m.get("diverged"))) {
                    label += " (diverged)";
                } else if (m.get("final") instanceof List<?> last && last.size() == 3 && last.get(2) instanceof Number f) {
                    label += String.format(java.util.Locale.ROOT, "  f = %.3g", f.doubleValue());
                }
                paths.add(new Path(label, t.column("x"), t.column("y")));
                longest = Math.max(longest, t.rows().size() - 1);
            }
        }
        shown = Math.min(shown, longest);
        overlay();
    }

    /** Values ≤ 0 (an exact minimum on the grid) raised to a tenth of the smallest positive one, for log colours. */
    private static double[][] positive(double[][] z) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (v > 0) {
                    min = Math.min(min, v);
                }
            }
        }
        double[][] out = new double[z.length][];
        for (int j = 0; j < z.length; j++) {
            out[j] = z[j].clone();
            for (int i = 0; i < out[j].length; i++) {
                if (out[j][i] <= 0) {
                    out[j][i] = min / 10;
                }
            }
        }
        return out;
    }

    /** The number of steps of the longest trajectory. */
    public int longest() {
        return longest;
    }

    /** The step up to which trajectories are drawn. */
    public int shown() {
        return shown;
    }

    /** Draws the trajectories up to step {@code step} (clamped to the race's length). */
    public void showUpTo(int step) {
        shown = Math.max(0, Math.min(step, longest));
        overlay();
    }

    /** Resets the drawn length to the whole race when the next result is shown. */
    public void showAll() {
        shown = Integer.MAX_VALUE;
    }

    private void overlay() {
        List<Heatmap.Polyline> lines = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            int n = Math.min(p.x().length, shown + 1);
            lines.add(new Heatmap.Polyline(p.label(), Arrays.copyOf(p.x(), n), Arrays.copyOf(p.y(), n),
                    LineChart.color(i)));
        }
        heatmap.setOverlays(lines);
    }

    /** The trajectories as drawn now. */
    public List<Heatmap.Polyline> drawn() {
        return heatmap.getOverlays();
    }

    /**
     * The data point under a pixel of the heatmap (the inverse of {@link Heatmap#toControl}).
     */
    public double[] toData(int px, int py) {
        double[] a = { 0, 0 };
        double[] b = { 1, 1 };
        Point pa = heatmap.toControl(a[0], a[1]);
        Point pb = heatmap.toControl(b[0], b[1]);
        double x = a[0] + (px - pa.x) * (b[0] - a[0]) / (double) (pb.x - pa.x);
        double y = a[1] + (py - pa.y) * (b[1] - a[1]) / (double) (pb.y - pa.y);
        return new double[] { x, y };
    }
}
