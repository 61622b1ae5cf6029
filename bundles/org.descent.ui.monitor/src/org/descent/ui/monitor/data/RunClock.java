package org.descent.ui.monitor.data;

import java.util.Arrays;

import org.descent.ui.charts.GrowingSeries;

/**
 * When each step of a run happened: its epoch and its seconds since the run started, as
 * metrics.csv's {@code epoch} and {@code wall_s} columns (or a live run's events) give them, and
 * the time the run was created. Maps a step to the x of any {@link XAxis}. One thread records,
 * any thread maps. No SWT.
 */
public final class RunClock {

    /** x: step, y: seconds since the start. */
    private final GrowingSeries seconds = new GrowingSeries(1 << 10);
    /** The first step of each epoch seen, by epoch (NaN for epochs not seen). */
    private volatile double[] epochStarts = new double[0];
    private volatile int lastEpoch = -1;
    private volatile double lastStep = Double.NaN;
    private volatile double startSeconds = Double.NaN;

    /** Records a step: its epoch and its seconds since the run started. */
    public void record(double step, int epoch, double wallSeconds) {
        if (epoch >= 0 && epoch > lastEpoch) {
            double[] starts = epochStarts;
            if (epoch >= starts.length) {
                int old = starts.length;
                starts = Arrays.copyOf(starts, Math.max(2 * old, epoch + 1));
                Arrays.fill(starts, old, starts.length, Double.NaN);
            }
            starts[epoch] = step;
            epochStarts = starts;
            lastEpoch = epoch;
        }
        if (Double.isFinite(wallSeconds) && (seconds.size() == 0 || step > seconds.lastX())) {
            seconds.append(step, wallSeconds);
        }
        lastStep = step;
    }

    /** Sets when the run started, in seconds since 1970 (its run.descent's creation time). */
    public void setStart(double epochSeconds) {
        startSeconds = epochSeconds;
    }

    /** When the run started, in seconds since 1970, or NaN when not known. */
    public double start() {
        return startSeconds;
    }

    /** Whether an axis can be drawn for this run (wall time needs the start, times need seconds). */
    public boolean knows(XAxis axis) {
        return switch (axis) {
        case STEP -> true;
        case EPOCH -> lastEpoch >= 0;
        case RELATIVE_TIME -> seconds.size() > 0;
        case WALL_TIME -> seconds.size() > 0 && Double.isFinite(startSeconds);
        };
    }

    /**
     * The x of a step on an axis: the step itself; its fractional epoch {@code e + (step - first
     * step of e) / steps in e} (steps in the epoch being taken from the next epoch's start, else
     * from the previous epoch, else from the steps seen so far); or its seconds since the start
     * (relative time) or since 1970 (wall time), interpolated between recorded steps. NaN when
     * the clock cannot tell.
     */
    public double x(XAxis axis, double step) {
        return switch (axis) {
        case STEP -> step;
        case EPOCH -> epoch(step);
        case RELATIVE_TIME -> seconds(step);
        case WALL_TIME -> startSeconds + seconds(step);
        };
    }

    private double epoch(double step) {
        double[] starts = epochStarts;
        int last = Math.min(lastEpoch, starts.length - 1);
        if (last < 0) {
            return Double.NaN;
        }
        int e = last;
        while (e > 0 && (Double.isNaN(starts[e]) || starts[e] > step)) {
            e--;
        }
        double s = starts[e];
        double length;
        if (e < last && !Double.isNaN(starts[e + 1])) {
            length = starts[e + 1] - s;
        } else if (e > 0 && !Double.isNaN(starts[e - 1])) {
            length = s - starts[e - 1];
        } else {
            length = lastStep - s + 1;
        }
        return e + (step - s) / Math.max(1, length);
    }

    private double seconds(double step) {
        int n = seconds.size();
        if (n == 0) {
            return Double.NaN;
        }
        int lo = 0;
        int hi = n - 1;
        if (step <= seconds.x(0)) {
            return seconds.y(0);
        }
        if (step >= seconds.x(hi)) {
            return seconds.y(hi);
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (seconds.x(mid) <= step) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double x0 = seconds.x(lo);
        double x1 = seconds.x(hi);
        return seconds.y(lo) + (seconds.y(hi) - seconds.y(lo)) * (step - x0) / (x1 - x0);
    }
}
