package org.descent.profiler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What a {@link GilBench} run does. Start from {@link #defaults()} and change fields with the
 * {@code with...} methods; {@link #validate()} names the first field out of range.
 *
 * @param workload what each thread runs
 * @param threads threads (or processes) sharing the work; each runs one share (mixed: threads - 1
 *        CPU-bound threads and one I/O-bound thread, so at least 2)
 * @param modes the modes to run, in this order
 * @param repeat repeats of each mode (min and median are reported)
 * @param count cpu and mixed: countdown ticks per CPU-bound thread (the article's n; mixed: at least
 *        these, then on until the I/O thread is done)
 * @param ioWait io: the blocking wait of each thread (the article: 2 s)
 * @param ioRounds mixed: short blocking waits the I/O-bound thread makes
 * @param ioRoundWait mixed: the length of each of those waits
 * @param checkInterval gil-py2: ticks between a holder's release and re-acquisition (Python 2's
 *        sys.setcheckinterval, 100)
 * @param switchInterval gil-py3: how long a waiter waits before it sets a drop request (Python 3's
 *        sys.setswitchinterval, 5 ms)
 * @param pythonCount cpython: the countdown per thread in Python (slower per tick than the JVM)
 * @param trainSteps train: training steps per thread
 * @param python cpython: the interpreter to run; null to look for /usr/bin/python3, then python3
 *        on the PATH
 * @param timelineCapacity events each thread's timeline recorder (and the holder log) can keep
 *
 * @since 0.1.0
 */
public record GilOptions(Workload workload, int threads, List<Mode> modes, int repeat, long count, Duration ioWait,
        int ioRounds, Duration ioRoundWait, int checkInterval, Duration switchInterval, long pythonCount,
        int trainSteps, @Nullable Path python, int timelineCapacity) {

    /** Countdown ticks per thread by default: about 0.45 s per thread on this project's 2-core test machine. */
    public static final long DEFAULT_COUNT = 50_000_000L;
    /** Most child processes the process mode and CPython's multiprocessing start. */
    public static final int MAX_PROCESSES = 64;
    /** Python's countdown per thread by default: about 0.5 s per thread with CPython 3.11. */
    public static final long DEFAULT_PYTHON_COUNT = 25_000_000L;

    public GilOptions {
        modes = List.copyOf(modes);
    }

    /**
     * cpu, 2 threads, every mode, 3 repeats, {@value #DEFAULT_COUNT} ticks, 2 s waits, 200 rounds of
     * 1 ms, check interval 100, switch interval 5 ms, {@value #DEFAULT_PYTHON_COUNT} Python ticks, 200
     * training steps, python3 looked up, 65536 timeline events per thread.
     */
    public static GilOptions defaults() {
        return new GilOptions(Workload.CPU, 2, List.of(Mode.values()), 3, DEFAULT_COUNT, Duration.ofSeconds(2), 200,
                Duration.ofMillis(1), 100, Duration.ofMillis(5), DEFAULT_PYTHON_COUNT, 200, null, 1 << 16);
    }

    /**
     * Checks every field.
     *
     * @return this
     * @throws IllegalArgumentException naming the field, its value and what is expected
     */
    public GilOptions validate() {
        check(threads >= 1 && threads <= 10_000, "threads", threads, "a whole number from 1 to 10000");
        check(workload != Workload.MIXED || threads >= 2, "threads", threads,
                "at least 2 for the mixed workload (CPU-bound threads and one I/O-bound thread)");
        check(!modes.isEmpty(), "modes", modes, "at least one mode");
        check(modes.stream().distinct().count() == modes.size(), "modes", modes, "each mode once");
        check(repeat >= 1 && repeat <= 1000, "repeat", repeat, "a whole number from 1 to 1000");
        check(count >= 1, "count", count, "a whole number >= 1");
        check(!ioWait.isNegative() && ioWait.compareTo(Duration.ofHours(1)) <= 0, "ioWait", ioWait,
                "from 0 to 1 hour");
        check(ioRounds >= 1, "ioRounds", ioRounds, "a whole number >= 1");
        check(!ioRoundWait.isNegative() && ioRoundWait.compareTo(Duration.ofSeconds(10)) <= 0, "ioRoundWait",
                ioRoundWait, "from 0 to 10 s");
        check(checkInterval >= 1, "checkInterval", checkInterval, "a whole number of ticks >= 1");
        check(switchInterval.compareTo(Duration.ofNanos(1000)) >= 0 && switchInterval.compareTo(Duration.ofSeconds(10)) <= 0,
                "switchInterval", switchInterval, "from 1 µs to 10 s");
        check(pythonCount >= 1, "pythonCount", pythonCount, "a whole number >= 1");
        check(trainSteps >= 1, "trainSteps", trainSteps, "a whole number >= 1");
        check(timelineCapacity >= 16 && timelineCapacity <= 1 << 24, "timelineCapacity", timelineCapacity,
                "from 16 to 16777216 events");
        return this;
    }

    private static void check(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + value + " is not valid, expected " + expected);
        }
    }

    public GilOptions withWorkload(Workload w) {
        return new GilOptions(w, threads, modes, repeat, count, ioWait, ioRounds, ioRoundWait, checkInterval,
                switchInterval, pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withThreads(int n) {
        return new GilOptions(workload, n, modes, repeat, count, ioWait, ioRounds, ioRoundWait, checkInterval,
                switchInterval, pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withModes(List<Mode> m) {
        return new GilOptions(workload, threads, m, repeat, count, ioWait, ioRounds, ioRoundWait, checkInterval,
                switchInterval, pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withRepeat(int n) {
        return new GilOptions(workload, threads, modes, n, count, ioWait, ioRounds, ioRoundWait, checkInterval,
                switchInterval, pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withCount(long n) {
        return new GilOptions(workload, threads, modes, repeat, n, ioWait, ioRounds, ioRoundWait, checkInterval,
                switchInterval, pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withIoWait(Duration d) {
        return new GilOptions(workload, threads, modes, repeat, count, d, ioRounds, ioRoundWait, checkInterval,
                switchInterval, pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withIoRounds(int n) {
        return new GilOptions(workload, threads, modes, repeat, count, ioWait, n, ioRoundWait, checkInterval,
                switchInterval, pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withIoRoundWait(Duration d) {
        return new GilOptions(workload, threads, modes, repeat, count, ioWait, ioRounds, d, checkInterval,
                switchInterval, pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withCheckInterval(int ticks) {
        return new GilOptions(workload, threads, modes, repeat, count, ioWait, ioRounds, ioRoundWait, ticks,
                switchInterval, pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withSwitchInterval(Duration d) {
        return new GilOptions(workload, threads, modes, repeat, count, ioWait, ioRounds, ioRoundWait, checkInterval, d,
                pythonCount, trainSteps, python, timelineCapacity);
    }

    public GilOptions withPythonCount(long n) {
        return new GilOptions(workload, threads, modes, repeat, count, ioWait, ioRounds, ioRoundWait, checkInterval,
                switchInterval, n, trainSteps, python, timelineCapacity);
    }

    public GilOptions withTrainSteps(int n) {
        return new GilOptions(workload, threads, modes, repeat, count, ioWait, ioRounds, ioRoundWait, checkInterval,
                switchInterval, pythonCount, n, python, timelineCapacity);
    }

    public GilOptions withPython(@Nullable Path p) {
        return new GilOptions(workload, threads, modes, repeat, count, ioWait, ioRounds, ioRoundWait, checkInterval,
                switchInterval, pythonCount, trainSteps, p, timelineCapacity);
    }

    public GilOptions withTimelineCapacity(int events) {
        return new GilOptions(workload, threads, modes, repeat, count, ioWait, ioRounds, ioRoundWait, checkInterval,
                switchInterval, pythonCount, trainSteps, python, events);
    }
}
