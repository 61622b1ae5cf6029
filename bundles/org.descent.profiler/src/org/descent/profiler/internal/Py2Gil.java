package org.descent.profiler.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.descent.profiler.ThreadState;

/**
 * Python 2's interpreter lock: a flag guarded by a mutex and a condition variable (as
 * thread_pthread.h's lock), and a global tick counter: after every {@code checkInterval} ticks the
 * holder releases the lock and immediately asks for it again, with no hand-off. The released
 * waiter is signalled, but the releasing thread, still on its core, usually takes the lock again
 * first: the waiter's wake-up failed (the "GIL battle").
 */
public final class Py2Gil extends Gil {

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition cond = mutex.newCondition();
    private final int checkInterval;
    /** Guarded by mutex. */
    private boolean locked;
    /** Ticks left until the next periodic release; only the holder touches it. */
    private int ticker;

    public Py2Gil(int checkInterval, int logCapacity) {
        super(logCapacity);
        this.checkInterval = checkInterval;
        this.ticker = checkInterval;
    }

    @Override
    void take(Worker w) {
        mutex.lock();
        try {
            if (locked) {
                long start = System.nanoTime();
                waiting(w, start);
                while (locked) {
                    cond.awaitUninterruptibly();
                    if (locked) {
                        w.failedWakeups++;
                    }
                }
                w.waitNanos += System.nanoTime() - start;
            }
            locked = true;
            acquired(w, System.nanoTime(), false);
        } finally {
            mutex.unlock();
        }
    }

    @Override
    void drop(Worker w, ThreadState next, boolean mayWaitForSwitch) {
        mutex.lock();
        try {
            released(w, next, System.nanoTime());
            locked = false;
            cond.signal();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    void tick(Worker w) {
        if (--ticker == 0) {
            ticker = checkInterval;
            w.periodicReleases++;
            drop(w, ThreadState.RUNNING, true);
            take(w);
        }
    }
}
