package org.descent.profiler;

import java.util.List;

/**
 * One repeat of one mode.
 *
 * @param wallNanos wall time of the whole run (for child processes, including their start)
 * @param cpuNanos CPU time of each thread (or child process), in thread order; -1 where the
 *        runtime cannot tell (virtual threads)
 * @param processCpuNanos CPU time the whole JVM (or all the children) used during the run
 * @param counters what the emulated lock counted
 * @param latency the I/O thread's response latency (mixed workload)
 * @param timeline what each thread did
 * @param holders the index of the thread that took the emulated lock, per acquisition in order
 *        (at most the first {@link GilOptions#timelineCapacity()} acquisitions; empty without a
 *        lock)
 * @param forcedBefore per entry of {@code holders}: whether that acquisition followed a forced
 *        drop (Python 3's drop request)
 *
 * @since 0.1.0
 */
public record Trial(long wallNanos, List<Long> cpuNanos, long processCpuNanos, GilCounters counters,
        IoLatency latency, Timeline timeline, List<Integer> holders, List<Boolean> forcedBefore) {

    public Trial {
        cpuNanos = List.copyOf(cpuNanos);
        holders = List.copyOf(holders);
        forcedBefore = List.copyOf(forcedBefore);
    }

    /** CPU time of all the threads together, or the process's when a thread's is unknown. */
    public long totalCpuNanos() {
        if (cpuNanos.isEmpty() || cpuNanos.contains(-1L)) {
            return processCpuNanos;
        }
        return cpuNanos.stream().mapToLong(Long::longValue).sum();
    }
}
