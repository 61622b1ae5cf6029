package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.descent.testing.Fixture;
import org.descent.ui.charts.AxisTicks;
import org.descent.ui.charts.GrowingSeries;
import org.descent.ui.charts.RunColors;
import org.descent.ui.charts.Smoothing;
import org.descent.ui.charts.XYData;
import org.junit.jupiter.api.Test;

/** The charts' SWT-free maths: ticks, smoothing, run colours, remapped x. */
class ChartMathTest {

    /** Whether a step is 1, 2 or 5 times a power of ten. */
    private static boolean round(double step) {
        double m = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-12));
        return Math.abs(m - 1) < 1e-9 || Math.abs(m - 2) < 1e-9 || Math.abs(m - 5) < 1e-9;
    }

    @Test
    void niceAxesHaveFourToEightRoundTicksAndEndOnTicks() {
        Random random = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            double scale = Math.pow(10, random.nextInt(24) - 12);
            double a = (random.nextDouble() * 2 - 1) * scale;
            double b = a + random.nextDouble() * scale * Math.pow(10, random.nextInt(5) - 2) + Double.MIN_NORMAL;
            int max = 4 + random.nextInt(5);
            AxisTicks.Layout t = AxisTicks.nice(a, b, max, false);
            String where = "[" + a + ", " + b + "] max " + max + ": " + t;
            assertTrue(t.values().length >= AxisTicks.MIN_TICKS && t.values().length <= AxisTicks.MAX_TICKS,
                    t.values().length + " ticks for " + where);
            if (t.values().length > max) {
                // more than asked only where the next round step would give fewer than four
                AxisTicks.Layout sparser = AxisTicks.nice(a, b, t.values().length - 1, false);
                assertTrue(sparser.values().length < AxisTicks.MIN_TICKS || sparser.step() == t.step(), where);
            }
            assertTrue(round(t.step()), "step " + t.step() + " for " + where);
            assertTrue(t.lower() <= a && t.upper() >= b, "covers the data: " + where);
            assertEquals(t.lower(), t.values()[0], Math.abs(t.step()) * 1e-9, where);
            assertEquals(t.upper(), t.values()[t.values().length - 1], Math.abs(t.step()) * 1e-9, where);
            for (int i = 1; i < t.values().length; i++) {
                assertEquals(t.step(), t.values()[i] - t.values()[i - 1], t.step() * 1e-6, where);
            }
        }
    }

    @Test
    void closedFormsOfKnownAxes() {
        // loss from 0.32 to 0.97 in at most 6 ticks: step 0.2 from 0.2 to 1
        AxisTicks.Layout t = AxisTicks.nice(0.32, 0.97, 6, false);
        assertArrayEquals(new double[] { 0.2, 0.4, 0.6, 0.8, 1.0 }, t.values());
        assertEquals(List.of("0.2", "0.4", "0.6", "0.8", "1.0"), List.of(AxisTicks.labels(t.values(), t.step())));
        // steps 0..690 in at most 8: step 100, 0..700
        t = AxisTicks.nice(0, 690, 8, true);
        assertEquals(100, t.step());
        assertEquals(700, t.upper());
        // the Hessian of a 2-parameter model: indices 1 and 2, never 1.1
        t = AxisTicks.nice(1, 2, 8, true);
        assertArrayEquals(new double[] { 1, 2 }, t.values());
        assertEquals(List.of("1", "2"), List.of(AxisTicks.labels(t.values(), t.step())));
        t = AxisTicks.within(0.5, 3.5, 8, true);
        assertArrayEquals(new double[] { 1, 2, 3 }, t.values());
        // one value: widened around it
        t = AxisTicks.nice(0.003, 0.003, 6, false);
        assertTrue(t.lower() < 0.003 && t.upper() > 0.003 && t.values().length >= 4, t.toString());
        // a smoothed constant differs from it in the last bit: still one value, labelled with few digits
        t = AxisTicks.nice(1.0, Math.nextUp(1.0), 6, false);
        assertTrue(t.step() >= 0.01, t.toString());
        assertTrue(List.of(AxisTicks.labels(t.values(), t.step())).stream().allMatch(l -> l.length() <= 4),
                List.of(AxisTicks.labels(t.values(), t.step())).toString());
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.nice(0, Double.NaN, 6, false));
    }

    @Test
    void labelsUseSiPrefixesForLargeValuesAndExponentsForSmallOnes() {
        AxisTicks.Layout t = AxisTicks.nice(0, 300_000, 7, true);
        assertEquals(List.of("0", "50k", "100k", "150k", "200k", "250k", "300k"),
                List.of(AxisTicks.labels(t.values(), t.step())));
        t = AxisTicks.nice(10_000, 12_000, 5, true);
        assertEquals(List.of("10.0k", "10.5k", "11.0k", "11.5k", "12.0k"), List.of(AxisTicks.labels(t.values(), t.step())));
        assertEquals("2.5M", AxisTicks.label(2.5e6, 5e5, 3e6));
        assertEquals("1G", AxisTicks.label(1e9, 1e9, 1e9));
        t = AxisTicks.nice(0, 4e-4, 5, false);
        assertEquals(List.of("0", "1e-4", "2e-4", "3e-4", "4e-4"), List.of(AxisTicks.labels(t.values(), t.step())));
        assertEquals("2.5e-5", AxisTicks.label(2.5e-5, 5e-6, 5e-5));
        assertEquals("-0.5", AxisTicks.label(-0.5, 0.5, 1));
        assertEquals("0.015", AxisTicks.label(0.015, 0.005, 0.02));
        // every label of an axis reads back as its tick: labels are exact
        for (double[] r : new double[][] { { 0.32, 0.97 }, { -3.3, 12.1 }, { 1.0001, 1.0009 }, { 1e-7, 9e-7 } }) {
            AxisTicks.Layout l = AxisTicks.nice(r[0], r[1], 8, false);
            String[] labels = AxisTicks.labels(l.values(), l.step());
            for (int i = 0; i < labels.length; i++) {
                assertEquals(l.values()[i], Double.parseDouble(labels[i]), Math.abs(l.step()) * 1e-9, labels[i]);
            }
        }
    }

    @Test
    void logAxesRunFromDecadeToDecade() {
        AxisTicks.Layout t = AxisTicks.decades(0.0031, 2.4);
        assertArrayEquals(new double[] { 1e-3, 1e-2, 1e-1, 1, 10 }, t.values());
        assertEquals(List.of("0.001", "0.01", "0.1", "1", "10"),
                t.values().length == 5 ? java.util.Arrays.stream(t.values()).mapToObj(AxisTicks::decadeLabel).toList() : List.of());
        assertEquals("1e-5", AxisTicks.decadeLabel(1e-5));
        assertTrue(AxisTicks.isDecade(0.01) && AxisTicks.isDecade(1e7) && AxisTicks.isDecade(1));
        assertTrue(!AxisTicks.isDecade(0.03) && !AxisTicks.isDecade(20) && !AxisTicks.isDecade(0));
        assertEquals("1e6", AxisTicks.decadeLabel(1e6));
        assertArrayEquals(new double[] { 1, 10 }, AxisTicks.decades(2, 5).values(), "at least one decade");
        assertArrayEquals(new double[] { 10, 100 }, AxisTicks.decades(10, 100).values());
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.decades(0, 1));
    }

    @Test
    void labelsReadBackAsTheirValues() {
        assertEquals(250_000, AxisTicks.parse("250k"));
        assertEquals(10_500, AxisTicks.parse("10.5k"));
        assertEquals(2.5e-4, AxisTicks.parse("2.5e-4"));
        assertEquals(1.5e9, AxisTicks.parse("1.5G"));
        assertTrue(Double.isNaN(AxisTicks.parse("12:30:00")));
    }

    @Test
    void tickCountFitsTheAxisLength() {
        assertEquals(AxisTicks.MAX_TICKS, AxisTicks.fit(2000, 40));
        assertEquals(4, AxisTicks.fit(120, 40));
        assertEquals(2, AxisTicks.fit(30, 40));
    }

    private static double cell(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(String.valueOf(v).replace("inf", "Infinity").replace("nan", "NaN"));
    }

    private static double[] cells(Object list) {
        List<?> l = (List<?>) list;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cell(l.get(i));
        }
        return out;
    }

    @Test
    void smoothingIsTensorBoardsDebiasedMovingAverage() throws IOException {
        Fixture f = Fixture.load(ChartMathTest.class, "fixtures/tensorboard_smoothing.json");
        List<?> cases = (List<?>) Fixture.get(f.object(), "cases");
        assertEquals(20, cases.size());
        for (Object c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) c;
            double w = cell(m.get("weight"));
            double[] y = cells(m.get("y"));
            double[] expected = cells(m.get("smoothed"));
            double[] smoothed = Smoothing.of(y, w);
            for (int i = 0; i < y.length; i++) {
                String where = m.get("name") + ", weight " + w + ", point " + i;
                if (Double.isNaN(expected[i])) {
                    assertTrue(Double.isNaN(smoothed[i]), where);
                } else {
                    // the reference sums the weights in closed form: agreement to 1e-12 relative
                    assertEquals(expected[i], smoothed[i], 1e-12 * Math.max(1, Math.abs(expected[i])), where);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Smoothing(1));
        assertThrows(IllegalArgumentException.class, () -> new Smoothing(-0.1));
    }

    @Test
    void smoothingAGrowingSeriesMatchesSmoothingItWhole() {
        GrowingSeries raw = new GrowingSeries(16);
        XYData smooth = Smoothing.of(raw, 0.9);
        Random random = new Random(3);
        double[] y = new double[5000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(-i / 1000.0) + 0.2 * random.nextGaussian();
            raw.append(i, y[i]);
            if (i % 777 == 0) {
                // read while it grows, as the monitor's redraws do
                assertEquals(i + 1, smooth.size());
                smooth.decimate(300, false);
            }
        }
        double[] whole = Smoothing.of(y, 0.9);
        assertEquals(y.length, smooth.size());
        for (int i = 0; i < y.length; i++) {
            assertEquals(whole[i], smooth.y(i), 0, "point " + i);
            assertEquals(i, smooth.x(i));
        }
        assertTrue(Smoothing.of(raw, 0) == raw, "weight 0 is the raw series");
        // smoothing takes out noise: the smoothed curve is closer to the clean one
        double rawError = 0;
        double smoothError = 0;
        for (int i = 100; i < y.length; i++) {
            rawError += Math.abs(y[i] - Math.exp(-i / 1000.0));
            smoothError += Math.abs(whole[i] - Math.exp(-i / 1000.0));
        }
        assertTrue(smoothError < rawError / 2, smoothError + " vs " + rawError);
    }

    @Test
    void runColoursFollowTheRunsNameOnly() {
        int a = RunColors.of("20261207-023945-adam-5e-2");
        assertEquals(a, RunColors.of("20261207-023945-adam-5e-2"), "the same name, the same colour");
        Set<Integer> colours = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            int c = RunColors.of("run-" + i);
            colours.add(c);
            int r = (c >> 16) & 0xff;
            int g = (c >> 8) & 0xff;
            int b = c & 0xff;
            // readable on white: not too light
            assertTrue(0.2126 * r + 0.7152 * g + 0.0722 * b < 185, "colour " + Integer.toHexString(c));
        }
        assertEquals(RunColors.COUNT, colours.size(), "every colour is used");
        // two names that hash to the same hue: the second one asked for gets another, and keeps it
        String first = "clash-first";
        String second = null;
        for (int i = 0; second == null; i++) {
            if (RunColors.index("clash-" + i) == RunColors.index(first)) {
                second = "clash-" + i;
            }
        }
        int firstColour = RunColors.of(first);
        int secondColour = RunColors.of(second);
        assertNotEquals(firstColour, secondColour, first + " and " + second + " hash alike but are told apart");
        assertEquals(secondColour, RunColors.of(second), "asked again, the same colour");
        assertEquals(firstColour, RunColors.of(first));
        assertNotEquals(RunColors.of("a"), RunColors.faint(RunColors.of("a"), 0.6));
        assertEquals(0xffffff, RunColors.faint(0x123456, 1));
        assertEquals(0x123456, RunColors.faint(0x123456, 0));
    }

    /** A new name's hue keeps two steps from the held ones while there is room, then fills the rest. */
    @Test
    void newNamesKeepClearOfTheHeldHues() {
        int[] holders = new int[RunColors.COUNT];
        assertEquals(5, RunColors.choose(5, holders), "alone: its hashed hue");
        holders[5]++;
        assertEquals(9, RunColors.choose(9, holders), "clear of 5: its hashed hue");
        holders[9]++;
        assertEquals(7, RunColors.choose(6, holders), "6 neighbours 5: 7, two steps from 5 and from 9");
        assertEquals(7, RunColors.choose(5, holders), "5 is held: the same");
        holders[7]++;
        assertEquals(11, RunColors.choose(8, holders), "8 neighbours 7 and 9, 10 neighbours 9: 11");
        // eight names on sixteen hues, every one hashing to 0: no two neighbours
        int[] fresh = new int[RunColors.COUNT];
        List<Integer> given = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            int h = RunColors.choose(0, fresh);
            fresh[h]++;
            given.add(h);
        }
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14), given.stream().sorted().toList());
        // then the odd hues, the only free ones, and once all are held the hashed hue again
        for (int n = 0; n < 8; n++) {
            int h = RunColors.choose(0, fresh);
            assertEquals(0, fresh[h], "hue " + h + " was free");
            fresh[h]++;
        }
        assertEquals(3, RunColors.choose(3, fresh));
    }

    @Test
    void mappedXKeepsTheDecimationAndMapsItsX() {
        GrowingSeries g = new GrowingSeries(16);
        for (int i = 0; i < 10_000; i++) {
            g.append(i, Math.sin(i / 100.0));
        }
        XYData m = g.mapX(step -> step * 0.5 + 100);
        assertEquals(10_000, m.size());
        assertEquals(100 + 0.5 * 42, m.x(42));
        assertEquals(g.y(42), m.y(42));
        var raw = g.decimate(200, false);
        var mapped = m.decimate(200, false);
        assertArrayEquals(raw.y(), mapped.y());
        for (int i = 0; i < raw.size(); i++) {
            assertEquals(raw.x()[i] * 0.5 + 100, mapped.x()[i]);
        }
    }
}
