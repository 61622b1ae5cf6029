package org.descent.headless.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * Cancels a monitor when the JVM is asked to exit (Ctrl-C, SIGTERM) and holds the exit until the
 * work has seen it and stopped — at most 30 seconds — so that what it had is saved.
 */
final class CancelOnExit implements AutoCloseable {

    private final NullProgressMonitor monitor = new NullProgressMonitor();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnExit(String name) {
        hook = new Thread(() -> {
            monitor.setCanceled(true);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The monitor that an exit request cancels. */
    NullProgressMonitor monitor() {
        return monitor;
    }

    /** The work has stopped: lets a pending exit go on, and forgets the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook is running
        }
    }
}
