package org.descent.models.internal;

import org.descent.core.Blas;

/** {@link Kernels} on {@code float[]}: single-precision arithmetic throughout. */
final class F32Kernels implements Kernels {

    static final F32Kernels INSTANCE = new F32Kernels();

    @Override
    public Object allocate(int length) {
        return new float[length];
    }

    @Override
    public void load(double[] src, int from, Object dst, int count) {
        float[] d = (float[]) dst;
        for (int i = 0; i < count; i++) {
            d[i] = (float) src[from + i];
        }
    }

    @Override
    public void store(Object src, double[] dst, int from, int count) {
        float[] s = (float[]) src;
        for (int i = 0; i < count; i++) {
            dst[from + i] = s[i];
        }
    }

    @Override
    public void toDouble(Object src, double[] dst, int count) {
        float[] s = (float[]) src;
        for (int i = 0; i < count; i++) {
            dst[i] = s[i];
        }
    }

    @Override
    public void loadTransposed(double[] w, int from, int out, int in, Object wtObject) {
        float[] wt = (float[]) wtObject;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                wt[i * out + o] = (float) w[from + o * in + i];
            }
        }
    }

    @Override
    public void linearForward(Object xObject, int n, int in, Object wtObject, double[] params, int biasFrom, int out,
            Object zObject) {
        float[] x = (float[]) xObject;
        float[] wt = (float[]) wtObject;
        float[] z = (float[]) zObject;
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < out; o++) {
                z[r * out + o] = (float) params[biasFrom + o];
            }
        }
        int r = 0;
        for (; r + 3 < n; r += 4) {
            int z0 = r * out;
            int z1 = z0 + out;
            int z2 = z1 + out;
            int z3 = z2 + out;
            for (int i = 0; i < in; i++) {
                float a0 = x[r * in + i];
                float a1 = x[(r + 1) * in + i];
                float a2 = x[(r + 2) * in + i];
                float a3 = x[(r + 3) * in + i];
                int w0 = i * out;
                for (int o = 0; o < out; o++) {
                    float w = wt[w0 + o];
                    z[z0 + o] += a0 * w;
                    z[z1 + o] += a1 * w;
                    z[z2 + o] += a2 * w;
                    z[z3 + o] += a3 * w;
                }
            }
        }
        for (; r < n; r++) {
            int z0 = r * out;
            for (int i = 0; i < in; i++) {
                float a = x[r * in + i];
                int w0 = i * out;
                for (int o = 0; o < out; o++) {
                    z[z0 + o] += a * wt[w0 + o];
                }
            }
        }
    }

    @Override
    public void linearBackward(Object xObject, int n, int in, Object wObject, int out, Object dzObject,
            Object dwObject, Object dbObject, Object dxObject) {
        float[] x = (float[]) xObject;
        float[] dz = (float[]) dzObject;
        float[] dw = (float[]) dwObject;
        float[] db = (float[]) dbObject;
        java.util.Arrays.fill(dw, 0, out * in, 0);
        java.util.Arrays.fill(db, 0, out, 0);
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < out; o++) {
                db[o] += dz[r * out + o];
            }
        }
        int r = 0;
        for (; r + 3 < n; r += 4) {
            int x0 = r * in;
            int x1 = x0 + in;
            int x2 = x1 + in;
            int x3 = x2 + in;
            for (int o = 0; o < out; o++) {
                float g0 = dz[r * out + o];
                float g1 = dz[(r + 1) * out + o];
                float g2 = dz[(r + 2) * out + o];
                float g3 = dz[(r + 3) * out + o];
                int w0 = o * in;
                for (int i = 0; i < in; i++) {
                    dw[w0 + i] += g0 * x[x0 + i] + g1 * x[x1 + i] + g2 * x[x2 + i] + g3 * x[x3 + i];
                }
            }
        }
        for (; r < n; r++) {
            for (int o = 0; o < out; o++) {
                float g = dz[r * out + o];
                int w0 = o * in;
                for (int i = 0; i < in; i++) {
                    dw[w0 + i] += g * x[r * in + i];
                }
            }
        }
        if (dxObject != null) {
            float[] w = (float[]) wObject;
            float[] dx = (float[]) dxObject;
            java.util.Arrays.fill(dx, 0, n * in, 0);
            for (int rr = 0; rr < n; rr++) {
                int x0 = rr * in;
                for (int o = 0; o < out; o++) {
                    float g = dz[rr * out + o];
                    int w0 = o * in;
                    for (int i = 0; i < in; i++) {
                        dx[x0 + i] += g * w[w0 + i];
                    }
                }
            }
        }
    }

    @Override
    public void gemm(Blas blas, boolean transA, boolean transB, int m, int n, int k, Object a, int lda, Object b,
            int ldb, double beta, Object c, int ldc) {
        blas.sgemm(transA, transB, m, n, k, 1, (float[]) a, lda, (float[]) b, ldb, (float) beta, (float[]) c, ldc);
    }

    @Override
    public void addBias(Object zObject, int n, int out, double[] params, int biasFrom) {
        float[] z = (float[]) zObject;
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < out; o++) {
                z[r * out + o] += (float) params[biasFrom + o];
            }
        }
    }

    @Override
    public void columnSums(Object dzObject, int n, int out, Object dbObject) {
        float[] dz = (float[]) dzObject;
        float[] db = (float[]) dbObject;
        java.util.Arrays.fill(db, 0, out, 0);
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < out; o++) {
                db[o] += dz[r * out + o];
            }
        }
    }

    @Override
    public void activate(Activation act, Object zObject, Object yObject, int count) {
        float[] z = (float[]) zObject;
        float[] y = (float[]) yObject;
        switch (act) {
        case RELU -> {
            for (int i = 0; i < count; i++) {
                y[i] = z[i] > 0 ? z[i] : 0;
            }
        }
        case TANH -> {
            for (int i = 0; i < count; i++) {
                y[i] = (float) Math.tanh(z[i]);
            }
        }
        case SIGMOID -> {
            for (int i = 0; i < count; i++) {
                y[i] = (float) (z[i] >= 0 ? 1 / (1 + Math.exp(-z[i])) : Math.exp(z[i]) / (1 + Math.exp(z[i])));
            }
        }
        }
    }

    @Override
    public void activateBackward(Activation act, Object yObject, Object dyObject, Object dzObject, int count) {
        float[] y = (float[]) yObject;
        float[] dy = (float[]) dyObject;
        float[] dz = (float[]) dzObject;
        switch (act) {
        case RELU -> {
            for (int i = 0; i < count; i++) {
                dz[i] = y[i] > 0 ? dy[i] : 0;
            }
        }
        case TANH -> {
            for (int i = 0; i < count; i++) {
                dz[i] = dy[i] * (1 - y[i] * y[i]);
            }
        }
        case SIGMOID -> {
            for (int i = 0; i < count; i++) {
                dz[i] = dy[i] * y[i] * (1 - y[i]);
            }
        }
        }
    }
}
