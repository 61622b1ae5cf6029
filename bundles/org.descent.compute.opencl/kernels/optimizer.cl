/*
 * Fused optimizer updates, one work-item per parameter, with the formulas of
 * org.descent.optimizers (PyTorch's): the host computes the step's scalars (bias corrections,
 * decayed rates).
 */

/* SGD with momentum (dampening, Nesterov) and L2 weight decay; first: the buffer's first step */
__kernel void sgd(__global real* p, __global const real* g, __global real* buf, const real rate,
                  const real momentum, const real dampening, const real decay, const int nesterov,
                  const int first, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    real d = decay != 0 ? g[i] + decay * p[i] : g[i];
    if (momentum != 0) {
        const real b = first ? d : buf[i] * momentum + (1 - dampening) * d;
        buf[i] = b;
        d = nesterov ? d + momentum * b : b;
    }
    p[i] += -rate * d;
}

/*
 * Adam and AdamW (decoupled: p *= 1 - rate decay first), AMSGrad (vmax), bias corrections
 * folded into stepSize = rate / (1 - beta1^t) and bc2Sqrt = sqrt(1 - beta2^t).
 */
__kernel void adam(__global real* p, __global const real* g, __global real* m, __global real* v,
                   __global real* vmax, const real rate, const real stepSize, const real bc2Sqrt,
                   const real beta1, const real beta2, const real eps, const real decay,
                   const int decoupled, const int amsgrad, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    real d = g[i];
    if (decoupled) {
        p[i] *= 1 - rate * decay;
    } else if (decay != 0) {
        d += decay * p[i];
    }
    const real mi = m[i] * beta1 + (1 - beta1) * d;
    const real vi = v[i] * beta2 + (1 - beta2) * (d * d);
    m[i] = mi;
    v[i] = vi;
    real second = vi;
    if (amsgrad) {
        second = fmax(vmax[i], vi);
        vmax[i] = second;
    }
    p[i] += -stepSize * (mi / (sqrt(second) / bc2Sqrt + eps));
}

/* RMSProp, optionally centered and with momentum */
__kernel void rmsprop(__global real* p, __global const real* g, __global real* square,
                      __global real* gradAvg, __global real* buf, const real rate, const real alpha,
                      const real eps, const real decay, const real momentum, const int centered,
                      const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    const real d = decay != 0 ? g[i] + decay * p[i] : g[i];
    const real sq = square[i] * alpha + (1 - alpha) * (d * d);
    square[i] = sq;
    real avg;
    if (centered) {
        const real ga = gradAvg[i] * alpha + (1 - alpha) * d;
        gradAvg[i] = ga;
        avg = sqrt(sq - ga * ga) + eps;
    } else {
        avg = sqrt(sq) + eps;
    }
    if (momentum > 0) {
        const real b = buf[i] * momentum + d / avg;
        buf[i] = b;
        p[i] += -rate * b;
    } else {
        p[i] += -rate * (d / avg);
    }
}

/* Adagrad with the step's decayed rate clr = rate / (1 + (t - 1) lrDecay) */
__kernel void adagrad(__global real* p, __global const real* g, __global real* sum, const real clr,
                      const real eps, const real decay, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    const real d = decay != 0 ? g[i] + decay * p[i] : g[i];
    const real s = sum[i] + d * d;
    sum[i] = s;
    p[i] += -clr * (d / (sqrt(s) + eps));
}
