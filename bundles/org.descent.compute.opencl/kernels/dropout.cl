/*
 * Inverted dropout masks from the pass's SplitMix64 stream (org.descent.core.SplitMix64): value i
 * uses the stream's (i+1)-th draw, the state advanced by i+1 golden gammas, so the masks equal the
 * CPU's sequential draws. A value is dropped when its uniform draw (the top 53 bits) is below the
 * rate, i.e. when the top 53 bits are below threshold = ceil(rate 2^53) (integer compare: no fp64).
 */
__kernel void dropout(const ulong state, const ulong threshold, const real keep,
                      __global const real* x, __global real* y, __global real* mask, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    ulong z = state + (ulong) (i + 1) * 0x9E3779B97F4A7C15UL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
    z ^= z >> 31;
    const real m = (z >> 11) < threshold ? 0 : keep;
    mask[i] = m;
    y[i] = x[i] * m;
}
