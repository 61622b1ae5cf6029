package org.descent.profiler.internal;

import org.descent.profiler.GilCounters;
import org.descent.profiler.ThreadState;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An interpreter lock policy: a thread runs ticks only between {@link #take} and {@link #drop}, and
 * calls {@link #tick} after each. Subclasses implement Python 2's and Python 3's policies; the base
 * class is no lock at all (every thread runs freely) and records the timeline.
 * <p>
 * Recording keeps running intervals of different threads apart under a lock: a holder's running
 * interval ends at a time taken while it still holds the lock, and the next holder's starts at a
 * time taken after it has got it.
 */
public class Gil {

    /** Holder log: the thread index of each acquisition, and whether it followed a forced drop. */
    final int[] holders;
    final boolean[] forcedBefore;
    int logged;
    long switches;
    @Nullable
    Worker lastHolder;

    public Gil(int logCapacity) {
        holders = new int[logCapacity];
        forcedBefore = new boolean[logCapacity];
    }

    /** Takes the lock (no lock: just records that the thread runs). */
    void take(Worker w) {
        if (w.recorder.state() != ThreadState.RUNNING) {
            w.recorder.record(ThreadState.RUNNING, System.nanoTime());
        }
    }

    /**
     * Releases the lock.
     *
     * @param next what the thread does now: {@link ThreadState#RUNNING} when it means to take the
     *        lock again at once (a periodic or forced release), else IO or IDLE
     * @param mayWaitForSwitch whether a forced release may wait for another thread to take the lock
     *        (not when the thread is done)
     */
    void drop(Worker w, ThreadState next, boolean mayWaitForSwitch) {
        if (next != ThreadState.RUNNING) {
            w.recorder.record(next, System.nanoTime());
        }
    }

    /** Called after every tick of the holder. */
    void tick(Worker w) {
        // no lock: nothing to check
    }

    /**
     * Records the acquisition by {@code w} at {@code now} (the caller holds the lock's mutex and has
     * just set it locked): the gap since its last release when another thread ran meanwhile, the
     * start of running, and the holder log.
     */
    final void acquired(Worker w, long now, boolean forced) {
        Recorder r = w.recorder;
        if (lastHolder != w) {
            if (lastHolder != null) {
                switches++;
            }
            if (r.state() == ThreadState.RUNNING) {
                r.record(ThreadState.WAITING_GIL, w.droppedAt);
            }
            lastHolder = w;
        }
        if (r.state() != ThreadState.RUNNING) {
            r.record(ThreadState.RUNNING, now);
        }
        w.acquisitions++;
        if (logged < holders.length) {
            holders[logged] = w.index;
            forcedBefore[logged] = forced;
            logged++;
        }
    }

    /**
     * Records that {@code w} starts waiting at {@code now} (the caller holds the mutex and found the
     * lock taken): a thread that was running stopped when it released the lock.
     */
    static void waiting(Worker w, long now) {
        Recorder r = w.recorder;
        if (r.state() == ThreadState.RUNNING) {
            r.record(ThreadState.WAITING_GIL, w.droppedAt);
        } else if (r.state() != ThreadState.WAITING_GIL) {
            r.record(ThreadState.WAITING_GIL, now);
        }
    }

    /**
     * Records the release by {@code w} at {@code now} (the caller holds the mutex and the lock):
     * the new state, or only the time when it means to take the lock again.
     */
    static void released(Worker w, ThreadState next, long now) {
        if (next == ThreadState.RUNNING) {
            w.droppedAt = now;
        } else {
            w.recorder.record(next, now);
        }
    }

    /** The workers' counters summed, with this lock's switches. */
    GilCounters counters(Iterable<Worker> workers) {
        long acquisitions = 0;
        long periodic = 0;
        long dropRequests = 0;
        long forced = 0;
        long failed = 0;
        long wait = 0;
        long minDrop = Long.MAX_VALUE;
        for (Worker w : workers) {
            acquisitions += w.acquisitions;
            periodic += w.periodicReleases;
            dropRequests += w.dropRequests;
            forced += w.forcedSwitches;
            failed += w.failedWakeups;
            wait += w.waitNanos;
            minDrop = Math.min(minDrop, w.minDropRequestWaitNanos);
        }
        return new GilCounters(acquisitions, switches, periodic, dropRequests, forced, failed, wait,
                minDrop == Long.MAX_VALUE ? 0 : minDrop);
    }
}
