package org.descent.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an analysis found: named values (numbers, strings, booleans, lists and maps of those),
 * tables (written as CSV files and charted by views), warnings, and a short text report. The
 * values and, for tables marked inline, the tables make the JSON document of
 * {@code descent analyze --json} and the result file stored with the run.
 *
 * @since 0.1.0
 */
public final class AnalysisResult {

    /**
     * A table of numbers with named columns.
     *
     * @param columns column names
     * @param rows rows, each as long as {@code columns}
     * @param inline whether JSON output carries the table (otherwise only its CSV file does)
     */
    public record Table(List<String> columns, List<double[]> rows, boolean inline) {

        public Table {
            columns = List.copyOf(columns);
            for (double[] r : rows) {
                if (r.length != columns.size()) {
                    throw new IllegalArgumentException("a row of " + r.length + " values in a table of "
                            + columns.size() + " columns");
                }
            }
            rows = Collections.unmodifiableList(new ArrayList<>(rows));
        }

        /**
         * The values of one column, top to bottom.
         *
         * @throws IllegalArgumentException naming the columns there are when there is no such one
         */
        public double[] column(String name) {
            int c = columns.indexOf(name);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + columns);
            }
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[c];
            }
            return v;
        }
    }

    private final String analysis;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> report = new ArrayList<>();

    /** @param analysis the analysis' id */
    public AnalysisResult(String analysis) {
        this.analysis = analysis;
    }

    public String analysis() {
        return analysis;
    }

    /** Sets a named value; keys keep their insertion order. */
    public AnalysisResult put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** Adds a table, stored as {@code <name>.csv}. */
    public AnalysisResult table(String name, Table table) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("table name '" + name + "': lower case, digits and dashes");
        }
        tables.put(name, table);
        return this;
    }

    /** Adds a warning (also shown in the report). */
    public AnalysisResult warn(String warning) {
        warnings.add(warning);
        return this;
    }

    /** Adds a line of the text report, formatted with {@link Locale#ROOT}. */
    public AnalysisResult line(String format, Object... args) {
        report.add(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
        return this;
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public Map<String, Table> tables() {
        return Collections.unmodifiableMap(tables);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public List<String> report() {
        return Collections.unmodifiableList(report);
    }

    /**
     * The JSON document: {@code analysis}, the values, {@code warnings}, and {@code tables} (the
     * inline ones with columns and rows, the others with their file name and row count).
     */
    public Map<String, Object> toJsonObject() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analysis", analysis);
        m.putAll(values);
        m.put("warnings", List.copyOf(warnings));
        if (!tables.isEmpty()) {
            Map<String, Object> t = new LinkedHashMap<>();
            tables.forEach((name, table) -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("file", name + ".csv");
                o.put("columns", table.columns());
                if (table.inline()) {
                    List<Object> rows = new ArrayList<>();
                    for (double[] r : table.rows()) {
                        List<Object> row = new ArrayList<>(r.length);
                        for (double v : r) {
                            row.add(v);
                        }
                        rows.add(row);
                    }
                    o.put("rows", rows);
                } else {
                    o.put("row_count", table.rows().size());
                }
                t.put(name, o);
            });
            m.put("tables", t);
        }
        return m;
    }

    /**
     * A table as CSV text ({@link Csv}): a header row, its names quoted where needed, then numbers
     * written so that they read back exactly.
     */
    public static String csv(Table table) {
        StringBuilder sb = new StringBuilder(Csv.line(table.columns())).append('\n');
        for (double[] r : table.rows()) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(r[i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
