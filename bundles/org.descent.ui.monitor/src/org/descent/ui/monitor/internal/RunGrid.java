package org.descent.ui.monitor.internal;

import java.util.Comparator;
import java.util.List;

import org.descent.ui.charts.RunColors;
import org.descent.ui.monitor.data.RunTable;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.ConfigRegistry;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.filterrow.FilterRowHeaderComposite;
import org.eclipse.nebula.widgets.nattable.filterrow.IFilterStrategy;
import org.eclipse.nebula.widgets.nattable.filterrow.config.DefaultFilterRowConfiguration;
import org.eclipse.nebula.widgets.nattable.grid.GridRegion;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultColumnHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultRowHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultColumnHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultRowHeaderDataLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.IUniqueIndexLayer;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.sort.ISortModel;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.config.SingleClickSortConfiguration;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.style.theme.ModernNatTableThemeConfiguration;
import org.eclipse.nebula.widgets.nattable.tooltip.NatTableContentTooltip;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

/**
 * The table of runs that Run Comparison and the Sweep view show: a NatTable with row numbers,
 * column headers that sort on a click, a filter row under them, the modern theme with dark text on
 * light headers, cells labelled {@link #RUN_COLOUR}{@code i} drawn in run colour {@code i}, and
 * tooltips for what a column cuts.
 */
final class RunGrid {

    /** The prefix of the labels whose cells are drawn in a run's colour: {@code RUN_COLOUR + RunColors.assigned(...)}, the colour index the charts draw the run in. */
    static final String RUN_COLOUR = "descent.run-colour.";

    /** What a view keeps of the grid. */
    record Parts<T>(NatTable table, SelectionLayer selection, SortHeaderLayer<T> sort, FilterRowHeaderComposite<T> filter) {
    }

    private RunGrid() {
    }

    /**
     * Sorting by one column at a time, on a click of its header, as both tables do: the view says
     * which column is sorted and in which direction, and sorts its rows.
     */
    abstract static class OneColumnSort implements ISortModel {

        /** The sorted column's name, or null. */
        abstract @Nullable String sortedColumn();

        abstract int columnIndex(String column);

        abstract String columnName(int column);

        abstract boolean ascending();

        /** Sorts the rows by a column (null: as they came) and shows them. */
        abstract void sortRows(@Nullable String column, boolean ascending);

        @Override
        public List<Integer> getSortedColumnIndexes() {
            String c = sortedColumn();
            return c == null ? List.of() : List.of(columnIndex(c));
        }

        @Override
        public boolean isColumnIndexSorted(int column) {
            return getSortedColumnIndexes().contains(column);
        }

        @Override
        public SortDirectionEnum getSortDirection(int column) {
            if (!isColumnIndexSorted(column)) {
                return SortDirectionEnum.NONE;
            }
            return ascending() ? SortDirectionEnum.ASC : SortDirectionEnum.DESC;
        }

        @Override
        public int getSortOrder(int column) {
            return isColumnIndexSorted(column) ? 0 : -1;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List<Comparator> getComparatorsForColumnIndex(int column) {
            return List.of(getColumnComparator(column));
        }

        @Override
        public Comparator<?> getColumnComparator(int column) {
            return RunTable::compare;
        }

        @Override
        public void sort(int column, SortDirectionEnum direction, boolean accumulate) {
            sortRows(direction == SortDirectionEnum.NONE ? null : columnName(column), direction != SortDirectionEnum.DESC);
        }

        @Override
        public void clear() {
            sortRows(null, true);
        }
    }

    /** The modern theme with dark text on light headers (its white on grey reads poorly). */
    static ModernNatTableThemeConfiguration theme(Display display) {
        ModernNatTableThemeConfiguration theme = new ModernNatTableThemeConfiguration();
        Color headerBackground = new Color(236, 236, 236);
        Color headerText = display.getSystemColor(SWT.COLOR_BLACK);
        theme.cHeaderBgColor = headerBackground;
        theme.cHeaderFgColor = headerText;
        theme.rHeaderBgColor = headerBackground;
        theme.rHeaderFgColor = headerText;
        theme.cornerBgColor = headerBackground;
        return theme;
    }

    /**
     * Builds the grid over a body layer.
     *
     * @param underSelection the body's layer the selection sits on (the data layer, or a layer over it)
     * @param body the rows, for the row numbers
     * @param columns the column headers
     */
    static <T> Parts<T> build(Composite parent, IUniqueIndexLayer underSelection, IDataProvider body, String[] columns,
            ISortModel sortModel, IFilterStrategy<T> filterStrategy, ModernNatTableThemeConfiguration theme) {
        SelectionLayer selection = new SelectionLayer(underSelection);
        ViewportLayer viewport = new ViewportLayer(selection);
        IDataProvider headerData = new DefaultColumnHeaderDataProvider(columns);
        DataLayer headerDataLayer = new DefaultColumnHeaderDataLayer(headerData);
        ColumnHeaderLayer header = new ColumnHeaderLayer(headerDataLayer, viewport, selection);
        ConfigRegistry config = new ConfigRegistry();
        SortHeaderLayer<T> sort = new SortHeaderLayer<>(header, sortModel, false);
        FilterRowHeaderComposite<T> filter = new FilterRowHeaderComposite<>(filterStrategy, sort, headerData, config);
        IDataProvider rowHeaderData = new DefaultRowHeaderDataProvider(body);
        RowHeaderLayer rowHeader = new RowHeaderLayer(new DefaultRowHeaderDataLayer(rowHeaderData), viewport, selection);
        CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(headerData, rowHeaderData)),
                rowHeader, filter);
        GridLayer grid = new GridLayer(viewport, filter, rowHeader, corner);

        NatTable table = new NatTable(parent, grid, false);
        table.setConfigRegistry(config);
        table.addConfiguration(new DefaultNatTableStyleConfiguration());
        table.addConfiguration(new SingleClickSortConfiguration());
        table.addConfiguration(new DefaultFilterRowConfiguration());
        table.configure();
        table.setTheme(theme);
        for (int i = 0; i < RunColors.COUNT; i++) {
            Style style = new Style();
            int rgb = RunColors.byIndex(i);
            style.setAttributeValue(CellStyleAttributes.FOREGROUND_COLOR,
                    new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
            config.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, style, DisplayMode.NORMAL, RUN_COLOUR + i);
        }
        // a header or value cut by its column shows whole in a tooltip
        new NatTableContentTooltip(table, GridRegion.COLUMN_HEADER, GridRegion.BODY);
        return new Parts<>(table, selection, sort, filter);
    }
}
