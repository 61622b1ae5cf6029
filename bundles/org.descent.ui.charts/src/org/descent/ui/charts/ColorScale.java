package org.descent.ui.charts;

import org.eclipse.swt.graphics.RGB;

/** The viridis colour map (perceptually uniform, readable in grey and by most colour-blind readers). */
final class ColorScale {

    private static final int[][] ANCHORS = { { 68, 1, 84 }, { 72, 36, 117 }, { 65, 68, 135 }, { 53, 95, 141 },
            { 42, 120, 142 }, { 33, 145, 140 }, { 34, 168, 132 }, { 68, 191, 112 }, { 122, 209, 81 },
            { 189, 223, 38 }, { 253, 231, 37 } };

    /** The colour of cells without a value (NaN, or {@code <= 0} on a logarithmic scale). */
    static final RGB MISSING = new RGB(210, 210, 210);

    private ColorScale() {
    }

    /** The colour at {@code t} in [0, 1] (clamped). */
    static RGB at(double t) {
        double c = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (ANCHORS.length - 1);
        int i = (int) Math.min(ANCHORS.length - 2, Math.floor(c));
        double f = c - i;
        int[] a = ANCHORS[i];
        int[] b = ANCHORS[i + 1];
        return new RGB(mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
