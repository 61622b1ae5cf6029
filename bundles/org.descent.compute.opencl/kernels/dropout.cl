/*
 * Inverted dropout with org.descent.compute.CounterRandom's masks: value i is dropped when the top
 * 53 bits of bits(seed, i) are below threshold = ceil(rate 2^53) (an integer compare: no fp64).
 */
__kernel void dropout(const ulong seed, const ulong threshold, const real keep, __global const real* x,
                      const long xo, __global real* mask, const long mo, __global real* y, const long yo,
                      const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    ulong z = seed + (ulong) (i + 1) * 0x9E3779B97F4A7C15UL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
    z ^= z >> 31;
    const real m = (z >> 11) < threshold ? 0 : keep;
    mask[mo + i] = m;
    y[yo + i] = x[xo + i] * m;
}
