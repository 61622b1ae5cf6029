package org.descent.profiler.internal;

import java.util.Locale;

import org.descent.profiler.GilOptions;
import org.descent.profiler.Mode;
import org.descent.profiler.Workload;

/** "Why this number": what a mode does with a workload and what speed-up to expect. */
public final class Explanations {

    private Explanations() {
    }

    /**
     * @param label the row's label (a mode id or a CPython variant)
     * @param trainLabel what the train workload trains, or empty
     */
    public static String of(Mode mode, String label, GilOptions o, String trainLabel) {
        int n = o.threads();
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = Math.min(n, cores);
        Workload w = o.workload();
        boolean cpu = w == Workload.CPU || w == Workload.TRAIN;
        String work = switch (w) {
        case CPU -> String.format(Locale.ROOT, "%d countdowns of %,d ticks", n, o.count());
        case IO -> String.format(Locale.ROOT, "%d blocking waits of %s s", n, seconds(o.ioWait().toNanos()));
        case MIXED -> String.format(Locale.ROOT, "%d countdown(s) of %,d ticks beside %d waits of %s ms", n - 1, o.count(),
                o.ioRounds(), millis(o.ioRoundWait().toNanos()));
        case TRAIN -> String.format(Locale.ROOT, "%d x %d training steps of %s", n, o.trainSteps(), trainLabel);
        };
        String ioExpect = w == Workload.IO ? "the waits overlap: wall ≈ one wait instead of " + n + ", ≈ " + n + "x."
                : "";
        return switch (label) {
        case "seq" -> "Baseline: " + work + " one after the other on one thread (wall ≈ the sum of the shares).";
        case "jvm" -> w == Workload.IO ? n + " platform threads: " + ioExpect
                : w == Workload.MIXED ? "Platform threads run in parallel; the I/O thread runs as soon as its wait ends"
                        + " (latency ≈ the OS's wake-up delay)."
                        : n + " platform threads run " + work + " in parallel on " + cores + " core(s): ≈ " + parallel
                                + "x, nothing serializes them.";
        case "virtual" -> w == Workload.IO ? n + " virtual threads unmount from their carrier while they wait, so even"
                + " thousands of waits overlap on a few carriers: " + ioExpect
                : w == Workload.MIXED ? "Virtual threads: the I/O thread unmounts while it waits and runs again as soon"
                        + " as a carrier is free (" + cores + " carrier(s), one busy counting): latency ≈ the wake-up delay."
                : "Virtual threads run on a carrier pool of " + cores + " thread(s): CPU-bound work scales as platform"
                        + " threads, ≈ " + parallel + "x.";
        case "gil-py2" -> w == Workload.IO ? "The lock is released around each blocking wait, so " + ioExpect
                : cpu ? n + " threads under one lock run one at a time: ≈ sequential (≤ 1x). Every " + o.checkInterval()
                        + " ticks the holder releases the lock and takes it again at once; the woken waiter mostly finds"
                        + " it taken again (failed wake-ups: the GIL battle), which only adds cost on " + cores
                        + " cores."
                        : "Convoy: after each short wait the I/O thread must win the lock back from the CPU-bound thread,"
                                + " which releases it every " + o.checkInterval() + " ticks but re-takes it at once;"
                                + " each battle the I/O thread loses is a failed wake-up (FAILWAKE) and adds to its"
                                + " latency.";
        case "gil-py3" -> w == Workload.IO ? "The lock is released around each blocking wait, so " + ioExpect
                : cpu ? n + " threads under one lock run one at a time: ≈ sequential (≤ 1x). A waiter waits "
                        + millis(o.switchInterval().toNanos()) + " ms, sets a drop request and the holder hands the lock"
                        + " over (a forced switch): about one switch per switch interval."
                        : "Convoy: after each short wait the I/O thread waits up to the switch interval ("
                                + millis(o.switchInterval().toNanos()) + " ms) for a drop request to be honoured, so"
                                + " its latency is ≈ the switch interval while a CPU-bound thread runs.";
        case "process" -> w == Workload.IO ? n + " child JVMs wait at the same time: " + ioExpect
                + " Each child's start (≈ 0.1 s) is in the wall time."
                : w == Workload.MIXED ? "The CPU-bound and the I/O child JVMs run in parallel, nothing shared: the I/O"
                        + " child's latency ≈ the wake-up delay; the children's start is in the wall time."
                : n + " child JVMs, each with its own heap and JIT, run in parallel: ≈ " + parallel
                        + "x less each child's start-up (≈ 0.1 s), which is in the wall time.";
        case PythonRunner.SEQUENTIAL -> "CPython baseline: " + (w == Workload.IO ? n + " select() waits"
                : w == Workload.MIXED ? "the countdown, then the short waits" : "the countdowns")
                + " one after the other in one interpreter.";
        case PythonRunner.THREADS -> w == Workload.IO ? "CPython threads release the GIL in select(), so " + ioExpect
                : w == Workload.MIXED ? "Convoy in CPython: after every wait the I/O thread must get the GIL back"
                        + " from the counting thread: it waits a switch interval (set to "
                        + millis(o.switchInterval().toNanos()) + " ms, as gil-py3) and asks for it: latency ≈ the"
                        + " switch interval."
                        : "CPython threads share one GIL: the countdowns run one at a time, ≈ sequential (the article:"
                                + " 1.53 s sequential vs 1.57 s threaded).";
        case PythonRunner.PROCESSES -> w == Workload.IO ? "CPython processes wait at the same time: " + ioExpect
                : w == Workload.MIXED ? "multiprocessing: the I/O process has its own GIL and answers at once."
                : "multiprocessing: each process has its own interpreter and GIL: ≈ " + parallel
                        + "x less process start (the article's ~2x).";
        default -> mode.description();
        };
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3g", nanos / 1e9);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3g", nanos / 1e6);
    }
}
