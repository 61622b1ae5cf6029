package org.descent.profiler;

/**
 * Response latency of the I/O-bound thread of the mixed workload: for each of its short blocking
 * waits, the time from when the wait should have ended until the thread ran again (the operating
 * system's wake-up delay plus, under an interpreter lock, the wait for the lock).
 *
 * @param samples the waits measured
 * @param meanNanos mean latency
 * @param maxNanos largest latency
 *
 * @since 0.1.0
 */
public record IoLatency(int samples, double meanNanos, double maxNanos) {

    /** Nothing measured (the workload has no I/O thread). */
    public static final IoLatency NONE = new IoLatency(0, 0, 0);
}
