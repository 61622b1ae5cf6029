package org.descent.ui.charts;

import java.util.Locale;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The ticks of a chart axis: round values (1, 2 or 5 times a power of ten; whole numbers on an
 * integer axis such as a step or an index), how far to widen an axis so that it starts and ends
 * on a tick, and labels that read well: plain decimals with as many digits as the step needs,
 * SI prefixes (k, M, G, T) for large values, scientific notation for small ones, decades on a
 * logarithmic axis. No SWT: the charts and their tests use it alike.
 */
public final class AxisTicks {

    /** The fewest ticks an axis long enough for them gets. */
    public static final int MIN_TICKS = 4;
    /** The most ticks an axis gets. */
    public static final int MAX_TICKS = 8;

    /**
     * An axis laid out: its range and the values of its ticks.
     *
     * @param lower the axis' lower end
     * @param upper the axis' upper end
     * @param step the distance between ticks (for a logarithmic axis the factor, 10)
     * @param values the ticks inside [lower, upper], ascending
     */
    public record Layout(double lower, double upper, double step, double[] values) {
    }

    private static final String[] SI = { "k", "M", "G", "T" };

    private AxisTicks() {
    }

    /** The tick count that fits an axis of {@code lengthPx} pixels with ticks at least {@code spacingPx} apart, within [{@value #MIN_TICKS}, {@value #MAX_TICKS}] where it can. */
    public static int fit(int lengthPx, int spacingPx) {
        return Math.max(2, Math.min(MAX_TICKS, lengthPx / Math.max(1, spacingPx) + 1));
    }

    /** The i-th round step of the sequence ..., 0.1, 0.2, 0.5, 1, 2, 5, 10, ... (i = 0 is 1). */
    static double roundStep(int i) {
        int decade = Math.floorDiv(i, 3);
        double mantissa = switch (Math.floorMod(i, 3)) {
        case 0 -> 1;
        case 1 -> 2;
        default -> 5;
        };
        // through the decimal text, so 0.1 * 3 steps stay the doubles 0.1, 0.2, 0.5 and not 0.30000000000000004
        return Double.parseDouble(mantissa + "e" + decade);
    }

    /** The index in {@link #roundStep(int)} of the largest round step {@code <= v} (v > 0). */
    private static int roundIndexBelow(double v) {
        int i = 3 * (int) Math.floor(Math.log10(v));
        while (roundStep(i) > v) {
            i--;
        }
        while (roundStep(i + 1) <= v) {
            i++;
        }
        return i;
    }

    /**
     * Widens {@code [min, max]} to whole multiples of the smallest round step that gives at most
     * {@code maxTicks} ticks, so the axis starts and ends on a labelled tick. With at least
     * {@value #MIN_TICKS} ticks wanted the result has between {@value #MIN_TICKS} and {@code maxTicks}
     * ticks (the previous round step is at most 2.5 times smaller and gave more than {@code maxTicks}),
     * except on an integer axis whose range holds fewer whole numbers. An empty range (one value)
     * is widened around the value first.
     *
     * @param integer whole-number steps only (an axis of steps or indices)
     */
    public static Layout nice(double min, double max, int maxTicks, boolean integer) {
        double[] r = nonEmpty(min, max, integer);
        double lo = r[0];
        double hi = r[1];
        int want = Math.max(2, maxTicks);
        int i = roundIndexBelow((hi - lo) / want);
        if (integer) {
            i = Math.max(i, 0);
        }
        Layout previous = null;
        while (true) {
            double s = roundStep(i);
            double a = Math.floor(lo / s + 1e-9);
            double b = Math.ceil(hi / s - 1e-9);
            Layout l = new Layout(clean(a * s, s), clean(b * s, s), s, values(a * s, b * s, s));
            if (b - a + 1 <= want) {
                return fewest(l, previous, want);
            }
            previous = l;
            i++;
        }
    }

    /**
     * Ticks inside a fixed range (a zoomed axis): the smallest round step that gives at most
     * {@code maxTicks} ticks in {@code [min, max]}; the range is kept.
     */
    public static Layout within(double min, double max, int maxTicks, boolean integer) {
        double[] r = nonEmpty(min, max, integer);
        int want = Math.max(2, maxTicks);
        int i = roundIndexBelow((r[1] - r[0]) / want);
        if (integer) {
            i = Math.max(i, 0);
        }
        Layout previous = null;
        while (true) {
            double s = roundStep(i);
            double[] v = values(r[0], r[1], s);
            Layout l = new Layout(r[0], r[1], s, v);
            if (v.length <= want) {
                return fewest(l, previous, want);
            }
            previous = l;
            i++;
        }
    }

    /**
     * The layout with at most {@code want} ticks, or, when that has fewer than {@value #MIN_TICKS}
     * and {@value #MIN_TICKS} were wanted, the one of the next smaller round step (which has more
     * than {@code want} but, being at most 2.5 times denser, no more than {@value #MAX_TICKS}).
     */
    private static Layout fewest(Layout l, @Nullable Layout denser, int want) {
        if (l.values().length >= MIN_TICKS || want < MIN_TICKS || denser == null
                || denser.values().length > MAX_TICKS) {
            return l;
        }
        return denser;
    }

