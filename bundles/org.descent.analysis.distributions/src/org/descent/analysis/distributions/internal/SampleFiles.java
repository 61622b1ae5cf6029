package org.descent.analysis.distributions.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.descent.core.Csv;

/**
 * Reads the sample files of the distribution analyses through {@link Csv}: probability vectors
 * and weights (one value per line, or all values on one row), and point clouds (one point per
 * row, comma-separated, the same number of columns on every row; cells may be quoted). Each file may start with a header line (one that is not
 * all numbers); blank lines are skipped. Messages name the option, the file, the line and what
 * was expected.
 */
public final class SampleFiles {

    /**
     * Values of a probability vector or of weights, with the line each came from.
     *
     * @param values the values as read
     * @param lines the 1-based line of each value
     * @param where the option and file, for messages, e.g. {@code --a p.csv}
     */
    public record Values(double[] values, int[] lines, String where) {

        /** Where value {@code i} is, for messages: {@code line 3} or {@code line 1, value 3}. */
        public String at(int i) {
            boolean oneRow = lines.length > 1 && lines[0] == lines[lines.length - 1];
            return oneRow ? "line " + lines[i] + ", value " + (i + 1) : "line " + lines[i];
        }
    }

    /**
     * A point cloud.
     *
     * @param values {@code n·d} coordinates, row-major
     * @param n the number of points
     * @param d their dimension
     * @param where the option and file, for messages
     */
    public record Points(double[] values, int n, int d, String where) {
    }

    private record Row(int line, String[] fields) {
    }

    private SampleFiles() {
    }

    /** The option and file as messages show them. */
    public static String where(String option, Path file) {
        return "--" + option + " " + file;
    }

    /**
     * Reads a vector of finite, non-negative numbers.
     *
     * @param what what the values are, for messages: {@code probabilities}, {@code weights}
     */
    public static Values readValues(String option, Path file, String what) throws IOException {
        String where = where(option, file);
        List<Row> rows = rows(file, where);
        List<Double> values = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (rows.size() == 1) {
            Row r = rows.get(0);
            for (int k = 0; k < r.fields.length; k++) {
                values.add(number(r.fields[k], where, "line " + r.line + ", value " + (k + 1)));
                lines.add(r.line);
            }
        } else {
            for (Row r : rows) {
                if (r.fields.length != 1) {
                    throw new IllegalArgumentException(where + " line " + r.line + ": " + r.fields.length
                            + " values; expected one value per line, or all " + what + " on one row");
                }
                values.add(number(r.fields[0], where, "line " + r.line));
                lines.add(r.line);
            }
        }
        double[] v = new double[values.size()];
        int[] l = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
            l[i] = lines.get(i);
        }
        Values result = new Values(v, l, where);
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                throw new IllegalArgumentException(where + " " + result.at(i) + ": " + v[i] + " is negative; " + what
                        + " must be non-negative");
            }
        }
        return result;
    }

    /**
     * Scales values to sum 1.
     *
     * @param normalize when false, values must already sum to 1 within 1e-9
     */
    public static double[] distribution(Values v, boolean normalize, String what) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException(v.where() + ": the " + what + " sum to 0; expected a positive total");
        }
        if (!normalize && Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: the %s sum to %.17g, not 1 within 1e-9; give --normalize true to rescale them", v.where(), what, sum));
        }
        double[] p = v.values().clone();
        if (normalize) {
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
        }
        return p;
    }

    /** Reads points: one per row, the same number of comma-separated coordinates on every row. */
    public static Points readPoints(String option, Path file) throws IOException {
        String where = where(option, file);
        List<Row> rows = rows(file, where);
        int d = rows.get(0).fields.length;
        double[] values = new double[rows.size() * d];
        int k = 0;
        for (Row r : rows) {
            if (r.fields.length != d) {
                throw new IllegalArgumentException(where + " line " + r.line + ": " + r.fields.length + " values, but line "
                        + rows.get(0).line + " has " + d + "; expected one point per row with the same number of coordinates");
            }
            for (int c = 0; c < d; c++) {
                values[k++] = number(r.fields[c], where, "line " + r.line + ", column " + (c + 1));
            }
        }
        return new Points(values, rows.size(), d, where);
    }

    private static List<Row> rows(Path file, String where) throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean first = true;
        for (Csv.Row r : Csv.readAll(file, where)) {
            String[] fields = r.cells().toArray(String[]::new);
            if (first && !allNumbers(fields)) {
                first = false;
                continue;
            }
            first = false;
            rows.add(new Row((int) r.line(), fields));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(where + ": no values (an empty file, or only a header)");
        }
        return rows;
    }

    private static boolean allNumbers(String[] fields) {
        for (String f : fields) {
            try {
                Double.parseDouble(f);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static double number(String text, String where, String at) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " " + at + ": '" + text + "' is not a number", e);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + " " + at + ": " + text + " is not finite");
        }
        return v;
    }
}
