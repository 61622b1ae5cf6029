/*
 * Activations and their derivatives, element-wise. The kinds (ACT_*) are numbered as in
 * Activation.java. backward: dx = dy f'(x), from the input x and the output y = f(x).
 */

#define ACT_IDENTITY 0
#define ACT_RELU 1
#define ACT_LEAKY_RELU 2
#define ACT_TANH 3
#define ACT_SIGMOID 4
#define ACT_ELU 5
#define ACT_SOFTPLUS 6
#define ACT_GELU 7

inline real act_f(const int kind, const real alpha, const real x) {
    switch (kind) {
    case ACT_RELU: return x > 0 ? x : 0;
    case ACT_LEAKY_RELU: return x > 0 ? x : alpha * x;
    case ACT_TANH: return tanh(x);
    case ACT_SIGMOID: return 1 / (1 + exp(-x));
    case ACT_ELU: return x > 0 ? x : alpha * (exp(x) - 1);
    case ACT_SOFTPLUS: return x > 20 ? x : log1p(exp(x));
    case ACT_GELU: return x * (real) 0.5 * (1 + erf(x * (real) M_SQRT1_2));
    default: return x;
    }
}

inline real act_df(const int kind, const real alpha, const real x, const real y) {
    switch (kind) {
    case ACT_RELU: return x > 0 ? 1 : 0;
    case ACT_LEAKY_RELU: return x > 0 ? 1 : alpha;
    case ACT_TANH: return 1 - y * y;
    case ACT_SIGMOID: return y * (1 - y);
    case ACT_ELU: return x > 0 ? 1 : y + alpha;
    case ACT_SOFTPLUS: return 1 / (1 + exp(-x));
    case ACT_GELU: {
        const real cdf = (real) 0.5 * (1 + erf(x * (real) M_SQRT1_2));
        const real pdf = exp((real) -0.5 * x * x) * (real) (M_2_SQRTPI * M_SQRT1_2 * 0.5);
        return cdf + x * pdf;
    }
    default: return 1;
    }
}

__kernel void activation_forward(const int kind, const real alpha, __global const real* x,
                                 __global real* y, const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        y[i] = act_f(kind, alpha, x[i]);
    }
}

__kernel void activation_backward(const int kind, const real alpha, __global const real* x,
                                  __global const real* y, __global const real* dy, __global real* dx,
                                  const long n) {
    const long i = get_global_id(0);
    if (i < n) {
        dx[i] = dy[i] * act_df(kind, alpha, x[i], y[i]);
    }
}
