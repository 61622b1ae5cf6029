package org.descent.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.descent.sweep.Asha;
import org.junit.jupiter.api.Test;

/**
 * ASHA's decisions against examples worked by hand from Ray Tune's ASHAScheduler: rungs at
 * grace_period * rf^k below max_t (Ray's milestones, the one at max_t being the end), and a trial
 * goes on at a rung unless its reward (-metric for mode min) is below the (1 - 1/rf) percentile,
 * linearly interpolated, of the rewards recorded there before it.
 */
class AshaTest {

    @Test
    void rungsAreGracePeriodTimesPowersOfTheReductionFactorBelowMaxT() {
        // Ray's defaults (grace 1, rf 4, max_t 100): milestones 1, 4, 16, 64
        assertEquals(List.of(1, 4, 16, 64), new Asha(1, 4, 100, true).rungs());
        // grace 1, rf 3, max_t 9: milestones 1, 3, 9; at 9 the trial ends anyway
        assertEquals(List.of(1, 3), new Asha(1, 3, 9, true).rungs());
        assertEquals(List.of(2, 4, 8), new Asha(2, 2, 10, true).rungs());
        assertEquals(List.of(), new Asha(5, 2, 5, true).rungs());
    }

    /**
     * rf = 3, mode min, four trials reaching the rung in order with val_loss 0.5, 0.4, 0.6, 0.45.
     * <ul>
     * <li>0.5: nothing recorded, goes on.
     * <li>0.4: rewards {-0.5}: the 66.7th percentile is -0.5, cutoff 0.5; 0.4 is better: goes on.
     * <li>0.6: rewards {-0.5, -0.4}: position 2/3 * 1 = 0.667, -0.5 + 0.667 * 0.1 = -0.43333,
     * cutoff 0.43333; 0.6 is worse: stops.
     * <li>0.45: rewards {-0.6, -0.5, -0.4}: position 2/3 * 2 = 1.333, -0.5 + 0.333 * 0.1 = -0.46667,
     * cutoff 0.46667; 0.45 is better: goes on.
     * </ul>
     */
    @Test
    void handWorkedRungModeMin() {
        Asha a = new Asha(1, 3, 9, true);
        assertTrue(Double.isNaN(a.cutoff(List.of())));
        assertFalse(a.stops(0.5, List.of()));
        assertEquals(0.5, a.cutoff(List.of(0.5)), 1e-12);
        assertFalse(a.stops(0.4, List.of(0.5)));
        assertEquals(0.5 - 0.1 * 2 / 3.0, a.cutoff(List.of(0.5, 0.4)), 1e-12);
        assertTrue(a.stops(0.6, List.of(0.5, 0.4)));
        assertEquals(0.5 - 0.1 / 3.0, a.cutoff(List.of(0.5, 0.4, 0.6)), 1e-12);
        assertFalse(a.stops(0.45, List.of(0.5, 0.4, 0.6)));
        // equal to the cutoff is not below it: goes on (Ray stops on reward < cutoff only)
        assertFalse(a.stops(0.5, List.of(0.5)));
    }

    /**
     * rf = 4, mode max (accuracy), earlier 0.7, 0.9, 0.8, 0.6: the 75th percentile at position
     * 0.75 * 3 = 2.25 of {0.6, 0.7, 0.8, 0.9} is 0.8 + 0.25 * 0.1 = 0.825: 0.82 stops, 0.83 goes on.
     */
    @Test
    void handWorkedRungModeMax() {
        Asha a = new Asha(1, 4, 16, false);
        List<Double> earlier = List.of(0.7, 0.9, 0.8, 0.6);
        assertEquals(0.825, a.cutoff(earlier), 1e-12);
        assertTrue(a.stops(0.82, earlier));
        assertFalse(a.stops(0.83, earlier));
        // a NaN recorded earlier is left out, as numpy's nanpercentile does
        assertEquals(0.825, a.cutoff(List.of(0.7, Double.NaN, 0.9, 0.8, 0.6)), 1e-12);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Asha(0, 4, 10, true));
        assertThrows(IllegalArgumentException.class, () -> new Asha(1, 1, 10, true));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Asha(4, 2, 3, true)).getMessage()
                .contains("budget of 3 epoch(s) is below the grace period of 4"));
    }
}
