package org.descent.compute;

import org.descent.core.SplitMix64;

/**
 * Random bits that every backend computes alike from a seed and an element index, with no state
 * to carry between elements or threads: value {@code i} is the {@code (i+1)}-th output of
 * {@code new SplitMix64(seed).nextLong()}, i.e. SplitMix64's finaliser applied to
 * {@code seed + (i + 1)·0x9E3779B97F4A7C15} (64-bit wrapping arithmetic, logical shifts):
 * <pre>
 * z = seed + (i + 1) * 0x9E3779B97F4A7C15
 * z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
 * z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 * return z ^ (z >>> 31)
 * </pre>
 * A dropout mask for a seed is therefore the same on every backend and every thread count.
 *
 * @since 0.1.0
 */
public final class CounterRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private CounterRandom() {
    }

    /** The 64 random bits of element {@code index} for {@code seed} (see the class comment). */
    public static long bits(long seed, long index) {
        long z = seed + (index + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The integer threshold of a drop probability: element i is dropped iff
     * {@code (bits(seed, i) >>> 11) < dropThreshold(rate)}, which is the same as
     * {@code SplitMix64.nextDouble() < rate} for the same bits; it is
     * {@code (long) Math.ceil(rate · 2^53)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= rate < 1}
     */
    public static long dropThreshold(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        return (long) Math.ceil(rate * 0x1.0p53);
    }

    /** Whether element {@code index} is dropped at {@code rate} for {@code seed}. */
    public static boolean dropped(long seed, long index, double rate) {
        return (bits(seed, index) >>> 11) < dropThreshold(rate);
    }

    /** The stream these bits continue: {@code new SplitMix64(seed)} yields bits(seed, 0), bits(seed, 1), ... */
    public static SplitMix64 stream(long seed) {
        return new SplitMix64(seed);
    }
}
