package org.descent.ui.monitor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.experiment.RunStore;
import org.descent.sweep.SweepFolder;
import org.descent.ui.charts.LineChart;
import org.descent.ui.charts.RunColors;
import org.descent.ui.charts.XYData;
import org.descent.ui.monitor.data.MonitorModel;
import org.descent.ui.monitor.data.RunTable;
import org.descent.ui.monitor.data.SweepTable;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.data.IColumnAccessor;
import org.eclipse.nebula.widgets.nattable.data.ListDataProvider;
import org.eclipse.nebula.widgets.nattable.filterrow.FilterRowHeaderComposite;
import org.eclipse.nebula.widgets.nattable.filterrow.IFilterStrategy;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.LayerUtil;
import org.eclipse.nebula.widgets.nattable.layer.event.RowStructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.command.SortColumnCommand;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.style.theme.ModernNatTableThemeConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * A sweep of the run store (a folder {@code descent sweep} wrote, see {@link SweepFolder}) as a
 * study: its trials in a NatTable (trial, status with ASHA's reason for a stopped trial, each
 * swept parameter, the best metric; sorted by clicking a header, filtered by the row under the
 * headers, as Run Comparison), the best metric of each trial against a swept parameter (a
 * logarithmic axis for a log-uniform one) and each trial's metric over steps, in the trials'
 * run colours. While the sweep runs, its files are read again every second in a job, off the UI
 * thread. Double-clicking a trial opens it in the Monitor; Cancel sweep stops a running sweep and
 * keeps its finished trials.
 */
public final class SweepView {

    public static final String ID = "org.descent.ui.monitor.views.sweep";
    /** How often a running sweep is read again. */
    public static final int PERIOD_MS = 1000;

    @Inject
    @Optional
    private @Nullable EPartService partService;

    private @Nullable RunStore store;
    private List<SweepFolder> sweeps = List.of();
    private @Nullable SweepTable table;
    private @Nullable Path selected;
    private final List<SweepTable.Trial> visible = new ArrayList<>();
    /** Tables shown since the view opened, and reads asked for (both on the UI thread). */
    private int shown;
    private int requested;
    private boolean reading;
    private int ticks;

    private Composite root;
    private Combo sweepCombo;
    private Button cancel;
    private Label summary;
    private Composite tableArea;
    private Combo parameterCombo;
    private LineChart parameterChart;
    private LineChart stepsChart;
    private NatTable natTable;
    private DataLayer bodyData;
    private SelectionLayer selectionLayer;
    private SortHeaderLayer<SweepTable.Trial> sortHeader;
    private FilterRowHeaderComposite<SweepTable.Trial> filterHeader;
    private @Nullable List<String> tableColumns;
    private ModernNatTableThemeConfiguration theme;

