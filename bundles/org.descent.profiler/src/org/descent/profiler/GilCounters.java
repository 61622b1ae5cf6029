package org.descent.profiler;

/**
 * What the emulated interpreter lock counted during one run (all zero in modes without it).
 *
 * @param acquisitions times a thread took the lock (including each re-acquisition)
 * @param switches acquisitions by a thread other than the previous holder
 * @param periodicReleases Python 2: releases because the check interval's ticks were used up
 * @param dropRequests Python 3: drop requests set by a waiter whose timed wait of a switch
 *        interval ran out with no switch in between
 * @param forcedSwitches Python 3: releases on a drop request after which the releasing thread
 *        waited until another thread had taken the lock
 * @param failedWakeups a waiting thread woken (signalled) that found the lock taken again
 * @param waitNanos total time threads spent waiting for the lock
 * @param minDropRequestWaitNanos Python 3: the shortest time a waiter had waited before it set a
 *        drop request (at least the switch interval); 0 when there was none
 *
 * @since 0.1.0
 */
public record GilCounters(long acquisitions, long switches, long periodicReleases, long dropRequests,
        long forcedSwitches, long failedWakeups, long waitNanos, long minDropRequestWaitNanos) {

    /** No lock: all zero. */
    public static final GilCounters NONE = new GilCounters(0, 0, 0, 0, 0, 0, 0, 0);
}
