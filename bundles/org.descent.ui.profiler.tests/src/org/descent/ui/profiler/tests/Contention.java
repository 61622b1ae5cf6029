package org.descent.ui.profiler.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * A contended workload: threads that take turns on one monitor, each holding it about
 * {@link #HOLD_NANOS} while it allocates (arrays kept in a volatile field, so that the JIT
 * cannot drop them), then working {@link #OUTSIDE_NANOS} outside it, so that a waiting thread
 * gets the monitor (Java's monitors are not fair: a thread that re-enters at once could keep it)
 * and the one that left waits for it on its return.
 */
final class Contention {

    /** The monitor the threads fight over; its class name is what the views must show. */
    static final class SharedCounter {
        long ticks;
    }

    static final long HOLD_NANOS = 10_000_000L;

    static final long OUTSIDE_NANOS = 3_000_000L;

    static volatile Object sink = new Object();

    private final SharedCounter counter = new SharedCounter();
    private final List<Thread> threads = new ArrayList<>();

    private volatile boolean stopped;

    /** Starts {@code n} threads named {@code prefix-1..n} that contend until {@link #stop()}. */
    Contention start(String prefix, int n) {
        for (int i = 1; i <= n; i++) {
            Thread t = new Thread(() -> {
                while (!stopped) {
                    synchronized (counter) {
                        work(HOLD_NANOS);
                        counter.ticks++;
                    }
                    work(OUTSIDE_NANOS);
                }
            }, prefix + "-" + i);
            threads.add(t);
            t.start();
        }
        return this;
    }

    private static void work(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            sink = new long[256];
        }
    }

    /** Stops the threads and waits until they have ended. */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            t.join();
        }
    }
}
