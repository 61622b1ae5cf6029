package org.descent.models.internal;

import org.descent.core.Blas;

/**
 * The dense-network kernels in one number format. Buffers are {@code double[]} for fp64 and
 * {@code float[]} for fp32, passed as {@code Object} so that the network code is written once;
 * each call does a whole layer's work, so the dispatch costs nothing measurable.
 * <p>
 * Matrices are row-major. Inner loops run along contiguous rows in the axpy form
 * {@code y[j] += a * x[j]}, which HotSpot compiles to SIMD code; four rows are processed
 * together so each weight row loaded from cache is used four times.
 */
public interface Kernels {

    /** A zeroed buffer. */
    Object allocate(int length);

    /** Copies {@code count} doubles from {@code src[from..]} into the buffer. */
    void load(double[] src, int from, Object dst, int count);

    /** Copies the buffer's first {@code count} values into {@code dst[from..]}. */
    void store(Object src, double[] dst, int from, int count);

    /** Copies out as doubles: {@code dst[i] = src[i]}. */
    void toDouble(Object src, double[] dst, int count);

    /** {@code wt[i][o] = w[o][i]} for a weight stored {@code [out][in]} at {@code w[from..]}. */
    void loadTransposed(double[] w, int from, int out, int in, Object wt);

    /** {@code z[n][out] = x[n][in] · wt[in][out] + b[out]}. */
    void linearForward(Object x, int n, int in, Object wt, double[] params, int biasFrom, int out, Object z);

    /**
     * Backward of {@link #linearForward}: {@code dw[o][i] = Σ_r dz[r][o] x[r][i]},
     * {@code db[o] = Σ_r dz[r][o]}, and when {@code dx} is not null
     * {@code dx[r][i] = Σ_o dz[r][o] w[o][i]}.
     *
     * @param w the weight in its {@code [out][in]} layout
     * @param dw receives the weight gradient {@code [out][in]} (overwritten)
     * @param db receives the bias gradient (overwritten)
     */
    void linearBackward(Object x, int n, int in, Object w, int out, Object dz, Object dw, Object db, Object dx);

    /** Native GEMM in this format: {@code c = op(a)·op(b) + beta·c}, row-major. */
    void gemm(Blas blas, boolean transA, boolean transB, int m, int n, int k, Object a, int lda, Object b, int ldb,
            double beta, Object c, int ldc);

    /** {@code z[r][o] += bias[o]} for the bias stored at {@code params[biasFrom..]}. */
    void addBias(Object z, int n, int out, double[] params, int biasFrom);

    /** {@code db[o] = Σ_r dz[r][o]}. */
    void columnSums(Object dz, int n, int out, Object db);

    /** {@code y = act(z)} elementwise. */
    void activate(Activation act, Object z, Object y, int count);

    /** {@code dz = dy * act'(z)} elementwise, using the activation's output {@code y}. */
    void activateBackward(Activation act, Object y, Object dy, Object dz, int count);
}
