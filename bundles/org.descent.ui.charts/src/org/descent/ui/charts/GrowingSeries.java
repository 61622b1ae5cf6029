package org.descent.ui.charts;

import java.util.Arrays;

/**
 * A series that grows while it is drawn: one thread appends points (a training thread, a file
 * reader), any thread reads and decimates them. Appending writes into preallocated arrays and
 * allocates only when they double; it takes no lock. Decimation is incremental: points are
 * summarised into at most {@link #MAX_BLOCKS} blocks of consecutive points (smallest, smallest
 * positive and largest value of each) as they arrive, so drawing a series of 10^6 points costs
 * about as much as drawing one of 10^4.
 * <p>
 * The x values must not decrease (steps, seconds); a series whose x goes back is decimated
 * whole by {@link Decimation#minMax(XYData, int, boolean)} instead.
 *
 * @since 0.1.0
 */
public final class GrowingSeries implements XYData {

    /** Most blocks kept by the incremental decimation; pairs of blocks merge beyond it. */
    public static final int MAX_BLOCKS = 8192;

    /** The arrays, replaced as a whole when they grow. */
    private record Store(double[] x, double[] y) {
    }

    private volatile Store store;
    private volatile int size;

    // the incremental decimation, read and written under this object's lock
    private int[] blockMin = new int[MAX_BLOCKS];
    private int[] blockMinPositive = new int[MAX_BLOCKS];
    private int[] blockMax = new int[MAX_BLOCKS];
    private int blocks;
    private int blockSize = 1;
    private int inLastBlock;
    private int summarised;
    private long nonFinite;
    private long nonPositive;
    private boolean ascending = true;
    private int firstFinite = -1;
    private int lastFinite = -1;
    private int firstPositive = -1;
    private int lastPositive = -1;

    /** An empty series with room for {@code capacity} points before it grows. */
    public GrowingSeries(int capacity) {
        int c = Math.max(16, capacity);
        store = new Store(new double[c], new double[c]);
    }

    /** Appends a point; only one thread may append. */
    public void append(double x, double y) {
        Store s = store;
        int n = size;
        if (n == s.x.length) {
            s = new Store(Arrays.copyOf(s.x, 2 * n), Arrays.copyOf(s.y, 2 * n));
            store = s;
        }
        s.x[n] = x;
        s.y[n] = y;
        size = n + 1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double x(int i) {
        return store.x[check(i)];
    }

    @Override
    public double y(int i) {
        return store.y[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("point " + i + " of a series of " + size);
        }
        return i;
    }

    /** The last point's y value, or NaN when the series is empty. */
    public double lastY() {
        int n = size;
        return n == 0 ? Double.NaN : store.y[n - 1];
    }

    /** The last point's x value, or NaN when the series is empty. */
    public double lastX() {
        int n = size;
        return n == 0 ? Double.NaN : store.x[n - 1];
    }

    @Override
    public synchronized Decimation.Result decimate(int buckets, boolean positiveOnly) {
        int n = size;
        Store s = store;
        summarise(s, n);
        if (!ascending || n <= 2L * buckets + 2 || n <= 3L * blocks + 2) {
            return Decimation.minMax(this, buckets, positiveOnly);
        }
        // blocks hold consecutive points, so the picked indices ascend block by block: no sort needed
        double[] px = new double[2 * blocks + 2];
        double[] py = new double[px.length];
        int m = 0;
        int previous = -1;
        int first = positiveOnly ? firstPositive : firstFinite;
        int last = positiveOnly ? lastPositive : lastFinite;
        if (first >= 0) {
            px[m] = s.x[first];
            py[m++] = s.y[first];
            previous = first;
        }
        for (int b = 0; b < blocks; b++) {
            int lo = positiveOnly ? blockMinPositive[b] : blockMin[b];
            int hi = blockMax[b];
            if (hi >= 0 && positiveOnly && !(s.y[hi] > 0)) {
                hi = -1;
            }
            int a = lo < 0 ? hi : hi < 0 ? lo : Math.min(lo, hi);
            int c = lo < 0 ? hi : hi < 0 ? lo : Math.max(lo, hi);
            if (a > previous) {
                px[m] = s.x[a];
                py[m++] = s.y[a];
                previous = a;
            }
            if (c > previous) {
                px[m] = s.x[c];
                py[m++] = s.y[c];
                previous = c;
            }
        }
        if (last > previous) {
            px[m] = s.x[last];
            py[m++] = s.y[last];
        }
        Decimation.Result r = Decimation.minMax(XYData.of(Arrays.copyOf(px, m), Arrays.copyOf(py, m)), buckets,
                positiveOnly);
        long droppedNonPositive = positiveOnly ? nonPositive : 0;
        return new Decimation.Result(r.x(), r.y(), nonFinite + droppedNonPositive, droppedNonPositive);
    }

    /** Adds points {@code summarised..n-1} to the blocks. */
    private void summarise(Store s, int n) {
        for (int i = summarised; i < n; i++) {
            double y = s.y[i];
            if (i > 0 && !(s.x[i] >= s.x[i - 1])) {
                ascending = false;
            }
            if (blocks == 0 || inLastBlock == blockSize) {
                if (blocks == MAX_BLOCKS) {
                    mergePairs(s);
                }
                blockMin[blocks] = -1;
                blockMinPositive[blocks] = -1;
                blockMax[blocks] = -1;
                blocks++;
                inLastBlock = 0;
            }
            inLastBlock++;
            if (!Double.isFinite(y)) {
                nonFinite++;
                continue;
            }
            int b = blocks - 1;
            if (firstFinite < 0) {
                firstFinite = i;
            }
            lastFinite = i;
            if (blockMin[b] < 0 || y < s.y[blockMin[b]]) {
                blockMin[b] = i;
            }
            if (blockMax[b] < 0 || y > s.y[blockMax[b]]) {
                blockMax[b] = i;
            }
            if (y > 0) {
                if (firstPositive < 0) {
                    firstPositive = i;
                }
                lastPositive = i;
                if (blockMinPositive[b] < 0 || y < s.y[blockMinPositive[b]]) {
                    blockMinPositive[b] = i;
                }
            } else {
                nonPositive++;
            }
        }
        summarised = n;
    }

    /** Halves the number of blocks by merging neighbours; blocks then hold twice as many points. */
    private void mergePairs(Store s) {
        int m = 0;
        for (int b = 0; b < blocks; b += 2) {
            int c = Math.min(b + 1, blocks - 1);
            blockMin[m] = smaller(s, blockMin[b], blockMin[c]);
            blockMinPositive[m] = smaller(s, blockMinPositive[b], blockMinPositive[c]);
            blockMax[m] = larger(s, blockMax[b], blockMax[c]);
            m++;
        }
        blocks = m;
        blockSize *= 2;
        inLastBlock = blockSize;
    }

    private static int smaller(Store s, int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return s.y[b] < s.y[a] ? b : a;
    }

    private static int larger(Store s, int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return s.y[b] > s.y[a] ? b : a;
    }
}
