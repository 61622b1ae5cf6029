/*
 * Fused optimizer updates (org.descent.compute.UpdateRule), one work-item per parameter, evaluated
 * in the order of UpdateRule's formulas; the scalars arrive computed on the host and rounded once
 * to the precision (FP_CONTRACT is off for the whole program).
 */

/* SGD: decay = weightDecay, damp = 1 - dampening, minusLr = -lr; first: t == 1 */
__kernel void sgd(__global real* p, const long po, __global const real* g, const long go, __global real* b,
                  const long bo, const real decay, const real momentum, const real damp, const int nesterov,
                  const int first, const real minusLr, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    const real pv = p[po + i];
    real d = decay != 0 ? g[go + i] + decay * pv : g[go + i];
    if (momentum != 0) {
        const real bv = first ? d : b[bo + i] * momentum + damp * d;
        b[bo + i] = bv;
        d = nesterov ? d + momentum * bv : bv;
    }
    p[po + i] = pv + minusLr * d;
}

/*
 * Adam/AdamW: plain (no AMSGrad, decoupling or decay) uses invBc2Sqrt = 1/bc2Sqrt, else bc2Sqrt;
 * c1 = 1 - beta1, c2 = 1 - beta2, shrink = 1 - lr weightDecay, minusStep = -stepSize.
 */
__kernel void adam(__global real* p, const long po, __global const real* g, const long go, __global real* m,
                   const long mo, __global real* v, const long vo, __global real* vmax, const long vmo,
                   const int plain, const int decoupled, const int amsgrad, const real beta1, const real c1,
                   const real beta2, const real c2, const real eps, const real decay, const real shrink,
                   const real bc2Sqrt, const real invBc2Sqrt, const real minusStep, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    real pv = p[po + i];
    real d = g[go + i];
    if (plain) {
        const real mi = m[mo + i] * beta1 + c1 * d;
        const real vi = v[vo + i] * beta2 + c2 * (d * d);
        m[mo + i] = mi;
        v[vo + i] = vi;
        p[po + i] = pv + minusStep * (mi / (sqrt(vi) * invBc2Sqrt + eps));
        return;
    }
    if (decoupled) {
        pv = pv * shrink;
    } else if (decay != 0) {
        d = d + decay * pv;
    }
    const real mi = m[mo + i] * beta1 + c1 * d;
    const real vi = v[vo + i] * beta2 + c2 * (d * d);
    m[mo + i] = mi;
    v[vo + i] = vi;
    real second = vi;
    if (amsgrad) {
        second = fmax(vmax[vmo + i], vi);
        vmax[vmo + i] = second;
    }
    p[po + i] = pv + minusStep * (mi / (sqrt(second) / bc2Sqrt + eps));
}

/* RMSProp: c = 1 - alpha; b: momentum_buffer (momentum > 0), a: grad_avg (centered) */
__kernel void rmsprop(__global real* p, const long po, __global const real* g, const long go, __global real* v,
                      const long vo, __global real* b, const long bo, __global real* a, const long ao,
                      const real decay, const real alpha, const real c, const real eps, const real momentum,
                      const int centered, const real minusLr, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    const real pv = p[po + i];
    const real d = decay != 0 ? g[go + i] + decay * pv : g[go + i];
    const real vi = v[vo + i] * alpha + c * (d * d);
    v[vo + i] = vi;
    real avg;
    if (centered) {
        const real ai = a[ao + i] * alpha + c * d;
        a[ao + i] = ai;
        avg = sqrt(vi - ai * ai) + eps;
    } else {
        avg = sqrt(vi) + eps;
    }
    if (momentum > 0) {
        const real bi = b[bo + i] * momentum + d / avg;
        b[bo + i] = bi;
        p[po + i] = pv + minusLr * bi;
    } else {
        p[po + i] = pv + minusLr * (d / avg);
    }
}

/* Adagrad: minusClr = -lr/(1 + (t - 1) lrDecay) */
__kernel void adagrad(__global real* p, const long po, __global const real* g, const long go, __global real* s,
                      const long so, const real decay, const real eps, const real minusClr, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    const real pv = p[po + i];
    const real d = decay != 0 ? g[go + i] + decay * pv : g[go + i];
    const real si = s[so + i] + d * d;
    s[so + i] = si;
    p[po + i] = pv + minusClr * (d / (sqrt(si) + eps));
}

/* Adadelta: c = 1 - rho; v: square_avg, u: acc_delta */
__kernel void adadelta(__global real* p, const long po, __global const real* g, const long go, __global real* v,
                       const long vo, __global real* u, const long uo, const real decay, const real rho,
                       const real c, const real eps, const real minusLr, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    const real pv = p[po + i];
    const real d = decay != 0 ? g[go + i] + decay * pv : g[go + i];
    const real vi = v[vo + i] * rho + c * (d * d);
    v[vo + i] = vi;
    const real std = sqrt(vi + eps);
    const real delta = sqrt(u[uo + i] + eps) / std * d;
    u[uo + i] = u[uo + i] * rho + c * (delta * delta);
    p[po + i] = pv + minusLr * delta;
}
