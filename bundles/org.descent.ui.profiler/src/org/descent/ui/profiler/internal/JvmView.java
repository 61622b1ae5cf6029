package org.descent.ui.profiler.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.function.ToDoubleFunction;

import org.descent.experiment.LiveRuns;
import org.descent.ui.charts.ColumnFit;
import org.descent.ui.charts.LineChart;
import org.descent.ui.charts.XYData;
import org.descent.ui.profiler.jvm.JvmActivity;
import org.descent.ui.profiler.jvm.JvmActivity.CpuPoint;
import org.descent.ui.profiler.jvm.JvmActivity.GcPause;
import org.descent.ui.profiler.jvm.JvmActivity.Point;
import org.descent.ui.profiler.jvm.JvmActivity.ThreadActivity;
import org.descent.ui.profiler.jvm.JvmRecorder;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * This JVM's threads while it trains (runs started from the editor train in the workbench's JVM):
 * each thread's states, CPU, where it waited (contended monitors, park sites) and what it
 * allocated, and the JVM's allocation rate, CPU load and GC pauses over time. The data come from
 * {@link JvmRecorder} (Java Flight Recorder streaming and thread-state sampling), which runs only
 * between Start and Stop because it costs something.
 */
public final class JvmView {

    public static final String ID = "org.descent.ui.profiler.views.jvm";

    private static final int TRAINING_WIDTH = 190;

    /** How often the table and charts are redrawn while recording, ms (3 Hz). */
    static final int REFRESH_MILLIS = 333;

    /** A column of the thread table: header, text, sort key (larger first), width. */
    private record Column(String header, Function<ThreadActivity, String> text,
            @Nullable ToDoubleFunction<ThreadActivity> key, int width, String tooltip) {
    }

    private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+(?=[A-Z])");

    private final JvmRecorder recorder = new JvmRecorder();
    private AutoCloseable observation;
    private TableViewer viewer;
    private Button startStop;
    private Button export;
    private Label summary;
    private LineChart allocationChart;
    private LineChart cpuChart;
    private LineChart gcChart;
    private JvmActivity shown;
    private final Runnable tick = this::tick;

    @PostConstruct
    public void createControls(Composite parent, LiveRuns liveRuns) {
        observation = recorder.observe(liveRuns);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(6, 6).applyTo(parent);
        startStop = new Button(parent, SWT.PUSH);
        startStop.setText("Start recording");
        startStop.setToolTipText("Record this JVM's threads with Java Flight Recorder streaming and thread-state "
                + "sampling at " + 1000 / JvmRecorder.SAMPLE_PERIOD.toMillis() + " Hz");
        startStop.addListener(SWT.Selection, e -> toggle());
        export = new Button(parent, SWT.PUSH);
        export.setText("Export CSV\u2026");
        export.setToolTipText("Write jvm-threads.csv (the table) and jvm-overall.csv (the charts' series) to a folder");
        export.addListener(SWT.Selection, e -> exportToChosenFolder());
        Label cost = new Label(parent, SWT.WRAP);
        cost.setText("Off until started: recording costs a little CPU (the Flight Recorder's stream, parks and "
                + "monitor waits over " + JvmRecorder.PARK_THRESHOLD.toMillis() + " / "
                + JvmRecorder.MONITOR_THRESHOLD.toMillis() + " ms, allocation samples, thread states "
                + 1000 / JvmRecorder.SAMPLE_PERIOD.toMillis() + " times a second). Events arrive about a second late.");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(cost);
        summary = new Label(parent, SWT.WRAP);
        summary.setText("Not recording. Start, then train: runs started from the editor train in this JVM, and "
                + "their training threads are named in the table.");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(400, SWT.DEFAULT).applyTo(summary);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(sash);
        createTable(sash);
        Composite charts = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(true).applyTo(charts);
        allocationChart = new LineChart(charts, "Allocation rate", "time (s)", "MB/s");
        cpuChart = new LineChart(charts, "CPU load", "time (s)", "% of all cores");
        gcChart = new LineChart(charts, "GC pauses", "time (s)", "pause (ms)");
        for (LineChart c : List.of(allocationChart, cpuChart, gcChart)) {
            GridDataFactory.fillDefaults().grab(true, true).hint(200, 200).applyTo(c.getControl());
        }
        sash.setWeights(55, 45);
        show(recorder.snapshot());
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f", 100 * fraction);
    }

    private static String waits(long count, double seconds) {
        return count == 0 ? "" : String.format(Locale.ROOT, "%d / %.2f s", count, seconds);
    }

