/*
 * Pooling over k x k windows with stride s (no padding) on n x c x h x w images; the output is
 * n x c x oh x ow with oh = (h - k)/s + 1. Max pooling records the first maximum of each window
 * (its offset in the image plane) and sends the gradient there, as PyTorch does; the backward
 * passes gather, one work-item per input element, so overlapping windows need no atomics.
 */

__kernel void maxpool_forward(__global const real* x, __global real* y, __global int* arg,
                              const int planes, const int h, const int w, const int k, const int s,
                              const int oh, const int ow) {
    const long gid = get_global_id(0);
    if (gid >= (long) planes * oh * ow) {
        return;
    }
    const int oj = (int) (gid % ow);
    const int oi = (int) ((gid / ow) % oh);
    const long plane = gid / ((long) oh * ow);
    __global const real* xp = x + plane * h * w;
    int best = oi * s * w + oj * s;
    real top = xp[best];
    for (int ki = 0; ki < k; ki++) {
        for (int kj = 0; kj < k; kj++) {
            const int at = (oi * s + ki) * w + oj * s + kj;
            if (xp[at] > top) {
                top = xp[at];
                best = at;
            }
        }
    }
    y[gid] = top;
    arg[gid] = best;
}

/* first output row (or column) whose window covers input row i, and one past the last */
#define POOL_FIRST(i) ((i) < k ? 0 : ((i) - k) / s + 1)
#define POOL_END(i, o) min((o), (i) / s + 1)

__kernel void maxpool_backward(__global const real* dy, __global const int* arg, __global real* dx,
                               const int planes, const int h, const int w, const int k, const int s,
                               const int oh, const int ow) {
    const long gid = get_global_id(0);
    if (gid >= (long) planes * h * w) {
        return;
    }
    const int j = (int) (gid % w);
    const int i = (int) ((gid / w) % h);
    const long plane = gid / ((long) h * w);
    const int here = i * w + j;
    real sum = 0;
    for (int oi = POOL_FIRST(i); oi < POOL_END(i, oh); oi++) {
        for (int oj = POOL_FIRST(j); oj < POOL_END(j, ow); oj++) {
            const long o = (plane * oh + oi) * ow + oj;
            if (arg[o] == here) {
                sum += dy[o];
            }
        }
    }
    dx[gid] = sum;
}

__kernel void avgpool_forward(__global const real* x, __global real* y, const int planes,
                              const int h, const int w, const int k, const int s, const int oh,
                              const int ow) {
    const long gid = get_global_id(0);
    if (gid >= (long) planes * oh * ow) {
        return;
    }
    const int oj = (int) (gid % ow);
    const int oi = (int) ((gid / ow) % oh);
    const long plane = gid / ((long) oh * ow);
    __global const real* xp = x + plane * h * w;
    real sum = 0;
    for (int ki = 0; ki < k; ki++) {
        for (int kj = 0; kj < k; kj++) {
            sum += xp[(oi * s + ki) * w + oj * s + kj];
        }
    }
    y[gid] = sum / (k * k);
}

__kernel void avgpool_backward(__global const real* dy, __global real* dx, const int planes,
                               const int h, const int w, const int k, const int s, const int oh,
                               const int ow) {
    const long gid = get_global_id(0);
    if (gid >= (long) planes * h * w) {
        return;
    }
    const int j = (int) (gid % w);
    const int i = (int) ((gid / w) % h);
    const long plane = gid / ((long) h * w);
    real sum = 0;
    for (int oi = POOL_FIRST(i); oi < POOL_END(i, oh); oi++) {
        for (int oj = POOL_FIRST(j); oj < POOL_END(j, ow); oj++) {
            sum += dy[(plane * oh + oi) * ow + oj];
        }
    }
    dx[gid] = sum / (k * k);
}