    @PostConstruct
    public void createControls(Composite parent) {
        root = parent;
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        new Label(bar, SWT.NONE).setText("&Sweep:");
        sweepCombo = new Combo(bar, SWT.DROP_DOWN | SWT.READ_ONLY);
        sweepCombo.setToolTipText("The sweeps of the run store, newest first (as 'descent sweeps' lists them)");
        GridDataFactory.fillDefaults().hint(320, SWT.DEFAULT).applyTo(sweepCombo);
        sweepCombo.addListener(SWT.Selection, e -> {
            int i = sweepCombo.getSelectionIndex();
            if (i >= 0 && i < sweeps.size()) {
                showSweep(sweeps.get(i).dir());
            }
        });
        Button refresh = new Button(bar, SWT.PUSH);
        refresh.setText("&Refresh");
        refresh.setToolTipText("List the run store's sweeps and read the one shown again");
        refresh.addListener(SWT.Selection, e -> read(true));
        Button open = new Button(bar, SWT.PUSH);
        open.setText("&Open in Monitor");
        open.setToolTipText("Show the selected trials in the Monitor (or double-click a trial)");
        open.addListener(SWT.Selection, e -> openInMonitor(selectedTrials()));
        cancel = new Button(bar, SWT.PUSH);
        cancel.setText("&Cancel sweep");
        cancel.setToolTipText("Stop the sweep shown: running trials stop at their next step and are saved, finished"
                + " trials are kept ('descent sweep resume DIR' continues it)");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancelSweep());
        summary = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        tableArea = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(tableArea);
        SashForm charts = new SashForm(sash, SWT.HORIZONTAL);
        Composite left = new Composite(charts, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(left);
        new Label(left, SWT.NONE).setText("&Parameter:");
        parameterCombo = new Combo(left, SWT.DROP_DOWN | SWT.READ_ONLY);
        parameterCombo.setToolTipText("The swept parameter on the x axis");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(parameterCombo);
        parameterCombo.addListener(SWT.Selection, e -> updateParameterChart());
        parameterChart = new LineChart(left, "Best metric by parameter", "parameter", "metric");
        parameterChart.setEmptyText("No trial has a metric yet");
        parameterChart.setLegendVisible(false);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(parameterChart.getControl());
        stepsChart = new LineChart(charts, "Metric over steps", "step", "metric");
        stepsChart.setEmptyText("No trial has a metric yet");
        stepsChart.setIntegerX(true);
        sash.setWeights(45, 55);
        charts.setWeights(50, 50);
        summary.setText("Reading the run store's sweeps...");

        read(true);
        Display display = parent.getDisplay();
        Runnable poll = new Runnable() {
            @Override
            public void run() {
                if (root.isDisposed()) {
                    return;
                }
                SweepTable t = table;
                ticks++;
                if (!reading && t != null && t.isLive()) {
                    read(false);
                } else if (!reading && t == null && ticks % 5 == 0) {
                    // no sweep yet: look for one every few seconds
                    read(true);
                }
                display.timerExec(PERIOD_MS, this);
            }
        };
        display.timerExec(PERIOD_MS, poll);
    }

    /** Uses this run store instead of the workbench's (tests), and lists its sweeps. */
    public void setStore(RunStore store) {
        this.store = store;
        selected = null;
        read(true);
    }

    /** Shows a sweep folder (read in a job); {@link #shown()} counts the tables shown. */
    public void showSweep(Path dir) {
        selected = dir.toAbsolutePath().normalize();
        read(false);
    }

