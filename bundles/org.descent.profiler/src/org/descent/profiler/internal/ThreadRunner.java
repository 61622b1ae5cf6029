package org.descent.profiler.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.descent.profiler.GilCounters;
import org.descent.profiler.GilOptions;
import org.descent.profiler.IoLatency;
import org.descent.profiler.Mode;
import org.descent.profiler.Timeline;
import org.descent.profiler.Trial;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs one repeat of a workload in this JVM: sequentially, on platform or virtual threads, or on
 * platform threads under an emulated interpreter lock.
 */
public final class ThreadRunner {

    /** Ticks between two looks at the cancel flag. */
    private static final long CHECK_EVERY = 1 << 14;
    /** Ticks the I/O thread of the mixed workload runs after each wait, answering the "request". */
    static final int RESPONSE_TICKS = 100;

    private final GilOptions options;
    private final @Nullable TrainWorkload train;
    private final double nanosPerEvent;

    /**
     * @param train the prepared train workload (needed for {@link org.descent.profiler.Workload#TRAIN})
     * @param nanosPerEvent the recorder's measured cost per event
     */
    public ThreadRunner(GilOptions options, @Nullable TrainWorkload train, double nanosPerEvent) {
        this.options = options;
        this.train = train;
        this.nanosPerEvent = nanosPerEvent;
    }

    /** A part of the work, run by one worker. */
    private interface Task {
        String name();

        void run(Worker w);
    }

