package org.descent.headless.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.descent.core.Json;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.descent.profiler.GilBench;
import org.descent.profiler.GilCounters;
import org.descent.profiler.GilOptions;
import org.descent.profiler.GilReport;
import org.descent.profiler.IoLatency;
import org.descent.profiler.Mode;
import org.descent.profiler.ModeResult;
import org.descent.profiler.Timeline;
import org.descent.profiler.Workload;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.ProgressMonitorWrapper;

/**
 * {@code descent gil --workload cpu|io|mixed|train --threads N --modes seq,jvm,... [--repeat N]
 * [--json]}: runs the threading profiler and prints one row per mode (a table and why each number
 * is what it is, or a JSON array); each repeat of each mode is announced on standard error. Ctrl-C
 * stops it with exit code 130.
 */
public final class GilCommand implements Command {

    private static final String HEADER = String.format(Locale.ROOT, "%-18s %9s %9s %8s %8s %9s %8s %7s %8s %9s %15s",
            "MODE", "WALL_MIN", "WALL_MED", "CPU_S", "SPEEDUP", "ACQUIRE", "SWITCH", "FORCED", "FAILWAKE", "GILWAIT_S",
            "IO_LAT_MS");

    @Override
    public int run(CommandContext c) throws Exception {
        GilOptions options = options(c);
        boolean json = c.has("json");
        PrintStream out = c.out();
        if (!json) {
            out.println(String.format(Locale.ROOT, "descent gil: %s, %d thread(s), %d repeat(s), %d processor(s)",
                    options.workload().description(), options.threads(), options.repeat(),
                    Runtime.getRuntime().availableProcessors()));
            out.println(HEADER);
            out.flush();
        }
        GilReport report;
        try (CancelOnExit cancel = new CancelOnExit("descent-cancel-gil")) {
            ProgressMonitorWrapper progress = new ProgressMonitorWrapper(cancel.monitor()) {
                @Override
                public void subTask(String name) {
                    c.err().println("descent gil: " + name);
                }
            };
            report = new GilBench(c.registry()).run(options, progress, row -> {
                if (!json) {
                    out.println(row(row));
                    out.flush();
                }
            });
        } catch (OperationCanceledException e) {
            c.err().println("descent gil: cancelled");
            return TrainingSession.CANCELLED;
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ModeResult r : report.results()) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("workload", options.workload().id());
                m.put("threads", options.threads());
                m.putAll(r.toJson());
                rows.add(m);
            }
            out.println(Json.write(rows));
            return OK;
        }
        out.println();
        out.println("Why:");
        for (ModeResult r : report.results()) {
            out.println(String.format(Locale.ROOT, "  %-17s %s", r.label(), r.explanation()));
        }
        long events = 0;
        double overhead = 0;
        double wall = 0;
        double perEvent = 0;
        for (ModeResult r : report.results()) {
            if (!r.trials().isEmpty()) {
                Timeline t = r.representative().timeline();
                events += t.events();
                overhead += t.overheadNanos();
                wall += r.representative().wallNanos();
                perEvent = Math.max(perEvent, t.nanosPerEvent());
            }
        }
        if (events > 0) {
            // only the modes run in this JVM record a timeline
            out.println(String.format(Locale.ROOT, "Timeline recorder: %d events in the median runs, %.1f ns each"
                    + " (calibrated): %.3f ms, %.4f%% of their wall time.", events, perEvent, overhead / 1e6,
                    100 * overhead / wall));
        }
        return OK;
    }

    static String row(ModeResult r) {
        if (r.status() != ModeResult.Status.DONE) {
            return String.format(Locale.ROOT, "%-18s %s: %s", r.label(), r.status().id(), r.reason());
        }
        GilCounters g = r.counters();
        boolean lock = r.mode().emulatesGil();
        IoLatency l = r.latency();
        String latency = l.samples() == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f/%.2f", l.meanNanos() / 1e6, l.maxNanos() / 1e6);
        return String.format(Locale.ROOT, "%-18s %9.3f %9.3f %8.3f %7.2fx %9s %8s %7s %8s %9s %15s", r.label(),
                r.wallMinNanos() / 1e9, r.wallMedianNanos() / 1e9, r.cpuMedianNanos() / 1e9, r.speedup(),
                lock ? Long.toString(g.acquisitions()) : "-", lock ? Long.toString(g.switches()) : "-",
                lock ? Long.toString(g.forcedSwitches()) : "-", lock ? Long.toString(g.failedWakeups()) : "-",
                lock ? String.format(Locale.ROOT, "%.3f", g.waitNanos() / 1e9) : "-", latency);
    }

    /** The options from the command line, each value checked with the option named. */
    static GilOptions options(CommandContext c) throws UsageException {
        GilOptions o = GilOptions.defaults();
        String workload = c.option("workload").orElse("cpu");
        o = o.withWorkload(Workload.fromId(workload).orElseThrow(() -> new UsageException(
                "option '--workload': '" + workload + "' is not valid, expected cpu, io, mixed or train")));
        o = o.withThreads((int) whole(c, "threads", 1, 10_000, o.threads()));
        if (o.workload() == Workload.MIXED && o.threads() < 2) {
            throw new UsageException("option '--threads': " + o.threads() + " is too few for the mixed workload, expected"
                    + " at least 2 (CPU-bound threads and one I/O-bound thread)");
        }
        Optional<String> modes = c.option("modes");
        if (modes.isPresent() && !modes.get().strip().equals("all")) {
            List<Mode> chosen = new ArrayList<>();
            for (String id : modes.get().split(",")) {
                String m = id.strip();
                Mode mode = Mode.fromId(m).orElseThrow(() -> new UsageException("option '--modes': '" + m
                        + "' is not a mode, expected a comma-separated list of seq, jvm, virtual, gil-py2, gil-py3,"
                        + " process, cpython (or all)"));
                if (chosen.contains(mode)) {
                    throw new UsageException("option '--modes': '" + m + "' is given twice");
                }
                chosen.add(mode);
            }
            o = o.withModes(chosen);
        }
        o = o.withRepeat((int) whole(c, "repeat", 1, 1000, o.repeat()));
        o = o.withCount(whole(c, "count", 1, Long.MAX_VALUE, o.count()));
        o = o.withIoWait(duration(c, "io-seconds", 1e9, 0, 3600, o.ioWait()));
        o = o.withIoRounds((int) whole(c, "io-rounds", 1, 1_000_000, o.ioRounds()));
        o = o.withIoRoundWait(duration(c, "io-round-ms", 1e6, 0, 10_000, o.ioRoundWait()));
        o = o.withCheckInterval((int) whole(c, "check-interval", 1, Integer.MAX_VALUE, o.checkInterval()));
        o = o.withSwitchInterval(duration(c, "switch-interval", 1e6, 0.001, 10_000, o.switchInterval()));
        o = o.withPythonCount(whole(c, "python-count", 1, Long.MAX_VALUE, o.pythonCount()));
        o = o.withTrainSteps((int) whole(c, "train-steps", 1, 1_000_000, o.trainSteps()));
        if (c.has("python")) {
            o = o.withPython(Path.of(c.options().get("python")));
        }
        try {
            return o.validate();
        } catch (IllegalArgumentException e) {
            throw new UsageException("options: " + e.getMessage());
        }
    }

    private static long whole(CommandContext c, String option, long min, long max, long otherwise)
            throws UsageException {
        Optional<String> text = c.option(option);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            long v = Long.parseLong(text.get().strip().replace("_", ""));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option '--" + option + "': '" + text.get() + "' is not valid, expected a whole number"
                + " from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }

    /** A number of units (seconds: 1e9 ns, milliseconds: 1e6 ns) from min to max, as a duration. */
    private static Duration duration(CommandContext c, String option, double nanosPerUnit, double min, double max,
            Duration otherwise) throws UsageException {
        Optional<String> text = c.option(option);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            double v = Double.parseDouble(text.get().strip());
            if (v >= min && v <= max) {
                return Duration.ofNanos(Math.round(v * nanosPerUnit));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option '--" + option + "': '" + text.get() + "' is not valid, expected a number from "
                + fmt(min) + " to " + fmt(max));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
