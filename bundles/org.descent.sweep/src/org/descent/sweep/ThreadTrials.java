package org.descent.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.core.runtime.IProgressMonitor;

/** Work of a sweep done on threads of this process, {@code threads} at a time, in the items' order. */
final class ThreadTrials {

    /** One item's work; its failure is recorded by the work itself, and the others go on. */
    interface Work<T> {
        void run(T item) throws Exception;
    }

    private ThreadTrials() {
    }

    static <T> void each(List<T> items, int threads, IProgressMonitor monitor, Work<T> work) {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
            Thread th = new Thread(r, "descent-sweep-trial");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    work.run(item);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    monitor.setCanceled(true);
                } catch (ExecutionException e) {
                    // recorded by the work
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
