package org.descent.ui.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.descent.core.Csv;

/**
 * Series as CSV, one row per point: {@code series,<x title>,<y title>} then
 * {@code name,x,y} rows, series after series, every point (not the decimated ones), values as
 * {@link #number(StringBuilder, double)} writes them (they read back to the same doubles; NaN and
 * infinities as {@code NaN}, {@code Infinity}). Without SWT, so a CLI can write what a chart
 * exports.
 *
 * @since 0.1.0
 */
public final class SeriesCsv {

    private SeriesCsv() {
    }

    /** Writes the series (name to data, in the map's order). */
    public static void write(Writer out, String xTitle, String yTitle, Map<String, ? extends XYData> series)
            throws IOException {
        out.write("series," + cell(xTitle) + "," + cell(yTitle) + "\n");
        StringBuilder line = new StringBuilder(64);
        for (Map.Entry<String, ? extends XYData> e : series.entrySet()) {
            String name = cell(e.getKey());
            XYData d = e.getValue();
            int n = d.size();
            for (int i = 0; i < n; i++) {
                line.setLength(0);
                line.append(name).append(',');
                number(line, d.x(i)).append(',');
                number(line, d.y(i)).append('\n');
                out.append(line);
            }
        }
    }

    /** Writes the series to a file, whole or not at all. */
    public static void write(Path file, String xTitle, String yTitle, Map<String, ? extends XYData> series)
            throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            write(w, xTitle, yTitle, series);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Appends a number as it reads back exactly: whole numbers below 2^53 without a fraction
     * ({@code 100}, as metrics.csv writes steps), others as {@link Double#toString(double)}.
     */
    public static StringBuilder number(StringBuilder out, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53 && !(v == 0 && 1 / v < 0)) {
            return out.append((long) v);
        }
        return out.append(v);
    }

    /** A CSV cell as {@link Csv#cell(String)} writes it: quoted when it holds a comma, quote or line break. */
    public static String cell(String text) {
        return Csv.cell(text);
    }
}
