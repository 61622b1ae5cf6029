/*
 * 2-D convolution (cross-correlation, square kernel k, stride s, zero padding p) as in
 * nn.Conv2d, on images stored n x c x h x w. The batch is unfolded into a column matrix of
 * cin*k*k rows by n*oh*ow columns (column b*P + q holds example b's patch at output position q,
 * P = oh*ow), so each pass is one matrix product (gemm.cl): forward z = W col, backward data
 * dcol = W^T dz, backward filter dW = dz col^T, where z and dz are cout x n*P.
 */

/* col[r][b*P + q] = x[b][c][oi*s - p + ki][oj*s - p + kj], r = (c*k + ki)*k + kj; 0 outside */
__kernel void im2col(__global const real* x, const long xo, __global real* col, const long co, const int n, const int cin,
                     const int h, const int w, const int k, const int s, const int p,
                     const int oh, const int ow) {
    const long gid = get_global_id(0);
    const long width = (long) n * oh * ow;
    if (gid >= width * cin * k * k) {
        return;
    }
    const int r = (int) (gid / width);
    const long q = gid - r * width;
    const int positions = oh * ow;
    const int bi = (int) (q / positions);
    const int pos = (int) (q - (long) bi * positions);
    const int oi = pos / ow;
    const int oj = pos - oi * ow;
    const int c = r / (k * k);
    const int kk = r - c * k * k;
    const int ki = kk / k;
    const int kj = kk - ki * k;
    const int ii = oi * s - p + ki;
    const int jj = oj * s - p + kj;
    col[co + gid] = (ii >= 0 && ii < h && jj >= 0 && jj < w) ? x[xo + (((long) bi * cin + c) * h + ii) * w + jj] : 0;
}

/* The adjoint of im2col: x[b][c][i][j] = sum of the columns' entries taken from it. */
__kernel void col2im(__global const real* col, const long co, __global real* x, const long xo, const int n, const int cin,
                     const int h, const int w, const int k, const int s, const int p,
                     const int oh, const int ow) {
    const long gid = get_global_id(0);
    if (gid >= (long) n * cin * h * w) {
        return;
    }
    const int j = (int) (gid % w);
    const int i = (int) ((gid / w) % h);
    const int c = (int) ((gid / ((long) w * h)) % cin);
    const int bi = (int) (gid / ((long) w * h * cin));
    const long width = (long) n * oh * ow;
    const long base = (long) bi * oh * ow;
    real sum = 0;
    for (int ki = 0; ki < k; ki++) {
        const int ti = i + p - ki;
        if (ti < 0 || ti % s != 0 || ti / s >= oh) {
            continue;
        }
        const int oi = ti / s;
        for (int kj = 0; kj < k; kj++) {
            const int tj = j + p - kj;
            if (tj < 0 || tj % s != 0 || tj / s >= ow) {
                continue;
            }
            const int oj = tj / s;
            sum += col[co + ((long) (c * k + ki) * k + kj) * width + base + oi * ow + oj];
        }
    }
    x[xo + gid] = sum;
}

/* y[b][o][q] = z[o][b*P + q] + bias[o] (hasBias 0: no bias; the bias argument is then unused) */
__kernel void conv_out(__global const real* z, const long zo, __global const real* bias, const long bo,
                       const int hasBias, __global real* y, const long yo, const int n, const int cout,
                       const int positions) {
    const long gid = get_global_id(0);
    if (gid >= (long) n * cout * positions) {
        return;
    }
    const int q = (int) (gid % positions);
    const int o = (int) ((gid / positions) % cout);
    const int bi = (int) (gid / ((long) positions * cout));
    const real v = z[zo + (long) o * n * positions + (long) bi * positions + q];
    y[yo + gid] = hasBias ? v + bias[bo + o] : v;
}

/* dz[o][b*P + q] = dy[b][o][q] */
__kernel void conv_grad_in(__global const real* dy, const long dyo, __global real* dz, const long dzo,
                           const int n, const int cout, const int positions) {
    const long gid = get_global_id(0);
    if (gid >= (long) n * cout * positions) {
        return;
    }
    const int q = (int) (gid % positions);
    const int o = (int) ((gid / positions) % cout);
    const int bi = (int) (gid / ((long) positions * cout));
    dz[dzo + (long) o * n * positions + (long) bi * positions + q] = dy[dyo + gid];
}
