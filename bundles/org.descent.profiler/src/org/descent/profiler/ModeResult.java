package org.descent.profiler;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a {@link GilReport}: a mode (or, for {@link Mode#CPYTHON}, one of its variants) run
 * {@link GilOptions#repeat()} times.
 *
 * @param mode the mode
 * @param label the row's name: the mode's id, or {@code cpython-seq}, {@code cpython-threads},
 *        {@code cpython-processes}
 * @param status done, skipped (could not run here) or failed
 * @param reason why it was skipped or failed; empty when done
 * @param trials every repeat, in the order run
 * @param speedup the baseline's shortest wall time over this row's (the baseline is {@code seq}, or
 *        {@code cpython-seq} for the CPython rows; the shortest times are the least disturbed by other
 *        work on the machine); NaN without a baseline
 * @param explanation why this number: what the mode does with this workload and what to expect
 *
 * @since 0.1.0
 */
public record ModeResult(Mode mode, String label, Status status, String reason, List<Trial> trials, double speedup,
        String explanation) {

    /** Whether a row ran. */
    public enum Status {
        DONE, SKIPPED, FAILED;

        /** The id used in JSON: done, skipped, failed. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ModeResult {
        trials = List.copyOf(trials);
    }

    /** A row for a mode that cannot run here. */
    public static ModeResult skipped(Mode mode, String label, String reason, String explanation) {
        return new ModeResult(mode, label, Status.SKIPPED, reason, List.of(), Double.NaN, explanation);
    }

    /** The same row with another speed-up. */
    public ModeResult withSpeedup(double s) {
        return new ModeResult(mode, label, status, reason, trials, s, explanation);
    }

    /** Shortest wall time of the repeats; NaN when none ran. */
    public double wallMinNanos() {
        return trials.isEmpty() ? Double.NaN : trials.stream().mapToLong(Trial::wallNanos).min().getAsLong();
    }

    /** Median wall time of the repeats (mean of the middle two for an even count); NaN when none ran. */
    public double wallMedianNanos() {
        return median(trials.stream().mapToLong(Trial::wallNanos).toArray());
    }

    /** Median over the repeats of the CPU time of all threads (or processes) together. */
    public double cpuMedianNanos() {
        return median(trials.stream().mapToLong(Trial::totalCpuNanos).toArray());
    }

    /** The repeat with the median wall time (the lower middle one), whose counters and timeline the row shows. */
    public Trial representative() {
        if (trials.isEmpty()) {
            throw new IllegalStateException(label + " has no trials (" + status.id() + ")");
        }
        List<Trial> sorted = trials.stream().sorted(Comparator.comparingLong(Trial::wallNanos)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The counters of the representative repeat, or none. */
    public GilCounters counters() {
        return trials.isEmpty() ? GilCounters.NONE : representative().counters();
    }

    /** The I/O latency of the representative repeat, or none. */
    public IoLatency latency() {
        return trials.isEmpty() ? IoLatency.NONE : representative().latency();
    }

    /**
     * The row as a JSON-ready map: mode, label, status, reason, repeats, wall_min_s, wall_median_s,
     * wall_s (every repeat), cpu_s, cpu_per_thread_s, speedup, acquisitions, switches,
     * periodic_releases, drop_requests, forced_switches, failed_wakeups, gil_wait_s,
     * io_latency_mean_ms, io_latency_max_ms, io_latency_samples, timeline_events,
     * timeline_overhead_s, explanation.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.id());
        m.put("label", label);
        m.put("status", status.id());
        m.put("reason", reason);
        m.put("repeats", trials.size());
        if (!trials.isEmpty()) {
            Trial r = representative();
            m.put("wall_min_s", wallMinNanos() / 1e9);
            m.put("wall_median_s", wallMedianNanos() / 1e9);
            m.put("wall_s", trials.stream().map(t -> t.wallNanos() / 1e9).toList());
            m.put("cpu_s", cpuMedianNanos() / 1e9);
            m.put("cpu_per_thread_s", r.cpuNanos().stream().map(c -> c < 0 ? null : c / 1e9).toList());
            m.put("speedup", Double.isNaN(speedup) ? null : speedup);
            GilCounters c = r.counters();
            m.put("acquisitions", c.acquisitions());
            m.put("switches", c.switches());
            m.put("periodic_releases", c.periodicReleases());
            m.put("drop_requests", c.dropRequests());
            m.put("forced_switches", c.forcedSwitches());
            m.put("failed_wakeups", c.failedWakeups());
            m.put("gil_wait_s", c.waitNanos() / 1e9);
            IoLatency l = r.latency();
            m.put("io_latency_samples", l.samples());
            m.put("io_latency_mean_ms", l.samples() == 0 ? null : l.meanNanos() / 1e6);
            m.put("io_latency_max_ms", l.samples() == 0 ? null : l.maxNanos() / 1e6);
            m.put("timeline_events", r.timeline().events());
            m.put("timeline_overhead_s", r.timeline().overheadNanos() / 1e9);
        }
        m.put("explanation", explanation);
        return m;
    }

    static double median(long[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + (double) v[n / 2]) / 2;
    }
}
