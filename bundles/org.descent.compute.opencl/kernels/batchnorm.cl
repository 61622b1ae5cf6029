/*
 * Batch normalisation over x [rows][channels][spatial] (a dense layer: spatial 1), m = rows spatial
 * values per channel: statistics and the backward sums per channel, one work-group per channel
 * (reduce_group from reduce.cl); the element-wise parts one work-item per value.
 */

#define BN_AT(t) ((((t) / spatial) * channels + c) * spatial + (t) % spatial)

/* mean[c] = (1/m) sum x, var[c] = (1/m) sum (x - mean[c])^2 (two passes) */
__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void bn_statistics(const int rows, const int channels, const int spatial, __global const real* x, const long xo,
                   __global real* mean, const long mo, __global real* var, const long vo) {
    __local real scratch[REDUCE_WG];
    const int c = get_group_id(0);
    const long count = (long) rows * spatial;
    x += xo;
    real acc = 0;
    for (long t = get_local_id(0); t < count; t += REDUCE_WG) {
        acc += x[BN_AT(t)];
    }
    const real mu = reduce_group(acc, scratch) / count;
    barrier(CLK_LOCAL_MEM_FENCE);
    acc = 0;
    for (long t = get_local_id(0); t < count; t += REDUCE_WG) {
        const real d = x[BN_AT(t)] - mu;
        acc += d * d;
    }
    const real v = reduce_group(acc, scratch) / count;
    if (get_local_id(0) == 0) {
        mean[mo + c] = mu;
        var[vo + c] = v;
    }
}

/* xhat = (x - mean[c]) inv[c], inv[c] = 1/sqrt(var[c] + eps); y = gamma[c] xhat + beta[c] */
__kernel void bn_forward(const int rows, const int channels, const int spatial, __global const real* x,
                         const long xo, __global const real* mean, const long mo, __global const real* var,
                         const long vo, const real eps, __global const real* gamma, const long go,
                         __global const real* beta, const long bo, __global real* xhat, const long ho,
                         __global real* y, const long yo) {
    const long i = get_global_id(0);
    if (i >= (long) rows * channels * spatial) {
        return;
    }
    const int c = (int) ((i / spatial) % channels);
    const real inv = 1 / sqrt(var[vo + c] + eps);
    const real h = (x[xo + i] - mean[mo + c]) * inv;
    xhat[ho + i] = h;
    y[yo + i] = gamma[go + c] * h + beta[bo + c];
}

/* dgamma[c] = sum dy xhat, dbeta[c] = sum dy */
__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void bn_backward_sums(const int rows, const int channels, const int spatial, __global const real* dy,
                      const long dyo, __global const real* xhat, const long ho, __global real* dgamma,
                      const long dgo, __global real* dbeta, const long dbo) {
    __local real scratch[REDUCE_WG];
    const int c = get_group_id(0);
    const long count = (long) rows * spatial;
    dy += dyo;
    xhat += ho;
    real sumDy = 0;
    real sumDyXhat = 0;
    for (long t = get_local_id(0); t < count; t += REDUCE_WG) {
        const long at = BN_AT(t);
        sumDy += dy[at];
        sumDyXhat += dy[at] * xhat[at];
    }
    const real db = reduce_group(sumDy, scratch);
    barrier(CLK_LOCAL_MEM_FENCE);
    const real dg = reduce_group(sumDyXhat, scratch);
    if (get_local_id(0) == 0) {
        dgamma[dgo + c] = dg;
        dbeta[dbo + c] = db;
    }
}

/* k = gamma[c] inv[c]; dx = k (dy - dbeta[c]/m - xhat dgamma[c]/m), or k dy without batch statistics */
__kernel void bn_backward_data(const int rows, const int channels, const int spatial, __global const real* dy,
                               const long dyo, __global const real* xhat, const long ho, __global const real* var,
                               const long vo, const real eps, __global const real* gamma, const long go,
                               const int batchStatistics, __global const real* dgamma, const long dgo,
                               __global const real* dbeta, const long dbo, __global real* dx, const long dxo) {
    const long i = get_global_id(0);
    if (i >= (long) rows * channels * spatial) {
        return;
    }
    const int c = (int) ((i / spatial) % channels);
    const real k = gamma[go + c] * (1 / sqrt(var[vo + c] + eps));
    if (batchStatistics) {
        const real m = (real) rows * spatial;
        dx[dxo + i] = k * (dy[dyo + i] - dbeta[dbo + c] / m - xhat[ho + i] * dgamma[dgo + c] / m);
    } else {
        dx[dxo + i] = k * dy[dyo + i];
    }
}

/*
 * runningMean = (1 - momentum) runningMean + (momentum) mean,
 * runningVar = (1 - momentum) runningVar + (momentum) (var unbias), unbias = m/(m - 1)
 */
__kernel void bn_running_update(const int channels, const real keep, const real momentum, const real unbias,
                                __global const real* mean, const long mo, __global const real* var, const long vo,
                                __global real* runningMean, const long rmo, __global real* runningVar,
                                const long rvo) {
    const int c = get_global_id(0);
    if (c >= channels) {
        return;
    }
    runningMean[rmo + c] = keep * runningMean[rmo + c] + momentum * mean[mo + c];
    runningVar[rvo + c] = keep * runningVar[rvo + c] + momentum * (var[vo + c] * unbias);
}
