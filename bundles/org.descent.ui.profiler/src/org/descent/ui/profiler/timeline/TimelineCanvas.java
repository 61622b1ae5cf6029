package org.descent.ui.profiler.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.profiler.ThreadState;
import org.descent.profiler.Timeline;
import org.descent.profiler.Timeline.Interval;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * One lane per thread with its {@link Timeline} intervals as coloured bars (running, waiting for
 * the interpreter lock, in I/O, idle), a legend and a time axis in milliseconds. The mouse wheel
 * zooms around the pointer, dragging zooms to the dragged range, a double click shows the whole
 * run again.
 */
public final class TimelineCanvas {

    /** The colour of each state. */
    public static final Map<ThreadState, RGB> COLORS = new EnumMap<>(Map.of(ThreadState.RUNNING,
            new RGB(44, 160, 44), ThreadState.WAITING_GIL, new RGB(214, 39, 40), ThreadState.IO,
            new RGB(31, 119, 180), ThreadState.IDLE, new RGB(215, 215, 215)));

    /** The legend's words for each state. */
    private static final Map<ThreadState, String> LABELS = new EnumMap<>(Map.of(ThreadState.RUNNING, "running",
            ThreadState.WAITING_GIL, "waiting for the GIL", ThreadState.IO, "in I/O", ThreadState.IDLE, "idle"));

    private static final int LEGEND = 24;
    private static final int AXIS = 44;
    private static final int MAX_LANE = 40;
    private static final double WHEEL_ZOOM = 0.8;

    private final Canvas canvas;
    private final Font font;
    private final Font bold;
    private final TimeRange range = new TimeRange(1);
    private final List<Runnable> rangeListeners = new ArrayList<>();
    private List<String> threads = List.of();
    private List<Interval[]> lanes = List.of();
    private int dragStart = -1;
    private int dragNow = -1;

