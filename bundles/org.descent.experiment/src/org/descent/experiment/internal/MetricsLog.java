package org.descent.experiment.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.descent.core.Csv;

/**
 * A run's metrics.csv: one row per step, appended while training and flushed to the file at
 * least every {@link #FLUSH_MILLIS} milliseconds by a background timer (also when a step takes
 * longer than that), so a killed run loses at most that much. Thread-safe.
 * Evaluation columns are empty except on the rows where an evaluation ran.
 */
public final class MetricsLog implements Closeable {

    /** The columns, in order. {@code wall_s} is the only one that differs between identical runs. */
    public static final List<String> COLUMNS = List.of("step", "epoch", "loss", "grad_norm", "lr", "wall_s",
            "train_loss", "val_loss", "val_accuracy");

    /** Longest time between a row's append and its flush. */
    public static final long FLUSH_MILLIS = 250;

    private static final java.util.concurrent.ScheduledExecutorService FLUSHER = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "descent-metrics-flush");
                t.setDaemon(true);
                return t;
            });

    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(128);
    private final java.util.concurrent.ScheduledFuture<?> timer;
    private boolean dirty;
    private boolean closed;

    private MetricsLog(BufferedWriter out, List<String> columns) {
        this.out = out;
        this.columns = columns;
        this.timer = FLUSHER.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private synchronized void flushQuietly() {
        if (dirty && !closed) {
            try {
                out.flush();
                dirty = false;
            } catch (IOException e) {
                // the next append or flush reports it
            }
        }
    }

    /** Columns of probes.csv, one row per sampled value. */
    public static final List<String> PROBE_COLUMNS = List.of("step", "name", "value");

    private final List<String> columns;

    /** Creates metrics.csv with its header. */
    public static MetricsLog create(Path file) throws IOException {
        return create(file, COLUMNS);
    }

    /** Creates a CSV file with the given header. */
    public static MetricsLog create(Path file, List<String> columns) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        w.write(Csv.line(columns));
        w.write('\n');
        w.flush();
        return new MetricsLog(w, columns);
    }

    /**
     * Opens an existing file for appending after dropping every row past {@code lastStep} (rows
     * a resumed run will write again) and any partial last line.
     */
    public static MetricsLog reopen(Path file, long lastStep) throws IOException {
        return reopen(file, lastStep, COLUMNS);
    }

    /** As {@link #reopen(Path, long)} for a CSV file with the given header. */
    public static MetricsLog reopen(Path file, long lastStep, List<String> columns) throws IOException {
        List<String> keep = new ArrayList<>();
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        String content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        boolean partialLast = !content.isEmpty() && !content.endsWith("\n");
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == 0) {
                keep.add(Csv.line(columns));
                continue;
            }
            if (partialLast && i == lines.size() - 1) {
                break;
            }
            int comma = l.indexOf(',');
            try {
                if (comma > 0 && Long.parseLong(l.substring(0, comma)) <= lastStep) {
                    keep.add(l);
                }
            } catch (NumberFormatException e) {
                break;
            }
        }
        if (keep.isEmpty()) {
            keep.add(Csv.line(columns));
        }
        AtomicFiles.write(file, String.join("\n", keep) + "\n");
        return new MetricsLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND), columns);
    }

    /** Appends a probe value ({@link #PROBE_COLUMNS}). */
    public synchronized void appendProbe(long step, String name, double value) throws IOException {
        if (columns != PROBE_COLUMNS) {
            throw new IllegalStateException("not a probes file");
        }
        out.append(Long.toString(step)).append(',').append(Csv.cell(name)).append(',').append(Double.toString(value)).append('\n');
        dirty = true;
    }

    /** Appends a row; NaN evaluation values are written as empty cells. */
    public synchronized void append(long step, int epoch, double loss, double gradNorm, double lr, double wallSeconds,
            double trainLoss, double valLoss, double valAccuracy) throws IOException {
        line.setLength(0);
        line.append(step).append(',').append(epoch).append(',').append(loss).append(',').append(gradNorm).append(',')
                .append(lr).append(',').append(String.format(java.util.Locale.ROOT, "%.6f", wallSeconds));
        cell(trainLoss);
        cell(valLoss);
        cell(valAccuracy);
        line.append('\n');
        out.append(line);
        dirty = true;
    }

    private void cell(double v) {
        line.append(',');
        if (!Double.isNaN(v)) {
            line.append(v);
        }
    }

    /** Writes buffered rows to the file now (nothing once closed). */
    public synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        out.flush();
        dirty = false;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            timer.cancel(false);
            out.close();
        }
    }
}