    /**
     * A range that is not empty: one value (or values equal but for rounding) is widened by a tenth
     * of itself (1 around 0; 1 on an integer axis).
     */
    private static double[] nonEmpty(double min, double max, boolean integer) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("an axis range must be finite, got [" + min + ", " + max + "]");
        }
        // a range narrower than rounding (a smoothed constant differs from it in the last bit) is one value
        if (max - min > 1e-12 * Math.max(Math.abs(min), Math.abs(max))) {
            return new double[] { min, max };
        }
        double h = integer ? 1 : min == 0 ? 1 : Math.abs(min) * 0.1;
        return new double[] { min - h, min + h };
    }

    /** The multiples of {@code step} in {@code [min, max]}. */
    static double[] values(double min, double max, double step) {
        double a = Math.ceil(min / step - 1e-9);
        double b = Math.floor(max / step + 1e-9);
        int n = (int) Math.max(0, b - a + 1);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = clean((a + k) * step, step);
        }
        return out;
    }

    /** A multiple of a round step as the nearest double to its decimal value (no 0.30000000000000004). */
    private static double clean(double v, double step) {
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        double r = Double.parseDouble(String.format(Locale.ROOT, "%." + Math.min(decimals, 20) + "f", v));
        return r == 0 ? 0 : r;
    }

    /**
     * A logarithmic axis from the decade at or below {@code min} to the decade at or above
     * {@code max} (at least one decade), ticks on every decade.
     */
    public static Layout decades(double min, double max) {
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a logarithmic axis needs 0 < min <= max, got [" + min + ", " + max + "]");
        }
        int a = (int) Math.floor(Math.log10(min) + 1e-9);
        int b = (int) Math.ceil(Math.log10(max) - 1e-9);
        if (b <= a) {
            b = a + 1;
        }
        double[] v = new double[b - a + 1];
        for (int k = 0; k < v.length; k++) {
            v[k] = Double.parseDouble("1e" + (a + k));
        }
        return new Layout(v[0], v[v.length - 1], 10, v);
    }

    /** Whether {@code v} is a power of ten. */
    public static boolean isDecade(double v) {
        double e = Math.log10(v);
        return v > 0 && Math.abs(e - Math.rint(e)) < 1e-9;
    }

    /** The label of a decade on a logarithmic axis: 0.001 to 1000 written out, 1e-3, 1e4 and so on otherwise. */
    public static String decadeLabel(double v) {
        int e = (int) Math.round(Math.log10(v));
        if (e >= -3 && e <= 3) {
            return plain(v, Math.max(0, -e));
        }
        return "1e" + e;
    }

    /**
     * The label of tick {@code v} of an axis whose ticks are {@code step} apart and whose largest
     * tick in magnitude is {@code maxAbs}: SI prefixes from 10^4 ({@code 20k}, {@code 1.5M}),
     * scientific notation below 10^-3 ({@code 2.5e-4}), plain decimals otherwise; every label
     * of an axis with as many digits as its step needs, so labels are exact.
     */
    public static String label(double v, double step, double maxAbs) {
        if (v == 0) {
            return "0";
        }
        if (maxAbs >= 1e4) {
            int p = Math.min(12, 3 * (int) Math.floor(Math.log10(maxAbs) / 3 + 1e-9));
            double scale = Math.pow(10, p);
            return plain(v / scale, decimals(step / scale)) + SI[p / 3 - 1];
        }
        if (maxAbs < 1e-3) {
            int e = (int) Math.floor(Math.log10(Math.abs(v)) + 1e-9);
            double m = v / Math.pow(10, e);
            int digits = Math.max(0, e - (int) Math.floor(Math.log10(step) + 1e-9));
            String mantissa = plain(m, digits);
            if (mantissa.startsWith("10") || mantissa.startsWith("-10")) {
                // rounding carried into the next decade
                e++;
                mantissa = plain(v / Math.pow(10, e), Math.max(0, digits - 1));
            }
            return mantissa + "e" + e;
        }
        return plain(v, decimals(step));
    }

    /**
     * The value a label of {@link #label(double, double, double)} or {@link #decadeLabel(double)}
     * stands for, or NaN when it is none of theirs (a time of day, say).
     */
    public static double parse(String label) {
        if (label.isEmpty()) {
            return Double.NaN;
        }
        char last = label.charAt(label.length() - 1);
        for (int p = 0; p < SI.length; p++) {
            if (SI[p].charAt(0) == last) {
                double m = parse(label.substring(0, label.length() - 1));
                return m * Math.pow(10, 3 * (p + 1));
            }
        }
        try {
            return Double.parseDouble(label);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Labels for every tick of a layout (linear axis). */
    public static String[] labels(double[] values, double step) {
        double maxAbs = 0;
        for (double v : values) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = label(values[i], step, maxAbs);
        }
        return out;
    }

    /** Digits after the point that multiples of a round step need. */
    static int decimals(double step) {
        return Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
    }

    private static String plain(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /**
     * A short label for any value (readouts, colour bars): up to four significant digits, no
     * trailing zeros, exponent for very large or small values.
     */
    public static String value(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        String s = a >= 1e5 || a < 1e-3 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return trim(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return trim(s);
    }

    private static String trim(String s) {
        if (!s.contains(".")) {
            return s;
        }
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
