package org.descent.ui.monitor.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.ui.charts.RunColors;
import org.descent.ui.monitor.data.MonitorModel;
import org.descent.ui.monitor.data.RunTable;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.data.IColumnAccessor;
import org.eclipse.nebula.widgets.nattable.data.ListDataProvider;
import org.eclipse.nebula.widgets.nattable.filterrow.FilterRowHeaderComposite;
import org.eclipse.nebula.widgets.nattable.filterrow.IFilterStrategy;
import org.eclipse.nebula.widgets.nattable.hideshow.ColumnHideShowLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.event.RowStructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.selection.RowSelectionProvider;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectRowsCommand;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.command.SortColumnCommand;
import org.eclipse.nebula.widgets.nattable.style.theme.ModernNatTableThemeConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The runs of the run store side by side in a NatTable: one row per run, a column per
 * hyperparameter and per result ({@link RunTable}), sorted by clicking a column header (again for
 * descending, a third time for the original order) and filtered by the row under the headers
 * (text, or {@code <0.5}, {@code >=100}, ... for numbers). The hyperparameters that differ among
 * the selected runs are listed below the table; "Only differing columns" hides the hyperparameters
 * that all runs shown share; "Overlay in Monitor" shows the selected runs' curves in the monitor.
 */
public final class ComparisonView {

    public static final String ID = "org.descent.ui.monitor.views.comparison";

    @Inject
    @Optional
    private @Nullable ESelectionService selectionService;
    @Inject
    @Optional
    private @Nullable EPartService partService;

    private RunTable table = RunTable.read(List.of());
    private int shown;
    /** Reads asked for, on the UI thread. */
    private int requested;
    private final List<RunTable.Row> visible = new ArrayList<>();
    private Composite root;
    private Composite tableArea;
    private NatTable natTable;
    private DataLayer bodyData;
    private SelectionLayer selectionLayer;
    private ColumnHideShowLayer hideShow;
    private SortHeaderLayer<RunTable.Row> sortHeader;
    private FilterRowHeaderComposite<RunTable.Row> filterHeader;
    private RowSelectionProvider<RunTable.Row> selection;
    private Button onlyDiffering;
    private Label summary;
    private Text diff;

    @PostConstruct
    public void createControls(Composite parent) {
        root = parent;
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        Button refresh = new Button(bar, SWT.PUSH);
        refresh.setText("&Refresh");
        refresh.setToolTipText("Read the run store again");
        refresh.addListener(SWT.Selection, e -> showStore());
        Button overlay = new Button(bar, SWT.PUSH);
        overlay.setText("&Overlay in Monitor");
        overlay.setToolTipText("Show the training curves of the selected runs in the Monitor");
        overlay.addListener(SWT.Selection, e -> overlaySelected());
        onlyDiffering = new Button(bar, SWT.CHECK);
        onlyDiffering.setText("Only &differing hyperparameters");
        onlyDiffering.setToolTipText("Hide the hyperparameter columns in which all runs shown have the same value");
        onlyDiffering.addListener(SWT.Selection, e -> updateHiddenColumns());
        summary = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(summary);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        tableArea = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(tableArea);
        diff = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        sash.setWeights(75, 25);
        showStore();
    }

