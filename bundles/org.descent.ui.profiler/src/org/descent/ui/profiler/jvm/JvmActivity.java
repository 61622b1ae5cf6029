package org.descent.ui.profiler.jvm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;

/**
 * What the JVM did since recording started: one row per thread and the JVM-wide series.
 *
 * @param seconds          how long the recording has run
 * @param completeSeconds  up to when the Flight Recorder's events have arrived (they come in
 *                         chunks about once a second, so this trails {@code seconds})
 * @param threads          every thread that was sampled or named by an event, by thread id
 * @param allocation       the JVM's allocation rate in MB/s per interval of
 *                         {@link JvmActivityAggregator#BUCKET_SECONDS}, at the interval's end
 * @param cpu              the JVM's and the whole machine's CPU load (fractions of all cores)
 * @param gcs              every garbage collection with its pauses
 * @param allocatedMB      bytes allocated (estimated from the allocation samples' weights), in MB
 * @param samples          how many times the thread states were sampled
 */
public record JvmActivity(double seconds, double completeSeconds, List<ThreadActivity> threads,
        List<Point> allocation, List<CpuPoint> cpu, List<GcPause> gcs, double allocatedMB, long samples) {

    /**
     * One thread's share of the recording.
     *
     * @param state         its state at the last sample, null if it was only seen in events
     *                      (a virtual thread, or one that ended before it was sampled)
     * @param samples       how many state samples saw it
     * @param runnable      fraction of its samples in RUNNABLE (likewise blocked, waiting,
     *                      timedWaiting; NEW and TERMINATED make up the rest)
     * @param cpu           its CPU load as a fraction of one core, the mean of the Flight
     *                      Recorder's per-second readings; NaN before the first reading
     * @param blockedCount  how often it waited to enter a monitor for longer than
     *                      {@link JvmRecorder#MONITOR_THRESHOLD}, and for how long in all
     * @param parkCount     how often it parked (locks, queues, conditions) for longer than
     *                      {@link JvmRecorder#PARK_THRESHOLD}, and for how long in all
     * @param waitCount     how often it called {@code Object.wait} for longer than the park
     *                      threshold, and for how long in all
     * @param monitors      the classes of the monitors it waited to enter, most time first
     * @param parkSites     where it parked (the blocking object's class and the first method
     *                      outside the locking code), most time first
     * @param allocatedMB   what it allocated, in MB
     * @param training      the run it trained while recording, with its last step (e.g.
     *                      "20261201-120000-digits at step 340"); empty if it trained none
     */
    public record ThreadActivity(long id, String name, Thread.@Nullable State state, long samples, double runnable,
            double blocked, double waiting, double timedWaiting, double cpu, long blockedCount, double blockedSeconds,
            long parkCount, double parkedSeconds, long waitCount, double waitSeconds, List<Site> monitors,
            List<Site> parkSites, double allocatedMB, String training) {

        /** What it allocated per second of (complete) recording, in MB/s. */
        public double allocationRate(double completeSeconds) {
            return completeSeconds > 0 ? allocatedMB / completeSeconds : 0;
        }

        /** Where it waited most: the top monitor or park site, whichever took longer; "" if none. */
        public String topWait() {
            Site monitor = monitors.isEmpty() ? null : monitors.get(0);
            Site park = parkSites.isEmpty() ? null : parkSites.get(0);
            if (monitor != null && (park == null || monitor.seconds() >= park.seconds())) {
                return "monitor " + monitor.name();
            }
            return park == null ? "" : "park " + park.name();
        }
    }

    /** A monitor class or park site with how often and how long threads waited there. */
    public record Site(String name, long count, double seconds) {
    }

    /** A value at a time since the recording started. */
    public record Point(double seconds, double value) {
    }

    /** CPU load at a time: the JVM's (user + system) and the machine's, fractions of all cores. */
    public record CpuPoint(double seconds, double jvm, double machine) {
    }

    /** A garbage collection: when it started, which collector, why, its pauses in ms. */
    public record GcPause(double seconds, String name, String cause, double pauseMillis, double longestMillis) {
    }

    /** The thread with this name, the first by id if several share it. */
    public Optional<ThreadActivity> thread(String name) {
        return threads.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The mean allocation rate over the complete part of the recording, in MB/s. */
    public double allocationRate() {
        return completeSeconds > 0 ? allocatedMB / completeSeconds : 0;
    }

    /** The mean allocation rate over the last {@code window} seconds of complete intervals, MB/s. */
    public double recentAllocationRate(double window) {
        List<Point> recent = allocation.stream().filter(p -> p.seconds() > completeSeconds - window).toList();
        return recent.stream().mapToDouble(Point::value).average().orElse(0);
    }

    /** Sum of all GC pauses, ms. */
    public double gcPauseMillis() {
        return gcs.stream().mapToDouble(GcPause::pauseMillis).sum();
    }

    /** One line: duration, threads, allocation, GC, CPU, the runs that trained. */
    public String summary() {
        CpuPoint last = cpu.isEmpty() ? null : cpu.get(cpu.size() - 1);
        List<String> training = threads.stream().filter(t -> !t.training().isEmpty())
                .map(t -> t.training() + " on " + t.name()).toList();
        return String.format(Locale.ROOT,
                "%.1f s recorded, %d threads, allocation %.1f MB/s (last 2 s: %.1f MB/s), %d GCs pausing %.1f ms, CPU %s; %s",
                seconds, threads.size(), allocationRate(), recentAllocationRate(2), gcs.size(), gcPauseMillis(),
                last == null ? "not yet read"
                        : String.format(Locale.ROOT, "JVM %.0f %% / machine %.0f %%", 100 * last.jvm(),
                                100 * last.machine()),
                training.isEmpty() ? "no run trained in this JVM" : "trained: " + String.join(", ", training));
    }

    /** The thread table as CSV (times in seconds, fractions 0..1, CPU as a fraction of one core). */
    public String threadsCsv() {
        StringBuilder csv = new StringBuilder("thread_id,thread,state,samples,runnable,blocked,waiting,timed_waiting,"
                + "cpu_cores,blocked_count,blocked_s,park_count,parked_s,wait_count,wait_s,allocated_mb,alloc_mb_s,"
                + "top_monitor,top_park_site,training\n");
        for (ThreadActivity t : threads) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%.4f,%.4f,%.4f,%.4f,%s,%d,%.4f,%d,%.4f,%d,%.4f,%.3f,%.3f,%s,%s,%s%n",
                    t.id(), quote(t.name()), t.state() == null ? "" : t.state(), t.samples(), t.runnable(),
                    t.blocked(), t.waiting(), t.timedWaiting(),
                    Double.isNaN(t.cpu()) ? "" : String.format(Locale.ROOT, "%.4f", t.cpu()), t.blockedCount(),
                    t.blockedSeconds(), t.parkCount(), t.parkedSeconds(), t.waitCount(), t.waitSeconds(),
                    t.allocatedMB(), t.allocationRate(completeSeconds),
                    quote(t.monitors().isEmpty() ? "" : t.monitors().get(0).name()),
                    quote(t.parkSites().isEmpty() ? "" : t.parkSites().get(0).name()), quote(t.training())));
        }
        return csv.toString();
    }

    /** The JVM-wide series as CSV: one row per allocation interval, CPU reading and GC. */
    public String overallCsv() {
        StringBuilder csv = new StringBuilder("seconds,series,value,detail\n");
        for (Point p : allocation) {
            csv.append(String.format(Locale.ROOT, "%.3f,alloc_mb_s,%.3f,%n", p.seconds(), p.value()));
        }
        for (CpuPoint p : cpu) {
            csv.append(String.format(Locale.ROOT, "%.3f,jvm_cpu,%.4f,%n", p.seconds(), p.jvm()));
            csv.append(String.format(Locale.ROOT, "%.3f,machine_cpu,%.4f,%n", p.seconds(), p.machine()));
        }
        for (GcPause g : gcs) {
            csv.append(String.format(Locale.ROOT, "%.3f,gc_pause_ms,%.3f,%s%n", g.seconds(), g.pauseMillis(),
                    quote(g.name() + ": " + g.cause())));
        }
        return csv.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
