package org.descent.ui.profiler.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.descent.profiler.GilCounters;
import org.descent.profiler.IoLatency;
import org.descent.profiler.ModeResult;
import org.descent.profiler.Timeline;

/**
 * The profiler's result table, one row per mode, with the columns {@code descent gil} prints
 * (plus the drop requests and a note), as text cells and as CSV. SWT-free.
 */
public final class ResultColumns {

    /** A column: its header and the text of a row's cell ("-" where it does not apply). */
    public record Column(String header, Function<ModeResult, String> cell, int width, String tooltip) {
    }

    /** The columns, in order. */
    public static final List<Column> COLUMNS = List.of(
            new Column("Mode", ModeResult::label, 110, "the execution mode (cpython gives three rows)"),
            new Column("Wall min (s)", r -> seconds(r.wallMinNanos()), 80, "the shortest wall time of the repeats"),
            new Column("Wall median (s)", r -> seconds(r.wallMedianNanos()), 80, "the median wall time of the repeats"),
            new Column("CPU (s)", r -> seconds(r.cpuMedianNanos()), 70,
                    "median CPU time of all the threads (or processes) together"),
            new Column("Speed-up", r -> done(r) && !Double.isNaN(r.speedup())
                    ? String.format(Locale.ROOT, "%.2fx", r.speedup()) : "-", 75,
                    "the baseline's median wall time over this row's (seq, or cpython-seq for CPython)"),
            new Column("Acquisitions", r -> lock(r, GilCounters::acquisitions), 90,
                    "times a thread took the emulated GIL"),
            new Column("Switches", r -> lock(r, GilCounters::switches), 75,
                    "acquisitions by another thread than the previous holder"),
            new Column("Drop requests", r -> lock(r, GilCounters::dropRequests), 95,
                    "Python 3: a waiter's switch interval ran out and it asked the holder to drop the GIL"),
            new Column("Forced", r -> lock(r, GilCounters::forcedSwitches), 65,
                    "Python 3: releases on a drop request that waited until another thread took the GIL"),
            new Column("Failed wake-ups", r -> lock(r, GilCounters::failedWakeups), 105,
                    "a woken waiter found the GIL taken again"),
            new Column("GIL wait (s)", r -> done(r) && r.mode().emulatesGil() ? seconds(r.counters().waitNanos()) : "-",
                    90, "time the threads spent waiting for the GIL, together"),
            new Column("I/O latency (ms)", ResultColumns::latency, 110,
                    "mixed: the I/O thread's wake-up latency, mean/max"),
            new Column("Note", ResultColumns::note, 320, "why a row was skipped or failed, or what the mode does"));

    private ResultColumns() {
    }

    private static boolean done(ModeResult r) {
        return r.status() == ModeResult.Status.DONE;
    }

    private static String seconds(double nanos) {
        return Double.isNaN(nanos) ? "-" : String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static String lock(ModeResult r, java.util.function.ToLongFunction<GilCounters> counter) {
        return done(r) && r.mode().emulatesGil() ? Long.toString(counter.applyAsLong(r.counters())) : "-";
    }

    private static String latency(ModeResult r) {
        IoLatency l = r.latency();
        return l.samples() == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f/%.2f", l.meanNanos() / 1e6, l.maxNanos() / 1e6);
    }

    private static String note(ModeResult r) {
        return done(r) ? r.mode().description() : r.status().id() + ": " + r.reason();
    }

    /** The rows as CSV with the table's headers. */
    public static String csv(List<ModeResult> rows) {
        StringBuilder s = new StringBuilder();
        s.append(String.join(",", COLUMNS.stream().map(c -> quote(c.header())).toList())).append('\n');
        for (ModeResult r : rows) {
            s.append(String.join(",", COLUMNS.stream().map(c -> quote(c.cell().apply(r))).toList())).append('\n');
        }
        return s.toString();
    }

    /**
     * What the timeline recorder cost in a row's median run, e.g. "1234 events, 12.3 ns each:
     * 0.015 ms, 0.0031 % of the wall time".
     */
    public static String overhead(ModeResult r) {
        if (r.trials().isEmpty()) {
            return "no timeline (" + r.status().id() + ")";
        }
        Timeline t = r.representative().timeline();
        long wall = r.representative().wallNanos();
        return String.format(Locale.ROOT, "Recorder: %d events, %.1f ns each (calibrated): %.3f ms, %.4f %% of the"
                + " %.3f s run%s", t.events(), t.nanosPerEvent(), t.overheadNanos() / 1e6,
                wall == 0 ? 0 : 100 * t.overheadNanos() / wall, wall / 1e9,
                t.dropped() == 0 ? "" : String.format(Locale.ROOT, "; %d events dropped (buffer full: the lanes end early)",
                        t.dropped()));
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
