/*
 * Pooling over k x k windows with stride s, no padding, on planes (batch channels) of h x w; the
 * output planes are oh x ow. Max pooling's gradient goes to the first maximum of each window in
 * row-major order (as PyTorch), found again from x; average pooling is the sum times (1/k^2)
 * (inv). The backward passes gather, one work-item per input value, so overlapping windows need
 * no atomics.
 */

/* offset in the plane of the first maximum of window (oi, oj) */
inline int pool_argmax(__global const real* xp, const int w, const int k, const int s, const int oi, const int oj) {
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
    return best;
}

__kernel void pool_forward(const int max, const real inv, __global const real* x, const long xo, __global real* y,
                           const long yo, const int planes, const int h, const int w, const int k, const int s,
                           const int oh, const int ow) {
    const long gid = get_global_id(0);
    if (gid >= (long) planes * oh * ow) {
        return;
    }
    const int oj = (int) (gid % ow);
    const int oi = (int) ((gid / ow) % oh);
    __global const real* xp = x + xo + (gid / ((long) oh * ow)) * h * w;
    if (max) {
        y[yo + gid] = xp[pool_argmax(xp, w, k, s, oi, oj)];
        return;
    }
    real sum = 0;
    for (int ki = 0; ki < k; ki++) {
        for (int kj = 0; kj < k; kj++) {
            sum += xp[(oi * s + ki) * w + oj * s + kj];
        }
    }
    y[yo + gid] = sum * inv;
}

/* the first output row (or column) whose window covers input row i, and one past the last */
#define POOL_FIRST(i) ((i) < k ? 0 : ((i) - k) / s + 1)
#define POOL_END(i, o) min((o), (i) / s + 1)

__kernel void pool_backward(const int max, const real inv, __global const real* x, const long xo,
                            __global const real* dy, const long dyo, __global real* dx, const long dxo,
                            const int planes, const int h, const int w, const int k, const int s, const int oh,
                            const int ow) {
    const long gid = get_global_id(0);
    if (gid >= (long) planes * h * w) {
        return;
    }
    const int j = (int) (gid % w);
    const int i = (int) ((gid / w) % h);
    const long plane = gid / ((long) h * w);
    __global const real* xp = x + xo + plane * h * w;
    const int here = i * w + j;
    real sum = 0;
    for (int oi = POOL_FIRST(i); oi < POOL_END(i, oh); oi++) {
        for (int oj = POOL_FIRST(j); oj < POOL_END(j, ow); oj++) {
            const real d = dy[dyo + (plane * oh + oi) * ow + oj];
            if (!max) {
                sum += d * inv;
            } else if (pool_argmax(xp, w, k, s, oi, oj) == here) {
                sum += d;
            }
        }
    }
    dx[dxo + gid] = sum;
}
