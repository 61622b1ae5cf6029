/*
 * Reductions. Work-groups have REDUCE_WG work-items (a power of two, set at compile time); each
 * work-item sums a strided slice, then the group combines in local memory.
 */

inline real reduce_group(real acc, __local real* scratch) {
    const int l = get_local_id(0);
    scratch[l] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int span = REDUCE_WG / 2; span > 0; span >>= 1) {
        if (l < span) {
            scratch[l] = scratch[l] + scratch[l + span];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return scratch[0];
}

/* partial[g] = the sum of x[i] (squares: of x[i] x[i]) over work-group g's slice of n values */
__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void reduce_sum(const int squares, __global const real* x, const long xo, const long n, __global real* partial,
                const long po) {
    __local real scratch[REDUCE_WG];
    real acc = 0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const real v = x[xo + i];
        acc += squares ? v * v : v;
    }
    const real total = reduce_group(acc, scratch);
    if (get_local_id(0) == 0) {
        partial[po + get_group_id(0)] = total;
    }
}

/*
 * Per-channel sums of dy [rows][channels][spatial]: one work-group per channel,
 * db[c] = the sum over rows and positions.
 */
__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void channel_sum(__global const real* dy, const long dyo, const int rows, const int channels, const int spatial,
                 __global real* db, const long dbo) {
    __local real scratch[REDUCE_WG];
    const int c = get_group_id(0);
    const long count = (long) rows * spatial;
    real acc = 0;
    for (long t = get_local_id(0); t < count; t += REDUCE_WG) {
        const long r = t / spatial;
        acc += dy[dyo + (r * channels + c) * spatial + (t - r * spatial)];
    }
    const real total = reduce_group(acc, scratch);
    if (get_local_id(0) == 0) {
        db[dbo + c] = total;
    }
}
