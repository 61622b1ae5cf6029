package org.descent.ui.profiler.jvm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.descent.ui.profiler.jvm.JvmActivity.CpuPoint;
import org.descent.ui.profiler.jvm.JvmActivity.GcPause;
import org.descent.ui.profiler.jvm.JvmActivity.Point;
import org.descent.ui.profiler.jvm.JvmActivity.Site;
import org.descent.ui.profiler.jvm.JvmActivity.ThreadActivity;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Adds up thread-state samples and Flight Recorder events into a {@link JvmActivity}. Fed from
 * the sampler's and the event stream's threads, read from the UI's: every method is
 * synchronized and cheap.
 */
public final class JvmActivityAggregator {

    /** The width of one allocation-rate interval, seconds. */
    public static final double BUCKET_SECONDS = 0.5;

    /** How many monitor classes and park sites a thread's row keeps. */
    public static final int TOP_SITES = 5;

    private final Instant start;
    private final Map<Long, Stats> threads = new TreeMap<>();
    private final ConcurrentHashMap<Long, Training> training = new ConcurrentHashMap<>();
    private final Map<Long, Long> allocatedPerBucket = new HashMap<>();
    private final List<CpuPoint> cpu = new ArrayList<>();
    private final List<GcPause> gcs = new ArrayList<>();
    private long allocatedBytes;
    private long samples;
    private Instant complete;

    public JvmActivityAggregator(Instant start) {
        this.start = start;
        this.complete = start;
    }

    /** Where a thread waited: count and nanoseconds. */
    private static final class Wait {
        long count;
        long nanos;
    }

    private static final class Stats {
        final long id;
        String name;
        Thread.@Nullable State state;
        final long[] states = new long[Thread.State.values().length];
        long samples;
        double cpuSum;
        long cpuReadings;
        long allocatedBytes;
        final Wait blocked = new Wait();
        final Wait parked = new Wait();
        final Wait waited = new Wait();
        final Map<String, Wait> monitors = new HashMap<>();
        final Map<String, Wait> parkSites = new HashMap<>();

        Stats(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private Stats stats(long id, String name) {
        Stats s = threads.computeIfAbsent(id, i -> new Stats(i, name));
        if (!name.isEmpty()) {
            s.name = name;
        }
        return s;
    }

    private double seconds(Instant t) {
        return Duration.between(start, t).toNanos() / 1e9;
    }

    /** Counts one round of thread-state samples. */
    public synchronized void sampled() {
        samples++;
    }

    /** One thread's state at a sample. */
    public synchronized void threadState(long id, String name, Thread.State state) {
        Stats s = stats(id, name);
        s.state = state;
        s.states[state.ordinal()]++;
        s.samples++;
    }

    /** A thread waited {@code duration} to enter a monitor of class {@code monitorClass}. */
    public synchronized void monitorEnter(long id, String name, String monitorClass, Duration duration) {
        Stats s = stats(id, name);
        add(s.blocked, duration);
        add(s.monitors.computeIfAbsent(monitorClass, k -> new Wait()), duration);
    }

    /** A thread waited {@code duration} in {@code Object.wait}. */
    public synchronized void monitorWait(long id, String name, Duration duration) {
        add(stats(id, name).waited, duration);
    }

    /** A thread parked for {@code duration} at {@code site}. */
    public synchronized void park(long id, String name, String site, Duration duration) {
        Stats s = stats(id, name);
        add(s.parked, duration);
        add(s.parkSites.computeIfAbsent(site, k -> new Wait()), duration);
    }

    private static void add(Wait w, Duration d) {
        w.count++;
        w.nanos += d.toNanos();
    }

    /** A thread allocated about {@code bytes} at {@code at} (an allocation sample's weight). */
    public synchronized void allocation(long id, String name, Instant at, long bytes) {
        stats(id, name).allocatedBytes += bytes;
        allocatedBytes += bytes;
        allocatedPerBucket.merge((long) Math.floor(seconds(at) / BUCKET_SECONDS), bytes, Long::sum);
    }

    /** A thread's CPU load over the last period, as a fraction of one core. */
    public synchronized void threadCpu(long id, String name, double cores) {
        Stats s = stats(id, name);
        s.cpuSum += cores;
        s.cpuReadings++;
    }

    /** The run a thread trains and its last step, written by the training thread without a lock. */
    private static final class Training {
        final String thread;
        final String run;
        volatile long step;

        Training(String thread, String run) {
            this.thread = thread;
            this.run = run;
        }
    }

    /**
     * A thread took a training step of a run (named by its folder). Called on the training
     * thread at every step: it takes no lock, so it never waits for the aggregation.
     */
    public void trainingStep(long id, String name, String run, long step) {
        Training t = training.get(id);
        if (t == null || !t.run.equals(run)) {
            t = new Training(name, run);
            training.put(id, t);
        }
        t.step = step;
    }

    /** The JVM's and the machine's CPU load, fractions of all cores. */
    public synchronized void cpu(Instant at, double jvm, double machine) {
        cpu.add(new CpuPoint(seconds(at), jvm, machine));
    }

    /** A garbage collection. */
    public synchronized void gc(Instant at, String name, String cause, Duration pauses, Duration longest) {
        gcs.add(new GcPause(seconds(at), name, cause, pauses.toNanos() / 1e6, longest.toNanos() / 1e6));
    }

    /** The event stream has delivered every event that happened before {@code upTo}. */
    public synchronized void flushed(Instant upTo) {
        if (upTo.isAfter(complete)) {
            complete = upTo;
        }
    }

    /** Everything so far, as seen at {@code now}. */
    public synchronized JvmActivity snapshot(Instant now) {
        double completeSeconds = seconds(complete);
        training.forEach((id, t) -> stats(id, t.thread));
        List<ThreadActivity> rows = new ArrayList<>();
        for (Stats s : threads.values()) {
            Training t = training.get(s.id);
            double n = Math.max(1, s.samples);
            rows.add(new ThreadActivity(s.id, s.name, s.state, s.samples,
                    s.states[Thread.State.RUNNABLE.ordinal()] / n, s.states[Thread.State.BLOCKED.ordinal()] / n,
                    s.states[Thread.State.WAITING.ordinal()] / n, s.states[Thread.State.TIMED_WAITING.ordinal()] / n,
                    s.cpuReadings == 0 ? Double.NaN : s.cpuSum / s.cpuReadings, s.blocked.count,
                    s.blocked.nanos / 1e9, s.parked.count, s.parked.nanos / 1e9, s.waited.count, s.waited.nanos / 1e9,
                    top(s.monitors), top(s.parkSites), s.allocatedBytes / 1e6,
                    t == null ? "" : t.run + " at step " + t.step));
        }
        long completeBuckets = (long) Math.floor(completeSeconds / BUCKET_SECONDS);
        List<Point> allocation = new ArrayList<>();
        for (long b = 0; b < completeBuckets; b++) {
            long bytes = allocatedPerBucket.getOrDefault(b, 0L);
            allocation.add(new Point((b + 1) * BUCKET_SECONDS, bytes / 1e6 / BUCKET_SECONDS));
        }
        return new JvmActivity(seconds(now), completeSeconds, List.copyOf(rows), List.copyOf(allocation),
                List.copyOf(cpu), List.copyOf(gcs), allocatedBytes / 1e6, samples);
    }

    private static List<Site> top(Map<String, Wait> sites) {
        return sites.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Wait> e) -> e.getValue().nanos).reversed())
                .limit(TOP_SITES).map(e -> new Site(e.getKey(), e.getValue().count, e.getValue().nanos / 1e9))
                .toList();
    }
}
