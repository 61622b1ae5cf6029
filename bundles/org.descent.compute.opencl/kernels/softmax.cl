/*
 * Softmax cross-entropy on rows of logits (rows x classes) with integer labels, one work-item per
 * row: loss[r] = logsumexp(z_r) - z_r[label_r] and grad_r = scale (softmax(z_r) - onehot(label_r)).
 */
__kernel void softmax_cross_entropy(__global const real* z, __global const int* labels,
                                    __global real* loss, __global real* grad, const real scale,
                                    const int rows, const int classes) {
    const int r = get_global_id(0);
    if (r >= rows) {
        return;
    }
    __global const real* zr = z + (long) r * classes;
    __global real* gr = grad + (long) r * classes;
    real top = zr[0];
    for (int j = 1; j < classes; j++) {
        top = fmax(top, zr[j]);
    }
    real sum = 0;
    for (int j = 0; j < classes; j++) {
        sum += exp(zr[j] - top);
    }
    const real lse = top + log(sum);
    const int label = labels[r];
    loss[r] = lse - zr[label];
    for (int j = 0; j < classes; j++) {
        gr[j] = scale * (exp(zr[j] - lse) - (j == label ? 1 : 0));
    }
}
