package org.descent.data.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * A numeric CSV table read strictly: every row must have as many cells as the first, every
 * cell must be a finite number. Errors name the source, line and column.
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

    static CsvTable read(BufferedReader reader, String source, boolean hasHeader, IProgressMonitor monitor)
            throws IOException {
        List<String> header = new ArrayList<>();
        double[] values = new double[1024];
        int count = 0;
        int columns = -1;
        int rows = 0;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (hasHeader && header.isEmpty()) {
                for (String c : cells) {
                    header.add(unquote(c.strip()));
                }
                columns = cells.length;
                continue;
            }
            if (columns < 0) {
                columns = cells.length;
            } else if (cells.length != columns) {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": " + cells.length
                        + " cells, but the " + (hasHeader ? "header has " : "first row has ") + columns);
            }
            if (count + columns > values.length) {
                values = java.util.Arrays.copyOf(values, Math.max(values.length * 2, count + columns));
            }
            for (int c = 0; c < columns; c++) {
                String cell = unquote(cells[c].strip());
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + ":" + lineNumber + ": column " + (c + 1)
                            + (header.size() > c ? " (" + header.get(c) + ")" : "") + ": '" + cell + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(source + ":" + lineNumber + ": column " + (c + 1)
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
        if (rows == 0) {
            throw new IllegalArgumentException(source + ": no data rows" + (lineNumber == 0 ? " (the file is empty)" : ""));
        }
        if (header.isEmpty()) {
            for (int c = 0; c < columns; c++) {
                header.add("column" + (c + 1));
            }
        }
        return new CsvTable(header, columns, rows, java.util.Arrays.copyOf(values, count));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
