package org.descent.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.descent.profiler.GilCounters;
import org.descent.profiler.GilOptions;
import org.descent.profiler.Mode;
import org.descent.profiler.ThreadState;
import org.descent.profiler.Timeline;
import org.descent.profiler.Trial;
import org.descent.profiler.Workload;
import org.descent.profiler.internal.Recorder;
import org.descent.profiler.internal.ThreadRunner;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

/**
 * The emulated interpreter locks, checked through what they count against the policies'
 * definitions (never against wall-clock time).
 */
class GilPolicyTest {

    private static Trial run(GilOptions o, Mode mode) {
        return new ThreadRunner(o.validate(), null, Recorder.nanosPerEvent(1000)).run(mode, new NullProgressMonitor());
    }

    private static GilOptions cpu(int threads, long count) {
        return GilOptions.defaults().withWorkload(Workload.CPU).withThreads(threads).withCount(count).withRepeat(1);
    }

    @Test
    void python2ReleasesEveryCheckIntervalTicksWithoutHandOff() {
        for (int interval : new int[] {100, 7}) {
            for (int threads : new int[] {1, 2, 3}) {
                long count = 20_000;
                Trial t = run(cpu(threads, count).withCheckInterval(interval), Mode.GIL_PY2);
                GilCounters c = t.counters();
                long ticks = threads * count;
                // the tick counter is global (Python 2's _Py_Ticker): one release per interval ticks of all threads
                assertEquals(ticks / interval, c.periodicReleases(), "interval " + interval + ", " + threads + " threads");
                // every periodic release is followed by one re-acquisition, plus each thread's first one
                assertEquals(c.periodicReleases() + threads, c.acquisitions(), c.toString());
                assertEquals(0, c.dropRequests(), c.toString());
                assertEquals(0, c.forcedSwitches(), c.toString());
                assertTrue(t.forcedBefore().stream().noneMatch(f -> f), "no acquisition follows a forced drop");
                checkHolderLog(t);
                checkNoTwoRunning(t.timeline());
                if (threads == 1) {
                    assertEquals(0, c.switches(), c.toString());
                    assertEquals(0, c.failedWakeups(), c.toString());
                    assertEquals(0, c.waitNanos(), c.toString());
                }
            }
        }
    }

    @Test
    void python3SetsDropRequestsOnlyAfterASwitchIntervalAndForcesASwitch() {
        Duration interval = Duration.ofMillis(2);
        // about 0.1 s of ticks per thread: dozens of switch intervals
        Trial t = run(cpu(2, 10_000_000).withSwitchInterval(interval), Mode.GIL_PY3);
        GilCounters c = t.counters();
        assertTrue(c.dropRequests() >= 1, c.toString());
        assertTrue(c.minDropRequestWaitNanos() >= interval.toNanos(),
                "a drop request only after a timed wait of the whole interval: " + c);
        assertTrue(c.forcedSwitches() >= 1, c.toString());
        assertTrue(c.forcedSwitches() <= c.dropRequests(), "each forced switch answers a drop request: " + c);
        assertEquals(0, c.periodicReleases(), c.toString());
        long forcedInLog = t.forcedBefore().stream().filter(f -> f).count();
        assertEquals(c.forcedSwitches(), forcedInLog, "every forced release is followed by an acquisition");
        for (int i = 1; i < t.holders().size(); i++) {
            if (t.forcedBefore().get(i)) {
                assertNotEquals(t.holders().get(i - 1), t.holders().get(i),
                        "after a forced switch the next acquirer is another thread (acquisition " + i + ")");
            }
        }
        checkHolderLog(t);
        checkNoTwoRunning(t.timeline());
        assertTrue(t.timeline().total(0, ThreadState.WAITING_GIL) > 0, "thread 0 waited for the lock");
        assertTrue(t.timeline().total(1, ThreadState.WAITING_GIL) > 0, "thread 1 waited for the lock");
    }

    @Test
    void python3WithOneThreadNeverSwitches() {
        Trial t = run(cpu(1, 100_000), Mode.GIL_PY3);
        GilCounters c = t.counters();
        assertEquals(1, c.acquisitions(), c.toString());
        assertEquals(0, c.switches() + c.dropRequests() + c.forcedSwitches() + c.failedWakeups(), c.toString());
    }