    private static List<RunFolder> readStore() {
        RunStore store = MonitorView.runStore();
        try {
            return store.runs();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Shows these runs: their run files are read in a job, off the UI thread, and the table is
     * replaced when they are ({@link #shown()} counts the tables shown).
     */
    public void setRuns(List<RunFolder> runs) {
        read(() -> runs);
    }

    /** Reads the run store's runs in a job and shows them. */
    private void showStore() {
        read(ComparisonView::readStore);
    }

    private void read(java.util.function.Supplier<List<RunFolder>> runs) {
        int generation = ++requested;
        org.eclipse.swt.widgets.Display display = tableArea.getDisplay();
        org.eclipse.core.runtime.jobs.Job job = org.eclipse.core.runtime.jobs.Job.create("Reading runs for Run Comparison",
                monitor -> {
                    RunTable read = RunTable.read(runs.get());
                    if (!display.isDisposed()) {
                        display.asyncExec(() -> {
                            // only the newest request is shown: an older read that ends later is dropped
                            if (!tableArea.isDisposed() && generation == requested) {
                                show(read);
                            }
                        });
                    }
                });
        job.setSystem(true);
        job.schedule();
    }

    /** How many tables have been shown since the view opened. */
    public int shown() {
        return shown;
    }

    private void show(RunTable read) {
        table = read;
        shown++;
        visible.clear();
        visible.addAll(table.rows());
        if (natTable != null) {
            natTable.dispose();
        }
        natTable = createTable(tableArea);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(natTable);
        tableArea.layout(true, true);
        updateHiddenColumns();
        updateDiff();
    }

    /** The prefix of the cell labels that colour a run's name (with the index of its colour). */
    private static final String RUN_COLOUR = RunGrid.RUN_COLOUR;

    private NatTable createTable(Composite parent) {
        List<RunTable.Column> columns = table.columns();
        IColumnAccessor<RunTable.Row> accessor = new IColumnAccessor<>() {
            @Override
            public Object getDataValue(RunTable.Row row, int column) {
                return row.text(columns.get(column).name());
            }

            @Override
            public void setDataValue(RunTable.Row row, int column, Object value) {
                throw new UnsupportedOperationException("the comparison is read-only");
            }

            @Override
            public int getColumnCount() {
                return columns.size();
            }
        };
        ListDataProvider<RunTable.Row> body = new ListDataProvider<>(visible, accessor);
        bodyData = new DataLayer(body, 110, 24);
        ModernNatTableThemeConfiguration theme = RunGrid.theme(parent.getDisplay());
        GC gc = new GC(parent);
        try {
            for (int c = 0; c < columns.size(); c++) {
                // the whole header in the header's font, with room for the sort arrow; long values
                // are cut at 320 pixels (their cell's tooltip shows them whole)
                gc.setFont(theme.cHeaderFont != null ? theme.cHeaderFont : parent.getFont());
                int header = gc.textExtent(columns.get(c).name()).x + 28;
                gc.setFont(theme.defaultFont != null ? theme.defaultFont : parent.getFont());
                int values = 0;
                for (RunTable.Row r : visible) {
                    values = Math.max(values, gc.textExtent(r.text(columns.get(c).name())).x + 16);
                }
                bodyData.setColumnWidthByPosition(c, Math.max(60, Math.max(header, Math.min(320, values))));
            }
        } finally {
            gc.dispose();
        }
        // the run column in each run's colour, as the Monitor draws it
        bodyData.setConfigLabelAccumulator((labels, column, row) -> {
            if (columns.get(column).kind() == RunTable.Kind.RUN && row < visible.size()) {
                labels.add(RUN_COLOUR + RunColors.assigned(MonitorModel.label(visible.get(row).folder())));
            }
        });
        hideShow = new ColumnHideShowLayer(bodyData);
        RunGrid.Parts<RunTable.Row> grid = RunGrid.build(parent, hideShow, body,
                columns.stream().map(RunTable.Column::name).toArray(String[]::new), new SortModel(), new FilterStrategy(),
                theme);
        selectionLayer = grid.selection();
        sortHeader = grid.sort();
        filterHeader = grid.filter();
        NatTable t = grid.table();
        selection = new RowSelectionProvider<>(selectionLayer, body, false);
        selection.addSelectionChangedListener(e -> {
            updateDiff();
            ESelectionService s = selectionService;
            if (s != null) {
                s.setSelection(new StructuredSelection(selectedRuns()));
            }
        });
        return t;
    }

    /** Sorting through {@link RunTable}. */
    private final class SortModel extends RunGrid.OneColumnSort {

        @Override
        @Nullable
        String sortedColumn() {
            return table.sortColumn();
        }

        @Override
        int columnIndex(String column) {
            return table.columnIndex(column);
        }

        @Override
        String columnName(int column) {
            return table.columns().get(column).name();
        }

        @Override
        boolean ascending() {
            return table.isAscending();
        }

        @Override
        void sortRows(@Nullable String column, boolean ascending) {
            table.sort(column, ascending);
            rowsChanged();
        }
    }

    /** Filtering through {@link RunTable}: the filter row's text per column. */
    private final class FilterStrategy implements IFilterStrategy<RunTable.Row> {
        @Override
        public void applyFilter(Map<Integer, Object> filters) {
            table.clearFilters();
            filters.forEach((column, value) -> {
                if (value != null) {
                    table.setFilter(table.columns().get(column).name(), value.toString());
                }
            });
            rowsChanged();
        }
    }

    private void rowsChanged() {
        selectionLayer.clear(false);
        visible.clear();
        visible.addAll(table.rows());
        bodyData.fireLayerEvent(new RowStructuralRefreshEvent(bodyData));
        updateHiddenColumns();
        updateDiff();
    }

    private void updateHiddenColumns() {
        if (hideShow == null) {
            return;
        }
        // hiding columns clears NatTable's selection: select the same runs again afterwards
        List<RunTable.Row> selected = selectedRows();
        hideShow.showAllColumns();
        if (onlyDiffering.getSelection()) {
            List<RunTable.Column> differing = table.differing(visible);
            List<Integer> hide = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                RunTable.Column c = table.columns().get(i);
                if (c.kind() == RunTable.Kind.HYPERPARAMETER && !differing.contains(c)) {
                    hide.add(i);
                }
            }
            hideShow.hideColumnIndexes(hide);
        }
        natTable.refresh();
        int[] positions = selected.stream().mapToInt(visible::indexOf).filter(i -> i >= 0).toArray();
        if (positions.length > 0) {
            selectRows(positions);
        }
    }

    private void updateDiff() {
        List<RunTable.Row> rows = selectedRows();
        summary.setText(String.format(Locale.ROOT, "%d of %d runs shown, %d selected", visible.size(),
                table.allRows().size(), rows.size()));
        summary.getParent().layout();
        diff.setText(rows.isEmpty() ? "Select runs to compare their hyperparameters." : table.diff(rows));
    }

    /** The rows selected, in table order. */
    @SuppressWarnings("unchecked")
    public List<RunTable.Row> selectedRows() {
        if (selection == null) {
            return List.of();
        }
        List<RunTable.Row> rows = new ArrayList<>(((IStructuredSelection) selection.getSelection()).toList());
        rows.sort(Comparator.comparingInt(visible::indexOf));
        return rows;
    }

    private List<RunFolder> selectedRuns() {
        return selectedRows().stream().map(RunTable.Row::folder).toList();
    }

    /** Shows the selected runs' curves in the Monitor view (opened when needed). */
    public void overlaySelected() {
        List<RunFolder> runs = selectedRuns();
        if (runs.isEmpty()) {
            diff.setText("Select the runs to overlay in the Monitor first.");
            return;
        }
        EPartService parts = partService;
        MPart part;
        try {
            // the e4 part service, not the 3.x page: it also shows the Monitor while this view is maximized
            part = parts == null ? null : parts.showPart(MonitorView.ID, EPartService.PartState.VISIBLE);
        } catch (RuntimeException e) {
            diff.setText("Cannot open the Monitor: " + e.getMessage());
            return;
        }
        if (part != null && part.getObject() instanceof MonitorView monitor) {
            monitor.show(runs);
        } else {
            diff.setText("Cannot open the Monitor: the view " + MonitorView.ID + " is not installed");
        }
    }

    /** Sorts by a column through the sort header, as a click on its header does. */
    public void sortBy(String column, SortDirectionEnum direction) {
        int index = index(column);
        natTable.doCommand(new SortColumnCommand(sortHeader, hideShow.getColumnPositionByIndex(index), false,
                direction));
    }

    /** Filters a column through the filter row, as typing into it does; empty text removes the filter. */
    public void filter(String column, String text) {
        filterHeader.getFilterRowDataLayer().getFilterRowDataProvider().setDataValue(index(column), 0,
                text.isEmpty() ? null : text);
    }

    /** Selects rows by their position in the table. */
    public void selectRows(int... positions) {
        selectionLayer.clear(false);
        natTable.doCommand(new SelectRowsCommand(selectionLayer, 0, positions, false, true, positions[0]));
    }

    private int index(String column) {
        int i = table.columnIndex(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + column + "'");
        }
        return i;
    }

    /** The text of a body cell, by column name and row position, as NatTable's selection layer holds it. */
    public String cellText(String column, int row) {
        int position = hideShow.getColumnPositionByIndex(index(column));
        if (position < 0) {
            throw new IllegalArgumentException("column '" + column + "' is hidden");
        }
        return String.valueOf(selectionLayer.getDataValueByPosition(position, row));
    }

    /** The table's data (rows, columns, sort and filters). */
    public RunTable table() {
        return table;
    }

    /** The rows shown, in order. */
    public List<RunTable.Row> visibleRows() {
        return List.copyOf(visible);
    }

    /** The NatTable control. */
    public NatTable natTable() {
        return natTable;
    }

    /** The difference text shown below the table. */
    public String diffText() {
        return diff.getText();
    }

    /** Hides hyperparameter columns that all runs shown share (as the check box does). */
    public void setOnlyDiffering(boolean on) {
        onlyDiffering.setSelection(on);
        updateHiddenColumns();
    }

    /** The column headers shown now, in order. */
    public List<String> shownColumns() {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < hideShow.getColumnCount(); p++) {
            out.add(table.columns().get(hideShow.getColumnIndexByPosition(p)).name());
        }
        return out;
    }

    @Focus
    public void setFocus() {
        if (natTable != null && !natTable.isDisposed()) {
            natTable.setFocus();
        } else {
            root.setFocus();
        }
    }
}
