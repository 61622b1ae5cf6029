package org.descent.ui.charts;

import java.util.Arrays;

/**
 * Min/max decimation: the x range is cut into equal slots (about one per pixel) and each slot
 * keeps its smallest and its largest y (in their order along x), plus the series' first and last
 * point; so a series of 10^6 points is drawn with at most {@code 2 * buckets + 2} points and every
 * spike stays visible. Without SWT, so views and the CLI decimate alike.
 *
 * @since 0.1.0
 */
public final class Decimation {

    private Decimation() {
    }

    /**
     * The points to draw and how many values were left out.
     *
     * @param x x values of the points to draw, ascending when the input was
     * @param y their y values, all finite (and positive when decimated for a logarithmic axis)
     * @param dropped values not drawn because they are NaN or infinite, or {@code <= 0} for a
     *        logarithmic axis
     * @param droppedNonPositive of {@code dropped}, the finite values {@code <= 0} left out for a
     *        logarithmic axis
     */
    public record Result(double[] x, double[] y, long dropped, long droppedNonPositive) {

        /** The number of points to draw. */
        public int size() {
            return x.length;
        }
    }

    /**
     * Decimates points whose x values ascend (a training curve) into {@code buckets} slots of the
     * x range; points whose x values do not ascend are returned whole (minus the values not
     * drawn), since slots along x mean nothing for them.
     *
     * @param buckets slots of the x range, at least 1 (about the plot's width in pixels)
     * @param positiveOnly leave out values {@code <= 0} (a logarithmic axis)
     */
    public static Result minMax(XYData data, int buckets, boolean positiveOnly) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, got " + buckets);
        }
        int n = data.size();
        Builder out = new Builder(Math.min(n, 2 * buckets + 2));
        long nonFinite = 0;
        long nonPositive = 0;
        int first = -1;
        int last = -1;
        boolean ascending = true;
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double y = data.y(i);
            double x = data.x(i);
            if (x < previous || Double.isNaN(x)) {
                ascending = false;
            }
            previous = x;
            if (!Double.isFinite(y)) {
                nonFinite++;
            } else if (positiveOnly && y <= 0) {
                nonPositive++;
            } else {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        long dropped = nonFinite + nonPositive;
        if (first < 0) {
            return new Result(new double[0], new double[0], dropped, nonPositive);
        }
        if (!ascending || n - dropped <= 2L * buckets + 2) {
            for (int i = first; i <= last; i++) {
                double y = data.y(i);
                if (drawable(y, positiveOnly)) {
                    out.add(data.x(i), y);
                }
            }
            return out.result(dropped, nonPositive);
        }
        double x0 = data.x(first);
        double span = data.x(last) - x0;
        out.add(x0, data.y(first));
        int bucket = -1;
        int minAt = -1;
        int maxAt = -1;
        for (int i = first + 1; i < last; i++) {
            double y = data.y(i);
            if (!drawable(y, positiveOnly)) {
                continue;
            }
            int b = span > 0 ? (int) Math.min(buckets - 1, (long) ((data.x(i) - x0) / span * buckets)) : 0;
            if (b != bucket) {
                flush(data, out, minAt, maxAt);
                bucket = b;
                minAt = i;
                maxAt = i;
            } else if (y < data.y(minAt)) {
                minAt = i;
            } else if (y > data.y(maxAt)) {
                maxAt = i;
            }
        }
        flush(data, out, minAt, maxAt);
        out.add(data.x(last), data.y(last));
        return out.result(dropped, nonPositive);
    }

    private static boolean drawable(double y, boolean positiveOnly) {
        return Double.isFinite(y) && (!positiveOnly || y > 0);
    }

    private static void flush(XYData data, Builder out, int minAt, int maxAt) {
        if (minAt < 0) {
            return;
        }
        int a = Math.min(minAt, maxAt);
        int b = Math.max(minAt, maxAt);
        out.add(data.x(a), data.y(a));
        if (b != a) {
            out.add(data.x(b), data.y(b));
        }
    }

    /** A growing pair of arrays. */
    static final class Builder {
        private double[] x;
        private double[] y;
        private int n;

        Builder(int capacity) {
            x = new double[Math.max(4, capacity)];
            y = new double[x.length];
        }

        void add(double xv, double yv) {
            if (n == x.length) {
                x = Arrays.copyOf(x, 2 * n);
                y = Arrays.copyOf(y, 2 * n);
            }
            x[n] = xv;
            y[n] = yv;
            n++;
        }

        Result result(long dropped, long nonPositive) {
            return new Result(Arrays.copyOf(x, n), Arrays.copyOf(y, n), dropped, nonPositive);
        }
    }
}
