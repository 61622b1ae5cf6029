package org.descent.analysis.precision.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.descent.analysis.precision.FloatFormat;
import org.descent.analysis.precision.SimulatedMixedPrecision;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.MixedPrecisionPolicy.LossScaling;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** The loss scaler (GradScaler's rules), gradient rounding and statistics, and the services. */
class PolicyTest {

    static final List<ParameterBlock> BLOCKS = List.of(new ParameterBlock("a", new int[] { 3 }, 0),
            new ParameterBlock("b", new int[] { 2 }, 3));

    @Test
    void dynamicScalingBacksOffOnOverflowAndGrowsAfterTheInterval() {
        SimulatedMixedPrecision p = new SimulatedMixedPrecision(FloatFormat.FP16);
        p.start(BLOCKS, new LossScaling(true, 1024, 2, 0.5, 3));
        assertEquals(1024, p.lossScale());
        List<Double> scales = new ArrayList<>();
        List<Boolean> taken = new ArrayList<>();
        // gradient 100 per entry: 100 * 1024 overflows fp16 (max 65504), 100 * 512 = 51200 does not
        for (int step = 1; step <= 9; step++) {
            double[] g = { 100 * p.lossScale(), 0, 1e-3 * p.lossScale(), 0, 0 };
            scales.add(p.lossScale());
            taken.add(p.unscale(g, step));
        }
        assertEquals(List.of(1024.0, 512.0, 512.0, 512.0, 1024.0, 512.0, 512.0, 512.0, 1024.0), scales);
        assertEquals(List.of(false, true, true, true, false, true, true, true, false), taken);
        assertEquals("step 9 skipped: the fp16 gradient at loss scale 1024 is infinite or NaN in a (1 entry);"
                + " loss scale now 512", p.skipReason());
    }

    @Test
    void gradientIsRoundedInTheFormatThenUnscaled() {
        SimulatedMixedPrecision p = new SimulatedMixedPrecision(FloatFormat.FP16);
        p.start(BLOCKS, LossScaling.fixed(8));
        double[] raw = { 0.1, 1e-9, -3e-8, 0, 2.0 / 3 };
        double[] g = new double[raw.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = raw[i] * 8;
        }
        assertTrue(p.unscale(g, 1));
        for (int i = 0; i < g.length; i++) {
            assertEquals(FloatFormat.FP16.round(raw[i] * 8) / 8, g[i], 0, "entry " + i);
        }
        assertEquals(0, g[1], "8e-9 underflows fp16 (half its smallest subnormal is 3e-8)");
        assertEquals(-Math.scalb(1.0, -24) / 8 * 4, g[2], "-2.4e-7 rounds to 4 subnormal units");
        assertNull(p.skipReason());
        assertEquals(8, p.lossScale(), "a static scale never changes");
        Map<String, Double> stats = new LinkedHashMap<>();
        p.statistics(stats);
        assertEquals(Map.of("loss_scale", 8.0, "skipped_step", 0.0, "fp16_underflow/a", 1.0 / 3,
                "fp16_overflow/a", 0.0, "fp16_underflow/b", 0.0, "fp16_overflow/b", 0.0), stats);
    }

    @Test
    void aSkippedStepLeavesTheGradientUnroundedAndUnscaled() {
        SimulatedMixedPrecision p = new SimulatedMixedPrecision(FloatFormat.FP16);
        p.start(BLOCKS, LossScaling.fixed(4));
        double[] g = { 4e5, 1e-9 * 4, 0, 0, 3 * 4.0 / 7 };
        assertFalse(p.unscale(g, 12));
        assertArrayEquals(new double[] { 1e5, 1e-9, 0, 0, 3.0 / 7 }, g);
        assertEquals(4, p.lossScale(), "a static scale does not back off");
        Map<String, Double> stats = new LinkedHashMap<>();
        p.statistics(stats);
        assertEquals(1.0, stats.get("skipped_step"));
        assertEquals(0.5, stats.get("fp16_overflow/a"));
        assertEquals(0.5, stats.get("fp16_underflow/a"));
        assertTrue(p.skipReason().startsWith("step 12 skipped"), p.skipReason());
    }

    @Test
    void bf16KeepsTheRangeOfFp32() {
        SimulatedMixedPrecision p = new SimulatedMixedPrecision(FloatFormat.BF16);
        p.start(BLOCKS, LossScaling.DEFAULT);
        double[] g = { 1e-9 * 65536, 100 * 65536, 1e-30 * 65536, 0, 1 };
        assertTrue(p.unscale(g, 1));
        Map<String, Double> stats = new LinkedHashMap<>();
        p.statistics(stats);
        assertEquals(0.0, stats.get("bf16_underflow/a"));
        assertEquals(1e-9, g[0], 1e-9 / 128, "bf16 keeps 8 significant bits");
        assertEquals(Precision.MIXED_BF16, p.precision());
    }

    @Test
    void unscaleBeforeStartIsRefused() {
        SimulatedMixedPrecision p = new SimulatedMixedPrecision(FloatFormat.FP16);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.unscale(new double[2], 1));
        assertTrue(e.getMessage().contains("start"), e.getMessage());
    }

    @Test
    void lossScalingSettingsAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LossScaling.fixed(0)).getMessage()
                .contains("loss scale 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LossScaling(true, 1, 1, 0.5, 10))
                .getMessage().contains("growth factor"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LossScaling(true, 1, 2, 1, 10))
                .getMessage().contains("back-off"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LossScaling(true, 1, 2, 0.5, 0))
                .getMessage().contains("interval"));
        assertEquals(new LossScaling(true, 65536, 2, 0.5, 2000), LossScaling.DEFAULT);
    }

    @Test
    void servicesArePrototypesOnePerPrecision() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PolicyTest.class).getBundleContext();
        ServiceTracker<MixedPrecisionPolicy, MixedPrecisionPolicy> tracker = new ServiceTracker<>(context,
                MixedPrecisionPolicy.class, null);
        tracker.open();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (tracker.size() < 2 && System.nanoTime() < deadline) {
                tracker.waitForService(1000);
            }
            ServiceReference<MixedPrecisionPolicy>[] refs = tracker.getServiceReferences();
            assertTrue(refs != null && refs.length == 2, "two policy services");
            List<Precision> precisions = new ArrayList<>();
            for (ServiceReference<MixedPrecisionPolicy> ref : refs) {
                ServiceObjects<MixedPrecisionPolicy> objects = context.getServiceObjects(ref);
                MixedPrecisionPolicy one = objects.getService();
                MixedPrecisionPolicy two = objects.getService();
                assertNotSame(one, two, "each run gets its own policy");
                one.start(BLOCKS, LossScaling.DEFAULT);
                two.start(BLOCKS, LossScaling.DEFAULT);
                double[] overflowing = { 1e300, 0, 0, 0, 0 };
                one.unscale(overflowing, 1);
                assertEquals(32768, one.lossScale());
                assertEquals(65536, two.lossScale(), "backing off one run's scale leaves the other's alone");
                precisions.add(one.precision());
                objects.ungetService(one);
                objects.ungetService(two);
            }
            assertEquals(java.util.Set.of(Precision.MIXED_FP16, Precision.MIXED_BF16), java.util.Set.copyOf(precisions));
        } finally {
            tracker.close();
        }
    }

    @Test
    void stateRoundTripsAndIsChecked() {
        SimulatedMixedPrecision p = new SimulatedMixedPrecision(FloatFormat.FP16);
        p.start(BLOCKS, new LossScaling(true, 1024, 2, 0.5, 3));
        p.unscale(new double[] { 1e6, 0, 0, 0, 0 }, 1);
        p.unscale(new double[] { 1, 0, 0, 0, 0 }, 2);
        double[] state = p.saveState();
        SimulatedMixedPrecision q = new SimulatedMixedPrecision(FloatFormat.FP16);
        q.start(BLOCKS, LossScaling.DEFAULT);
        q.restoreState(state);
        assertEquals(512, q.lossScale());
        q.unscale(new double[] { 1, 0, 0, 0, 0 }, 3);
        q.unscale(new double[] { 1, 0, 0, 0, 0 }, 4);
        assertEquals(1024, q.lossScale(), "the restored interval (3) and progress (1 good step) carry on");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> q.restoreState(new double[] { 1, 2 }))
                .getMessage().contains("expected 7"));
    }
}
