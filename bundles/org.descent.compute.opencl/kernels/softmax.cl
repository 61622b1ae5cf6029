/*
 * Softmax cross-entropy with label smoothing eps (torch.nn.functional.cross_entropy), one
 * work-item per row of logits z (rows x classes); labels hold class indices as reals:
 * losses[r] = logsumexp(z_r) - (1 - eps) z_r[y_r] - eps mean(z_r), and when hasGrad
 * dlogits[r][j] = (p_rj - (j == y_r ? 1 - eps : 0) - eps/classes) / rows. A label outside
 * [0, classes) gives NaN for its row (nothing is read outside the row).
 */
__kernel void softmax_cross_entropy(const int rows, const int classes, __global const real* z, const long zo,
                                    __global const real* labels, const long lo, const real eps,
                                    const real oneMinusEps, const real epsPerClass,
                                    __global real* losses, const long loo, const int hasGrad,
                                    __global real* grad, const long go) {
    const int r = get_global_id(0);
    if (r >= rows) {
        return;
    }
    __global const real* zr = z + zo + (long) r * classes;
    const real lv = labels[lo + r];
    const int label = (int) lv;
    if (!(lv >= 0 && lv < classes)) {
        losses[loo + r] = NAN;
        if (hasGrad) {
            for (int j = 0; j < classes; j++) {
                grad[go + (long) r * classes + j] = NAN;
            }
        }
        return;
    }
    real top = zr[0];
    real total = 0;
    for (int j = 0; j < classes; j++) {
        top = fmax(top, zr[j]);
        total += zr[j];
    }
    real sum = 0;
    for (int j = 0; j < classes; j++) {
        sum += exp(zr[j] - top);
    }
    const real lse = top + log(sum);
    losses[loo + r] = lse - oneMinusEps * zr[label] - eps * (total / classes);
    if (hasGrad) {
        for (int j = 0; j < classes; j++) {
            const real p = exp(zr[j] - lse);
            grad[go + (long) r * classes + j] = (p - (j == label ? oneMinusEps : 0) - epsPerClass) / rows;
        }
    }
}
