package org.descent.ui.profiler.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.descent.core.ContributionRegistry;
import org.descent.profiler.GilBench;
import org.descent.profiler.GilOptions;
import org.descent.profiler.GilReport;
import org.descent.profiler.Mode;
import org.descent.profiler.ModeResult;
import org.descent.profiler.Workload;
import org.descent.ui.charts.AxisTicks;
import org.descent.ui.charts.ColumnFit;
import org.descent.ui.profiler.timeline.TimeRange;
import org.descent.ui.profiler.timeline.TimelineCanvas;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IAxisTick;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The threading profiler: runs a workload in the chosen modes ({@link GilBench}, as
 * {@code descent gil} does) in a Job with progress and cancel, then shows one row per mode, the
 * speed-up per mode, each mode's explanation and a zoomable per-thread timeline of its median
 * run with the recorder's measured overhead. Exports the table as CSV and the timeline and chart
 * as PNG.
 */
public final class ProfilerView {

    public static final String ID = "org.descent.ui.profiler.views.profiler";

    /** The modes checked at first: the JVM ones and the two emulated GILs (no child processes, no Python). */
    private static final Set<Mode> DEFAULT_MODES = Set.of(Mode.SEQ, Mode.JVM, Mode.VIRTUAL, Mode.GIL_PY2,
            Mode.GIL_PY3);

    private static final int PROGRESS_MILLIS = 250;

    private @Nullable ContributionRegistry registry;
    private Combo workload;
    private Spinner threads;
    private final Map<Mode, Button> modes = new EnumMap<>(Mode.class);
    private Spinner repeat;
    private Text count;
    private Spinner checkInterval;
    private Text switchInterval;
    private Text ioWait;
    private Spinner trainSteps;
    private Button run;
    private Button cancel;
    private ProgressBar progress;
    private Label status;
    private TableViewer table;
    private Chart speedup;
    private Font titleFont;
    private Font axisFont;
    private Text why;
    private Combo timelineRow;
    private Label overhead;
    private Label range;
    private TimelineCanvas timeline;
    private final List<ModeResult> rows = new ArrayList<>();
    private @Nullable Job job;
    private volatile @Nullable Progress tracker;

