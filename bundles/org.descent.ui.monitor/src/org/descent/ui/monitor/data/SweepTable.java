package org.descent.ui.monitor.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Csv;
import org.descent.experiment.RunFolder;
import org.descent.sweep.Distribution;
import org.descent.sweep.SearchSpace;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A sweep's trials for the Sweep view, read from its folder ({@link SweepFolder}): one row per
 * trial with its status (and why it ended, ASHA's reason for a stopped trial), one column per
 * swept parameter and the best value of the study's metric; each trial's metric over steps from
 * its metrics.csv. Rows sort and filter as {@link RunTable}'s do, and a newer read of the same
 * sweep keeps the order and filters. Reads files: call off the UI thread. No SWT.
 */
public final class SweepTable {

    public static final String TRIAL = "trial";
    public static final String STATUS = "status";
    public static final String EPOCHS = "epochs";
    public static final String BEST_EPOCH = "best at epoch";

    /** A trial: its state in the sweep, its values by column, its metric over steps. */
    public record Trial(SweepFolder.TrialState state, Map<String, Object> values, double[] steps, double[] metric) {

        /** The value in a column as the table shows it; empty when missing. */
        public String text(String column) {
            return RunTable.text(values.get(column));
        }

        public @Nullable Object get(String column) {
            return values.get(column);
        }

        /** The trial's run folder. */
        public RunFolder run() {
            return new RunFolder(state.run());
        }
    }

    private final SweepFolder folder;
    private final String name;
    private final String status;
    private final Study study;
    private final List<String> columns;
    private final List<Trial> trials;
    private List<Trial> sorted;
    private final Map<String, String> filters = new LinkedHashMap<>();
    private @Nullable String sortColumn;
    private boolean ascending = true;

    private SweepTable(SweepFolder folder, String name, String status, Study study, List<String> columns,
            List<Trial> trials) {
        this.folder = folder;
        this.name = name;
        this.status = status;
        this.study = study;
        this.columns = columns;
        this.trials = trials;
        this.sorted = new ArrayList<>(trials);
    }

    /**
     * Reads a sweep's file and its trials' runs as they stand now.
     *
     * @throws IOException naming the folder or file that cannot be read
     */
    public static SweepTable read(SweepFolder folder) throws IOException {
        Map<String, Object> sweep = folder.read();
        Study study = folder.study();
        List<String> columns = new ArrayList<>();
        columns.add(TRIAL);
        columns.add(STATUS);
        for (SearchSpace.Parameter p : study.space().parameters()) {
            columns.add(p.name());
        }
        String best = bestColumn(study);
        columns.add(best);
        columns.add(BEST_EPOCH);
        columns.add(EPOCHS);
        List<Trial> trials = new ArrayList<>();
        boolean here = status(sweep).equals("running") && !SweepFolder.status(sweep).equals("running");
        Map<Integer, String> entries = new java.util.HashMap<>();
        if (sweep.get("trials") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("trial") instanceof Number n) {
                    entries.put(n.intValue(), String.valueOf(m.get("status")));
                }
            }
        }
        for (SweepFolder.TrialState read : folder.states()) {
            SweepFolder.TrialState t = read;
            if (here && "running".equals(entries.get(t.index()))) {
                // a trial of a sweep this process runs: its run reads as interrupted to other processes only
                t = new SweepFolder.TrialState(t.index(), t.run(), t.parameters(), "running", "", t.best(),
                        t.bestEpoch(), t.last(), t.epochs(), t.analyses(), t.figures());
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put(TRIAL, (double) t.index());
            v.put(STATUS, t.message().isEmpty() ? t.status() : t.status() + ": " + t.message());
            v.putAll(t.parameters());
            if (!Double.isNaN(t.best())) {
                v.put(best, t.best());
                v.put(BEST_EPOCH, (double) t.bestEpoch());
            }
            v.put(EPOCHS, (double) t.epochs());
            double[][] series = metricBySteps(new RunFolder(t.run()), study.metric());
            trials.add(new Trial(t, v, series[0], series[1]));
        }
        return new SweepTable(folder, String.valueOf(sweep.get("name")), status(sweep), study, List.copyOf(columns),
                List.copyOf(trials));
    }

    /**
     * The sweep's status as {@link SweepFolder#status(Map)} says, but running while this process
     * runs it (a sweep started in the workbench's own JVM).
     */
    private static String status(Map<String, Object> sweep) {
        if ("running".equals(sweep.get("status")) && sweep.get("pid") instanceof Number pid
                && pid.longValue() == ProcessHandle.current().pid()) {
            return "running";
        }
        return SweepFolder.status(sweep);
    }

    /** The column of the best metric: {@code best val_loss (min)}. */
    public static String bestColumn(Study study) {
        return "best " + study.metric() + " (" + study.mode() + ")";
    }

    /**
     * A run's metric by step from its metrics.csv: complete rows that have the metric (evaluation
     * rows for {@code val_*}, the end of each epoch for {@code train_loss}); empty arrays before it has one.
     */
    static double[][] metricBySteps(RunFolder run, String metric) throws IOException {
        Path file = run.metricsFile();
        if (!Files.isRegularFile(file)) {
            return new double[][] { {}, {} };
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // a row being written has no line end yet: complete lines only
        String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            return new double[][] { {}, {} };
        }
        List<String> header = Csv.parseLine(lines[0], file.toString());
        int step = header.indexOf("step");
        int column = header.indexOf(metric);
        if (step < 0 || column < 0) {
            throw new IOException(file + ": no column 'step' or '" + metric + "'");
        }
        double[] x = new double[lines.length - 1];
        double[] y = new double[lines.length - 1];
        int n = 0;
        for (int i = 1; i < lines.length; i++) {
            List<String> cells = Csv.parseLine(lines[i], file + ", line " + (i + 1));
            if (cells.size() != header.size() || cells.get(column).isEmpty()) {
                continue;
            }
            try {
                x[n] = Long.parseLong(cells.get(step));
                y[n] = Double.parseDouble(cells.get(column));
                n++;
            } catch (NumberFormatException e) {
                throw new IOException(file + ", line " + (i + 1) + ": not a number in '" + lines[i] + "'");
            }
        }
        return new double[][] { java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n) };
    }

    public SweepFolder folder() {
        return folder;
    }

    /** The sweep's name (its experiment's). */
    public String name() {
        return name;
    }

    /** The sweep's status: created, running, done, cancelled, or interrupted when its process is gone. */
    public String status() {
        return status;
    }

    /** Whether the sweep may still change: created (not started) or running. */
    public boolean isLive() {
        return status.equals("running") || status.equals("created");
    }

    public Study study() {
        return study;
    }

    /** The column headers in order: trial, status, the swept parameters, the best metric, its epoch, epochs. */
    public List<String> columns() {
        return columns;
    }

    /** The swept parameters' names, in the space's order. */
    public List<String> parameters() {
        return study.space().parameters().stream().map(SearchSpace.Parameter::name).toList();
    }

    /** Whether a swept parameter is drawn log-uniformly (its axis is logarithmic). */
    public boolean isLog(String parameter) {
        return study.space().parameters().stream()
                .anyMatch(p -> p.name().equals(parameter) && p.distribution() instanceof Distribution.LogUniform);
    }

    /**
     * The values a parameter's axis places by their order instead of as numbers (a choice or grid
     * of names, {@code optimizer=choice(sgd,adam)}), in the space's order; empty when every value is a number.
     */
    public List<String> categories(String parameter) {
        for (SearchSpace.Parameter p : study.space().parameters()) {
            if (p.name().equals(parameter)) {
                List<String> values = switch (p.distribution()) {
                case Distribution.Choice c -> c.values();
                case Distribution.Grid g -> g.values();
                default -> List.of();
                };
                for (String v : values) {
                    try {
                        Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        return values;
                    }
                }
            }
        }
        return List.of();
    }

    /**
     * Where a trial lies on a parameter's axis: the value as a number, its index among the
     * {@link #categories(String) categories}, or NaN.
     */
    public double position(Trial t, String parameter) {
        String v = t.state().parameters().get(parameter);
        if (v == null) {
            return Double.NaN;
        }
        List<String> categories = categories(parameter);
        if (!categories.isEmpty()) {
            int i = categories.indexOf(v);
            return i < 0 ? Double.NaN : i;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Every trial in the current order, filtered or not. */
    public List<Trial> allTrials() {
        return List.copyOf(sorted);
    }

    /** The trials that pass every filter, in the current order. */
    public List<Trial> rows() {
        List<Trial> out = new ArrayList<>();
        for (Trial t : sorted) {
            if (filters.entrySet().stream().allMatch(f -> RunTable.matches(t.get(f.getKey()), f.getValue()))) {
                out.add(t);
            }
        }
        return out;
    }

    /** The index of a column, or -1. */
    public int columnIndex(String column) {
        return columns.indexOf(column);
    }

    /** Filters a column as {@link RunTable#matches(Object, String)}; blank text removes the column's filter. */
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

    public void clearFilters() {
        filters.clear();
    }

    /** Sorts by a column (numbers as numbers, missing values last); {@code null} restores the trials' order. */
    public void sort(@Nullable String column, boolean up) {
        if (column != null && columnIndex(column) < 0) {
            throw new IllegalArgumentException("no column '" + column + "' to sort by");
        }
        sortColumn = column;
        ascending = up;
        sorted = new ArrayList<>(trials);
        if (column != null) {
            Comparator<Trial> c = (a, b) -> RunTable.compare(a.get(column), b.get(column));
            sorted.sort(up ? c : c.reversed());
            sorted.sort(Comparator.comparing(t -> t.text(column).isEmpty()));
        }
    }

    public @Nullable String sortColumn() {
        return sortColumn;
    }

    public boolean isAscending() {
        return ascending;
    }

    /**
     * A newer read of the same sweep in this table's order and with its filters; {@code null}
     * when its columns differ (another sweep).
     */
    public @Nullable SweepTable update(SweepTable newer) {
        if (!newer.folder.dir().equals(folder.dir()) || !newer.columns.equals(columns)) {
            return null;
        }
        newer.filters.putAll(filters);
        newer.sort(sortColumn, ascending);
        return newer;
    }
}
