package org.descent.ui.charts;

/**
 * TensorBoard's smoothing of a noisy curve: the debiased exponential moving average
 * {@code last = w * last + (1 - w) * y}, drawn as {@code last / (1 - w^n)} after n finite values,
 * so the first points are not pulled towards zero. Values that are NaN or infinite are passed
 * through unsmoothed and do not count. A weight of 0 leaves the curve as it is. No SWT.
 */
public final class Smoothing {

    /** The largest weight the smoothing takes (TensorBoard's slider stops at 0.999 too). */
    public static final double MAX_WEIGHT = 0.999;

    private final double weight;
    private double last;
    private long count;

    /**
     * A smoothing that has seen no value yet.
     *
     * @param weight in [0, {@value #MAX_WEIGHT}]
     */
    public Smoothing(double weight) {
        if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
            throw new IllegalArgumentException("a smoothing weight must be in [0, " + MAX_WEIGHT + "], got " + weight);
        }
        this.weight = weight;
    }

    /** The weight given. */
    public double weight() {
        return weight;
    }

    /** Takes the next value and returns its smoothed value. */
    public double next(double y) {
        if (!Double.isFinite(y)) {
            return y;
        }
        last = last * weight + (1 - weight) * y;
        count++;
        return weight == 0 ? y : last / (1 - Math.pow(weight, count));
    }

    /** Every value of {@code y} smoothed with this weight (a fresh smoothing). */
    public static double[] of(double[] y, double weight) {
        Smoothing s = new Smoothing(weight);
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = s.next(y[i]);
        }
        return out;
    }

    /**
     * A smoothed view of a series that grows (a live run): the points appended to {@code source}
     * since the last read are smoothed when the series is read or decimated (on the drawing
     * thread), so the smoothing costs a step per new point, not per redraw. A weight of 0
     * returns the source itself.
     */
    public static XYData of(XYData source, double weight) {
        return weight == 0 ? source : new Smoothed(source, new Smoothing(weight));
    }

    /** The smoothed points of a source, extended as the source grows. */
    private static final class Smoothed implements XYData {
        private final XYData source;
        private final Smoothing smoothing;
        private final GrowingSeries out;

        Smoothed(XYData source, Smoothing smoothing) {
            this.source = source;
            this.smoothing = smoothing;
            this.out = new GrowingSeries(Math.max(16, source.size()));
        }

        private synchronized GrowingSeries caughtUp() {
            int n = source.size();
            for (int i = out.size(); i < n; i++) {
                out.append(source.x(i), smoothing.next(source.y(i)));
            }
            return out;
        }

        @Override
        public int size() {
            return caughtUp().size();
        }

        @Override
        public double x(int i) {
            return caughtUp().x(i);
        }

        @Override
        public double y(int i) {
            return caughtUp().y(i);
        }

        @Override
        public Decimation.Result decimate(int buckets, boolean positiveOnly) {
            return caughtUp().decimate(buckets, positiveOnly);
        }
    }
}
