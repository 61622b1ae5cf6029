package org.descent.profiler.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.descent.profiler.ThreadState;

/**
 * Python 3's interpreter lock (Python/ceval_gil.h, with FORCE_SWITCHING): a waiter waits on the
 * lock's condition for at most the switch interval; when that wait times out and no switch has
 * happened meanwhile it sets the drop request. The holder sees it at its next tick, releases the
 * lock and waits until another thread has taken it (a forced switch), then asks for it again. A
 * forced release is decided while the releasing thread still holds the mutex, so the next
 * acquisition after it is always by another thread.
 */
public final class Py3Gil extends Gil {

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition cond = mutex.newCondition();
    private final ReentrantLock switchMutex = new ReentrantLock();
    private final Condition switchCond = switchMutex.newCondition();
    private final long intervalNanos;
    /** Guarded by mutex. */
    private boolean locked;
    /** Acquisitions by a thread other than the last holder; written under both mutexes. */
    private long switchNumber;
    /** The eval breaker: read by the holder at every tick. */
    private volatile boolean dropRequest;
    /** Whether the last release was forced (decided under mutex, read by the next acquirer). */
    private boolean lastDropForced;

    public Py3Gil(long intervalNanos, int logCapacity) {
        super(logCapacity);
        this.intervalNanos = intervalNanos;
    }

    @Override
    void take(Worker w) {
        mutex.lock();
        try {
            if (locked) {
                long start = System.nanoTime();
                waiting(w, start);
                while (locked) {
                    long saved = switchNumber;
                    long waitStart = System.nanoTime();
                    boolean timedOut;
                    try {
                        timedOut = cond.awaitNanos(intervalNanos) <= 0;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        timedOut = false;
                    }
                    if (timedOut && locked && switchNumber == saved) {
                        dropRequest = true;
                        w.dropRequests++;
                        w.minDropRequestWaitNanos = Math.min(w.minDropRequestWaitNanos, System.nanoTime() - waitStart);
                    } else if (!timedOut && locked) {
                        w.failedWakeups++;
                    }
                }
                w.waitNanos += System.nanoTime() - start;
            }
            switchMutex.lock();
            try {
                locked = true;
                if (lastHolder != w) {
                    switchNumber++;
                }
                acquired(w, System.nanoTime(), lastDropForced);
                lastDropForced = false;
                switchCond.signalAll();
            } finally {
                switchMutex.unlock();
            }
            if (dropRequest) {
                dropRequest = false;
            }
        } finally {
            mutex.unlock();
        }
    }

    @Override
    void drop(Worker w, ThreadState next, boolean mayWaitForSwitch) {
        boolean forced;
        mutex.lock();
        try {
            forced = mayWaitForSwitch && dropRequest;
            lastDropForced = forced;
            if (forced) {
                w.forcedSwitches++;
            }
            released(w, next, System.nanoTime());
            locked = false;
            cond.signal();
        } finally {
            mutex.unlock();
        }
        if (forced) {
            switchMutex.lock();
            try {
                if (lastHolder == w) {
                    dropRequest = false;
                    while (lastHolder == w) {
                        switchCond.awaitUninterruptibly();
                    }
                }
            } finally {
                switchMutex.unlock();
            }
        }
    }

    @Override
    void tick(Worker w) {
        if (dropRequest) {
            drop(w, ThreadState.RUNNING, true);
            take(w);
        }
    }
}