    private List<Column> columns() {
        return List.of(new Column("Thread", ThreadActivity::name, null, 170, "the thread's name"),
                new Column("Training", ThreadActivity::training, null, TRAINING_WIDTH,
                        "the run it trained (started in this workbench) and its last step"),
                new Column("State", t -> t.state() == null ? "" : t.state().toString(), null, 115,
                        "its state at the last sample (empty: seen only in events, e.g. a virtual thread)"),
                new Column("Run %", t -> percent(t.runnable()), ThreadActivity::runnable, 55,
                        "share of samples in RUNNABLE"),
                new Column("Blocked %", t -> percent(t.blocked()), ThreadActivity::blocked, 82,
                        "share of samples in BLOCKED (waiting to enter a monitor)"),
                new Column("Wait %", t -> percent(t.waiting()), ThreadActivity::waiting, 62,
                        "share of samples in WAITING"),
                new Column("Timed %", t -> percent(t.timedWaiting()), ThreadActivity::timedWaiting, 72,
                        "share of samples in TIMED_WAITING"),
                new Column("CPU %", t -> Double.isNaN(t.cpu()) ? "" : percent(t.cpu()),
                        t -> Double.isNaN(t.cpu()) ? -1 : t.cpu(), 60,
                        "mean CPU load in % of one core (read once a second)"),
                new Column("Blocked n / s", t -> waits(t.blockedCount(), t.blockedSeconds()),
                        ThreadActivity::blockedSeconds, 105,
                        "monitor enters that waited over " + JvmRecorder.MONITOR_THRESHOLD.toMillis()
                                + " ms: how many, how long in all"),
                new Column("Parked n / s", t -> waits(t.parkCount(), t.parkedSeconds()),
                        ThreadActivity::parkedSeconds, 105,
                        "parks (locks, queues, conditions) over " + JvmRecorder.PARK_THRESHOLD.toMillis()
                                + " ms: how many, how long in all"),
                new Column("Alloc MB/s", t -> String.format(Locale.ROOT, "%.2f", t.allocationRate(shown.completeSeconds())),
                        ThreadActivity::allocatedMB, 85, "mean allocation rate since recording started"),
                new Column("Waits most at", t -> withoutPackages(t.topWait()), null, 300,
                        "the contended monitor's class or the park site where it waited longest "
                                + "(packages left out; the tooltip names them)"));
    }

    /** Keeps the columns as wide as their headers and values, the last one taking the rest. */
    private ColumnFit columnFit;

    private void createTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        Sorter sorter = new Sorter();
        for (Column column : columns()) {
            TableViewerColumn c = new TableViewerColumn(viewer,
                    column.key() == null ? SWT.LEFT : SWT.RIGHT);
            c.getColumn().setText(column.header());
            c.getColumn().setWidth(column.width());
            c.getColumn().setToolTipText(column.tooltip());
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text().apply((ThreadActivity) element);
                }

