/* Element-wise operations on n values, one work-item each. */

__kernel void fill(__global real* y, const real v, const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        y[i] = v;
    }
}

/* y = a x + b y (b 0: y is not read) */
__kernel void axpby(const real a, __global const real* x, const real b, __global real* y, const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        y[i] = b == 0 ? a * x[i] : a * x[i] + b * y[i];
    }
}

#define BINARY_ADD 0
#define BINARY_SUB 1
#define BINARY_MUL 2
#define BINARY_DIV 3

/* z = x op y */
__kernel void binary(const int op, __global const real* x, __global const real* y, __global real* z,
                     const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    switch (op) {
    case BINARY_ADD: z[i] = x[i] + y[i]; break;
    case BINARY_SUB: z[i] = x[i] - y[i]; break;
    case BINARY_MUL: z[i] = x[i] * y[i]; break;
    default: z[i] = x[i] / y[i]; break;
    }
}

/* y[b][c][q] += bias[c] for images n x channels x positions (positions 1: rows of a matrix) */
__kernel void add_bias(__global real* y, __global const real* bias, const int n, const int channels,
                       const int positions) {
    const long gid = get_global_id(0);
    if (gid < (long) n * channels * positions) {
        y[gid] += bias[(gid / positions) % channels];
    }
}

/* y *= a */
__kernel void scale(__global real* y, const real a, const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        y[i] *= a;
    }
}