    public TimelineCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        FontData fd = parent.getFont().getFontData()[0];
        font = new Font(parent.getDisplay(), fd.getName(), 9, SWT.NORMAL);
        bold = new Font(parent.getDisplay(), fd.getName(), 10, SWT.BOLD);
        canvas.addListener(SWT.Dispose, e -> {
            font.dispose();
            bold.dispose();
        });
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.MouseDown, e -> {
            if (e.button == 1 && inPlot(e.x)) {
                dragStart = e.x;
                dragNow = e.x;
            }
        });
        canvas.addListener(SWT.MouseMove, e -> {
            if (dragStart >= 0) {
                dragNow = e.x;
                canvas.redraw();
            }
        });
        canvas.addListener(SWT.MouseUp, e -> {
            if (dragStart >= 0 && Math.abs(e.x - dragStart) > 3) {
                Rectangle p = plot();
                zoomTo((dragStart - p.x) / (double) p.width, (e.x - p.x) / (double) p.width);
            }
            dragStart = -1;
            canvas.redraw();
        });
        canvas.addListener(SWT.MouseDoubleClick, e -> resetZoom());
        canvas.setToolTipText("Mouse wheel: zoom around the pointer. Drag: zoom to a time range. "
                + "Double click: the whole run.");
    }

    public Canvas getControl() {
        return canvas;
    }

    /** Shows a timeline, whole. */
    public void setTimeline(Timeline timeline) {
        threads = timeline.threads();
        List<List<Interval>> byThread = new ArrayList<>();
        threads.forEach(t -> byThread.add(new ArrayList<>()));
        long end = 1;
        for (Interval i : timeline.intervals()) {
            byThread.get(i.thread()).add(i);
            end = Math.max(end, i.endNanos());
        }
        lanes = byThread.stream().map(l -> l.toArray(Interval[]::new)).toList();
        range.reset(end);
        changed();
    }

    /** The thread names, one lane each. */
    public List<String> lanes() {
        return threads;
    }

    /** The time range shown. */
    public TimeRange range() {
        return range;
    }

    /** Called on the UI thread whenever the shown range changes. */
    public void addRangeListener(Runnable listener) {
        rangeListeners.add(listener);
    }

    /** Zooms by a factor (below 1: in) around a point 0..1 across the plot. */
    public void zoom(double factor, double anchor) {
        range.zoom(factor, anchor);
        changed();
    }

    /** Zooms to the part between two points 0..1 across the plot. */
    public void zoomTo(double x0, double x1) {
        range.zoomTo(x0, x1);
        changed();
    }

    /** Shows the whole run. */
    public void resetZoom() {
        range.reset();
        changed();
    }

    private void changed() {
        rangeListeners.forEach(Runnable::run);
        canvas.redraw();
    }

    private void wheel(Event e) {
        if (e.count == 0 || !inPlot(e.x)) {
            return;
        }
        Rectangle p = plot();
        zoom(e.count > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, (e.x - p.x) / (double) p.width);
        e.doit = false;
    }

    private boolean inPlot(int x) {
        Rectangle p = plot();
        return x >= p.x && x <= p.x + p.width;
    }

    private int gutter() {
        GC gc = new GC(canvas);
        try {
            gc.setFont(font);
            int w = 60;
            for (String t : threads) {
                w = Math.max(w, gc.textExtent(t).x + 16);
            }
            return Math.min(w, 220);
        } finally {
            gc.dispose();
        }
    }

    /** The area the bars are drawn in. */
    private Rectangle plot() {
        Rectangle c = canvas.getClientArea();
        int left = gutter();
        int height = Math.max(1, c.height - LEGEND - AXIS);
        int lanesHeight = threads.isEmpty() ? height : Math.min(height, threads.size() * MAX_LANE);
        return new Rectangle(left, LEGEND, Math.max(1, c.width - left - 16), lanesHeight);
    }

    private void paint(GC gc) {
        Rectangle c = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(c);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.setFont(font);
        legend(gc);
        Rectangle p = plot();
        if (threads.isEmpty()) {
            gc.drawText("No timeline: run the profiler, then pick a mode.", p.x, p.y + 8, true);
            return;
        }
        int lane = p.height / threads.size();
        for (int t = 0; t < threads.size(); t++) {
            int y = p.y + t * lane;
            Point ext = gc.textExtent(threads.get(t));
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.drawText(threads.get(t), Math.max(2, p.x - ext.x - 8), y + (lane - ext.y) / 2, true);
            bars(gc, lanes.get(t), p, y + 2, Math.max(1, lane - 4));
        }
        axis(gc, p);
        if (dragStart >= 0 && dragNow != dragStart) {
            gc.setAlpha(60);
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLUE));
            gc.fillRectangle(Math.min(dragStart, dragNow), p.y, Math.abs(dragNow - dragStart), p.height);
            gc.setAlpha(255);
        }
    }

    private void bars(GC gc, Interval[] intervals, Rectangle p, int y, int h) {
        Map<ThreadState, Color> colors = new EnumMap<>(ThreadState.class);
        COLORS.forEach((s, rgb) -> colors.put(s, new Color(rgb)));
        int lastX = Integer.MIN_VALUE;
        ThreadState lastState = null;
        for (Interval i : intervals) {
            if (i.endNanos() < range.from() || i.startNanos() > range.to()) {
                continue;
            }
            int x0 = p.x + (int) Math.floor(Math.max(0, range.position(i.startNanos())) * p.width);
            int x1 = p.x + (int) Math.ceil(Math.min(1, range.position(i.endNanos())) * p.width);
            if (x1 <= lastX && i.state() == lastState) {
                continue;
            }
            gc.setBackground(colors.get(i.state()));
            gc.fillRectangle(x0, y, Math.max(1, x1 - x0), h);
            lastX = Math.max(x1, x0 + 1);
            lastState = i.state();
        }
    }

    private void legend(GC gc) {
        int x = 8;
        for (ThreadState s : ThreadState.values()) {
            gc.setBackground(new Color(COLORS.get(s)));
            gc.fillRectangle(x, 6, 14, 12);
            gc.drawText(LABELS.get(s), x + 18, 4, true);
            x += 18 + gc.textExtent(LABELS.get(s)).x + 18;
        }
    }

    private void axis(GC gc, Rectangle p) {
        int y = p.y + p.height + 2;
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawLine(p.x, y, p.x + p.width, y);
        double spanMs = range.span() / 1e6;
        double step = niceStep(spanMs / 8);
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step)));
        for (double ms = Math.ceil(range.from() / 1e6 / step) * step; ms <= range.to() / 1e6 + 1e-9; ms += step) {
            int x = p.x + (int) Math.round(range.position(ms * 1e6) * p.width);
            gc.drawLine(x, y, x, y + 4);
            String label = String.format(Locale.ROOT, "%." + decimals + "f", ms);
            gc.drawText(label, x - gc.textExtent(label).x / 2, y + 5, true);
        }
        gc.setFont(bold);
        String title = "time since the run's start (ms)" + (range.whole() ? "" : ", zoomed: double click for all");
        gc.drawText(title, p.x + (p.width - gc.textExtent(title).x) / 2, y + 22, true);
        gc.setFont(font);
    }

    /**
     * Saves the timeline as drawn now (lanes, legend, axis) as a PNG image.
     *
     * @throws IOException naming the file when it cannot be written, or when the canvas has no size yet
     */
    public void exportPng(Path file) throws IOException {
        Rectangle size = canvas.getClientArea();
        if (size.width <= 0 || size.height <= 0) {
            throw new IOException("cannot save " + file + ": the timeline has no size yet (it is not laid out)");
        }
        Image image = new Image(canvas.getDisplay(), size.width, size.height);
        try {
            GC gc = new GC(image);
            try {
                paint(gc);
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } catch (SWTException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            image.dispose();
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] { 1, 2, 5, 10 }) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }
}
