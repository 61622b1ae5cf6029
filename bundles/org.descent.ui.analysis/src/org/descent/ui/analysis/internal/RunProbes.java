package org.descent.ui.analysis.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.descent.ui.charts.Heatmap;
import org.descent.ui.charts.LineChart;
import org.descent.ui.charts.XYData;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * What a run's probes.csv holds, drawn: the dynamics probe's per-layer activation and gradient
 * histograms over the steps (heatmaps), and a mixed-precision run's loss scale, skipped steps
 * and per-block gradient underflow.
 */
public final class RunProbes {

    /** How the dynamics probe's buckets read, for titles. */
    private static final String BUCKETS = ": bucket B holds |v| in [2^(|B|−21), 2^(|B|−20)), B < 0 the negative values";

    private RunProbes() {
    }

    /** Whether the probes hold the dynamics probe's histograms. */
    public static boolean hasHistograms(ProbesFile p) {
        return !p.parts("act_hist").isEmpty();
    }

    /** Whether the probes hold a mixed-precision policy's statistics. */
    public static boolean hasPrecision(ProbesFile p) {
        return p.series().containsKey("loss_scale");
    }

    /** The probes of the run an analysis is stored in ({@code RUN/analyses/NAME}), if it has any. */
    public static java.util.Optional<ProbesFile> ofAnalysisFolder(@org.eclipse.jdt.annotation.Nullable Path folder)
            throws IOException {
        if (folder == null || folder.getParent() == null || folder.getParent().getParent() == null) {
            return java.util.Optional.empty();
        }
        Path file = folder.getParent().getParent().resolve("probes.csv");
        return Files.isRegularFile(file) ? java.util.Optional.of(ProbesFile.read(file)) : java.util.Optional.empty();
    }

    /** Per-layer histograms over time: a layer picker and two heatmaps (activations above, gradients below). */
    public static void histograms(Composite parent, ProbesFile p) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(c);
        new Label(c, SWT.NONE).setText("&Layer:");
        Combo layers = new Combo(c, SWT.READ_ONLY);
        List<String> names = p.parts("act_hist");
        names.forEach(layers::add);
        SashForm sash = new SashForm(c, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(sash);
        Heatmap act = new Heatmap(sash, SWT.NONE);
        Heatmap grad = new Heatmap(sash, SWT.NONE);
        Runnable show = () -> {
            String layer = names.get(Math.max(0, layers.getSelectionIndex()));
            draw(act, p.histogram("act_hist", layer), "Activations of " + layer + BUCKETS);
            draw(grad, p.histogram("grad_hist", layer), "Gradients reaching " + layer + BUCKETS);
        };
        layers.addListener(SWT.Selection, e -> show.run());
        layers.select(0);
        show.run();
    }

    private static void draw(Heatmap h, Grid g, String title) {
        h.setTitles(title, "step", "bucket B", "fraction of values");
        if (g.x().length > 0 && g.y().length > 0) {
            h.setData(g.x(), g.y(), g.z());
        }
    }

    /** The loss scale by step with the skipped steps marked, and each block's underflow fraction by step. */
    public static void precision(Composite parent, ProbesFile p) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        ProbesFile.Series scale = p.series().get("loss_scale");
        LineChart s = new LineChart(sash, "Loss scale", "step", "loss scale");
        s.setSeries("loss_scale", "loss scale", XYData.of(scale.steps(), scale.values()), LineChart.color(0),
                LineChart.Style.LINE);
        ProbesFile.Series skipped = p.series().get("skipped_step");
        if (skipped != null) {
            int n = 0;
            for (double v : skipped.values()) {
                n += v != 0 ? 1 : 0;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0, k = 0; i < skipped.values().length; i++) {
                if (skipped.values()[i] != 0) {
                    x[k] = skipped.steps()[i];
                    y[k++] = scaleAt(scale, skipped.steps()[i]);
                }
            }
            s.setSeries("skipped", n + " skipped steps", XYData.of(x, y), LineChart.color(3), LineChart.Style.POINTS);
        }
        s.setLogScale(true);
        LineChart u = new LineChart(sash, "Gradient underflow per block", "step", "fraction flushed to zero");
        int k = 0;
        for (String name : p.series().keySet()) {
            if (name.contains("_underflow/")) {
                ProbesFile.Series b = p.series().get(name);
                u.setSeries(name, name, XYData.of(b.steps(), b.values()), LineChart.color(k++), LineChart.Style.LINE);
            }
        }
    }

    private static double scaleAt(ProbesFile.Series scale, double step) {
        int i = java.util.Arrays.binarySearch(scale.steps(), step);
        return i >= 0 ? scale.values()[i] : Double.NaN;
    }
}
