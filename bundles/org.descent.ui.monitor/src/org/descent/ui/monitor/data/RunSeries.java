package org.descent.ui.monitor.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.descent.ui.charts.GrowingSeries;
import org.descent.ui.charts.SeriesCsv;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Every series of one run against the step: the columns of metrics.csv ({@link #LOSS},
 * {@link #GRAD_NORM}, {@link #LR}, {@code train_loss}, {@code val_loss}, {@code val_accuracy},
 * ...) and the probes' values (probes.csv). One thread writes (the training thread through a
 * {@link LiveRecorder}, or a {@link CsvFollower}'s reader); any thread reads.
 */
public final class RunSeries {

    public static final String LOSS = "loss";
    public static final String GRAD_NORM = "grad_norm";
    public static final String LR = "lr";
    public static final String TRAIN_LOSS = "train_loss";
    /** The prefix of probe series in {@link #writeCsv(Writer)}. */
    public static final String PROBE_PREFIX = "probe:";

    private final Path dir;
    private final String label;
    private final int capacity;
    private final Map<String, GrowingSeries> metrics = new ConcurrentHashMap<>();
    private final List<String> metricNames = new CopyOnWriteArrayList<>();
    private final Map<String, GrowingSeries> probes = new ConcurrentHashMap<>();
    private final List<String> probeNames = new CopyOnWriteArrayList<>();
    private volatile String status = "";
    private final RunClock clock = new RunClock();

    /**
     * @param dir the run's folder
     * @param label the run's name in legends and CSV
     * @param capacity points each of the loss, gradient norm and learning rate series holds before it grows
     */
    public RunSeries(Path dir, String label, int capacity) {
        this.dir = dir;
        this.label = label;
        this.capacity = capacity;
        metric(LOSS);
        metric(GRAD_NORM);
        metric(LR);
    }

    public Path dir() {
        return dir;
    }

    /** When each step happened (epochs, seconds), for x axes other than the step. */
    public RunClock clock() {
        return clock;
    }

    public String label() {
        return label;
    }

    /** The metric series with this name, created when missing (by the writer). */
    public GrowingSeries metric(String name) {
        GrowingSeries s = metrics.get(name);
        if (s == null) {
            boolean perStep = name.equals(LOSS) || name.equals(GRAD_NORM) || name.equals(LR);
            s = new GrowingSeries(perStep ? capacity : 64);
            metrics.put(name, s);
            metricNames.add(name);
        }
        return s;
    }

    /** The probe series with this name, created when missing (by the writer). */
    public GrowingSeries probe(String name) {
        GrowingSeries s = probes.get(name);
        if (s == null) {
            s = new GrowingSeries(256);
            probes.put(name, s);
            probeNames.add(name);
        }
        return s;
    }

    /** The metric series with this name, or {@code null}. */
    public @Nullable GrowingSeries findMetric(String name) {
        return metrics.get(name);
    }

    /** The probe series with this name, or {@code null}. */
    public @Nullable GrowingSeries findProbe(String name) {
        return probes.get(name);
    }

    /** Metric names in the order they appeared. */
    public List<String> metricNames() {
        return List.copyOf(metricNames);
    }

    /** Probe names in the order they appeared. */
    public List<String> probeNames() {
        return List.copyOf(probeNames);
    }

    /** All points of all series: grows whenever something is appended. */
    public long points() {
        long n = 0;
        for (GrowingSeries s : metrics.values()) {
            n += s.size();
        }
        for (GrowingSeries s : probes.values()) {
            n += s.size();
        }
        return n;
    }

    /** Steps recorded so far (the loss series' length). */
    public int steps() {
        return metrics.get(LOSS).size();
    }

    /** The run's status as last heard ("running", "done", "diverged: ..."), empty when unknown. */
    public String status() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /**
     * Writes every point of every series as CSV: {@code series,step,value}, metrics by their
     * metrics.csv column name, probes as {@code probe:<name>}.
     */
    public void writeCsv(Writer out) throws IOException {
        SeriesCsv.write(out, "step", "value", named());
    }

    /** The series by name as {@link #writeCsv(Writer)} names them, metrics first. */
    public Map<String, GrowingSeries> named() {
        Map<String, GrowingSeries> all = new LinkedHashMap<>();
        for (String m : metricNames) {
            all.put(m, metrics.get(m));
        }
        for (String p : probeNames) {
            all.put(PROBE_PREFIX + p, probes.get(p));
        }
        return all;
    }
}
