package org.descent.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round tick values for an axis (steps of 1, 2 or 5 times a power of ten) and their labels. */
final class Ticks {

    private Ticks() {
    }

    /** About {@code target} round values inside {@code [min, max]}. */
    static double[] of(double min, double max, int target) {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            return Double.isFinite(min) ? new double[] { min } : new double[0];
        }
        double step = step(min, max, target);
        List<Double> values = new ArrayList<>();
        for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
            values.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    static double step(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    /** A short label: up to four significant digits, no trailing zeros, exponent for very large or small values. */
    static String label(double v) {
        if (v == 0) {
            return "0";
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