    @Test
    void blockingWaitsReleaseTheLock() {
        GilOptions io = GilOptions.defaults().withWorkload(Workload.IO).withThreads(3).withIoWait(Duration.ofMillis(20))
                .withRepeat(1);
        for (Mode mode : List.of(Mode.GIL_PY2, Mode.GIL_PY3)) {
            Trial t = run(io, mode);
            checkNoTwoRunning(t.timeline());
            for (int thread = 0; thread < 3; thread++) {
                List<ThreadState> states = t.timeline().of(thread).stream().map(Timeline.Interval::state).toList();
                assertTrue(states.contains(ThreadState.IO), mode.id() + " thread " + thread + ": " + states);
                assertTrue(t.timeline().total(thread, ThreadState.IO) >= Duration.ofMillis(20).toNanos(),
                        mode.id() + ": the wait is recorded as I/O");
            }
            // each thread takes the lock to start and again after its wait
            assertEquals(6, t.counters().acquisitions(), mode.id() + ": " + t.counters());
        }
    }

    @Test
    void mixedWorkloadMeasuresEveryRoundOfTheIoThread() {
        GilOptions mixed = GilOptions.defaults().withWorkload(Workload.MIXED).withThreads(2).withCount(1_000_000)
                .withIoRounds(25).withIoRoundWait(Duration.ofMillis(1)).withRepeat(1);
        for (Mode mode : List.of(Mode.SEQ, Mode.JVM, Mode.GIL_PY2, Mode.GIL_PY3)) {
            Trial t = run(mixed, mode);
            assertEquals(25, t.latency().samples(), mode.id());
            assertTrue(t.latency().maxNanos() >= t.latency().meanNanos(), mode.id() + ": " + t.latency());
            if (mode.emulatesGil()) {
                checkNoTwoRunning(t.timeline());
                // the I/O thread takes the lock to start and after each of its 25 waits
                assertTrue(t.counters().acquisitions() >= 1 + 26, t.counters().toString());
            }
        }
    }

    @Test
    void threadsWithoutLockCountNothingAndReportCpuPerThread() {
        Trial t = run(cpu(2, 100_000), Mode.JVM);
        assertEquals(GilCounters.NONE, t.counters());
        assertEquals(2, t.cpuNanos().size());
        assertTrue(t.cpuNanos().stream().allMatch(c -> c >= 0), t.cpuNanos().toString());
        assertTrue(t.holders().isEmpty());
        Trial seq = run(cpu(3, 100_000), Mode.SEQ);
        assertEquals(1, seq.cpuNanos().size(), "one thread runs every share in turn");
        assertEquals(List.of("seq"), seq.timeline().threads());
        Trial virtual = run(cpu(2, 1000), Mode.VIRTUAL);
        assertEquals(List.of(-1L, -1L), virtual.cpuNanos(), "virtual threads' CPU time is not measurable");
        assertEquals(virtual.processCpuNanos(), virtual.totalCpuNanos());
    }

    /** The log holds every acquisition; holder changes in it are the switches. */
    private static void checkHolderLog(Trial t) {
        GilCounters c = t.counters();
        assertEquals(c.acquisitions(), t.holders().size(), "the log holds every acquisition of these small runs");
        long changes = 0;
        for (int i = 1; i < t.holders().size(); i++) {
            if (!t.holders().get(i).equals(t.holders().get(i - 1))) {
                changes++;
            }
        }
        assertEquals(c.switches(), changes, "switches are the holder changes (the sequence has switches + 1 runs)");
    }

    /** No two threads are ever running at the same time under the lock. */
    static void checkNoTwoRunning(Timeline timeline) {
        assertEquals(0, timeline.dropped(), "the recorder kept every event");
        List<Timeline.Interval> running = new ArrayList<>(timeline.intervals().stream()
                .filter(i -> i.state() == ThreadState.RUNNING).toList());
        running.sort(Comparator.comparingLong(Timeline.Interval::startNanos));
        for (int i = 1; i < running.size(); i++) {
            Timeline.Interval a = running.get(i - 1);
            Timeline.Interval b = running.get(i);
            assertTrue(b.startNanos() >= a.endNanos(), "threads " + a.thread() + " and " + b.thread()
                    + " both running: " + a + " overlaps " + b);
        }
        assertTrue(!running.isEmpty(), "some thread ran");
    }
}
