package org.descent.analysis.distributions;

/**
 * The passes over the n × m matrix that Sinkhorn's iterations make ({@link Transport#sinkhorn},
 * {@link Transport#sinkhornLog}), on host arrays or on a compute device ({@link DevicePasses}).
 * The matrix is the kernel {@code K = exp(−C/ε)} in the kernel domain and {@code −C/ε} in the log
 * domain; vectors are host arrays of n (rows) or m (columns) values. Closing releases the
 * device's memory.
 */
interface SinkhornPasses extends AutoCloseable {

    /** Makes the matrix the kernel {@code K = exp(scale·C)} and sets {@code out = Kᵀu}. */
    void kernel(double scale, double[] u, double[] out);

    /** {@code u_i = a_i / Σ_j K_ij v_j}, then {@code out = Kᵀu} (see {@link org.descent.compute.Ops#sinkhornStep}). */
    void scaleRows(double[] a, double[] v, double[] u, double[] out);

    /** The plan {@code P_ij = K_ij·(u_i·v_j)}, row-major (the kernel is overwritten). */
    double[] kernelPlan(double[] u, double[] v);

    /** Makes the matrix {@code scale·C} (the log-domain iterations use {@code scale = −1/ε}). */
    void logKernel(double scale);

    /** {@code out_j = log Σ_i exp(M_ij + u_i)}, terms with {@code u_i = −∞} left out. */
    void columnLogSumExp(double[] u, double[] out);

    /** {@code out_i = log Σ_j exp(M_ij + v_j)}. */
    void rowLogSumExp(double[] v, double[] out);

    /** The plan {@code P_ij = exp((M_ij + fs_i) + gs_j)}, row-major (the matrix is overwritten). */
    double[] logPlan(double[] fs, double[] gs);

    @Override
    void close();
}
