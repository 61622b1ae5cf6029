package org.descent.ui.monitor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.descent.experiment.LiveRuns;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.ui.charts.GrowingSeries;
import org.descent.ui.charts.LineChart;
import org.descent.ui.monitor.data.MonitorModel;
import org.descent.ui.monitor.data.RunSeries;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Training curves of the runs shown, drawn live: loss (and validation loss), evaluation metrics,
 * gradient norm, learning rate and a probe, one colour per run. Runs come from the navigator's
 * selection, from "Add run…" (the run store) and from runs that start training in this JVM.
 * A reader thread follows files ten times a second; a UI timer redraws every 100 ms when
 * something changed, from decimated series, so a run of 10^6 steps draws as fast as a short one.
 * The data comes from {@link MonitorModel}, which has no SWT.
 */
public final class MonitorView {

    public static final String ID = "org.descent.ui.monitor.views.monitor";
    /** Redraw period in milliseconds (10 Hz). */
    public static final int PERIOD_MS = 100;

    /** Chart names, for {@link #chart(String)}. */
    public static final String LOSS = "loss";
    public static final String EVALUATION = "evaluation";
    public static final String GRADIENT = "gradient";
    public static final String LEARNING_RATE = "lr";
    public static final String PROBE = "probe";

    private static final Set<String> NOT_EVALUATION = Set.of(RunSeries.LOSS, RunSeries.GRAD_NORM, RunSeries.LR,
            RunSeries.TRAIN_LOSS, "val_loss");

    private MonitorModel model;
    private ScheduledExecutorService reader;
    private final Map<String, LineChart> charts = new LinkedHashMap<>();
    /** The data each chart's series was last given, to call setSeries only when it changed. */
    private final Map<LineChart, Map<String, Object>> given = new HashMap<>();
    private final Map<RGB, Image> swatches = new HashMap<>();
    /** The number of points each chart's series had when it was last drawn. */
    private final Map<LineChart, Long> drawnPoints = new HashMap<>();
    private Composite root;
    private Composite chartArea;
    private Table runs;
    private Combo probe;
    private Button logScale;
    private Button follow;
    private Label status;
    private long drawnVersion = -1;
    /** Set by other threads too (a live run starting shows itself). */
    private volatile boolean dirty = true;
    private long redraws;
    private long redrawNanos;

    @PostConstruct
    public void createControls(Composite parent, @Optional @Nullable LiveRuns liveRuns) {
        model = new MonitorModel(liveRuns);
        root = parent;
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);

        Composite left = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(left);
        Button add = new Button(left, SWT.PUSH);
        add.setText("&Add run\u2026");
        add.setToolTipText("Show runs of the run store");
        add.addListener(SWT.Selection, e -> addRuns());
        Button remove = new Button(left, SWT.PUSH);
        remove.setText("&Remove");
        remove.setToolTipText("Stop showing the selected runs");
        remove.addListener(SWT.Selection, e -> {
            for (TableItem item : runs.getSelection()) {
                model.remove((Path) item.getData());
            }
        });
        follow = new Button(left, SWT.CHECK);
        follow.setText("&Follow the selected runs");
        follow.setToolTipText("Show the runs selected in the run navigator or the comparison");
        follow.setSelection(true);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(follow);
        runs = new Table(left, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION);
        runs.setHeaderVisible(true);
        for (String[] c : new String[][] { { "Run", "150" }, { "Steps", "55" }, { "Status", "220" } }) {
            TableColumn col = new TableColumn(runs, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(runs);

        Composite right = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(right);
        Composite bar = new Composite(right, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        logScale = new Button(bar, SWT.CHECK);
        logScale.setText("&Log scale");
        logScale.setToolTipText("Logarithmic y axes (values <= 0 are left out and counted in the axis title)");
        logScale.addListener(SWT.Selection, e -> setLogScale(logScale.getSelection()));
        new Label(bar, SWT.NONE).setText("&Probe:");
        probe = new Combo(bar, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().hint(220, SWT.DEFAULT).applyTo(probe);
        probe.addListener(SWT.Selection, e -> {
            dirty = true;
            draw();
        });
        Button png = new Button(bar, SWT.PUSH);
        png.setText("Export P&NG\u2026");
        png.setToolTipText("Save all charts as one PNG image");
        png.addListener(SWT.Selection, e -> export(true));
        Button csv = new Button(bar, SWT.PUSH);
        csv.setText("Export &CSV\u2026");
        csv.setToolTipText("Save every point of every series of the runs shown (run,series,step,value)");
        csv.addListener(SWT.Selection, e -> export(false));
        status = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(status);

        chartArea = new Composite(right, SWT.NONE);
        chartArea.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).spacing(2, 2).applyTo(chartArea);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(chartArea);
        addChart(LOSS, "Loss", "step", "loss", 1);
        addChart(EVALUATION, "Evaluation", "step", "value", 1);
        addChart(GRADIENT, "Gradient norm", "step", "gradient norm", 1);
        addChart(LEARNING_RATE, "Learning rate", "step", "learning rate", 1);
        addChart(PROBE, "Probe", "step", "value", 2);
        charts.get(EVALUATION).setEmptyText("No evaluation metrics (runs without validation data)");
        charts.get(PROBE).setEmptyText("No probe values (runs without probes)");
        sash.setWeights(25, 75);

        model.addRunsChangedListener(() -> dirty = true);
        reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "descent-monitor-reader");
            t.setDaemon(true);
            return t;
        });
        reader.scheduleWithFixedDelay(model::poll, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        parent.getDisplay().timerExec(PERIOD_MS, this::tick);
        parent.addDisposeListener(e -> dispose());
    }

