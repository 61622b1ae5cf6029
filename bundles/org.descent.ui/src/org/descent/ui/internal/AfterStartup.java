package org.descent.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;

/**
 * Background work that waits for the workbench's first window to be drawn. On two cores a view's
 * first read (the contributions' classes and schemas, the run store) competed with the UI thread
 * and the JIT for the CPU while the window was drawn; views hand such work here and it starts
 * once the start is over ({@link #open}, which the workbench advisor calls from the first
 * runnable the display runs after the start). Work handed over later starts at once.
 */
final class AfterStartup {

    private static final List<Runnable> WAITING = new ArrayList<>();
    private static boolean open;

    private AfterStartup() {
    }

    /** Runs {@code work} (which should only start a job or a thread) now if the start is over, else once it is. */
    static void run(Runnable work) {
        synchronized (WAITING) {
            if (!open) {
                WAITING.add(work);
                return;
            }
        }
        work.run();
    }

    /** The start is over: runs the waiting work, in the order it came; work that throws is logged, the rest runs. */
    static void open() {
        List<Runnable> now;
        synchronized (WAITING) {
            open = true;
            now = new ArrayList<>(WAITING);
            WAITING.clear();
        }
        for (Runnable work : now) {
            try {
                work.run();
            } catch (RuntimeException e) {
                ILog.of(AfterStartup.class).log(Status.error("Background work of the workbench's start failed", e));
            }
        }
    }
}
