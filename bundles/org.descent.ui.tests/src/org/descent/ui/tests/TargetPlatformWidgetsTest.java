package org.descent.ui.tests;

import org.descent.testing.ui.Widgets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.collections.api.factory.Sets;
import org.eclipse.collections.api.set.MutableSet;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;
import org.junit.jupiter.api.Test;

/**
 * The chart and table libraries of the target platform (Eclipse SWTChart, Nebula NatTable)
 * working inside OSGi with the runtime set up as in the product. NatTable needs
 * eclipse-collections' factories, found through a ServiceLoader that SPI Fly must weave:
 * without that, NatTable paints empty cells.
 */
class TargetPlatformWidgetsTest {

    @Test
    void eclipseCollectionsFactoriesAreFoundThroughSpiFly() {
        MutableSet<String> set = Sets.mutable.of("a", "b", "a");
        assertEquals(2, set.size());
    }

    @Test
    void natTablePaintsItsCells() {
        Shell shell = new Shell(Display.getCurrent());
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(new Point(500, 240));
            IDataProvider data = new IDataProvider() {
                @Override
                public Object getDataValue(int column, int row) {
                    return "r" + row + "c" + column;
                }

                @Override
                public void setDataValue(int column, int row, Object value) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int getColumnCount() {
                    return 4;
                }

                @Override
                public int getRowCount() {
                    return 8;
                }
            };
            NatTable table = new NatTable(shell, new DataLayer(data));
            shell.open();
            Widgets.spin(300);
            assertEquals("r2c3", table.getDataValueByPosition(3, 2));
            ImageData image = Widgets.capture(shell);
            Rectangle cells = shell.getDisplay().map(table, shell, table.getClientArea());
            assertTrue(Widgets.distinctPixels(image, cells, 1) > 6, "NatTable painted no text in its cells");
        } finally {
            shell.dispose();
        }
    }

    @Test
    void swtChartDrawsALabelledLineChart() {
        Shell shell = new Shell(Display.getCurrent());
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(new Point(600, 400));
            Chart chart = new Chart(shell, SWT.NONE);
            chart.getTitle().setText("Training loss");
            chart.getAxisSet().getXAxis(0).getTitle().setText("step");
            chart.getAxisSet().getYAxis(0).getTitle().setText("loss");
            ILineSeries<?> series = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, "loss");
            double[] loss = new double[100];
            for (int i = 0; i < loss.length; i++) {
                loss[i] = Math.exp(-i / 20.0);
            }
            series.setYSeries(loss);
            chart.getAxisSet().adjustRange();
            shell.open();
            Widgets.spin(300);
            Range y = chart.getAxisSet().getYAxis(0).getRange();
            assertTrue(y.lower <= loss[99] && y.upper >= 1.0, y.toString());
            assertEquals("loss", chart.getAxisSet().getYAxis(0).getTitle().getText());
            ImageData image = Widgets.capture(shell);
            assertTrue(Widgets.distinctPixels(image) > 8, "the chart is blank");
        } finally {
            shell.dispose();
        }
    }
}
