package org.descent.ui.monitor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;

import org.descent.experiment.LiveRuns;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.ui.charts.ColumnFit;
import org.descent.ui.charts.GrowingSeries;
import org.descent.ui.charts.LineChart;
import org.descent.ui.charts.Smoothing;
import org.descent.ui.charts.XYData;
import org.descent.ui.monitor.data.MonitorModel;
import org.descent.ui.monitor.data.RunSeries;
import org.descent.ui.monitor.data.XAxis;
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
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
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
    private Scale smoothingScale;
    private Label smoothingValue;
    private Combo xAxisChoice;
    private Combo groupChoice;
    /** TensorBoard's default smoothing. */
    private double smoothing = 0.6;
    private XAxis xAxis = XAxis.STEP;
    /** The hyperparameter runs are coloured by, or empty for each run its own colour. */
    private String groupBy = "";
    /** Series derived from a run's raw ones (smoothed, on another x axis), kept while their settings hold. */
    private final Map<GrowingSeries, XYData[]> derived = new IdentityHashMap<>();
    private Button follow;
    private Label status;
    /** The key of a run row's whole status text (the column shows its first word). */
    private static final String FULL_STATUS = "descent.status";
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
        for (String c : new String[] { "Run", "Steps", "Status" }) {
            TableColumn col = new TableColumn(runs, c.equals("Steps") ? SWT.RIGHT : SWT.LEFT);
            col.setText(c);
        }
        runs.addListener(SWT.Resize, e -> fitRunColumns());
        runs.addListener(SWT.MouseHover, e -> {
            TableItem item = runs.getItem(new Point(e.x, e.y));
            runs.setToolTipText(item == null ? null : item.getText(0) + ": " + item.getData(FULL_STATUS));
        });
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(runs);

        Composite right = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(right);
        // the chart controls across the whole view, above the run list and the charts
        Composite top = new Composite(parent, SWT.NONE);
        top.moveAbove(sash);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        // the controls wrap onto a second line when the view is narrow (1280 px and less)
        Composite bar = new Composite(top, SWT.NONE);
        RowLayout rows = new RowLayout(SWT.HORIZONTAL);
        rows.center = true;
        rows.wrap = true;
        rows.marginLeft = rows.marginTop = rows.marginRight = rows.marginBottom = 0;
        rows.spacing = 6;
        bar.setLayout(rows);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(bar);
        Composite smooth = group(bar);
        new Label(smooth, SWT.NONE).setText("&Smoothing:");
        smoothingScale = new Scale(smooth, SWT.HORIZONTAL);
        smoothingScale.setMinimum(0);
        smoothingScale.setMaximum(99);
        smoothingScale.setIncrement(1);
        smoothingScale.setPageIncrement(10);
        smoothingScale.setSelection((int) Math.round(smoothing * 100));
        smoothingScale.setLayoutData(new RowData(120, SWT.DEFAULT));
        smoothingScale.setToolTipText("TensorBoard's smoothing: a debiased exponential moving average of this weight; "
                + "the raw curve stays drawn faintly (0: off)");
        smoothingValue = new Label(smooth, SWT.NONE);
        smoothingValue.setText(String.format(Locale.ROOT, "%.2f", 0.99));
        smoothingValue.setLayoutData(new RowData(smoothingValue.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, SWT.DEFAULT));
        smoothingValue.setText(String.format(Locale.ROOT, "%.2f", smoothing));
        smoothingScale.addListener(SWT.Selection, e -> setSmoothing(smoothingScale.getSelection() / 100.0));
        Composite xs = group(bar);
        new Label(xs, SWT.NONE).setText("&X axis:");
        xAxisChoice = new Combo(xs, SWT.READ_ONLY);
        for (XAxis a : XAxis.values()) {
            xAxisChoice.add(a.title());
        }
        xAxisChoice.select(xAxis.ordinal());
        xAxisChoice.addListener(SWT.Selection, e -> setXAxis(XAxis.values()[xAxisChoice.getSelectionIndex()]));
        Composite groups = group(bar);
        new Label(groups, SWT.NONE).setText("Colour &by:");
        groupChoice = new Combo(groups, SWT.READ_ONLY);
        groupChoice.setItems(RUN_COLOURS);
        groupChoice.select(0);
        groupChoice.setToolTipText("Colour runs by a hyperparameter whose value differs among them, one legend entry per value");
        groupChoice.addListener(SWT.Selection, e -> setGroupBy(groupChoice.getSelectionIndex() <= 0 ? "" : groupChoice.getText()));
        logScale = new Button(bar, SWT.CHECK);
        logScale.setText("&Log scale");
        logScale.setToolTipText("Logarithmic y axes (values <= 0 are left out and counted in the axis title)");
        logScale.addListener(SWT.Selection, e -> setLogScale(logScale.getSelection()));
        Composite probes = group(bar);
        new Label(probes, SWT.NONE).setText("&Probe:");
        probe = new Combo(probes, SWT.READ_ONLY);
        probe.setLayoutData(new RowData(220, SWT.DEFAULT));
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
        status = new Label(top, SWT.RIGHT);
        status.setToolTipText("Drag in a chart to zoom, Shift+drag or the arrow keys to pan, double-click to show all; "
                + "the values under the pointer are read out beside it");
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).hint(status.getParent().getDisplay().getDPI().x * 3,
                SWT.DEFAULT).applyTo(status);

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
        sash.setWeights(22, 78);
        chartArea.addListener(SWT.Resize, e -> fitChartColumns());

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

    /** The text of the first "Colour by" choice: every run its own colour. */
    private static final String[] RUN_COLOURS = { "run" };

    /** A composite of a label and its control, kept together when the bar wraps. */
    private static Composite group(Composite bar) {
        Composite c = new Composite(bar, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.center = true;
        layout.wrap = false;
        layout.marginLeft = layout.marginTop = layout.marginRight = layout.marginBottom = 0;
        layout.spacing = 4;
        c.setLayout(layout);
        return c;
    }

    /**
     * Shares the run table's width: the steps as wide as their header or number, the run's name
     * as wide as the longest (runs must be told apart), the status what is left, at least its
     * header (its whole text is in the row's tooltip).
     */
    /** The width a header of the run table needs, as GTK packs it once the table is shown. */
    private final Map<String, Integer> headers = new HashMap<>();

    private int header(GC gc, String text) {
        Integer w = headers.get(text);
        if (w == null) {
            int measured = ColumnFit.headerWidth(runs, text);
            if (measured < 0) {
                return gc.textExtent(text).x + 30;
            }
            w = measured;
            headers.put(text, w);
        }
        return w;
    }

    private void fitRunColumns() {
        int width = runs.getClientArea().width;
        if (width <= 0) {
            return;
        }
        GC gc = new GC(runs);
        try {
            int steps = header(gc, "Steps");
            int run = header(gc, "Run");
            int status = header(gc, "Status");
            for (TableItem item : runs.getItems()) {
                run = Math.max(run, gc.textExtent(item.getText(0)).x + 36);
                steps = Math.max(steps, gc.textExtent(item.getText(1)).x + 16);
            }
            run = Math.min(run, Math.max(header(gc, "Run"), width - steps - status));
            runs.getColumn(0).setWidth(run);
            runs.getColumn(1).setWidth(steps);
            runs.getColumn(2).setWidth(Math.max(status, width - run - steps));
        } finally {
            gc.dispose();
        }
    }

    /**
     * Lays the charts out in three columns (two rows) when the area is wide for its height, as
     * screens are, so that each chart keeps the height its ticks need; in two columns (three
     * rows) when it is tall.
     */
    private void fitChartColumns() {
        Point size = chartArea.getSize();
        int columns = size.y > 0 && size.x >= 1.3 * size.y && size.x > 600 ? 3 : 2;
        GridLayout layout = (GridLayout) chartArea.getLayout();
        if (layout.numColumns != columns) {
            layout.numColumns = columns;
            chartArea.layout(true, true);
        }
    }

    private void addChart(String key, String title, String x, String y, int span) {
        LineChart c = new LineChart(chartArea, title, x, y);
        c.setGrowing(true);
        c.setIntegerX(true);
        // the run table shows each run's colour, as TensorBoard's run list does: one legend, under
        // the probe chart, is enough, and the small charts keep their height for their ticks
        c.setLegendVisible(span > 1);
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
        MonitorModel.Hyperparameters hp = model.hyperparameters();
        updateGroups(hp);
        int unknownX = 0;
        for (int i = 0; i < shown.size(); i++) {
            RunSeries s = shown.get(i).series();
            if (!s.clock().knows(xAxis)) {
                unknownX++;
                continue;
            }
            Look look = look(s, hp);
            String key = s.dir().toString();
            put(wanted, LOSS, key + "|loss", look, "", s, s.findMetric(RunSeries.LOSS), LineChart.Style.LINE, true);
            validationLoss |= put(wanted, LOSS, key + "|val_loss", look, " validation", s, s.findMetric("val_loss"),
                    LineChart.Style.DASHED, true);
            for (String m : s.metricNames()) {
                if (!NOT_EVALUATION.contains(m)) {
                    evaluationNames.add(m);
                    put(wanted, EVALUATION, key + "|" + m, look, " " + m, s, s.findMetric(m),
                            m.startsWith("val_") && evaluationTraining(s) ? LineChart.Style.DASHED
                                    : LineChart.Style.LINE, true);
                }
            }
            put(wanted, GRADIENT, key + "|grad_norm", look, "", s, s.findMetric(RunSeries.GRAD_NORM),
                    LineChart.Style.LINE, true);
            put(wanted, LEARNING_RATE, key + "|lr", look, "", s, s.findMetric(RunSeries.LR), LineChart.Style.LINE, false);
            if (!probeName.isEmpty()) {
                put(wanted, PROBE, key + "|probe|" + probeName, look, "", s, s.findProbe(probeName),
                        LineChart.Style.LINE, true);
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
        status.setText(String.format(Locale.ROOT, "%d run%s, up to %,d steps%s; redraw %.1f ms", shown.size(),
                shown.size() == 1 ? "" : "s", steps,
                unknownX == 0 ? "" : String.format(Locale.ROOT, "; %d without %s", unknownX, xAxis.title()),
                (System.nanoTime() - start) / 1e6));
    }

    /**
     * A series a chart should show.
     *
     * @param label its legend entry (the run, or its group)
     * @param readout its name in the readout under the pointer
     * @param legend whether it may have the legend entry of its label
     */
    private record Series(String label, String readout, XYData data, RGB color, LineChart.Style style, boolean legend) {
    }

    /** How a run's curves look: their colour, their legend entry, and the run's name in readouts. */
    private record Look(RGB color, String legend, String run) {
    }

    private Look look(RunSeries s, MonitorModel.Hyperparameters hp) {
        String run = legendLabel(s.label());
        if (groupBy.isEmpty()) {
            return new Look(LineChart.runColor(s.label()), run, run);
        }
        String group = groupBy + " = " + (hp.value(s.dir(), groupBy).isEmpty() ? "(not set)" : hp.value(s.dir(), groupBy));
        return new Look(LineChart.runColor(group), group, run);
    }

    /**
     * Adds a series to show if the run has it, on the x axis chosen; smoothed ones as two series,
     * the raw curve faint and thin under the smoothed one. Returns whether the run has the series.
     */
    private boolean put(Map<LineChart, Map<String, Series>> wanted, String chart, String id, Look look, String what,
            RunSeries run, @Nullable GrowingSeries data, LineChart.Style style, boolean smooth) {
        if (data == null) {
            return false;
        }
        Map<String, Series> to = wanted.get(charts.get(chart));
        XAxis axis = xAxis;
        XYData[] d = derived.computeIfAbsent(data, g -> {
            XYData smoothed = Smoothing.of(g, smoothing);
            if (axis == XAxis.STEP) {
                return new XYData[] { g, smoothed };
            }
            DoubleUnaryOperator f = step -> run.clock().x(axis, step);
            return new XYData[] { g.mapX(f), smoothed.mapX(f) };
        });
        String name = look.run() + what;
        if (smooth && smoothing > 0) {
            to.put(id, new Series(look.legend(), name + " (raw)", d[0], LineChart.faint(look.color(), 0.65),
                    LineChart.Style.THIN, false));
            to.put(id + "|smoothed", new Series(look.legend(), name, d[1], look.color(), style, true));
        } else {
            to.put(id, new Series(look.legend(), name, d[0], look.color(), style, true));
        }
        return true;
    }



    private void titles(String chart, String title, String y) {
        LineChart c = charts.get(chart);
        if (!c.getYTitle().equals(y) || !c.getXTitle().equals(xAxis.title())) {
            c.setAxisTitles(xAxis.title(), y);
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
                chart.setReadoutLabel(e.getKey(), s.readout());
                had.put(e.getKey(), s);
                changed = true;
            }
            // one legend entry per run (or group): its colour; the axis title says which line is which
            chart.setVisibleInLegend(e.getKey(), s.legend() && inLegend.add(s.label()));
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
            // the column shows the state ("done", "diverged"); the reason is in the row's tooltip
            String status = s.series().status();
            item.setData(FULL_STATUS, status);
            int colon = status.indexOf(':');
            String[] texts = { legendLabel(s.series().label()) + (s.live() ? " (live)" : ""),
                    String.format(Locale.ROOT, "%,d", s.series().steps()), colon > 0 ? status.substring(0, colon) : status };
            boolean changed = false;
            for (int c = 0; c < texts.length; c++) {
                if (!texts[c].equals(item.getText(c))) {
                    item.setText(c, texts[c]);
                    changed = true;
                }
            }
            if (changed) {
                fitRunColumns();
            }
            item.setImage(swatch(look(s.series(), model.hyperparameters()).color()));
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

    /**
     * Sets the smoothing weight, in [0, 0.99]: TensorBoard's debiased exponential moving average,
     * the raw curves drawn faintly beside the smoothed ones (0: no smoothing, raw curves only).
     */
    public void setSmoothing(double weight) {
        if (!(weight >= 0 && weight <= 0.99)) {
            throw new IllegalArgumentException("smoothing must be in [0, 0.99], got " + weight);
        }
        smoothing = weight;
        smoothingScale.setSelection((int) Math.round(weight * 100));
        smoothingValue.setText(String.format(Locale.ROOT, "%.2f", weight));
        restyle();
    }

    /** The smoothing weight (0: none). */
    public double smoothing() {
        return smoothing;
    }

    /** Sets what the x axes measure. */
    public void setXAxis(XAxis axis) {
        xAxis = axis;
        xAxisChoice.select(axis.ordinal());
        for (LineChart c : charts.values()) {
            c.setIntegerX(axis == XAxis.STEP);
            c.setXLabeler(axis == XAxis.WALL_TIME ? MonitorView::timeOfDay : null);
        }
        restyle();
    }

    /** What the x axes measure. */
    public XAxis xAxis() {
        return xAxis;
    }

    /** A time of day for seconds since 1970, in this machine's time zone. */
    static String timeOfDay(double epochSeconds) {
        return TIME_OF_DAY.format(Instant.ofEpochMilli(Math.round(epochSeconds * 1000)));
    }

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /**
     * Colours runs by a hyperparameter (as {@code role.setting}, one of {@link #groupChoices()}), one
     * legend entry per value; empty: every run its own colour.
     */
    public void setGroupBy(String hyperparameter) {
        groupBy = hyperparameter;
        int i = List.of(groupChoice.getItems()).indexOf(hyperparameter);
        groupChoice.select(Math.max(0, i));
        restyle();
    }

    /** The hyperparameters runs can be coloured by now: those whose values differ among the runs shown. */
    public List<String> groupChoices() {
        return model.hyperparameters().differing();
    }

    private void updateGroups(MonitorModel.Hyperparameters hp) {
        List<String> items = new ArrayList<>(List.of(RUN_COLOURS));
        items.addAll(hp.differing());
        if (!groupBy.isEmpty() && !items.contains(groupBy)) {
            items.add(groupBy);
        }
        if (!items.equals(List.of(groupChoice.getItems()))) {
            groupChoice.setItems(items.toArray(String[]::new));
            groupChoice.select(Math.max(0, items.indexOf(groupBy)));
            groupChoice.getParent().getParent().layout(true, true);
        }
    }

    /** Draws every series again from the start (their order matters: raw curves under smoothed ones). */
    private void restyle() {
        derived.clear();
        for (LineChart c : charts.values()) {
            c.clearSeries();
            given.get(c).clear();
        }
        drawnPoints.clear();
        dirty = true;
        draw();
    }

    /** Switches every chart's y axis between linear and logarithmic. */
    public void setLogScale(boolean on) {
        logScale.setSelection(on);
        for (LineChart c : charts.values()) {
            c.setLogScale(on);
        }
    }

    /** The view's top control. */
    public Composite control() {
        return root;
    }

    /** The table of the runs shown. */
    public Table runTable() {
        return runs;
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
