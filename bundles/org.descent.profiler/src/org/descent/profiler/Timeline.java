package org.descent.profiler;

import java.util.List;

/**
 * What each thread did during one run, as intervals from a cheap event recorder (preallocated
 * arrays, {@link System#nanoTime()}, no allocation per event), with the recorder's own cost.
 *
 * @param threads the threads' names, in index order
 * @param intervals every thread's intervals, sorted by thread then start; times are nanoseconds
 *        from the run's start
 * @param events the events recorded (state changes)
 * @param dropped events not recorded because a thread's preallocated buffer was full (the
 *        timeline then ends early for that thread)
 * @param nanosPerEvent the cost of recording one event, measured by a calibration loop
 * @param overheadNanos {@code events × nanosPerEvent}: the time the recorder added to the run
 *
 * @since 0.1.0
 */
public record Timeline(List<String> threads, List<Interval> intervals, long events, long dropped, double nanosPerEvent,
        double overheadNanos) {

    public Timeline {
        threads = List.copyOf(threads);
        intervals = List.copyOf(intervals);
    }

    /** An empty timeline (for modes that record none, e.g. child processes). */
    public static Timeline empty() {
        return new Timeline(List.of(), List.of(), 0, 0, 0, 0);
    }

    /**
     * One interval of one thread.
     *
     * @param thread the thread's index in {@link Timeline#threads()}
     * @param state what it did
     * @param startNanos start, nanoseconds from the run's start
     * @param endNanos end (exclusive), nanoseconds from the run's start
     */
    public record Interval(int thread, ThreadState state, long startNanos, long endNanos) {

        /** The interval's length in nanoseconds. */
        public long nanos() {
            return endNanos - startNanos;
        }
    }

    /** The intervals of one thread, in time order. */
    public List<Interval> of(int thread) {
        return intervals.stream().filter(i -> i.thread() == thread).toList();
    }

    /** Total nanoseconds a thread spent in a state. */
    public long total(int thread, ThreadState state) {
        return intervals.stream().filter(i -> i.thread() == thread && i.state() == state).mapToLong(Interval::nanos)
                .sum();
    }
}
