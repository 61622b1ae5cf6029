package org.descent.ui.profiler.jvm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.descent.core.RunListener;
import org.descent.experiment.LiveRuns;
import org.eclipse.jdt.annotation.Nullable;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/**
 * Records this JVM's threads while it runs: Java Flight Recorder streaming (monitor contention,
 * parking, {@code Object.wait}, allocation samples, per-thread and JVM CPU load, garbage
 * collections) plus the threads' states from {@link ThreadMXBean} ten times a second.
 * <p>
 * It costs something while it runs (the event stream's thread parses a chunk every second, the
 * sampler walks every thread ten times a second, parks longer than the threshold record their
 * stack), so it records only between {@link #start()} and {@link #stop()}.
 */
public final class JvmRecorder implements AutoCloseable {

    /** How often the threads' states are sampled. */
    public static final Duration SAMPLE_PERIOD = Duration.ofMillis(100);

    /** Monitor enters that wait less than this are not recorded. */
    public static final Duration MONITOR_THRESHOLD = Duration.ofMillis(1);

    /** Parks and {@code Object.wait}s shorter than this are not recorded. */
    public static final Duration PARK_THRESHOLD = Duration.ofMillis(5);

    /** How often per-thread and JVM CPU load are read. */
    public static final Duration CPU_PERIOD = Duration.ofSeconds(1);

    /** The frames skipped when naming where a thread parked. */
    private static final List<String> CONCURRENCY_CODE = List.of("jdk.internal.", "java.util.concurrent.",
            "java.lang.VirtualThread", "java.lang.Thread");

    private static final Set<String> EVENTS = Set.of("jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark",
            "jdk.ObjectAllocationSample", "jdk.ThreadCPULoad", "jdk.CPULoad", "jdk.GarbageCollection");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private @Nullable RecordingStream stream;
    private @Nullable ScheduledExecutorService sampler;
    private JvmActivityAggregator aggregator = new JvmActivityAggregator(Instant.now());
    /** The aggregator while recording, read without a lock by training threads; null when stopped. */
    private volatile @Nullable JvmActivityAggregator live;

    /** The Flight Recorder events it enables. */
    public static Set<String> events() {
        return EVENTS;
    }

