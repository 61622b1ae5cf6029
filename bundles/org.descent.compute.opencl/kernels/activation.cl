/*
 * Activations and their derivatives from the outputs y (org.descent.compute.Activation, numbered
 * in its order), element-wise.
 */

#define ACT_IDENTITY 0
#define ACT_RELU 1
#define ACT_TANH 2
#define ACT_SIGMOID 3

__kernel void activation_forward(const int kind, __global const real* x, const long xo, __global real* y,
                                 const long yo, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    const real v = x[xo + i];
    real r;
    switch (kind) {
    case ACT_RELU: r = v > 0 ? v : 0; break;
    case ACT_TANH: r = tanh(v); break;
    case ACT_SIGMOID: {
        if (v >= 0) {
            r = 1 / (1 + exp(-v));
        } else {
            const real e = exp(v);
            r = e / (1 + e);
        }
        break;
    }
    default: r = v; break;
    }
    y[yo + i] = r;
}

__kernel void activation_backward(const int kind, __global const real* y, const long yo, __global const real* dy,
                                  const long dyo, __global real* dx, const long dxo, const long n) {
    const long i = get_global_id(0);
    if (i >= n) {
        return;
    }
    const real v = y[yo + i];
    const real d = dy[dyo + i];
    real r;
    switch (kind) {
    case ACT_RELU: r = v > 0 ? d : 0; break;
    case ACT_TANH: r = d * (1 - v * v); break;
    case ACT_SIGMOID: r = (d * v) * (1 - v); break;
    default: r = d; break;
    }
    dx[dxo + i] = r;
}
