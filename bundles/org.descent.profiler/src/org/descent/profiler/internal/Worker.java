package org.descent.profiler.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.descent.profiler.ThreadState;

/**
 * One workload thread's state under a {@link Gil}: its recorder and its counters. The counters
 * are written by the thread itself only and read after it has been joined.
 */
public final class Worker {

    final int index;
    final Recorder recorder;
    final Gil gil;
    private final AtomicBoolean cancelled;

    long acquisitions;
    long periodicReleases;
    long dropRequests;
    long forcedSwitches;
    long failedWakeups;
    long waitNanos;
    long minDropRequestWaitNanos = Long.MAX_VALUE;
    /** When the thread last released the lock meaning to take it again at once. */
    long droppedAt;
    /** The thread's CPU time for its work, -1 where unknown. */
    long cpuNanos = -1;
    /** Sink for the workload's result, so that its arithmetic cannot be left out. */
    long hash;

    public Worker(int index, Gil gil, int capacity, AtomicBoolean cancelled) {
        this.index = index;
        this.gil = gil;
        this.recorder = new Recorder(capacity);
        this.cancelled = cancelled;
    }

    /** Whether the run was cancelled: the workload stops at its next check. */
    boolean cancelled() {
        return cancelled.get();
    }

    /** Takes the lock to start running. */
    void start() {
        gil.take(this);
    }

    /** Releases the lock for good (the thread is done). */
    void finish() {
        gil.drop(this, ThreadState.IDLE, false);
    }

    /**
     * A blocking wait of {@code nanos} with the lock released, as CPython's
     * Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS around a blocking call; then takes it again.
     *
     * @return when the wait ended (before the lock was taken again)
     */
    long blockingWait(long nanos) {
        gil.drop(this, ThreadState.IO, true);
        sleep(nanos);
        long woke = System.nanoTime();
        recorder.record(ThreadState.WAITING_GIL, woke);
        gil.take(this);
        return woke;
    }

    private static void sleep(long nanos) {
        long end = System.nanoTime() + nanos;
        long left = nanos;
        while (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = end - System.nanoTime();
        }
    }
}