    private void addChart(String key, String title, String x, String y, int span) {
        LineChart c = new LineChart(chartArea, title, x, y);
        c.setGrowing(true);
        GridDataFactory.fillDefaults().grab(true, true).span(span, 1).hint(300, 200).applyTo(c.getControl());
        charts.put(key, c);
        given.put(c, new HashMap<>());
    }

    private void tick() {
        if (root.isDisposed()) {
            return;
        }
        draw();
        root.getDisplay().timerExec(PERIOD_MS, this::tick);
    }

    /** Redraws when series grew or the runs shown changed. */
    private void draw() {
        long version = model.version();
        if (version == drawnVersion && !dirty) {
            return;
        }
        long start = System.nanoTime();
        drawnVersion = version;
        dirty = false;
        List<MonitorModel.Shown> shown = model.shown();
        updateRunTable(shown);
        updateProbes(shown);
        Map<LineChart, Map<String, Series>> wanted = new HashMap<>();
        charts.values().forEach(c -> wanted.put(c, new LinkedHashMap<>()));
        Set<String> evaluationNames = new LinkedHashSet<>();
        boolean validationLoss = false;
        String probeName = probe.getText();
        for (int i = 0; i < shown.size(); i++) {
            RunSeries s = shown.get(i).series();
            RGB color = LineChart.color(i);
            String run = legendLabel(s.label());
            String key = s.dir().toString();
            put(wanted, LOSS, key + "|loss", run, s.findMetric(RunSeries.LOSS), color, LineChart.Style.LINE);
            validationLoss |= put(wanted, LOSS, key + "|val_loss", run, s.findMetric("val_loss"), color,
                    LineChart.Style.DASHED);
            for (String m : s.metricNames()) {
                if (!NOT_EVALUATION.contains(m)) {
                    evaluationNames.add(m);
                    put(wanted, EVALUATION, key + "|" + m, run, s.findMetric(m), color,
                            m.startsWith("val_") && evaluationTraining(s) ? LineChart.Style.DASHED
                                    : LineChart.Style.LINE);
                }
            }
            put(wanted, GRADIENT, key + "|grad_norm", run, s.findMetric(RunSeries.GRAD_NORM), color,
                    LineChart.Style.LINE);
            put(wanted, LEARNING_RATE, key + "|lr", run, s.findMetric(RunSeries.LR), color, LineChart.Style.LINE);
            if (!probeName.isEmpty()) {
                put(wanted, PROBE, key + "|probe|" + probeName, run, s.findProbe(probeName), color,
                        LineChart.Style.LINE);
            }
        }
        titles(LOSS, validationLoss ? "Loss (dashed: validation)" : "Loss", "loss");
        boolean validation = evaluationNames.stream().anyMatch(m -> m.startsWith("val_"));
        boolean training = evaluationNames.stream().anyMatch(m -> !m.startsWith("val_"));
        titles(EVALUATION, validation && training ? "Evaluation (dashed: validation)" : "Evaluation",
                evaluationNames.isEmpty() ? "value" : String.join(", ", evaluationNames));
        LineChart probeChart = charts.get(PROBE);
        String probeTitle = probeName.isEmpty() ? "Probe" : "Probe " + probeName;
        if (!probeChart.getChart().getTitle().getText().equals(probeTitle)) {
            probeChart.setTitle(probeTitle);
        }
        for (LineChart c : charts.values()) {
            apply(c, wanted.get(c));
        }
        redraws++;
        redrawNanos += System.nanoTime() - start;
        int steps = 0;
        for (MonitorModel.Shown s : shown) {
            steps = Math.max(steps, s.series().steps());
        }
        status.setText(String.format(Locale.ROOT, "%d run%s, up to %,d steps; redraw %.1f ms", shown.size(),
                shown.size() == 1 ? "" : "s", steps, (System.nanoTime() - start) / 1e6));
    }