    @PostConstruct
    public void createControls(Composite parent, ContributionRegistry contributions) {
        this.registry = contributions;
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        createSettings(parent);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        // the result table has the whole width (its thirteen columns fit at 1280 pixels); the
        // timeline below, the speed-up chart and the explanations beside it
        createTable(sash);
        SashForm bottom = new SashForm(sash, SWT.HORIZONTAL);
        createTimeline(bottom);
        SashForm side = new SashForm(bottom, SWT.VERTICAL);
        createSpeedupChart(side);
        why = new Text(side, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        why.setText("Why each number is what it is appears here after a run.");
        side.setWeights(50, 50);
        bottom.setWeights(66, 34);
        sash.setWeights(30, 70);
        titleFont = font(parent.getDisplay(), 12, SWT.BOLD);
        axisFont = font(parent.getDisplay(), 10, SWT.BOLD);
        styleChart();
        parent.addListener(SWT.Dispose, e -> {
            titleFont.dispose();
            axisFont.dispose();
        });
    }

    private static Font font(Display display, int height, int style) {
        FontData fd = display.getSystemFont().getFontData()[0];
        return new Font(display, fd.getName(), height, style);
    }

    private void createSettings(Composite parent) {
        Group g = new Group(parent, SWT.NONE);
        g.setText("Experiment");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(g);
        GridLayoutFactory.swtDefaults().numColumns(12).applyTo(g);
        GilOptions d = GilOptions.defaults();

        label(g, "&Workload:");
        workload = new Combo(g, SWT.READ_ONLY);
        for (Workload w : Workload.values()) {
            workload.add(w.id());
        }
        workload.select(d.workload().ordinal());
        workload.setToolTipText(workloadHelp());
        label(g, "&Threads:");
        threads = spinner(g, d.threads(), 1, 64, "threads sharing the work (mixed: one of them does I/O)");
        label(g, "&Repeats:");
        repeat = spinner(g, d.repeat(), 1, 50, "repeats of each mode: the table shows min and median wall time");
        label(g, "&Count:");
        count = text(g, Long.toString(d.count()), 90, "cpu and mixed: countdown ticks per CPU-bound thread");
        label(g, "Check &interval:");
        checkInterval = spinner(g, d.checkInterval(), 1, 1_000_000,
                "gil-py2: ticks between a holder's release and re-acquisition (Python 2's sys.setcheckinterval)");
        label(g, "S&witch interval (ms):");
        switchInterval = text(g, Double.toString(d.switchInterval().toNanos() / 1e6), 50,
                "gil-py3: how long a waiter waits before it asks the holder to drop the GIL (Python 3's "
                        + "sys.setswitchinterval)");

        label(g, "&Modes:");
        Composite modeBoxes = new Composite(g, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(Mode.values().length).applyTo(modeBoxes);
        GridDataFactory.fillDefaults().span(7, 1).applyTo(modeBoxes);
        for (Mode m : Mode.values()) {
            Button b = new Button(modeBoxes, SWT.CHECK);
            b.setText(m.id());
            b.setToolTipText(m.description());
            b.setSelection(DEFAULT_MODES.contains(m));
            modes.put(m, b);
        }
        label(g, "I/O &wait (ms):");
        ioWait = text(g, Long.toString(d.ioWait().toMillis()), 50, "io: the blocking wait of each thread");
        label(g, "Train &steps:");
        trainSteps = spinner(g, d.trainSteps(), 1, 100_000, "train: training steps per thread");

        Composite actions = new Composite(g, SWT.NONE);
        GridDataFactory.fillDefaults().span(12, 1).grab(true, false).applyTo(actions);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(actions);
        run = button(actions, "&Run", "run every checked mode, one after the other");
        run.addListener(SWT.Selection, e -> runFromSettings());
        cancel = button(actions, "&Cancel", "stop after the current repeat (the finished rows stay)");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            Job j = job;
            if (j != null) {
                j.cancel();
            }
        });
        progress = new ProgressBar(actions, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setMaximum(1000);
        GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(progress);
        status = new Label(actions, SWT.NONE);
        status.setText("Choose a workload and modes, then Run.");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(status);
        button(actions, "Export CS&V\u2026", "save the result table as CSV")
                .addListener(SWT.Selection, e -> exportChosen(true));
        button(actions, "Export &PNG\u2026", "save the timeline (and the speed-up chart beside it) as PNG")
                .addListener(SWT.Selection, e -> exportChosen(false));
    }

    private static String workloadHelp() {
        StringBuilder s = new StringBuilder();
        for (Workload w : Workload.values()) {
            s.append(w.id()).append(": ").append(w.description()).append('\n');
        }
        return s.toString().strip();
    }

    private static void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    private static Spinner spinner(Composite parent, int value, int min, int max, String tooltip) {
        Spinner s = new Spinner(parent, SWT.BORDER);
        s.setValues(value, min, max, 0, 1, 10);
        s.setToolTipText(tooltip);
        return s;
    }

    private static Text text(Composite parent, String value, int width, String tooltip) {
        Text t = new Text(parent, SWT.BORDER);
        t.setText(value);
        t.setToolTipText(tooltip);
        GridDataFactory.fillDefaults().hint(width, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private static Button button(Composite parent, String text, String tooltip) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tooltip);
        return b;
    }

    /** Keeps the result table's columns as wide as their headers and values. */
    private ColumnFit columnFit;

    private void createTable(Composite parent) {
        table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        for (ResultColumns.Column column : ResultColumns.COLUMNS) {
            TableViewerColumn c = new TableViewerColumn(table,
                    column.header().equals("Mode") || column.header().equals("Note") ? SWT.LEFT : SWT.RIGHT);
            c.getColumn().setText(column.header());
            c.getColumn().setWidth(Math.max(column.width(), headerWidth(column.header())));
            c.getColumn().setToolTipText(column.tooltip());
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.cell().apply((ModeResult) element);
                }

                @Override
                public String getToolTipText(Object element) {
                    return ((ModeResult) element).explanation();
                }
            });
        }
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.setInput(rows);
        columnFit = ColumnFit.install(table.getTable(), 0);
        table.addSelectionChangedListener(e -> {
            Object first = table.getStructuredSelection().getFirstElement();
            if (first instanceof ModeResult r && !r.trials().isEmpty()) {
                showTimeline(r.label());
            }
        });
    }

    /** The width a header needs (bold on some platforms) plus room for the sort arrow. */
    private int headerWidth(String header) {
        GC gc = new GC(table.getTable());
        try {
            return gc.textExtent(header).x + 28;
        } finally {
            gc.dispose();
        }
    }

    private void createSpeedupChart(Composite parent) {
        speedup = new Chart(parent, SWT.NONE);
        speedup.getPlotArea().getControl().addListener(SWT.Resize, e -> {
            ISeries<?> series = speedup.getSeriesSet().getSeries("speedup");
            double[] ys = series == null ? new double[0] : series.getYSeries();
            fitSpeedupTicks(java.util.Arrays.stream(ys == null ? new double[0] : ys).max().orElse(1));
        });
        speedup.getTitle().setText("Speed-up over seq, per mode");
        speedup.getLegend().setVisible(false);
        IAxis x = speedup.getAxisSet().getXAxis(0);
        x.getTitle().setText("mode");
        x.enableCategory(true);
        speedup.getAxisSet().getYAxis(0).getTitle().setText("speed-up (\u00d7)");
        IBarSeries<?> bars = (IBarSeries<?>) speedup.getSeriesSet().createSeries(SeriesType.BAR, "speedup");
        bars.setBarColor(new Color(31, 119, 180));
        bars.getLabel().setVisible(true);
        bars.getLabel().setFormat("0.00");
    }

    private void styleChart() {
        Display display = speedup.getDisplay();
        speedup.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        speedup.setBackgroundInPlotArea(display.getSystemColor(SWT.COLOR_WHITE));
        speedup.getTitle().setFont(titleFont);
        speedup.getTitle().setForeground(display.getSystemColor(SWT.COLOR_BLACK));
        for (IAxis axis : speedup.getAxisSet().getAxes()) {
            axis.getTitle().setFont(axisFont);
            axis.getTitle().setForeground(display.getSystemColor(SWT.COLOR_BLACK));
            axis.getTick().setForeground(display.getSystemColor(SWT.COLOR_BLACK));
        }
        updateChart();
    }

    private void createTimeline(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(c);
        label(c, "Timeline of:");
        timelineRow = new Combo(c, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().hint(130, SWT.DEFAULT).applyTo(timelineRow);
        timelineRow.setToolTipText("the mode whose median run the timeline shows");
        timelineRow.addListener(SWT.Selection, e -> showTimeline(timelineRow.getText()));
        Button reset = button(c, "Reset &zoom", "show the whole run (or double click the timeline)");
        range = new Label(c, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(range);
        overhead = new Label(c, SWT.NONE);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).applyTo(overhead);
        timeline = new TimelineCanvas(c);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, true).hint(400, 160).applyTo(timeline.getControl());
        reset.addListener(SWT.Selection, e -> timeline.resetZoom());
        timeline.addRangeListener(this::showRange);
        showRange();
    }

    private void showRange() {
        TimeRange r = timeline.range();
        range.setText(timeline.lanes().isEmpty() ? "Wheel: zoom, drag: zoom to a range, double click: reset"
                : String.format(Locale.ROOT, "showing %.3f to %.3f ms of %.3f ms", r.from() / 1e6, r.to() / 1e6,
                        r.total() / 1e6));
    }

    /**
     * The options the settings describe.
     *
     * @throws IllegalArgumentException naming the setting that is not valid and what is expected
     */
    public GilOptions options() {
        List<Mode> chosen = modes.entrySet().stream().filter(e -> e.getValue().getSelection()).map(Map.Entry::getKey)
                .toList();
        return GilOptions.defaults().withWorkload(Workload.values()[workload.getSelectionIndex()])
                .withThreads(threads.getSelection()).withModes(chosen).withRepeat(repeat.getSelection())
                .withCount(whole(count, "Count")).withCheckInterval(checkInterval.getSelection())
                .withSwitchInterval(Duration.ofNanos(Math.round(number(switchInterval, "Switch interval (ms)") * 1e6)))
                .withIoWait(Duration.ofMillis(whole(ioWait, "I/O wait (ms)"))).withTrainSteps(trainSteps.getSelection())
                .validate();
    }

    private static long whole(Text t, String field) {
        try {
            return Long.parseLong(t.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + t.getText() + "' is not valid, expected a whole number");
        }
    }

    private static double number(Text t, String field) {
        try {
            return Double.parseDouble(t.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + t.getText() + "' is not valid, expected a number");
        }
    }

    /** Mode, workload and count widgets, for tests and for callers that preset a run. */
    public void choose(Workload w, int threadCount, List<Mode> chosen, int repeats, long ticks) {
        workload.select(w.ordinal());
        threads.setSelection(threadCount);
        modes.forEach((m, b) -> b.setSelection(chosen.contains(m)));
        repeat.setSelection(repeats);
        count.setText(Long.toString(ticks));
    }

    private void runFromSettings() {
        GilOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            MessageDialog.openError(run.getShell(), "Threading profiler", e.getMessage());
            return;
        }
        run(options);
    }

    /** Runs the profiler in a Job; the table fills as each mode finishes. */
    public Job run(GilOptions options) {
        Display display = run.getDisplay();
        rows.clear();
        table.refresh();
        columnFit.apply();
        updateChart();
        why.setText("");
        timelineRow.removeAll();
        run.setEnabled(false);
        cancel.setEnabled(true);
        status.setText("Running " + options.workload().id() + " in " + options.modes().size() + " modes\u2026");
        ContributionRegistry contributions = registry;
        Job j = Job.create("Threading profiler: " + options.workload().id(), monitor -> {
            Progress p = new Progress(monitor);
            tracker = p;
            try {
                GilReport report = new GilBench(contributions).run(options, p,
                        row -> display.asyncExec(() -> added(row)));
                display.asyncExec(() -> finished(report.results().size() + " modes done, "
                        + report.processors() + " processors"));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                display.asyncExec(() -> finished("Cancelled: the table holds the modes that finished."));
                return Status.CANCEL_STATUS;
            } catch (Exception e) {
                IStatus error = Status.error("The threading profiler failed: " + e.getMessage(), e);
                display.asyncExec(() -> {
                    finished(error.getMessage());
                    if (!status.isDisposed()) {
                        ErrorDialog.openError(status.getShell(), "Threading profiler", null, error);
                    }
                });
                ILog.of(ProfilerView.class).log(error);
                return Status.OK_STATUS;
            } finally {
                tracker = null;
            }
        });
        job = j;
        j.schedule();
        display.timerExec(PROGRESS_MILLIS, this::showProgress);
        return j;
    }

    /** Whether a run is in progress. */
    public boolean running() {
        Job j = job;
        return j != null && j.getState() != Job.NONE;
    }

    private void showProgress() {
        Progress p = tracker;
        if (progress.isDisposed() || !running()) {
            return;
        }
        if (p != null) {
            progress.setSelection((int) Math.round(1000 * p.fraction()));
            status.setText(p.text());
        }
        progress.getDisplay().timerExec(PROGRESS_MILLIS, this::showProgress);
    }

    private void added(ModeResult row) {
        if (table.getTable().isDisposed()) {
            return;
        }
        rows.add(row);
        table.refresh();
        columnFit.apply();
        updateChart();
        StringBuilder text = new StringBuilder();
        for (ModeResult r : rows) {
            text.append(r.label()).append(": ").append(r.explanation()).append("\n\n");
        }
        why.setText(text.toString().strip());
        if (!row.trials().isEmpty()) {
            timelineRow.add(row.label());
            if (timelineRow.getSelectionIndex() < 0) {
                showTimeline(row.label());
            }
        }
    }

    private void finished(String message) {
        if (status.isDisposed()) {
            return;
        }
        run.setEnabled(true);
        cancel.setEnabled(false);
        progress.setSelection(progress.getMaximum());
        status.setText(message);
        ModeResult lock = rows.stream().filter(r -> r.mode() == Mode.GIL_PY3 && !r.trials().isEmpty()).findFirst()
                .orElse(null);
        if (lock != null) {
            showTimeline(lock.label());
        }
    }

    private void updateChart() {
        List<ModeResult> bars = rows.stream().filter(r -> !Double.isNaN(r.speedup())).toList();
        IBarSeries<?> s = (IBarSeries<?>) speedup.getSeriesSet().getSeries("speedup");
        speedup.getAxisSet().getXAxis(0)
                .setCategorySeries(bars.isEmpty() ? new String[] { "" } : bars.stream().map(ModeResult::label).toArray(String[]::new));
        s.setYSeries(bars.isEmpty() ? new double[] { 0 } : bars.stream().mapToDouble(ModeResult::speedup).toArray());
        speedup.getAxisSet().adjustRange();
        double max = bars.stream().mapToDouble(ModeResult::speedup).max().orElse(1);
        fitSpeedupTicks(max);
        speedup.redraw();
    }

    /** The speed-up axis from 0 past the largest bar, with 4 to 8 round ticks for the plot's height. */
    private void fitSpeedupTicks(double max) {
        int h = speedup.getPlotArea().getSize().y;
        int height = h > 20 ? h : 150;
        GC gc = new GC(speedup);
        int fontHeight;
        try {
            fontHeight = gc.textExtent("0").y;
        } finally {
            gc.dispose();
        }
        AxisTicks.Layout t = AxisTicks.nice(0, Math.max(1, max) * 1.1, AxisTicks.fit(height, fontHeight + 6), false);
        IAxis y = speedup.getAxisSet().getYAxis(0);
        y.setRange(new Range(t.lower(), t.upper()));
        int hint = (int) Math.round(t.step() / (t.upper() - t.lower()) * height);
        if (hint >= IAxisTick.MIN_GRID_STEP_HINT && hint != y.getTick().getTickMarkStepHint()) {
            y.getTick().setTickMarkStepHint(hint);
        }
    }

    /** Shows the median run's timeline of the row with this label. */
    public void showTimeline(String label) {
        ModeResult r = rows.stream().filter(x -> x.label().equals(label) && !x.trials().isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row '" + label + "' with a timeline"));
        timelineRow.select(timelineRow.indexOf(label));
        timeline.setTimeline(r.representative().timeline());
        overhead.setText(label + ": " + ResultColumns.overhead(r));
        overhead.getParent().layout();
    }

    /** The rows shown, in the order they finished. */
    public List<ModeResult> rows() {
        return List.copyOf(rows);
    }

    public TimelineCanvas timeline() {
        return timeline;
    }

    public Chart speedupChart() {
        return speedup;
    }

    private void exportChosen(boolean csv) {
        FileDialog dialog = new FileDialog(run.getShell(), SWT.SAVE);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] { csv ? "*.csv" : "*.png" });
        dialog.setFileName(csv ? "profiler.csv" : "profiler-timeline.png");
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            if (csv) {
                exportCsv(Path.of(file));
                status.setText("Wrote " + file);
            } else {
                Path chart = exportPng(Path.of(file));
                status.setText("Wrote " + file + " and " + chart.getFileName());
            }
        } catch (IOException e) {
            IStatus error = Status.error(e.getMessage(), e);
            ILog.of(ProfilerView.class).log(error);
            ErrorDialog.openError(run.getShell(), "Export", null, error);
        }
    }

    /** Writes the result table as CSV. */
    public void exportCsv(Path file) throws IOException {
        Files.writeString(file, ResultColumns.csv(rows));
    }

    /**
     * Writes the timeline as shown to {@code file} and the speed-up chart beside it, as
     * {@code <name>-speedup.png}.
     *
     * @return the chart's file
     */
    public Path exportPng(Path file) throws IOException {
        timeline.exportPng(file);
        String name = file.getFileName().toString();
        Path chart = file.resolveSibling(name.replaceFirst("(\\.png)?$", "") + "-speedup.png");
        Point size = speedup.getSize();
        if (size.x <= 0 || size.y <= 0) {
            throw new IOException("cannot save " + chart + ": the chart has no size yet (it is not laid out)");
        }
        Image image = new Image(speedup.getDisplay(), size.x, size.y);
        try {
            GC gc = new GC(image);
            try {
                speedup.print(gc);
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(chart.toString(), SWT.IMAGE_PNG);
        } catch (SWTException e) {
            throw new IOException("cannot write " + chart + ": " + e.getMessage(), e);
        } finally {
            image.dispose();
        }
        return chart;
    }

    @PreDestroy
    public void dispose() {
        Job j = job;
        if (j != null) {
            j.cancel();
        }
    }

    /** The Job's monitor, with what it has done kept for the view's progress bar. */
    private static final class Progress extends ProgressMonitorWrapper {
        private volatile double total = 1;
        private volatile double done;
        private volatile String task = "";
        private volatile String subTask = "";

        Progress(IProgressMonitor monitor) {
            super(monitor);
        }

        @Override
        public void beginTask(String name, int totalWork) {
            super.beginTask(name, totalWork);
            task = name;
            total = Math.max(1, totalWork);
            done = 0;
        }

        @Override
        public void internalWorked(double work) {
            super.internalWorked(work);
            done += work;
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public void subTask(String name) {
            super.subTask(name);
            subTask = name;
        }

        double fraction() {
            return Math.min(1, done / total);
        }

        String text() {
            return subTask.isEmpty() ? task : task + ": " + subTask;
        }
    }
}
