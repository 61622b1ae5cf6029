package org.descent.ui.monitor.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.descent.experiment.ExperimentException;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Metric;
import org.descent.experiment.model.ResolvedComponent;
import org.descent.experiment.model.Run;
import org.descent.experiment.model.Setting;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs side by side for the comparison view: one row per run, one column per hyperparameter
 * (every setting of the data set, model, loss, optimizer, schedule, regularizers and probes as
 * {@code role.setting}, with defaults filled in from the run's provenance, and the experiment's
 * own settings such as {@code batchSize}, {@code seed}, {@code precision}) and per result (status,
 * steps done, wall time, the final metrics of run.descent). Rows sort by any column (numbers as
 * numbers) and filter by text per column. No SWT.
 */
public final class RunTable {

    /** What a column holds. */
    public enum Kind {
        /** The run's folder name. */
        RUN,
        /** A setting of the experiment. */
        HYPERPARAMETER,
        /** What the run did: status, steps, wall time, final metrics. */
        RESULT
    }

    /** A column: its name (the header) and kind. */
    public record Column(String name, Kind kind) {
    }

    /** A run and its values by column name (text for settings, {@link Double} for numbers of results). */
    public record Row(RunFolder folder, Map<String, Object> values) {

        /** The value in a column, or {@code null} when the run has none. */
        public @Nullable Object get(String column) {
            return values.get(column);
        }

        /** The value as the table shows it; empty when missing. */
        public String text(String column) {
            return RunTable.text(values.get(column));
        }
    }

    public static final String RUN = "run";
    public static final String STATUS = "status";
    public static final String STEPS = "steps done";
    public static final String WALL = "wall s";

    /** Experiment attributes that are no hyperparameters. */
    private static final Set<String> NOT_SETTINGS = Set.of("name", "description");
    private static final List<String> ROLES = List.of("dataset", "model", "loss", "optimizer", "schedule");

    private final List<Column> columns;
    private final List<Row> all;
    private List<Row> sorted;
    private final Map<String, String> filters = new LinkedHashMap<>();
    private @Nullable String sortColumn;
    private boolean ascending = true;

    private RunTable(List<Column> columns, List<Row> rows) {
        this.columns = columns;
        this.all = rows;
        this.sorted = new ArrayList<>(rows);
    }