    /** A series a chart should show. */
    private record Series(String label, GrowingSeries data, RGB color, LineChart.Style style) {
    }

    /** Adds a series to show if the run has it; returns whether it has. */
    private boolean put(Map<LineChart, Map<String, Series>> wanted, String chart, String id, String label,
            @Nullable GrowingSeries data, RGB color, LineChart.Style style) {
        if (data == null) {
            return false;
        }
        wanted.get(charts.get(chart)).put(id, new Series(label, data, color, style));
        return true;
    }

    private void titles(String chart, String title, String y) {
        LineChart c = charts.get(chart);
        if (!c.getYTitle().equals(y)) {
            c.setAxisTitles("step", y);
        }
        if (!c.getChart().getTitle().getText().equals(title)) {
            c.setTitle(title);
        }
    }

    /** Whether a run has evaluation metrics of the training data too (then validation ones are dashed). */
    private static boolean evaluationTraining(RunSeries s) {
        return s.metricNames().stream().anyMatch(m -> !NOT_EVALUATION.contains(m) && !m.startsWith("val_"));
    }

    /** A run's name in legends: its folder's name without the date ({@code yyyyMMdd-}) when it starts with one. */
    static String legendLabel(String folderName) {
        return folderName.matches("\\d{8}-\\d{6}-.+") ? folderName.substring(9) : folderName;
    }

    private void apply(LineChart chart, Map<String, Series> wanted) {
        Map<String, Object> had = given.get(chart);
        for (String id : new ArrayList<>(had.keySet())) {
            if (!wanted.containsKey(id)) {
                chart.removeSeries(id);
                had.remove(id);
            }
        }
        boolean changed = false;
        Set<String> inLegend = new java.util.HashSet<>();
        for (Map.Entry<String, Series> e : wanted.entrySet()) {
            Series s = e.getValue();
            if (!s.equals(had.get(e.getKey()))) {
                chart.setSeries(e.getKey(), s.label(), s.data(), s.color(), s.style());
                had.put(e.getKey(), s);
                changed = true;
            }
            // one legend entry per run: its colour; the axis title says which line is which
            chart.setVisibleInLegend(e.getKey(), inLegend.add(s.label()));
        }
        long points = 0;
        for (Series s : wanted.values()) {
            points += s.data().size();
        }
        Long drawn = drawnPoints.put(chart, points);
        if (!changed && (drawn == null || drawn != points)) {
            // only charts whose series grew are decimated and drawn again
            chart.refresh();
        }
    }

    private void updateRunTable(List<MonitorModel.Shown> shown) {
        if (runs.getItemCount() != shown.size()) {
            runs.setItemCount(shown.size());
        }
        for (int i = 0; i < shown.size(); i++) {
            MonitorModel.Shown s = shown.get(i);
            TableItem item = runs.getItem(i);
            item.setData(s.folder().dir());
            String[] texts = { legendLabel(s.series().label()) + (s.live() ? " (live)" : ""),
                    String.format(Locale.ROOT, "%,d", s.series().steps()), s.series().status() };
            for (int c = 0; c < texts.length; c++) {
                if (!texts[c].equals(item.getText(c))) {
                    item.setText(c, texts[c]);
                }
            }
            item.setImage(swatch(LineChart.color(i)));
        }
    }

    private Image swatch(RGB rgb) {
        return swatches.computeIfAbsent(rgb, c -> {
            Display d = root.getDisplay();
            Image image = new Image(d, 12, 12);
            GC gc = new GC(image);
            gc.setBackground(new Color(c));
            gc.fillRectangle(0, 0, 12, 12);
            gc.dispose();
            return image;
        });
    }

    private void updateProbes(List<MonitorModel.Shown> shown) {
        Set<String> names = new LinkedHashSet<>();
        for (MonitorModel.Shown s : shown) {
            names.addAll(s.series().probeNames());
        }
        List<String> items = List.of(probe.getItems());
        if (!items.equals(new ArrayList<>(names))) {
            String current = probe.getText();
            probe.setItems(names.toArray(String[]::new));
            int i = new ArrayList<>(names).indexOf(current);
            probe.select(i >= 0 ? i : 0);
            probe.getParent().layout();
        }
    }