    /**
     * Starts recording afresh (what an earlier recording gathered is dropped).
     *
     * @throws IllegalStateException if it is already recording, or if this JVM has no Flight
     *                               Recorder (started with {@code -XX:-FlightRecorder})
     */
    public synchronized void start() {
        if (running()) {
            throw new IllegalStateException("The JVM recorder is already recording; stop it first.");
        }
        JvmActivityAggregator a = new JvmActivityAggregator(Instant.now());
        RecordingStream s = new RecordingStream();
        try {
            // stack traces only where they name something (the park site): they are the costly part
            s.enable("jdk.JavaMonitorEnter").withThreshold(MONITOR_THRESHOLD).withoutStackTrace();
            s.enable("jdk.JavaMonitorWait").withThreshold(PARK_THRESHOLD).withoutStackTrace();
            s.enable("jdk.ThreadPark").withThreshold(PARK_THRESHOLD).withStackTrace();
            s.enable("jdk.ObjectAllocationSample").with("throttle", "150/s").withoutStackTrace();
            s.enable("jdk.ThreadCPULoad").withPeriod(CPU_PERIOD);
            s.enable("jdk.CPULoad").withPeriod(CPU_PERIOD);
            s.enable("jdk.GarbageCollection");
            s.onEvent("jdk.JavaMonitorEnter", e -> thread(e, (id, name) -> a.monitorEnter(id, name,
                    className(e.getClass("monitorClass")), e.getDuration())));
            s.onEvent("jdk.JavaMonitorWait", e -> thread(e, (id, name) -> a.monitorWait(id, name, e.getDuration())));
            s.onEvent("jdk.ThreadPark", e -> thread(e, (id, name) -> a.park(id, name, parkSite(e), e.getDuration())));
            s.onEvent("jdk.ObjectAllocationSample",
                    e -> thread(e, (id, name) -> a.allocation(id, name, e.getStartTime(), e.getLong("weight"))));
            s.onEvent("jdk.ThreadCPULoad", e -> thread(e,
                    (id, name) -> a.threadCpu(id, name, cores * (e.getFloat("user") + e.getFloat("system")))));
            s.onEvent("jdk.CPULoad", e -> {
                // the first reading has nothing to compare with and says 0 everywhere
                if (e.getFloat("machineTotal") > 0) {
                    a.cpu(e.getStartTime(), e.getFloat("jvmUser") + e.getFloat("jvmSystem"), e.getFloat("machineTotal"));
                }
            });
            s.onEvent("jdk.GarbageCollection", e -> a.gc(e.getStartTime(), e.getString("name"), e.getString("cause"),
                    e.getDuration("sumOfPauses"), e.getDuration("longestPause")));
            s.onFlush(() -> a.flushed(Instant.now()));
            s.startAsync();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        ScheduledExecutorService x = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "Descent JVM thread sampler");
            t.setDaemon(true);
            return t;
        });
        x.scheduleAtFixedRate(() -> sample(a), 0, SAMPLE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        aggregator = a;
        live = a;
        stream = s;
        sampler = x;
    }

    /** Whether it is recording. */
    public synchronized boolean running() {
        return stream != null;
    }

    /** Stops recording, after the events still buffered have been delivered; keeps what it gathered. */
    public synchronized void stop() {
        live = null;
        ScheduledExecutorService x = sampler;
        RecordingStream s = stream;
        if (x != null) {
            x.shutdownNow();
        }
        if (s != null) {
            s.stop();
            s.close();
        }
        sampler = null;
        stream = null;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Marks the threads that train runs announced to {@code liveRuns} (runs started in this JVM)
     * while it records: their rows name the run and its step.
     *
     * @return closing it stops observing
     */
    public AutoCloseable observe(LiveRuns liveRuns) {
        return liveRuns.observe(run -> {
            String name = run.dir().getFileName().toString();
            return new RunListener() {
                @Override
                public void step(long step, int epoch, double loss, double gradientNorm, double learningRate,
                        Map<String, Double> probes) {
                    JvmActivityAggregator a = live;
                    if (a != null) {
                        Thread t = Thread.currentThread();
                        a.trainingStep(t.threadId(), t.getName(), name, step);
                    }
                }
            };
        });
    }

    /** What it gathered so far (or in its last recording, once stopped). */
    public JvmActivity snapshot() {
        JvmActivityAggregator a;
        synchronized (this) {
            a = aggregator;
        }
        return a.snapshot(Instant.now());
    }

    private void sample(JvmActivityAggregator a) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null) {
                a.threadState(info.getThreadId(), info.getThreadName(), info.getThreadState());
            }
        }
        a.sampled();
    }

    private interface ThreadConsumer {
        void accept(long id, String name);
    }

    /** Passes the event's Java thread on; events of JVM-internal threads are left out. */
    private static void thread(RecordedEvent e, ThreadConsumer consumer) {
        RecordedThread t = e.getThread();
        if (t != null && t.getJavaThreadId() > 0) {
            String name = t.getJavaName();
            consumer.accept(t.getJavaThreadId(), name == null ? "" : name);
        }
    }

    private static String className(@Nullable RecordedClass c) {
        return c == null ? "(unknown class)" : c.getName();
    }

    /**
     * Where a thread parked: the parking object's class and the caller of the concurrency code,
     * e.g. "ConditionObject in org.example.Loader.next"; for threads that park only inside
     * {@code java.util.concurrent} (an idle pool worker) the outermost such frame, e.g.
     * "ConditionObject in java.util.concurrent.ThreadPoolExecutor$Worker.run".
     */
    static String parkSite(RecordedEvent e) {
        RecordedClass blocker = e.getClass("parkedClass");
        String what = blocker == null ? "(no blocker)" : simpleName(blocker.getName());
        RecordedStackTrace stack = e.getStackTrace();
        @Nullable String outermost = null;
        if (stack != null) {
            for (RecordedFrame f : stack.getFrames()) {
                String type = f.getMethod().getType().getName();
                String method = type + "." + f.getMethod().getName();
                if (type.startsWith("java.util.concurrent.") && !type.startsWith("java.util.concurrent.locks.")) {
                    outermost = method;
                } else if (CONCURRENCY_CODE.stream().noneMatch(type::startsWith)) {
                    return what + " in " + method;
                }
            }
        }
        return outermost == null ? what : what + " in " + outermost;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