    /**
     * Reads in a job, off the UI thread: the run store's list of sweeps when {@code list}, and the
     * sweep selected (the newest when none is); the view is updated on the UI thread.
     */
    private void read(boolean list) {
        int generation = ++requested;
        reading = true;
        RunStore chosen = store;
        Path want = selected;
        Display display = root.getDisplay();
        Job job = Job.create("Reading a sweep for the Sweep view", monitor -> {
            RunStore s = chosen != null ? chosen : MonitorView.runStore();
            List<SweepFolder> found = null;
            String problem = null;
            if (list) {
                try {
                    found = SweepFolder.list(s.root()).reversed();
                } catch (IOException e) {
                    problem = "Cannot list the sweeps in " + s.root() + ": " + e.getMessage();
                }
            }
            Path dir = want != null ? want : found != null && !found.isEmpty() ? found.get(0).dir() : null;
            SweepTable read = null;
            if (dir != null) {
                try {
                    read = SweepTable.read(new SweepFolder(dir));
                } catch (IOException | RuntimeException e) {
                    problem = "Cannot read the sweep " + dir + ": " + e.getMessage();
                }
            } else if (problem == null && found != null) {
                problem = "No sweeps in " + s.root() + " (run 'descent sweep' to start one).";
            }
            List<SweepFolder> f = found;
            SweepTable t = read;
            String p = problem;
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (root.isDisposed() || generation != requested) {
                        return;
                    }
                    reading = false;
                    if (f != null) {
                        showList(f, dir);
                    }
                    if (t != null) {
                        show(t);
                    } else if (p != null) {
                        summary.setText(p);
                    }
                });
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void showList(List<SweepFolder> found, @Nullable Path current) {
        sweeps = found;
        String[] items = found.stream().map(f -> f.dir().getFileName().toString()).toArray(String[]::new);
        if (!java.util.Arrays.equals(items, sweepCombo.getItems())) {
            sweepCombo.setItems(items);
        }
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).dir().equals(current)) {
                sweepCombo.select(i);
            }
        }
    }

    private void show(SweepTable read) {
        shown++;
        selected = read.folder().dir();
        SweepTable old = table;
        SweepTable kept = old == null ? null : old.update(read);
        List<SweepTable.Trial> selection = selectedTrials();
        if (kept != null && natTable != null && !natTable.isDisposed()) {
            table = kept;
            // statuses grow (pending, running, done: budget reached, stopped: ASHA's reason)
            fitColumns(tableArea, kept);
            rowsChanged();
            int[] rows = selection.stream().mapToInt(t -> indexOf(t.state().index())).filter(i -> i >= 0).toArray();
            if (rows.length > 0) {
                selectRows(rows);
            }
        } else {
            table = read;
            visible.clear();
            visible.addAll(read.rows());
            if (natTable != null) {
                natTable.dispose();
            }
            natTable = createTable(tableArea, read);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(natTable);
            tableArea.layout(true, true);
            parameterCombo.setItems(read.parameters().toArray(String[]::new));
            if (!read.parameters().isEmpty()) {
                parameterCombo.select(0);
            }
            parameterCombo.getParent().layout();
        }
        updateSummary();
        updateParameterChart();
        updateStepsChart();
    }

    private int indexOf(int trial) {
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).state().index() == trial) {
                return i;
            }
        }
        return -1;
    }

    private void updateSummary() {
        SweepTable t = table;
        if (t == null) {
            return;
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (SweepTable.Trial trial : t.allTrials()) {
            counts.merge(trial.state().status(), 1L, Long::sum);
        }
        String best = SweepFolder.ranked(t.allTrials().stream().map(SweepTable.Trial::state).toList(), t.study())
                .stream().filter(s -> !Double.isNaN(s.best())).findFirst()
                .map(s -> String.format(Locale.ROOT, "; best: trial %d, %s %s", s.index(), t.study().metric(),
                        RunTable.text(s.best())))
                .orElse("");
        StringBuilder c = new StringBuilder();
        counts.forEach((k, v) -> c.append(c.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        int all = t.allTrials().size();
        summary.setText(String.format(Locale.ROOT, "%s, %d trials: %s%s%s", t.status(), all, c, best,
                visible.size() == all ? "" : String.format(Locale.ROOT, "; %d shown", visible.size())));
        summary.setToolTipText(t.name() + " in " + t.folder().dir());
        cancel.setEnabled(t.status().equals("running"));
        sweepCombo.setToolTipText(t.name() + " in " + t.folder().dir());
        summary.getParent().layout();
    }

    /** The colour of a trial's run, as the Monitor and Run Comparison draw it. */
    private static RGB colour(SweepTable.Trial t) {
        int rgb = RunColors.of(MonitorModel.label(t.run()));
        return new RGB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private static String seriesId(SweepTable.Trial t) {
        return "trial " + t.state().index();
    }

    /** The best metric of each trial shown against the parameter chosen: a point per trial. */
    private void updateParameterChart() {
        SweepTable t = table;
        if (t == null) {
            return;
        }
        String parameter = parameterCombo.getText();
        boolean log = t.isLog(parameter);
        List<String> categories = t.categories(parameter);
        parameterChart.clearSeries();
        parameterChart.setLogX(log);
        parameterChart.setIntegerX(!categories.isEmpty());
        parameterChart.setXLabeler(categories.isEmpty() ? null : v -> {
            int i = (int) Math.round(v);
            return Math.abs(v - i) < 1e-9 && i >= 0 && i < categories.size() ? categories.get(i) : "";
        });
        String metric = t.study().metric();
        parameterChart.setTitle("Best " + metric + " by " + parameter);
        parameterChart.setAxisTitles(parameter, "best " + metric + " (" + t.study().mode() + ")");
        for (SweepTable.Trial trial : visible) {
            double x = t.position(trial, parameter);
            double y = trial.state().best();
            if (Double.isNaN(x) || Double.isNaN(y) || log && !(x > 0)) {
                continue;
            }
            parameterChart.setSeries(seriesId(trial), seriesId(trial), XYData.of(new double[] { x }, new double[] { y }),
                    colour(trial), LineChart.Style.POINTS);
        }
        parameterChart.refresh();
    }

    /** Each trial's metric over its steps. */
    private void updateStepsChart() {
        SweepTable t = table;
        if (t == null) {
            return;
        }
        String metric = t.study().metric();
        stepsChart.setTitle(metric + " over steps");
        stepsChart.setAxisTitles("step", metric);
        List<String> ids = new ArrayList<>();
        for (SweepTable.Trial trial : visible) {
            if (trial.steps().length == 0) {
                continue;
            }
            ids.add(seriesId(trial));
            stepsChart.setSeries(seriesId(trial), seriesId(trial), XYData.of(trial.steps(), trial.metric()),
                    colour(trial), LineChart.Style.LINE);
        }
        for (String id : stepsChart.getSeriesIds()) {
            if (!ids.contains(id)) {
                stepsChart.removeSeries(id);
            }
        }
        // a legend for a few trials; more read better from the table's colours
        stepsChart.setLegendVisible(ids.size() <= 12);
        stepsChart.refresh();
    }

    /** The prefix of the cell labels that colour a trial's number (with the index of its colour). */
    private static final String RUN_COLOUR = RunGrid.RUN_COLOUR;

    private NatTable createTable(Composite parent, SweepTable data) {
        List<String> columns = data.columns();
        tableColumns = columns;
        IColumnAccessor<SweepTable.Trial> accessor = new IColumnAccessor<>() {
            @Override
            public Object getDataValue(SweepTable.Trial row, int column) {
                return row.text(columns.get(column));
            }

            @Override
            public void setDataValue(SweepTable.Trial row, int column, Object value) {
                throw new UnsupportedOperationException("the sweep's table is read-only");
            }

            @Override
            public int getColumnCount() {
                return columns.size();
            }
        };
        ListDataProvider<SweepTable.Trial> body = new ListDataProvider<>(visible, accessor);
        bodyData = new DataLayer(body, 110, 24);
        ModernNatTableThemeConfiguration theme = RunGrid.theme(parent.getDisplay());
        this.theme = theme;
        fitColumns(parent, data);
        bodyData.setConfigLabelAccumulator((labels, column, row) -> {
            if (columns.get(column).equals(SweepTable.TRIAL) && row < visible.size()) {
                labels.add(RUN_COLOUR + RunColors.assigned(MonitorModel.label(visible.get(row).run())));
            }
        });
        RunGrid.Parts<SweepTable.Trial> grid = RunGrid.build(parent, bodyData, body, columns.toArray(String[]::new),
                new SortModel(), new FilterStrategy(), theme);
        selectionLayer = grid.selection();
        sortHeader = grid.sort();
        filterHeader = grid.filter();
        NatTable t = grid.table();
        t.addListener(SWT.MouseDoubleClick, e -> {
            int position = t.getRowPositionByY(e.y);
            int row = position < 0 ? -1 : LayerUtil.convertRowPosition(t, position, bodyData);
            if (row >= 0 && row < visible.size()) {
                openInMonitor(List.of(visible.get(row)));
            }
        });
        return t;
    }

    /**
     * Widens each column to its header (with room for the sort arrow) and its values; the status
     * (ASHA's reason) is cut at 520 pixels, other values at 320 (the cell's tooltip shows them whole).
     */
    private void fitColumns(Composite parent, SweepTable data) {
        List<String> columns = data.columns();
        GC gc = new GC(parent);
        try {
            for (int c = 0; c < columns.size(); c++) {
                gc.setFont(theme.cHeaderFont != null ? theme.cHeaderFont : parent.getFont());
                int header = gc.textExtent(columns.get(c)).x + 28;
                gc.setFont(theme.defaultFont != null ? theme.defaultFont : parent.getFont());
                int values = 0;
                for (SweepTable.Trial r : data.allTrials()) {
                    values = Math.max(values, gc.textExtent(r.text(columns.get(c))).x + 16);
                }
                int cap = columns.get(c).equals(SweepTable.STATUS) ? 520 : 320;
                bodyData.setColumnWidthByPosition(c, Math.max(60, Math.max(header, Math.min(cap, values))));
            }
        } finally {
            gc.dispose();
        }
    }

    /** Sorting through {@link SweepTable}. */
    private final class SortModel extends RunGrid.OneColumnSort {

        private SweepTable data() {
            return java.util.Objects.requireNonNull(table);
        }

        @Override
        @Nullable
        String sortedColumn() {
            return data().sortColumn();
        }

        @Override
        int columnIndex(String column) {
            return data().columnIndex(column);
        }

        @Override
        String columnName(int column) {
            return data().columns().get(column);
        }

        @Override
        boolean ascending() {
            return data().isAscending();
        }

        @Override
        void sortRows(@Nullable String column, boolean ascending) {
            data().sort(column, ascending);
            rowsChanged();
        }
    }

    /** Filtering through {@link SweepTable}: the filter row's text per column. */
    private final class FilterStrategy implements IFilterStrategy<SweepTable.Trial> {
        @Override
        public void applyFilter(Map<Integer, Object> filters) {
            SweepTable t = java.util.Objects.requireNonNull(table);
            t.clearFilters();
            filters.forEach((column, value) -> {
                if (value != null) {
                    t.setFilter(t.columns().get(column), value.toString());
                }
            });
            rowsChanged();
            updateSummary();
            updateParameterChart();
            updateStepsChart();
        }
    }

    private void rowsChanged() {
        SweepTable t = table;
        if (t == null || bodyData == null) {
            return;
        }
        selectionLayer.clear(false);
        visible.clear();
        visible.addAll(t.rows());
        bodyData.fireLayerEvent(new RowStructuralRefreshEvent(bodyData));
        natTable.refresh();
    }

    /** The trials selected, in table order. */
    public List<SweepTable.Trial> selectedTrials() {
        if (selectionLayer == null) {
            return List.of();
        }
        List<SweepTable.Trial> out = new ArrayList<>();
        for (int row : selectionLayer.getFullySelectedRowPositions()) {
            if (row >= 0 && row < visible.size()) {
                out.add(visible.get(row));
            }
        }
        return out;
    }

    /** Selects rows by their position in the table. */
    public void selectRows(int... positions) {
        selectionLayer.clear(false);
        natTable.doCommand(new org.eclipse.nebula.widgets.nattable.selection.command.SelectRowsCommand(selectionLayer,
                0, positions, false, true, positions[0]));
    }

    /** Shows these trials' runs in the Monitor view (opened when needed), as a double-click on a trial does. */
    public void openInMonitor(List<SweepTable.Trial> trials) {
        if (trials.isEmpty()) {
            summary.setText("Select the trials to open in the Monitor first (or double-click one).");
            return;
        }
        EPartService parts = partService;
        MPart part;
        try {
            part = parts == null ? null : parts.showPart(MonitorView.ID, EPartService.PartState.VISIBLE);
        } catch (RuntimeException e) {
            summary.setText("Cannot open the Monitor: " + e.getMessage());
            return;
        }
        if (part != null && part.getObject() instanceof MonitorView monitor) {
            monitor.show(trials.stream().map(SweepTable.Trial::run).toList());
        } else {
            summary.setText("Cannot open the Monitor: the view " + MonitorView.ID + " is not installed");
        }
    }

    /**
     * Cancels the sweep shown, as the Cancel sweep button does: a sweep running in a job of this
     * workbench (a job of the sweep folder's family, as the experiment editor's Run sweep starts
     * one) is cancelled; one that another process runs ({@code descent sweep}) is asked to stop as
     * Ctrl-C asks it (SIGTERM; it saves every trial). Finished trials are kept either way.
     */
    public void cancelSweep() {
        SweepTable t = table;
        if (t == null) {
            return;
        }
        SweepFolder folder = t.folder();
        Job[] jobs = Job.getJobManager().find(folder.dir().toAbsolutePath().normalize());
        if (jobs.length > 0) {
            for (Job j : jobs) {
                j.cancel();
            }
            summary.setText("Cancelling the sweep: its running trials stop at their next step; finished trials are kept.");
            return;
        }
        Display display = root.getDisplay();
        Job job = Job.create("Cancelling the sweep " + folder.dir().getFileName(), monitor -> {
            String said;
            try {
                java.util.Optional<ProcessHandle> process = folder.process();
                if (process.isEmpty()) {
                    said = "The sweep is not running in another process: nothing to cancel.";
                } else if (process.get().destroy()) {
                    said = "Asked process " + process.get().pid() + " to cancel the sweep (as Ctrl-C does): its running"
                            + " trials are saved and finished ones kept.";
                } else {
                    said = "Process " + process.get().pid() + " that runs the sweep cannot be stopped from here.";
                }
            } catch (IOException e) {
                said = "Cannot read the sweep " + folder.dir() + ": " + e.getMessage();
            }
            String text = said;
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (!summary.isDisposed()) {
                        summary.setText(text);
                    }
                });
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    /** Sorts by a column through the sort header, as a click on its header does. */
    public void sortBy(String column, SortDirectionEnum direction) {
        natTable.doCommand(new SortColumnCommand(sortHeader, index(column), false, direction));
    }

    /** Filters a column through the filter row, as typing into it does; empty text removes the filter. */
    public void filter(String column, String text) {
        filterHeader.getFilterRowDataLayer().getFilterRowDataProvider().setDataValue(index(column), 0,
                text.isEmpty() ? null : text);
    }

    private int index(String column) {
        List<String> c = tableColumns;
        int i = c == null ? -1 : c.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + column + "'");
        }
        return i;
    }

    /** The text NatTable's body holds in a column (by name) and row position. */
    public String cellText(String column, int row) {
        return String.valueOf(selectionLayer.getDataValueByPosition(index(column), row));
    }

    /** Chooses the parameter on the x axis of the parameter chart, as the combo does. */
    public void setParameter(String parameter) {
        int i = parameterCombo.indexOf(parameter);
        if (i < 0) {
            throw new IllegalArgumentException("no swept parameter '" + parameter + "'");
        }
        parameterCombo.select(i);
        updateParameterChart();
    }

    /** The table shown (trials, columns, sort, filters), or {@code null} before one is read. */
    public @Nullable SweepTable table() {
        return table;
    }

    /** The trials shown, in order. */
    public List<SweepTable.Trial> visibleTrials() {
        return List.copyOf(visible);
    }

    /** How many reads have been shown since the view opened. */
    public int shown() {
        return shown;
    }

    /** The sweeps the combo lists, newest first. */
    public List<String> sweepItems() {
        return List.of(sweepCombo.getItems());
    }

    /** The summary line above the table. */
    public String summaryText() {
        return summary.getText();
    }

    /** The Cancel sweep button (enabled while the sweep shown runs). */
    public Button cancelButton() {
        return cancel;
    }

    public NatTable natTable() {
        return natTable;
    }

    /** The chart of the best metric against the parameter chosen. */
    public LineChart parameterChart() {
        return parameterChart;
    }

    /** The chart of each trial's metric over steps. */
    public LineChart stepsChart() {
        return stepsChart;
    }

    @Focus
    public void setFocus() {
        if (natTable != null && !natTable.isDisposed()) {
            natTable.setFocus();
        } else {
            sweepCombo.setFocus();
        }
    }
}