    /** Follows the selection of runs elsewhere (navigator, comparison) while "Follow" is on. */
    @Inject
    @Optional
    public void selectionChanged(@Named(IServiceConstants.ACTIVE_SELECTION) @Optional @Nullable Object selection) {
        if (model == null || follow == null || follow.isDisposed() || !follow.getSelection()) {
            return;
        }
        List<RunFolder> selected = new ArrayList<>();
        if (selection instanceof IStructuredSelection s) {
            for (Object o : s.toList()) {
                if (o instanceof RunFolder f) {
                    selected.add(f);
                }
            }
        } else if (selection instanceof RunFolder f) {
            selected.add(f);
        }
        if (!selected.isEmpty()) {
            show(selected);
        }
    }

    /** Shows exactly these runs, in this order. */
    public void show(List<RunFolder> folders) {
        model.showOnly(folders);
        dirty = true;
    }

    private void addRuns() {
        List<RunFolder> all;
        RunStore store = runStore();
        try {
            all = store.runs();
        } catch (IOException e) {
            MessageDialog.openError(root.getShell(), "Add run", "Cannot list the runs in " + store.root() + ": "
                    + e.getMessage());
            return;
        }
        if (all.isEmpty()) {
            MessageDialog.openInformation(root.getShell(), "Add run", "There are no runs in " + store.root() + ".");
            return;
        }
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(root.getShell(), new LabelProvider() {
            @Override
            public String getText(Object element) {
                return MonitorModel.label((RunFolder) element);
            }
        });
        dialog.setTitle("Add run");
        dialog.setMessage("Runs in " + store.root() + " (type to filter; select one or more):");
        dialog.setMultipleSelection(true);
        dialog.setElements(all.reversed().toArray());
        if (dialog.open() == ElementListSelectionDialog.OK) {
            for (Object o : dialog.getResult()) {
                model.show((RunFolder) o);
            }
        }
    }

    /** The run store the workbench uses: its preference when set, else the standard location. */
    static RunStore runStore() {
        String configured = InstanceScope.INSTANCE.getNode("org.descent.ui").get("runStore", "");
        return configured.isBlank() ? RunStore.standard() : new RunStore(Path.of(configured));
    }

    private void export(boolean png) {
        FileDialog dialog = new FileDialog(root.getShell(), SWT.SAVE);
        dialog.setOverwrite(true);
        dialog.setFileName(png ? "monitor.png" : "monitor.csv");
        dialog.setFilterExtensions(new String[] { png ? "*.png" : "*.csv" });
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            if (png) {
                exportPng(Path.of(file));
            } else {
                exportCsv(Path.of(file));
            }
        } catch (IOException e) {
            MessageDialog.openError(root.getShell(), "Export failed", e.getMessage());
        }
    }

    /** Saves all charts, as drawn now, as one PNG image. */
    public void exportPng(Path file) throws IOException {
        Point size = chartArea.getSize();
        Image image = new Image(root.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
        try {
            GC gc = new GC(image);
            try {
                if (!chartArea.print(gc)) {
                    throw new IOException("cannot save " + file + ": this platform cannot print the charts into an image");
                }
            } finally {
                gc.dispose();
            }
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    /** Writes every point of every series of the runs shown ({@link MonitorModel#writeCsv(Path)}). */
    public void exportCsv(Path file) throws IOException {
        model.writeCsv(file);
    }

    /** Switches every chart's y axis between linear and logarithmic. */
    public void setLogScale(boolean on) {
        logScale.setSelection(on);
        for (LineChart c : charts.values()) {
            c.setLogScale(on);
        }
    }

    /** The model behind the view. */
    public MonitorModel model() {
        return model;
    }

    /** A chart by name ({@link #LOSS}, {@link #EVALUATION}, {@link #GRADIENT}, {@link #LEARNING_RATE}, {@link #PROBE}). */
    public LineChart chart(String name) {
        LineChart c = charts.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no chart '" + name + "'; charts: " + charts.keySet());
        }
        return c;
    }

    /** Selects the probe the probe chart shows. */
    public void selectProbe(String name) {
        int i = List.of(probe.getItems()).indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no probe '" + name + "'; probes: " + List.of(probe.getItems()));
        }
        probe.select(i);
        dirty = true;
        draw();
    }

    /** Reads appended rows and redraws now (the timer does this every {@value #PERIOD_MS} ms). */
    public void refreshNow() {
        model.poll();
        dirty = true;
        draw();
    }

    /** Redraws done so far and their mean duration in milliseconds. */
    public double[] redrawStatistics() {
        return new double[] { redraws, redraws == 0 ? 0 : redrawNanos / 1e6 / redraws };
    }

    @Focus
    public void setFocus() {
        runs.setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (reader != null) {
            reader.shutdownNow();
        }
        if (model != null) {
            model.close();
        }
        swatches.values().forEach(Image::dispose);
        swatches.clear();
    }
}
