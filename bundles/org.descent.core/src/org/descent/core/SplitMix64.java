package org.descent.core;

/**
 * Descent's seeded random numbers: Steele, Lea and Flood's SplitMix64, specified here so that a
 * seed gives the same numbers on every JVM and in the reference scripts (which reimplement it).
 * Per-epoch streams ({@link #forEpoch}) need no saved state: a resumed run shuffles exactly as
 * an uninterrupted one. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian = Double.NaN;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The stream for one epoch (or any other numbered use) of a seeded run. */
    public static SplitMix64 forEpoch(long seed, long epoch) {
        return new SplitMix64(seed * GOLDEN_GAMMA + epoch);
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1) from the top 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A standard normal draw (Marsaglia's polar method; pairs are used in turn). */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        return u * f;
    }

    /**
     * A uniformly random permutation of {@code 0..n-1} by Fisher–Yates: for i from n-1 down
     * to 1, swap i with {@code Long.remainderUnsigned(nextLong(), i + 1)}.
     */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Long.remainderUnsigned(nextLong(), i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
