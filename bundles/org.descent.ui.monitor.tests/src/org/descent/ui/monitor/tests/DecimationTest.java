package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.descent.ui.charts.Decimation;
import org.descent.ui.charts.GrowingSeries;
import org.descent.ui.charts.XYData;
import org.junit.jupiter.api.Test;

/** Min/max decimation, whole and incremental, on series of up to 10^6 points. */
class DecimationTest {

    private static final int N = 1_000_000;

    /** A noisy decaying curve with a spike up at 500000, one down at 700000 and a NaN at 800000. */
    private static double[][] curve() {
        double[] x = new double[N];
        double[] y = new double[N];
        Random r = new Random(7);
        for (int i = 0; i < N; i++) {
            x[i] = i + 1;
            y[i] = Math.exp(-i / 2e5) + 0.01 * r.nextGaussian();
        }
        y[500_000] = 50;
        y[700_000] = -3;
        y[800_000] = Double.NaN;
        return new double[][] { x, y };
    }

    private static void assertAscending(double[] x) {
        for (int i = 1; i < x.length; i++) {
            assertTrue(x[i] > x[i - 1], "x must ascend at " + i + ": " + x[i - 1] + ", " + x[i]);
        }
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    @Test
    void aMillionPointsBecomeAtMostTwoPerSlotKeepingExtremesAndEnds() {
        double[][] c = curve();
        Decimation.Result r = Decimation.minMax(XYData.of(c[0], c[1]), 1000, false);
        assertTrue(r.size() <= 2 * 1000 + 2, "points drawn: " + r.size());
        assertTrue(r.size() >= 1000, "too few points for 1000 slots: " + r.size());
        assertEquals(50, max(r.y()));
        assertEquals(-3, min(r.y()));
        assertEquals(1, r.x()[0]);
        assertEquals(N, r.x()[r.size() - 1]);
        assertAscending(r.x());
        assertEquals(1, r.dropped(), "the NaN");
        assertEquals(0, r.droppedNonPositive());
    }

    @Test
    void everyPointDrawnIsAPointOfTheSeries() {
        double[][] c = curve();
        Decimation.Result r = Decimation.minMax(XYData.of(c[0], c[1]), 640, false);
        for (int i = 0; i < r.size(); i++) {
            int index = (int) r.x()[i] - 1;
            assertEquals(c[1][index], r.y()[i], "point at x = " + r.x()[i]);
        }
    }

    @Test
    void forALogAxisValuesAtOrBelowZeroAreLeftOutAndCounted() {
        double[] x = { 1, 2, 3, 4, 5, 6 };
        double[] y = { 1, 0, -2, 0.5, Double.POSITIVE_INFINITY, 3 };
        Decimation.Result r = Decimation.minMax(XYData.of(x, y), 100, true);
        assertArrayEquals(new double[] { 1, 4, 6 }, r.x());
        assertArrayEquals(new double[] { 1, 0.5, 3 }, r.y());
        assertEquals(3, r.dropped());
        assertEquals(2, r.droppedNonPositive());
        Decimation.Result linear = Decimation.minMax(XYData.of(x, y), 100, false);
        assertEquals(5, linear.size());
        assertEquals(1, linear.dropped());
    }

    @Test
    void pointsWhoseXGoesBackAreKeptWhole() {
        double[] x = new double[5000];
        double[] y = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i);
            y[i] = Math.cos(i);
        }
        assertEquals(5000, Decimation.minMax(XYData.of(x, y), 10, false).size());
    }

    @Test
    void growingSeriesDecimatesIncrementallyWithTheSameExtremes() {
        double[][] c = curve();
        GrowingSeries g = new GrowingSeries(16);
        for (int i = 0; i < N / 2; i++) {
            g.append(c[0][i], c[1][i]);
        }
        Decimation.Result half = g.decimate(800, false);
        assertTrue(half.size() <= 1602, "points: " + half.size());
        for (int i = N / 2; i < N; i++) {
            g.append(c[0][i], c[1][i]);
        }
        assertEquals(N, g.size());
        Decimation.Result r = g.decimate(800, false);
        assertTrue(r.size() <= 1602 && r.size() >= 800, "points: " + r.size());
        assertEquals(50, max(r.y()));
        assertEquals(-3, min(r.y()));
        assertEquals(1, r.x()[0]);
        assertEquals(N, r.x()[r.size() - 1]);
        assertAscending(r.x());
        assertEquals(1, r.dropped());
        Decimation.Result log = g.decimate(800, true);
        long nonPositive = 0;
        for (double v : c[1]) {
            if (v <= 0) {
                nonPositive++;
            }
        }
        assertEquals(nonPositive, log.droppedNonPositive());
        assertEquals(nonPositive + 1, log.dropped());
        assertTrue(min(log.y()) > 0);
        assertEquals(50, max(log.y()));
        for (int i = 0; i < r.size(); i++) {
            assertEquals(c[1][(int) r.x()[i] - 1], r.y()[i], "point at x = " + r.x()[i]);
        }
    }

    @Test
    void aWriterAppendingWhileAReaderDecimatesLosesNothing() throws InterruptedException {
        GrowingSeries g = new GrowingSeries(16);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 1; i <= 400_000; i++) {
                g.append(i, i % 1000);
            }
        });
        writer.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        writer.start();
        int reads = 0;
        while (writer.isAlive()) {
            Decimation.Result r = g.decimate(500, false);
            if (r.size() > 0) {
                assertEquals(1, r.x()[0]);
                assertAscending(r.x());
                assertTrue(r.size() <= 1002);
            }
            reads++;
        }
        writer.join();
        assertEquals(null, failure.get());
        assertEquals(400_000, g.size());
        for (int i = 0; i < g.size(); i += 997) {
            assertEquals((i + 1) % 1000, g.y(i), "point " + i);
        }
        Decimation.Result r = g.decimate(500, false);
        assertEquals(999, max(r.y()));
        assertEquals(0, min(r.y()));
        assertTrue(reads > 0);
    }
}