    /** Reads the runs' run.descent files; a run that cannot be read shows as a row whose status says why. */
    public static RunTable read(List<RunFolder> runs) {
        List<Row> rows = new ArrayList<>();
        Set<String> settings = new LinkedHashSet<>();
        Set<String> experimentSettings = new LinkedHashSet<>();
        Set<String> metrics = new TreeSet<>();
        for (RunFolder f : runs) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put(RUN, MonitorModel.label(f));
            try {
                Run run = f.readRun();
                Experiment e = run.getExperiment();
                components(run, e).forEach((k, val) -> {
                    v.put(k, val);
                    settings.add(k);
                });
                if (e != null) {
                    for (EAttribute a : e.eClass().getEAllAttributes()) {
                        if (!NOT_SETTINGS.contains(a.getName())) {
                            Object value = e.eGet(a);
                            v.put(a.getName(), value == null ? "" : value.toString());
                            experimentSettings.add(a.getName());
                        }
                    }
                }
                String message = run.getMessage();
                String status = RunFolder.effectiveStatus(run).id();
                v.put(STATUS, message == null || message.isEmpty() ? status : status + ": " + message);
                v.put(STEPS, (double) run.getStep());
                v.put(WALL, run.getWallSeconds());
                for (Metric m : run.getMetrics()) {
                    if (!m.getName().startsWith(Trainer.PARAMETER_PREFIX)) {
                        v.put(m.getName(), m.getValue());
                        metrics.add(m.getName());
                    }
                }
            } catch (ExperimentException ex) {
                v.put(STATUS, "unreadable: " + ex.getMessage());
            }
            rows.add(new Row(f, v));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(RUN, Kind.RUN));
        for (String s : orderedSettings(settings)) {
            columns.add(new Column(s, Kind.HYPERPARAMETER));
        }
        for (String s : experimentSettings) {
            columns.add(new Column(s, Kind.HYPERPARAMETER));
        }
        columns.add(new Column(STATUS, Kind.RESULT));
        columns.add(new Column(STEPS, Kind.RESULT));
        columns.add(new Column(WALL, Kind.RESULT));
        for (String m : metrics) {
            columns.add(new Column(m, Kind.RESULT));
        }
        return new RunTable(List.copyOf(columns), List.copyOf(rows));
    }

    /** Component ids and settings by column name: from the provenance (defaults filled in) when there is one. */
    private static Map<String, String> components(Run run, @Nullable Experiment e) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        if (run.getProvenance() != null && !run.getProvenance().getResolved().isEmpty()) {
            for (ResolvedComponent c : run.getProvenance().getResolved()) {
                put(out, seen, c.getRole() == null ? "component" : c.getRole(), c);
            }
        } else if (e != null) {
            for (String role : ROLES) {
                Component c = (Component) e.eGet(e.eClass().getEStructuralFeature(role));
                if (c != null) {
                    put(out, seen, role, c);
                }
            }
            for (Component c : e.getRegularizers()) {
                put(out, seen, "regularizer", c);
            }
            for (Component c : e.getProbes()) {
                put(out, seen, "probe", c);
            }
        }
        return out;
    }

    private static void put(Map<String, String> out, Map<String, Integer> seen, String role, Component c) {
        int n = seen.merge(role, 1, Integer::sum);
        String key = n == 1 ? role : role + n;
        out.put(key, c.getId());
        for (Setting s : c.getSettings()) {
            out.put(key + "." + s.getName(), s.getValue());
        }
    }

    /** Settings grouped by component in the usual order (dataset, model, loss, optimizer, schedule, others). */
    private static List<String> orderedSettings(Set<String> names) {
        List<String> out = new ArrayList<>();
        for (String role : ROLES) {
            for (String n : names) {
                if (n.equals(role) || n.startsWith(role + ".")) {
                    out.add(n);
                }
            }
        }
        for (String n : names) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The index of a column, or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Every row in the current order, filtered or not. */
    public List<Row> allRows() {
        return List.copyOf(sorted);
    }

    /** The rows that pass every filter, in the current order. */
    public List<Row> rows() {
        if (filters.isEmpty()) {
            return List.copyOf(sorted);
        }
        List<Row> out = new ArrayList<>();
        for (Row r : sorted) {
            if (passes(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private boolean passes(Row r) {
        for (Map.Entry<String, String> f : filters.entrySet()) {
            if (!matches(r.get(f.getKey()), f.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a value passes a filter: {@code <x}, {@code <=x}, {@code >x}, {@code >=x} or
     * {@code =x} with a number x compare numbers; any other text is looked for in the value,
     * ignoring case.
     */
    public static boolean matches(@Nullable Object value, String filter) {
        String f = filter.trim();
        if (f.isEmpty()) {
            return true;
        }
        String op = f.startsWith(">=") || f.startsWith("<=") ? f.substring(0, 2)
                : f.startsWith(">") || f.startsWith("<") || f.startsWith("=") ? f.substring(0, 1) : "";
        if (!op.isEmpty()) {
            Double bound = number(f.substring(op.length()).trim());
            if (bound != null) {
                Double v = number(value);
                if (v == null) {
                    return false;
                }
                int c = Double.compare(v, bound);
                return switch (op) {
                case ">=" -> c >= 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case "<" -> c < 0;
                default -> c == 0;
                };
            }
        }
        return text(value).toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT));
    }

    /** Filters a column by text (see {@link #matches(Object, String)}); blank text removes the column's filter. */
    public void setFilter(String column, String text) {
        if (columnIndex(column) < 0) {
            throw new IllegalArgumentException("no column '" + column + "' to filter");
        }
        if (text.isBlank()) {
            filters.remove(column);
        } else {
            filters.put(column, text);
        }
    }

    /** Removes every filter. */
    public void clearFilters() {
        filters.clear();
    }

    /** The filters by column. */
    public Map<String, String> filters() {
        return Map.copyOf(filters);
    }

    /** Sorts the rows by a column (numbers as numbers, missing values last); {@code null} restores the original order. */
    public void sort(@Nullable String column, boolean up) {
        sortColumn = column;
        ascending = up;
        sorted = new ArrayList<>(all);
        if (column != null) {
            if (columnIndex(column) < 0) {
                throw new IllegalArgumentException("no column '" + column + "' to sort by");
            }
            Comparator<Row> c = (a, b) -> compare(a.get(column), b.get(column));
            sorted.sort(up ? c : c.reversed());
            // missing values last in both directions
            sorted.sort(Comparator.comparing(r -> r.get(column) == null || text(r.get(column)).isEmpty()));
        }
    }

    /** The column sorted by, or {@code null}. */
    public @Nullable String sortColumn() {
        return sortColumn;
    }

    public boolean isAscending() {
        return ascending;
    }

    /** Compares two values: as numbers when both are, otherwise as text. */
    public static int compare(@Nullable Object a, @Nullable Object b) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        if (x != null) {
            return -1;
        }
        if (y != null) {
            return 1;
        }
        return text(a).compareToIgnoreCase(text(b));
    }

    private static @Nullable Double number(@Nullable Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A value as shown: numbers of results with up to six significant digits. */
    public static String text(@Nullable Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            String s = String.format(Locale.ROOT, "%.6g", d);
            if (s.contains("e")) {
                return s;
            }
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        return v.toString();
    }

    /** The hyperparameter columns whose values differ among these rows (a missing value differs from any value). */
    public List<Column> differing(List<Row> rows) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            if (c.kind() != Kind.HYPERPARAMETER || rows.size() < 2) {
                continue;
            }
            Object first = rows.get(0).get(c.name());
            for (Row r : rows) {
                if (!Objects.equals(text(first), text(r.get(c.name()))) || (first == null) != (r.get(c.name()) == null)) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The differences among these rows as text: one line per differing hyperparameter,
     * {@code name: value (run), value (run), ...}, or a line saying there are none.
     */
    public String diff(List<Row> rows) {
        if (rows.size() < 2) {
            return "Select two or more runs to see the hyperparameters that differ.";
        }
        List<Column> d = differing(rows);
        if (d.isEmpty()) {
            return "The " + rows.size() + " runs selected have the same hyperparameters.";
        }
        StringBuilder out = new StringBuilder();
        for (Column c : d) {
            out.append(c.name()).append(':');
            String sep = " ";
            for (Row r : rows) {
                Object v = r.get(c.name());
                out.append(sep).append(v == null ? "(not set)" : text(v)).append(" (").append(r.text(RUN)).append(')');
                sep = ", ";
            }
            out.append('\n');
        }
        return out.toString();
    }
}
