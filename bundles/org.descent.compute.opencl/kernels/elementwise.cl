/*
 * Element-wise operations, one work-item per value. Every tensor argument is a buffer and the
 * offset of the tensor's first value in it (a view); the scalars in parentheses in Ops' comments
 * arrive already rounded to the precision.
 */

__kernel void fill(__global real* x, const long xo, const real value, const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        x[xo + i] = value;
    }
}

__kernel void copy(__global const real* src, const long so, __global real* dst, const long dsto, const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        dst[dsto + i] = src[so + i];
    }
}

/* y = y + (alpha) x */
__kernel void axpy(const real alpha, __global const real* x, const long xo, __global real* y, const long yo,
                   const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        y[yo + i] = y[yo + i] + alpha * x[xo + i];
    }
}

/* x = (alpha) x */
__kernel void scale(const real alpha, __global real* x, const long xo, const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        x[xo + i] = alpha * x[xo + i];
    }
}

/* x = clamped to [-(value), (value)]; NaN stays NaN */
__kernel void clip(const real value, __global real* x, const long xo, const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        const real v = x[xo + i];
        x[xo + i] = v > value ? value : (v < -value ? -value : v);
    }
}

/* out = a + b (product: a b) */
__kernel void add_mul(const int product, __global const real* a, const long ao, __global const real* b,
                      const long bo, __global real* out, const long oo, const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        out[oo + i] = product ? a[ao + i] * b[bo + i] : a[ao + i] + b[bo + i];
    }
}

/* y[r][c][s] = y[r][c][s] + bias[c] */
__kernel void add_bias(__global real* y, const long yo, __global const real* bias, const long bo, const int rows,
                       const int channels, const int spatial) {
    const long i = get_global_id(0);
    if (i < (long) rows * channels * spatial) {
        y[yo + i] = y[yo + i] + bias[bo + (i / spatial) % channels];
    }
}

/*
 * The shortcut of a ResNet's option A: y[n][c][i][j] = c < channels ? x[n][c][i s][j s] : 0,
 * and its adjoint added to dx (one work-item per dy value; distinct dy values reach distinct dx).
 */
__kernel void subsample(__global const real* x, const long xo, __global real* y, const long yo, const int batch,
                        const int channels, const int height, const int width, const int outChannels,
                        const int outHeight, const int outWidth, const int stride) {
    const long gid = get_global_id(0);
    if (gid >= (long) batch * outChannels * outHeight * outWidth) {
        return;
    }
    const int j = (int) (gid % outWidth);
    const int i = (int) ((gid / outWidth) % outHeight);
    const int c = (int) ((gid / ((long) outWidth * outHeight)) % outChannels);
    const long b = gid / ((long) outWidth * outHeight * outChannels);
    y[yo + gid] = c < channels ? x[xo + ((b * channels + c) * height + (long) i * stride) * width + (long) j * stride] : 0;
}

__kernel void subsample_backward(__global const real* dy, const long dyo, __global real* dx, const long dxo,
                                 const int batch, const int channels, const int height, const int width,
                                 const int outChannels, const int outHeight, const int outWidth, const int stride) {
    const long gid = get_global_id(0);
    if (gid >= (long) batch * outChannels * outHeight * outWidth) {
        return;
    }
    const int j = (int) (gid % outWidth);
    const int i = (int) ((gid / outWidth) % outHeight);
    const int c = (int) ((gid / ((long) outWidth * outHeight)) % outChannels);
    const long b = gid / ((long) outWidth * outHeight * outChannels);
    if (c < channels) {
        const long at = dxo + ((b * channels + c) * height + (long) i * stride) * width + (long) j * stride;
        dx[at] = dx[at] + dy[dyo + gid];
    }
}
