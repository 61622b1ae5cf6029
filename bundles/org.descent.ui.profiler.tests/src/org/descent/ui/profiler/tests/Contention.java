package org.descent.ui.profiler.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * A contended workload: threads that take turns on one monitor, each holding it about
 * {@link #HOLD_NANOS} while it allocates (arrays kept in a volatile field, so that the JIT
 * cannot drop them), so the others wait to enter it.
 */
final class Contention {

    /** The monitor the threads fight over; its class name is what the views must show. */
    static final class SharedCounter {
        long ticks;
    }

    static final long HOLD_NANOS = 10_000_000L;

    static volatile Object sink = new Object();

    private final SharedCounter counter = new SharedCounter();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code n} threads named {@code prefix-1..n} that contend for {@code millis}. */
    Contention start(String prefix, int n, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        for (int i = 1; i <= n; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    synchronized (counter) {
                        long until = System.nanoTime() + HOLD_NANOS;
                        while (System.nanoTime() < until) {
                            sink = new long[256];
                            counter.ticks++;
                        }
                    }
                }
            }, prefix + "-" + i);
            threads.add(t);
            t.start();
        }
        return this;
    }

    boolean alive() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }
}
