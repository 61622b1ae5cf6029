package org.descent.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.descent.profiler.ThreadState;
import org.descent.profiler.Timeline;
import org.descent.profiler.internal.Recorder;
import org.junit.jupiter.api.Test;

/** The timeline's event recorder: order, counts, a full buffer and its intervals. */
class RecorderTest {

    @Test
    void keepsEventsInOrderAndCountsWhatDidNotFit() {
        Recorder r = new Recorder(4);
        assertEquals(ThreadState.IDLE, r.state(), "idle before any event");
        ThreadState[] states = {ThreadState.RUNNING, ThreadState.WAITING_GIL, ThreadState.RUNNING, ThreadState.IO,
                ThreadState.RUNNING, ThreadState.IDLE};
        for (int i = 0; i < states.length; i++) {
            r.record(states[i], 100 + 10 * i);
        }
        assertEquals(4, r.size());
        assertEquals(2, r.dropped());
        assertEquals(ThreadState.IDLE, r.state(), "the state follows every event, kept or not");
        for (int i = 0; i < 4; i++) {
            assertEquals(states[i], r.stateAt(i));
            assertEquals(100 + 10 * i, r.time(i));
        }
    }

    @Test
    void intervalsRunFromEachEventToTheNextAndLeaveOutEmptyOnes() {
        Recorder r = new Recorder(8);
        r.record(ThreadState.RUNNING, 1000);
        r.record(ThreadState.WAITING_GIL, 1500);
        r.record(ThreadState.WAITING_GIL, 1500);
        r.record(ThreadState.RUNNING, 1700);
        r.record(ThreadState.IDLE, 2000);
        List<Timeline.Interval> out = new ArrayList<>();
        r.intervals(3, 1000, 2500, out);
        assertEquals(List.of(new Timeline.Interval(3, ThreadState.RUNNING, 0, 500),
                new Timeline.Interval(3, ThreadState.WAITING_GIL, 500, 700),
                new Timeline.Interval(3, ThreadState.RUNNING, 700, 1000),
                new Timeline.Interval(3, ThreadState.IDLE, 1000, 1500)), out);
        Timeline t = new Timeline(List.of("a", "b", "c", "d"), out, 5, 0, 20, 100);
        assertEquals(800, t.total(3, ThreadState.RUNNING));
        assertEquals(4, t.of(3).size());
        assertTrue(t.of(0).isEmpty());
    }

    @Test
    void costPerEventIsMeasured() {
        double ns = Recorder.nanosPerEvent(50_000);
        assertTrue(ns > 0 && ns < 10_000, "a System.nanoTime() and two array stores: " + ns + " ns");
    }
}