                @Override
                public @Nullable String getToolTipText(Object element) {
                    ThreadActivity t = (ThreadActivity) element;
                    return t.monitors().isEmpty() && t.parkSites().isEmpty() ? null : sites(t);
                }
            });
            c.getColumn().addListener(SWT.Selection, e -> sorter.sortBy(column, c.getColumn()));
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparator(sorter);
        columnFit = ColumnFit.install(table, 0);
    }

    /** "monitor org.example.Lock in java.util.Queue.take" as "monitor Lock in Queue.take". */
    static String withoutPackages(String text) {
        return PACKAGE.matcher(text).replaceAll("");
    }

    private static String sites(ThreadActivity t) {
        StringBuilder s = new StringBuilder();
        t.monitors().forEach(m -> s.append(String.format(Locale.ROOT, "monitor %s: %d waits, %.3f s%n", m.name(),
                m.count(), m.seconds())));
        t.parkSites().forEach(p -> s.append(String.format(Locale.ROOT, "park %s: %d parks, %.3f s%n", p.name(),
                p.count(), p.seconds())));
        return s.toString().strip();
    }

    /**
     * Sorts rows by the clicked column's key, larger first; before any click the training
     * threads come first, then the threads that were blocked most, then the busiest.
     */
    private final class Sorter extends ViewerComparator {
        private @Nullable Column column;

        void sortBy(Column c, TableColumn header) {
            column = c;
            viewer.getTable().setSortColumn(header);
            viewer.getTable().setSortDirection(SWT.DOWN);
            viewer.refresh();
        }

        @Override
        public int compare(Viewer v, Object a, Object b) {
            ThreadActivity x = (ThreadActivity) a;
            ThreadActivity y = (ThreadActivity) b;
            Column c = column;
            if (c == null) {
                return Comparator.comparing((ThreadActivity t) -> !t.training().isEmpty())
                        .thenComparingDouble(ThreadActivity::blocked)
                        .thenComparingDouble(t -> Double.isNaN(t.cpu()) ? -1 : t.cpu())
                        .thenComparingDouble(ThreadActivity::runnable).reversed()
                        .thenComparingLong(ThreadActivity::id).compare(x, y);
            }
            if (c.key() == null) {
                return Comparator.comparing(c.text(), String.CASE_INSENSITIVE_ORDER).compare(x, y);
            }
            return Double.compare(c.key().applyAsDouble(y), c.key().applyAsDouble(x));
        }
    }

    private void toggle() {
        if (recorder.running()) {
            stop();
        } else {
            start();
        }
    }

    /** Starts recording and redrawing; shows a dialog if this JVM cannot record. */
    public void start() {
        try {
            recorder.start();
        } catch (IllegalStateException e) {
            IStatus status = Status.error("Cannot record this JVM with Java Flight Recorder: " + e.getMessage(), e);
            ILog.of(JvmView.class).log(status);
            ErrorDialog.openError(startStop.getShell(), "JVM threads", null, status);
            return;
        }
        startStop.setText("Stop recording");
        startStop.getParent().layout();
        startStop.getDisplay().timerExec(REFRESH_MILLIS, tick);
    }

    /** Stops recording and shows everything it gathered. */
    public void stop() {
        recorder.stop();
        startStop.getDisplay().timerExec(-1, tick);
        startStop.setText("Start recording");
        startStop.getParent().layout();
        show(recorder.snapshot());
    }

    public boolean recording() {
        return recorder.running();
    }

    /** The allocation, CPU and GC charts. */
    public List<LineChart> charts() {
        return List.of(allocationChart, cpuChart, gcChart);
    }

    /** What the table and charts show now. */
    public JvmActivity shown() {
        return shown;
    }

    private void tick() {
        if (startStop.isDisposed() || !recorder.running()) {
            return;
        }
        show(recorder.snapshot());
        startStop.getDisplay().timerExec(REFRESH_MILLIS, tick);
    }

    private void show(JvmActivity activity) {
        shown = activity;
        viewer.setInput(activity.threads());
        columnFit.apply();
        summary.setText((recorder.running() ? "Recording: " : "Recorded: ") + activity.summary());
        summary.getParent().layout();
        List<Point> alloc = activity.allocation();
        allocationChart.setSeries("alloc", "allocation (MB/s)",
                XYData.of(alloc.stream().mapToDouble(Point::seconds).toArray(),
                        alloc.stream().mapToDouble(Point::value).toArray()),
                LineChart.color(0), LineChart.Style.LINE);
        List<CpuPoint> cpu = activity.cpu();
        double[] t = cpu.stream().mapToDouble(CpuPoint::seconds).toArray();
        cpuChart.setSeries("jvm", "this JVM", XYData.of(t, cpu.stream().mapToDouble(p -> 100 * p.jvm()).toArray()),
                LineChart.color(1), LineChart.Style.LINE);
        cpuChart.setSeries("machine", "whole machine",
                XYData.of(t, cpu.stream().mapToDouble(p -> 100 * p.machine()).toArray()), new RGB(127, 127, 127),
                LineChart.Style.DASHED);
        List<GcPause> gcs = activity.gcs();
        gcChart.setTitle(String.format(Locale.ROOT, "GC pauses (%d, %.1f ms in all)", gcs.size(), activity.gcPauseMillis()));
        gcChart.setSeries("gc", "pause per collection",
                XYData.of(gcs.stream().mapToDouble(GcPause::seconds).toArray(),
                        gcs.stream().mapToDouble(GcPause::pauseMillis).toArray()),
                LineChart.color(3), LineChart.Style.POINTS);
    }

    private void exportToChosenFolder() {
        DirectoryDialog dialog = new DirectoryDialog(export.getShell(), SWT.SAVE);
        dialog.setText("Export the JVM's threads as CSV");
        dialog.setMessage("jvm-threads.csv and jvm-overall.csv are written to this folder.");
        String dir = dialog.open();
        if (dir == null) {
            return;
        }
        try {
            export(Path.of(dir));
            summary.setText("Wrote jvm-threads.csv and jvm-overall.csv to " + dir);
        } catch (IOException e) {
            IStatus status = Status.error("Cannot write the CSV files to " + dir + ": " + e.getMessage(), e);
            ILog.of(JvmView.class).log(status);
            ErrorDialog.openError(export.getShell(), "Export CSV", null, status);
        }
    }

    /** Writes what the view shows: jvm-threads.csv (the table) and jvm-overall.csv (the charts). */
    public void export(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("jvm-threads.csv"), shown.threadsCsv());
        Files.writeString(dir.resolve("jvm-overall.csv"), shown.overallCsv());
    }

    @PreDestroy
    public void dispose() throws Exception {
        recorder.stop();
        observation.close();
    }
}
