package org.descent.profiler.internal;

/**
 * The arithmetic of one interpreter tick: what an interpreter does for one bytecode of the
 * countdown loop, reduced to a short dependent chain the JIT cannot fold away. Self-contained
 * (JDK only): child JVMs run it from a copy of this class.
 */
public final class Kernels {

    private Kernels() {
    }

    /** One tick's work on a running hash: a few dependent multiply and xor-shift steps. */
    public static long tick(long h) {
        long x = h;
        for (int i = 0; i < 4; i++) {
            x ^= x >>> 29;
            x *= 0xBF58476D1CE4E5B9L;
            x ^= x >>> 32;
        }
        return x + 1;
    }

    /** {@code while n > 0: n -= 1} with a tick's work per iteration and no lock; returns the hash. */
    public static long countdown(long n, long seed) {
        long h = seed;
        long left = n;
        while (left > 0) {
            h = tick(h);
            left--;
        }
        return h;
    }
}
