/*
 * Entropic transport (Sinkhorn): matrices are row-major [rows][cols]. The row reductions take one
 * work-group of REDUCE_WG work-items per row (reduce_group of reduce.cl); the column reductions
 * one work-item per column, which walks the rows in order.
 */

/* y = exp((alpha) x) */
__kernel void exp_scaled(const real alpha, __global const real* x, const long xo, __global real* y, const long yo,
                         const long n) {
    const long e = get_global_id(0);
    if (e < n) {
        y[yo + e] = exp(x[xo + e] * alpha);
    }
}

/* y[i][j] = x[i][j] (u[i] v[j]), or when shifted exp((x[i][j] + u[i]) + v[j]) */
__kernel void scale_rows_columns(const int shifted, __global const real* u, const long uo, __global const real* x,
                                 const long xo, __global const real* v, const long vo, __global real* y, const long yo,
                                 const int rows, const int cols) {
    const long e = get_global_id(0);
    if (e < (long) rows * cols) {
        const long i = e / cols;
        const long j = e - i * cols;
        y[yo + e] = shifted ? exp((x[xo + e] + u[uo + i]) + v[vo + j]) : x[xo + e] * (u[uo + i] * v[vo + j]);
    }
}

/* u[i] = a[i] / (the sum over j of K[i][j] v[j]), one work-group per row */
__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void sinkhorn_rows(__global const real* k, const long ko, __global const real* v, const long vo,
                   __global const real* a, const long ao, __global real* u, const long uo, const int cols) {
    __local real scratch[REDUCE_WG];
    const long row = ko + (long) get_group_id(0) * cols;
    real acc = 0;
    for (int j = get_local_id(0); j < cols; j += REDUCE_WG) {
        acc += k[row + j] * v[vo + j];
    }
    const real total = reduce_group(acc, scratch);
    if (get_local_id(0) == 0) {
        u[uo + get_group_id(0)] = a[ao + get_group_id(0)] / total;
    }
}

/* w[j] = the sum over i of K[i][j] u[i], one work-item per column */
__kernel void sinkhorn_columns(__global const real* k, const long ko, __global const real* u, const long uo,
                               __global real* w, const long wo, const int rows, const int cols) {
    const int j = get_global_id(0);
    if (j < cols) {
        real acc = 0;
        for (int i = 0; i < rows; i++) {
            acc += k[ko + (long) i * cols + j] * u[uo + i];
        }
        w[wo + j] = acc;
    }
}

inline real max_group(real m, __local real* scratch) {
    const int l = get_local_id(0);
    scratch[l] = m;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int span = REDUCE_WG / 2; span > 0; span >>= 1) {
        if (l < span) {
            scratch[l] = fmax(scratch[l], scratch[l + span]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return scratch[0];
}

/* out[i] = log of the sum over j of exp(x[i][j] + add[j]) (terms with add[j] = -inf left out), one work-group per row */
__kernel __attribute__((reqd_work_group_size(REDUCE_WG, 1, 1)))
void logsumexp_rows(__global const real* x, const long xo, __global const real* add, const long ao,
                    __global real* out, const long oo, const int cols) {
    __local real scratch[REDUCE_WG];
    const long row = xo + (long) get_group_id(0) * cols;
    real mx = -INFINITY;
    for (int j = get_local_id(0); j < cols; j += REDUCE_WG) {
        const real aj = add[ao + j];
        if (aj != -INFINITY) {
            mx = fmax(mx, x[row + j] + aj);
        }
    }
    mx = max_group(mx, scratch);
    barrier(CLK_LOCAL_MEM_FENCE);
    real acc = 0;
    if (mx != -INFINITY) {
        for (int j = get_local_id(0); j < cols; j += REDUCE_WG) {
            const real aj = add[ao + j];
            if (aj != -INFINITY) {
                acc += exp(x[row + j] + aj - mx);
            }
        }
    }
    const real total = reduce_group(acc, scratch);
    if (get_local_id(0) == 0) {
        out[oo + get_group_id(0)] = mx == -INFINITY ? mx : mx + log(total);
    }
}

/* out[j] = log of the sum over i of exp(x[i][j] + add[i]) (terms with add[i] = -inf left out), one work-item per column */
__kernel void logsumexp_columns(__global const real* x, const long xo, __global const real* add, const long ao,
                                __global real* out, const long oo, const int rows, const int cols) {
    const int j = get_global_id(0);
    if (j < cols) {
        real mx = -INFINITY;
        for (int i = 0; i < rows; i++) {
            const real ai = add[ao + i];
            if (ai != -INFINITY) {
                mx = fmax(mx, x[xo + (long) i * cols + j] + ai);
            }
        }
        real acc = 0;
        for (int i = 0; i < rows; i++) {
            const real ai = add[ao + i];
            if (ai != -INFINITY) {
                acc += exp(x[xo + (long) i * cols + j] + ai - mx);
            }
        }
        out[oo + j] = mx + log(acc);
    }
}
