/*
 * Reductions. Work-groups have REDUCE_WG work-items (a power of two, set at compile time);
 * each reduces a strided slice in registers, then the group combines in local memory.
 */

#define REDUCE_SUM 0
#define REDUCE_SUM_SQUARES 1
#define REDUCE_MAX_ABS 2
#define REDUCE_DOT 3
#define REDUCE_MAX 4

inline real reduce_term(const int kind, const real v, const real u) {
    switch (kind) {
    case REDUCE_SUM_SQUARES: return v * v;
    case REDUCE_MAX_ABS: return fabs(v);
    case REDUCE_DOT: return v * u;
    default: return v;
    }
}

inline real reduce_join(const int kind, const real a, const real b) {
    return (kind == REDUCE_MAX_ABS || kind == REDUCE_MAX) ? fmax(a, b) : a + b;
}

inline real reduce_group(const int kind, real acc, __local real* scratch) {
    const int l = get_local_id(0);
    scratch[l] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int span = REDUCE_WG / 2; span > 0; span >>= 1) {
        if (l < span) {
            scratch[l] = reduce_join(kind, scratch[l], scratch[l + span]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return scratch[0];
}

/* partial[g] = the reduction of x[i] (and u[i] for a dot product) over work-group g's slice */
__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void reduce_partial(const int kind, __global const real* x, __global const real* u, const long n,
                    __global real* partial) {
    __local real scratch[REDUCE_WG];
    const real identity = kind == REDUCE_MAX ? -INFINITY : 0;
    real acc = identity;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        acc = reduce_join(kind, acc, reduce_term(kind, x[i], kind == REDUCE_DOT ? u[i] : 0));
    }
    const real total = reduce_group(kind, acc, scratch);
    if (get_local_id(0) == 0) {
        partial[get_group_id(0)] = total;
    }
}

/*
 * Per-channel sums of images stored n x channels x positions (a matrix n x channels when
 * positions is 1): one work-group per channel, sum[c] = sum of x over the batch and positions.
 */
__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void channel_sum(__global const real* x, __global real* sum, const int n, const int channels,
                 const int positions) {
    __local real scratch[REDUCE_WG];
    const int c = get_group_id(0);
    const long count = (long) n * positions;
    real acc = 0;
    for (long t = get_local_id(0); t < count; t += REDUCE_WG) {
        const long bi = t / positions;
        acc += x[(bi * channels + c) * positions + (t - bi * positions)];
    }
    const real total = reduce_group(REDUCE_SUM, acc, scratch);
    if (get_local_id(0) == 0) {
        sum[c] = total;
    }
}
