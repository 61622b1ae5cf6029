package org.descent.ui.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.descent.ui.profiler.jvm.JvmActivity;
import org.descent.ui.profiler.jvm.JvmActivity.Point;
import org.descent.ui.profiler.jvm.JvmActivity.ThreadActivity;
import org.descent.ui.profiler.jvm.JvmActivityAggregator;
import org.junit.jupiter.api.Test;

/** The aggregation behind the JVM Threads view, fed by hand. */
class JvmActivityAggregatorTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private static Instant at(double seconds) {
        return T0.plusNanos((long) (seconds * 1e9));
    }

    @Test
    void stateFractionsWaitsAndTopSites() {
        JvmActivityAggregator a = new JvmActivityAggregator(T0);
        Thread.State[] states = { Thread.State.RUNNABLE, Thread.State.BLOCKED, Thread.State.BLOCKED,
                Thread.State.WAITING };
        for (Thread.State s : states) {
            a.threadState(7, "worker", s);
            a.sampled();
        }
        a.monitorEnter(7, "worker", "a.Lock", Duration.ofMillis(30));
        a.monitorEnter(7, "worker", "b.Other", Duration.ofMillis(50));
        a.monitorEnter(7, "worker", "a.Lock", Duration.ofMillis(30));
        a.park(7, "worker", "ConditionObject in q.Queue.take", Duration.ofMillis(10));
        a.monitorWait(7, "worker", Duration.ofMillis(5));
        a.threadCpu(7, "worker", 0.5);
        a.threadCpu(7, "worker", 1.0);
        a.park(9, "virtual", "Parker in v.Task.run", Duration.ofMillis(200));
        a.trainingStep(7, "worker", "run-a", 1);
        a.trainingStep(7, "worker", "run-a", 2);
        a.trainingStep(11, "trainer", "run-b", 5);

        JvmActivity s = a.snapshot(at(2));
        assertEquals(4, s.samples());
        assertEquals(List.of(7L, 9L, 11L), s.threads().stream().map(ThreadActivity::id).toList());
        assertEquals("run-a at step 2", s.thread("worker").orElseThrow().training());
        assertEquals("run-b at step 5", s.thread("trainer").orElseThrow().training());
        assertEquals("", s.thread("virtual").orElseThrow().training());
        ThreadActivity w = s.thread("worker").orElseThrow();
        assertEquals(Thread.State.WAITING, w.state());
        assertEquals(0.25, w.runnable(), 1e-12);
        assertEquals(0.5, w.blocked(), 1e-12);
        assertEquals(0.25, w.waiting(), 1e-12);
        assertEquals(0, w.timedWaiting(), 1e-12);
        assertEquals(0.75, w.cpu(), 1e-12);
        assertEquals(3, w.blockedCount());
        assertEquals(0.110, w.blockedSeconds(), 1e-9);
        assertEquals(List.of("a.Lock", "b.Other"), w.monitors().stream().map(JvmActivity.Site::name).toList());
        assertEquals(2, w.monitors().get(0).count());
        assertEquals("monitor a.Lock", w.topWait());
        assertEquals(1, w.waitCount());
        ThreadActivity v = s.thread("virtual").orElseThrow();
        assertEquals(null, v.state());
        assertTrue(Double.isNaN(v.cpu()));
        assertEquals("park Parker in v.Task.run", v.topWait());
    }

    @Test
    void allocationRatesCoverOnlyIntervalsWhoseEventsHaveArrived() {
        JvmActivityAggregator a = new JvmActivityAggregator(T0);
        a.allocation(1, "main", at(0.1), 1_000_000);
        a.allocation(1, "main", at(0.4), 1_000_000);
        a.allocation(2, "other", at(0.7), 3_000_000);
        a.allocation(1, "main", at(1.6), 5_000_000);
        a.flushed(at(1.2));
        JvmActivity s = a.snapshot(at(1.3));
        assertEquals(List.of(new Point(0.5, 4.0), new Point(1.0, 6.0)), s.allocation());
        assertEquals(10.0, s.allocatedMB(), 1e-12);
        assertEquals(10.0 / 1.2, s.allocationRate(), 1e-9);
        assertEquals(5.0, s.recentAllocationRate(2), 1e-12);
        assertEquals(7.0 / 1.2, s.thread("main").orElseThrow().allocationRate(s.completeSeconds()), 1e-9);
        a.flushed(at(0.5));
        assertEquals(1.2, a.snapshot(at(1.4)).completeSeconds(), 1e-9);
    }

    @Test
    void cpuGcAndCsv() {
        JvmActivityAggregator a = new JvmActivityAggregator(T0);
        a.cpu(at(1), 0.25, 0.5);
        a.gc(at(1.5), "G1New", "G1 Evacuation Pause", Duration.ofMillis(3), Duration.ofMillis(2));
        a.threadState(3, "pool, worker \"1\"", Thread.State.TIMED_WAITING);
        a.sampled();
        a.flushed(at(2));
        JvmActivity s = a.snapshot(at(2));
        assertEquals(3.0, s.gcPauseMillis(), 1e-12);
        assertTrue(s.summary().contains("1 GCs pausing 3.0 ms, CPU JVM 25 % / machine 50 %"), s.summary());
        List<String> rows = s.threadsCsv().lines().toList();
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).startsWith("3,\"pool, worker \"\"1\"\"\",TIMED_WAITING,1,0.0000,0.0000,0.0000,1.0000,,0,"),
                rows.get(1));
        List<String> overall = s.overallCsv().lines().toList();
        assertEquals("seconds,series,value,detail", overall.get(0));
        assertTrue(overall.contains("1.000,jvm_cpu,0.2500,"), overall.toString());
        assertTrue(overall.contains("1.000,machine_cpu,0.5000,"), overall.toString());
        assertTrue(overall.contains("1.500,gc_pause_ms,3.000,G1New: G1 Evacuation Pause"), overall.toString());
        assertEquals(4, overall.stream().filter(l -> l.contains(",alloc_mb_s,0.000,")).count(), overall.toString());
    }
}
