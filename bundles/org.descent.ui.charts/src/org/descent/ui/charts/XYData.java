package org.descent.ui.charts;

import java.util.function.DoubleUnaryOperator;

/**
 * A series of (x, y) points as a chart reads it: the whole data through {@link #size()},
 * {@link #x(int)} and {@link #y(int)} (what CSV export writes), and the few points to draw
 * through {@link #decimate(int, boolean)}. Implementations that grow while a chart reads them
 * (see {@link GrowingSeries}) make {@code x(i)} and {@code y(i)} valid for every
 * {@code i < size()} read before.
 *
 * @since 0.1.0
 */
public interface XYData {

    /** The number of points. */
    int size();

    /** The x value of point {@code i}, {@code 0 <= i < size()}. */
    double x(int i);

    /** The y value of point {@code i}, {@code 0 <= i < size()}; NaN or infinite values are kept but not drawn. */
    double y(int i);

    /**
     * The points to draw across {@code buckets} slots of the x range (about one slot per pixel):
     * by default {@link Decimation#minMax(XYData, int, boolean)} of all points.
     *
     * @param positiveOnly leave out values {@code <= 0} (a logarithmic axis)
     */
    default Decimation.Result decimate(int buckets, boolean positiveOnly) {
        return Decimation.minMax(this, buckets, positiveOnly);
    }

    /**
     * These points with x mapped through {@code f} (steps to seconds, say), decimated as they are
     * and mapped afterwards: {@code f} must not decrease, so slots along the old x are slots along
     * the new one.
     */
    default XYData mapX(DoubleUnaryOperator f) {
        XYData data = this;
        return new XYData() {
            @Override
            public int size() {
                return data.size();
            }

            @Override
            public double x(int i) {
                return f.applyAsDouble(data.x(i));
            }

            @Override
            public double y(int i) {
                return data.y(i);
            }

            @Override
            public Decimation.Result decimate(int buckets, boolean positiveOnly) {
                Decimation.Result r = data.decimate(buckets, positiveOnly);
                double[] x = new double[r.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = f.applyAsDouble(r.x()[i]);
                }
                return new Decimation.Result(x, r.y(), r.dropped(), r.droppedNonPositive());
            }
        };
    }

    /** Points held in two arrays of equal length, kept (not copied): do not change them afterwards. */
    static XYData of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values and y has " + y.length
                    + ": expected one x per y");
        }
        return new Points(x, y);
    }

    /** Points 0, 1, 2, ... for the given y values (x is the index). */
    static XYData ofY(double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new Points(x, y);
    }

    /** {@link XYData} over two arrays of equal length. */
    record Points(double[] xs, double[] ys) implements XYData {

        @Override
        public int size() {
            return xs.length;
        }

        @Override
        public double x(int i) {
            return xs[i];
        }

        @Override
        public double y(int i) {
            return ys[i];
        }
    }
}
