package org.descent.profiler.internal;

import java.util.List;

import org.descent.profiler.ThreadState;
import org.descent.profiler.Timeline;

/**
 * One thread's event recorder: state changes with their {@link System#nanoTime()}, written into
 * arrays allocated up front, so recording allocates nothing. When the arrays are full further
 * events are counted as dropped.
 */
public final class Recorder {

    private static final ThreadState[] STATES = ThreadState.values();

    private final long[] times;
    private final byte[] states;
    private int size;
    private long dropped;
    private ThreadState state = ThreadState.IDLE;

    public Recorder(int capacity) {
        times = new long[capacity];
        states = new byte[capacity];
    }

    /** Records that the thread is in {@code s} from {@code nanoTime} on. */
    public void record(ThreadState s, long nanoTime) {
        state = s;
        if (size < times.length) {
            times[size] = nanoTime;
            states[size] = (byte) s.ordinal();
            size++;
        } else {
            dropped++;
        }
    }

    /** The state last recorded (IDLE before any). */
    public ThreadState state() {
        return state;
    }

    /** Events kept. */
    public int size() {
        return size;
    }

    /** Events not kept because the arrays were full. */
    public long dropped() {
        return dropped;
    }

    /** The time of event {@code i}. */
    public long time(int i) {
        return times[i];
    }

    /** The state of event {@code i}. */
    public ThreadState stateAt(int i) {
        return STATES[states[i]];
    }

    /**
     * Adds this thread's intervals to {@code out}: from each event to the next one (the last
     * one to {@code end}), relative to {@code origin}; zero-length intervals are left out.
     */
    public void intervals(int thread, long origin, long end, List<Timeline.Interval> out) {
        for (int i = 0; i < size; i++) {
            long from = times[i];
            long to = i + 1 < size ? times[i + 1] : Math.max(from, end);
            if (to > from) {
                out.add(new Timeline.Interval(thread, stateAt(i), from - origin, to - origin));
            }
        }
    }

    /**
     * The cost of one {@link #record} call (with its {@link System#nanoTime()}), measured by a
     * calibration loop of {@code events} calls after a warm-up.
     */
    public static double nanosPerEvent(int events) {
        Recorder r = new Recorder(events);
        for (int i = 0; i < events; i++) {
            r.record(ThreadState.RUNNING, System.nanoTime());
        }
        r.size = 0;
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            r.record((i & 1) == 0 ? ThreadState.RUNNING : ThreadState.WAITING_GIL, System.nanoTime());
        }
        return (System.nanoTime() - start) / (double) events;
    }
}