    /**
     * Runs the workload once in {@code mode} (seq, jvm, virtual, gil-py2 or gil-py3).
     *
     * @throws OperationCanceledException when the monitor is cancelled (the threads stop at their next
     *             check)
     */
    public Trial run(Mode mode, IProgressMonitor monitor) {
        int capacity = options.timelineCapacity();
        Gil gil = switch (mode) {
        case GIL_PY2 -> new Py2Gil(options.checkInterval(), capacity);
        case GIL_PY3 -> new Py3Gil(options.switchInterval().toNanos(), capacity);
        case SEQ, JVM, VIRTUAL -> new Gil(capacity);
        default -> throw new IllegalArgumentException("mode " + mode.id() + " does not run threads in this JVM");
        };
        boolean locked = mode.emulatesGil();
        long[] latencies = new long[options.workload() == org.descent.profiler.Workload.MIXED ? options.ioRounds() : 0];
        List<Task> tasks = tasks(locked, mode != Mode.SEQ, latencies);
        AtomicBoolean cancelled = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        List<List<Task>> assigned = new ArrayList<>();
        if (mode == Mode.SEQ) {
            workers.add(new Worker(0, gil, capacity, cancelled));
            assigned.add(tasks);
        } else {
            for (int i = 0; i < tasks.size(); i++) {
                workers.add(new Worker(i, gil, capacity, cancelled));
                assigned.add(List.of(tasks.get(i)));
            }
        }
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Worker w = workers.get(i);
            List<Task> mine = assigned.get(i);
            Runnable body = () -> work(w, mine, gate);
            String name = "descent-gil-" + mode.id() + "-" + i;
            threads.add(mode == Mode.VIRTUAL ? Thread.ofVirtual().name(name).unstarted(body)
                    : Thread.ofPlatform().name(name).daemon(true).unstarted(body));
        }
        threads.forEach(Thread::start);
        long cpu0 = processCpu();
        long start = System.nanoTime();
        gate.countDown();
        for (Thread t : threads) {
            joinWatching(t, monitor, cancelled);
        }
        long end = System.nanoTime();
        long cpu1 = processCpu();
        if (cancelled.get()) {
            throw new OperationCanceledException();
        }
        List<Long> cpu = workers.stream().map(w -> w.cpuNanos).toList();
        GilCounters counters = locked ? gil.counters(workers) : GilCounters.NONE;
        List<Integer> holders = new ArrayList<>();
        List<Boolean> forced = new ArrayList<>();
        for (int i = 0; i < gil.logged; i++) {
            holders.add(gil.holders[i]);
            forced.add(gil.forcedBefore[i]);
        }
        return new Trial(end - start, cpu, cpu1 - cpu0, counters, latency(latencies), timeline(workers, mode, tasks,
                start, end), holders, forced);
    }

    private static void work(Worker w, List<Task> tasks, CountDownLatch gate) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean measurable = !Thread.currentThread().isVirtual() && mx.isCurrentThreadCpuTimeSupported();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long c0 = measurable ? mx.getCurrentThreadCpuTime() : 0;
        for (Task t : tasks) {
            if (!w.cancelled()) {
                t.run(w);
            }
        }
        w.cpuNanos = measurable ? mx.getCurrentThreadCpuTime() - c0 : -1;
    }

    private static void joinWatching(Thread t, IProgressMonitor monitor, AtomicBoolean cancelled) {
        boolean interrupted = false;
        while (true) {
            try {
                if (t.join(Duration.ofMillis(50))) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                cancelled.set(true);
            }
            if (monitor.isCanceled()) {
                cancelled.set(true);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param concurrent whether the tasks run at the same time (not in seq)
     */
    private List<Task> tasks(boolean locked, boolean concurrent, long[] latencies) {
        List<Task> tasks = new ArrayList<>();
        int n = options.threads();
        switch (options.workload()) {
        case CPU -> {
            for (int i = 0; i < n; i++) {
                tasks.add(countdown("cpu " + i, locked));
            }
        }
        case IO -> {
            long nanos = options.ioWait().toNanos();
            for (int i = 0; i < n; i++) {
                tasks.add(task("io " + i, w -> {
                    w.start();
                    w.blockingWait(nanos);
                    w.finish();
                }));
            }
        }
        case MIXED -> {
            // the CPU-bound threads keep counting until the I/O thread is done, so that every one of
            // its waits ends while they run (one after the other in seq: no overlap there)
            AtomicBoolean ioDone = new AtomicBoolean(!concurrent);
            for (int i = 0; i < n - 1; i++) {
                long count = options.count();
                tasks.add(task("cpu " + i, w -> {
                    w.start();
                    long h = ticks(w, count, w.index, locked);
                    while (!ioDone.get() && !w.cancelled()) {
                        h = ticks(w, CHECK_EVERY, h, locked);
                    }
                    w.hash += h;
                    w.finish();
                }));
            }
            long nanos = options.ioRoundWait().toNanos();
            tasks.add(task("io", w -> {
                w.start();
                for (int r = 0; r < latencies.length && !w.cancelled(); r++) {
                    long due = System.nanoTime() + nanos;
                    w.blockingWait(nanos);
                    latencies[r] = Math.max(0, System.nanoTime() - due);
                    w.hash += ticks(w, RESPONSE_TICKS, r, locked);
                }
                ioDone.set(true);
                w.finish();
            }));
        }
        case TRAIN -> {
            TrainWorkload t = train;
            if (t == null) {
                throw new IllegalStateException("the train workload was not prepared");
            }
            int steps = options.trainSteps();
            for (int i = 0; i < n; i++) {
                TrainWorkload.Share share = t.share();
                tasks.add(task("train " + i, w -> {
                    w.start();
                    for (int s = 0; s < steps && !w.cancelled(); s++) {
                        w.hash += Double.doubleToRawLongBits(share.step());
                        w.gil.tick(w);
                    }
                    w.finish();
                }));
            }
        }
        }
        return tasks;
    }

    private Task countdown(String name, boolean locked) {
        long count = options.count();
        return task(name, w -> {
            w.start();
            w.hash += ticks(w, count, w.index, locked);
            w.finish();
        });
    }

    /** {@code n} countdown ticks: under the lock one at a time with its check, else in chunks. */
    private static long ticks(Worker w, long n, long seed, boolean locked) {
        long h = seed;
        long left = n;
        if (locked) {
            Gil gil = w.gil;
            while (left > 0) {
                h = Kernels.tick(h);
                left--;
                gil.tick(w);
                if ((left & (CHECK_EVERY - 1)) == 0 && w.cancelled()) {
                    break;
                }
            }
        } else {
            while (left > 0 && !w.cancelled()) {
                long chunk = Math.min(left, CHECK_EVERY);
                h = Kernels.countdown(chunk, h);
                left -= chunk;
            }
        }
        return h;
    }

    private static Task task(String name, java.util.function.Consumer<Worker> body) {
        return new Task() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Worker w) {
                body.accept(w);
            }
        };
    }

    private static IoLatency latency(long[] latencies) {
        if (latencies.length == 0) {
            return IoLatency.NONE;
        }
        long max = 0;
        double sum = 0;
        for (long l : latencies) {
            sum += l;
            max = Math.max(max, l);
        }
        return new IoLatency(latencies.length, sum / latencies.length, max);
    }

    private Timeline timeline(List<Worker> workers, Mode mode, List<Task> tasks, long start, long end) {
        List<String> names = new ArrayList<>();
        List<Timeline.Interval> intervals = new ArrayList<>();
        long events = 0;
        long dropped = 0;
        for (Worker w : workers) {
            names.add(mode == Mode.SEQ ? "seq" : tasks.get(w.index).name());
            w.recorder.intervals(w.index, start, end, intervals);
            events += w.recorder.size() + w.recorder.dropped();
            dropped += w.recorder.dropped();
        }
        return new Timeline(names, intervals, events, dropped, nanosPerEvent, events * nanosPerEvent);
    }

    /** CPU time of this JVM so far (operating system's accounting), 0 where unknown. */
    static long processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
