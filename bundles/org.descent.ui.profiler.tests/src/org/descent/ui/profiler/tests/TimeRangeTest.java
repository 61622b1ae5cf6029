package org.descent.ui.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.ui.profiler.timeline.TimeRange;
import org.junit.jupiter.api.Test;

/** The timeline's zoom arithmetic. */
class TimeRangeTest {

    @Test
    void zoomKeepsTheAnchorAndStaysInsideTheRun() {
        TimeRange r = new TimeRange(1_000_000);
        assertTrue(r.whole());
        r.zoom(0.5, 0.5);
        assertEquals(250_000, r.from(), 1e-6);
        assertEquals(750_000, r.to(), 1e-6);
        assertFalse(r.whole());
        r.zoom(0.5, 0.0);
        assertEquals(250_000, r.from(), 1e-6);
        assertEquals(500_000, r.to(), 1e-6);
        r.zoom(100, 0.5);
        assertEquals(0, r.from(), 1e-6);
        assertEquals(1_000_000, r.to(), 1e-6);
        r.zoom(1e-9, 1.0);
        assertEquals(TimeRange.MIN_SPAN_NANOS, r.span(), 1e-6);
        assertEquals(1_000_000, r.to(), 1e-6);
    }

    @Test
    void zoomToADraggedRangeInEitherDirectionAndReset() {
        TimeRange r = new TimeRange(2_000_000);
        r.zoomTo(0.75, 0.25);
        assertEquals(500_000, r.from(), 1e-6);
        assertEquals(1_500_000, r.to(), 1e-6);
        assertEquals(0.5, r.position(1_000_000), 1e-12);
        r.zoomTo(-1, 0.1);
        assertEquals(500_000, r.from(), 1e-6);
        assertEquals(600_000, r.to(), 1e-6);
        r.reset();
        assertTrue(r.whole());
        assertEquals("0.000..2.000 ms of 2.000 ms", r.toString());
    }
}
