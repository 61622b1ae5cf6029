package org.descent.models.internal;

import org.descent.core.Blas;

/** {@link Kernels} on {@code double[]}. */
public final class F64Kernels implements Kernels {

    public static final F64Kernels INSTANCE = new F64Kernels();

    @Override
    public Object allocate(int length) {
        return new double[length];
    }

    @Override
    public void load(double[] src, int from, Object dst, int count) {
        System.arraycopy(src, from, (double[]) dst, 0, count);
    }

    @Override
    public void store(Object src, double[] dst, int from, int count) {
        System.arraycopy((double[]) src, 0, dst, from, count);
    }

    @Override
    public void toDouble(Object src, double[] dst, int count) {
        System.arraycopy((double[]) src, 0, dst, 0, count);
    }

    @Override
    public void loadTransposed(double[] w, int from, int out, int in, Object wtObject) {
        double[] wt = (double[]) wtObject;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                wt[i * out + o] = w[from + o * in + i];
            }
        }
    }

    @Override
    public void linearForward(Object xObject, int n, int in, Object wtObject, double[] params, int biasFrom, int out,
            Object zObject) {
        double[] x = (double[]) xObject;
        double[] wt = (double[]) wtObject;
        double[] z = (double[]) zObject;
        for (int r = 0; r < n; r++) {
            System.arraycopy(params, biasFrom, z, r * out, out);
        }
        int r = 0;
        for (; r + 3 < n; r += 4) {
            int z0 = r * out;
            int z1 = z0 + out;
            int z2 = z1 + out;
            int z3 = z2 + out;
            for (int i = 0; i < in; i++) {
                double a0 = x[r * in + i];
                double a1 = x[(r + 1) * in + i];
                double a2 = x[(r + 2) * in + i];
                double a3 = x[(r + 3) * in + i];
                int w0 = i * out;
                for (int o = 0; o < out; o++) {
                    double w = wt[w0 + o];
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
                double a = x[r * in + i];
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
        double[] x = (double[]) xObject;
        double[] dz = (double[]) dzObject;
        double[] dw = (double[]) dwObject;
        double[] db = (double[]) dbObject;
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
                double g0 = dz[r * out + o];
                double g1 = dz[(r + 1) * out + o];
                double g2 = dz[(r + 2) * out + o];
                double g3 = dz[(r + 3) * out + o];
                int w0 = o * in;
                for (int i = 0; i < in; i++) {
                    dw[w0 + i] += g0 * x[x0 + i] + g1 * x[x1 + i] + g2 * x[x2 + i] + g3 * x[x3 + i];
                }
            }
        }
        for (; r < n; r++) {
            for (int o = 0; o < out; o++) {
                double g = dz[r * out + o];
                int w0 = o * in;
                for (int i = 0; i < in; i++) {
                    dw[w0 + i] += g * x[r * in + i];
                }
            }
        }
        if (dxObject != null) {
            double[] w = (double[]) wObject;
            double[] dx = (double[]) dxObject;
            java.util.Arrays.fill(dx, 0, n * in, 0);
            for (int rr = 0; rr < n; rr++) {
                int x0 = rr * in;
                for (int o = 0; o < out; o++) {
                    double g = dz[rr * out + o];
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
        blas.dgemm(transA, transB, m, n, k, 1, (double[]) a, lda, (double[]) b, ldb, beta, (double[]) c, ldc);
    }

    @Override
    public void addBias(Object zObject, int n, int out, double[] params, int biasFrom) {
        double[] z = (double[]) zObject;
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < out; o++) {
                z[r * out + o] += params[biasFrom + o];
            }
        }
    }

    @Override
    public void columnSums(Object dzObject, int n, int out, Object dbObject) {
        double[] dz = (double[]) dzObject;
        double[] db = (double[]) dbObject;
        java.util.Arrays.fill(db, 0, out, 0);
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < out; o++) {
                db[o] += dz[r * out + o];
            }
        }
    }

    @Override
    public void activate(Activation act, Object zObject, Object yObject, int count) {
        double[] z = (double[]) zObject;
        double[] y = (double[]) yObject;
        switch (act) {
        case RELU -> {
            for (int i = 0; i < count; i++) {
                y[i] = z[i] > 0 ? z[i] : 0;
            }
        }
        case TANH -> {
            for (int i = 0; i < count; i++) {
                y[i] = Math.tanh(z[i]);
            }
        }
        case SIGMOID -> {
            for (int i = 0; i < count; i++) {
                y[i] = z[i] >= 0 ? 1 / (1 + Math.exp(-z[i])) : Math.exp(z[i]) / (1 + Math.exp(z[i]));
            }
        }
        }
    }

    @Override
    public void activateBackward(Activation act, Object yObject, Object dyObject, Object dzObject, int count) {
        double[] y = (double[]) yObject;
        double[] dy = (double[]) dyObject;
        double[] dz = (double[]) dzObject;
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
