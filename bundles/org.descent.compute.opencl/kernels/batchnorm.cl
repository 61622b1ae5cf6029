/*
 * Batch normalisation over images stored n x channels x positions (positions 1 for a dense
 * layer's n x features): statistics per channel over the batch and positions, one work-group
 * per channel (reduce_group from reduce.cl). The variance is the biased one (divided by the
 * count), computed about the mean in a second pass over the data.
 */

#define BN_AT(t) ((((t) / positions) * channels + c) * positions + (t) % positions)

__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void bn_stats(__global const real* x, __global real* mean, __global real* var, const int n,
              const int channels, const int positions) {
    __local real scratch[REDUCE_WG];
    const int c = get_group_id(0);
    const long count = (long) n * positions;
    real acc = 0;
    for (long t = get_local_id(0); t < count; t += REDUCE_WG) {
        acc += x[BN_AT(t)];
    }
    const real mu = reduce_group(REDUCE_SUM, acc, scratch) / count;
    barrier(CLK_LOCAL_MEM_FENCE);
    acc = 0;
    for (long t = get_local_id(0); t < count; t += REDUCE_WG) {
        const real d = x[BN_AT(t)] - mu;
        acc += d * d;
    }
    const real v = reduce_group(REDUCE_SUM, acc, scratch) / count;
    if (get_local_id(0) == 0) {
        mean[c] = mu;
        var[c] = v;
    }
}

/* y = gamma (x - mean) / sqrt(var + eps) + beta */
__kernel void bn_forward(__global const real* x, __global real* y, __global const real* mean,
                         __global const real* var, __global const real* gamma,
                         __global const real* beta, const real eps, const int n,
                         const int channels, const int positions) {
    const long gid = get_global_id(0);
    if (gid >= (long) n * channels * positions) {
        return;
    }
    const int c = (int) ((gid / positions) % channels);
    y[gid] = gamma[c] * (x[gid] - mean[c]) * rsqrt(var[c] + eps) + beta[c];
}

/* dbeta[c] = sum dy, dgamma[c] = sum dy xhat, with xhat = (x - mean) / sqrt(var + eps) */
__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void bn_backward_reduce(__global const real* x, __global const real* dy, __global const real* mean,
                        __global const real* var, const real eps, __global real* dgamma,
                        __global real* dbeta, const int n, const int channels, const int positions) {
    __local real scratch[REDUCE_WG];
    const int c = get_group_id(0);
    const long count = (long) n * positions;
    const real mu = mean[c];
    const real inv = rsqrt(var[c] + eps);
    real sumDy = 0;
    real sumDyXhat = 0;
    for (long t = get_local_id(0); t < count; t += REDUCE_WG) {
        const long at = BN_AT(t);
        sumDy += dy[at];
        sumDyXhat += dy[at] * (x[at] - mu) * inv;
    }
    const real db = reduce_group(REDUCE_SUM, sumDy, scratch);
    barrier(CLK_LOCAL_MEM_FENCE);
    const real dg = reduce_group(REDUCE_SUM, sumDyXhat, scratch);
    if (get_local_id(0) == 0) {
        dgamma[c] = dg;
        dbeta[c] = db;
    }
}

/* dx = gamma / sqrt(var + eps) (dy - dbeta/m - xhat dgamma/m), m = n * positions */
__kernel void bn_backward_data(__global const real* x, __global const real* dy, __global real* dx,
                               __global const real* mean, __global const real* var,
                               __global const real* gamma, __global const real* dgamma,
                               __global const real* dbeta, const real eps, const int n,
                               const int channels, const int positions) {
    const long gid = get_global_id(0);
    if (gid >= (long) n * channels * positions) {
        return;
    }
    const int c = (int) ((gid / positions) % channels);
    const real m = (real) n * positions;
    const real inv = rsqrt(var[c] + eps);
    const real xhat = (x[gid] - mean[c]) * inv;
    dx[gid] = gamma[c] * inv * (dy[gid] - dbeta[c] / m - xhat * dgamma[c] / m);
}
