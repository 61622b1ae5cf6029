package org.descent.ui.profiler.timeline;

import java.util.Locale;

/**
 * The part of a run's time a timeline shows, in nanoseconds from the run's start: zoomed in by
 * the mouse wheel around a point or to a dragged range, never beyond the whole run and never
 * narrower than {@link #MIN_SPAN_NANOS}. SWT-free.
 */
public final class TimeRange {

    /** The narrowest range one can zoom to: 1 µs. */
    public static final long MIN_SPAN_NANOS = 1_000;

    private long total;
    private double from;
    private double to;

    /** The whole of a run that lasted {@code totalNanos}. */
    public TimeRange(long totalNanos) {
        reset(totalNanos);
    }

    /** Shows the whole of a run that lasted {@code totalNanos}. */
    public void reset(long totalNanos) {
        total = Math.max(MIN_SPAN_NANOS, totalNanos);
        from = 0;
        to = total;
    }

    /** Shows the whole run again. */
    public void reset() {
        reset(total);
    }

    public double from() {
        return from;
    }

    public double to() {
        return to;
    }

    public double span() {
        return to - from;
    }

    public long total() {
        return total;
    }

    /** Whether it shows the whole run. */
    public boolean whole() {
        return from <= 0 && to >= total;
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) keeping the time at {@code anchor} (0..1 across
     * the visible range) where it is.
     */
    public void zoom(double factor, double anchor) {
        double a = Math.max(0, Math.min(1, anchor));
        double at = from + a * span();
        double span = Math.max(MIN_SPAN_NANOS, Math.min(total, span() * factor));
        set(at - a * span, span);
    }

    /** Shows the time between two points of the visible range (0..1 each, in any order). */
    public void zoomTo(double x0, double x1) {
        double a = Math.max(0, Math.min(1, Math.min(x0, x1)));
        double b = Math.max(0, Math.min(1, Math.max(x0, x1)));
        double start = from + a * span();
        set(start, Math.max(MIN_SPAN_NANOS, (b - a) * span()));
    }

    private void set(double start, double span) {
        double s = Math.max(0, Math.min(total - span, start));
        from = s;
        to = s + span;
    }

    /** The position (0..1, outside for times not shown) of a time in the visible range. */
    public double position(double nanos) {
        return (nanos - from) / span();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f..%.3f ms of %.3f ms", from / 1e6, to / 1e6, total / 1e6);
    }
}
