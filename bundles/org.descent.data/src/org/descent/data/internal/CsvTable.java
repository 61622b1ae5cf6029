package org.descent.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.descent.core.Csv;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * A numeric CSV table read strictly through {@link Csv}: every row must have as many cells as
 * the first, every cell must be a finite number. Errors name the source, line and column.
 */
final class CsvTable {

    final List<String> header;
    final int columns;
    final int rows;
    final double[] values;

    private CsvTable(List<String> header, int columns, int rows, double[] values) {
        this.header = header;
        this.columns = columns;
        this.rows = rows;
        this.values = values;
    }

    static CsvTable read(InputStream in, String source, boolean hasHeader, IProgressMonitor monitor) throws IOException {
        Reading r = new Reading(source, hasHeader, monitor);
        Csv.read(in, source, r);
        if (r.rows == 0) {
            throw new IllegalArgumentException(source + ": no data rows" + (r.lines == 0 ? " (the file is empty)" : ""));
        }
        if (r.header.isEmpty()) {
            for (int c = 0; c < r.columns; c++) {
                r.header.add("column" + (c + 1));
            }
        }
        return new CsvTable(r.header, r.columns, r.rows, Arrays.copyOf(r.values, r.count));
    }

    /** The state of one reading, fed row by row. */
    private static final class Reading implements Csv.RowHandler {

        private final String source;
        private final boolean hasHeader;
        private final IProgressMonitor monitor;
        final List<String> header = new ArrayList<>();
        double[] values = new double[1024];
        int count;
        int columns = -1;
        int rows;
        long lines;

        Reading(String source, boolean hasHeader, IProgressMonitor monitor) {
            this.source = source;
            this.hasHeader = hasHeader;
            this.monitor = monitor;
        }

        @Override
        public void row(Csv.Row row) {
            lines = row.line();
            if (hasHeader && header.isEmpty()) {
                header.addAll(row.cells());
                columns = row.size();
                return;
            }
            if (columns < 0) {
                columns = row.size();
            } else if (row.size() != columns) {
                throw new IllegalArgumentException(source + ":" + row.line() + ": " + row.size()
                        + " cells, but the " + (hasHeader ? "header has " : "first row has ") + columns);
            }
            if (count + columns > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, count + columns));
            }
            for (int c = 0; c < columns; c++) {
                String cell = row.cell(c);
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + ":" + row.line() + ": column " + (c + 1)
                            + (header.size() > c ? " (" + header.get(c) + ")" : "") + ": '" + cell + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(source + ":" + row.line() + ": column " + (c + 1)
                            + (header.size() > c ? " (" + header.get(c) + ")" : "") + ": " + cell
                            + " is not allowed (missing or infinite values must be removed first)");
                }
                values[count++] = v;
            }
            rows++;
            if ((rows & 4095) == 0 && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
        }
    }
}
