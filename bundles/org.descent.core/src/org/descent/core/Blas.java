package org.descent.core;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Matrix multiplication on Java arrays by a native BLAS, offered as an OSGi service by a compute
 * backend (org.descent.nd4j provides OpenBLAS). Models use it for layers wide enough to pay for
 * the native call and fall back to their plain-array kernels when no service is installed.
 * Matrices are row-major: {@code C = alpha·op(A)·op(B) + beta·C}.
 *
 * @since 0.1.0
 */
public interface Blas {

    /** The implementation, for provenance, e.g. {@code OpenBLAS 0.3.19 (1 thread)}. */
    String name();

    /** Single-precision GEMM; {@code op(X)} is X or its transpose. */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda, float[] b, int ldb,
            float beta, float[] c, int ldc);

    /** Double-precision GEMM. */
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda, double[] b,
            int ldb, double beta, double[] c, int ldc);

    /**
     * Single-precision GEMM on direct buffers, each operand from index 0: a native BLAS reads and
     * writes them in place, where the array form copies whole arrays in and out of native memory on
     * every call. This default copies them to arrays and calls the array form.
     *
     * @since 0.1.0
     */
    default void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, FloatBuffer a, int lda,
            FloatBuffer b, int ldb, float beta, FloatBuffer c, int ldc) {
        float[] aa = new float[a.limit()];
        float[] bb = new float[b.limit()];
        float[] cc = new float[c.limit()];
        a.get(0, aa);
        b.get(0, bb);
        c.get(0, cc);
        sgemm(transA, transB, m, n, k, alpha, aa, lda, bb, ldb, beta, cc, ldc);
        c.put(0, cc);
    }

    /**
     * Double-precision GEMM on direct buffers, as {@link #sgemm(boolean, boolean, int, int, int,
     * float, FloatBuffer, int, FloatBuffer, int, float, FloatBuffer, int) sgemm}'s buffer form.
     *
     * @since 0.1.0
     */
    default void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, DoubleBuffer a, int lda,
            DoubleBuffer b, int ldb, double beta, DoubleBuffer c, int ldc) {
        double[] aa = new double[a.limit()];
        double[] bb = new double[b.limit()];
        double[] cc = new double[c.limit()];
        a.get(0, aa);
        b.get(0, bb);
        c.get(0, cc);
        dgemm(transA, transB, m, n, k, alpha, aa, lda, bb, ldb, beta, cc, ldc);
        c.put(0, cc);
    }

    /**
     * The BLAS service registered in the framework that loaded {@code caller}, if any. Setting the
     * system property {@code descent.blas=java} turns native BLAS off (plain-array kernels only).
     */
    static Optional<Blas> find(Class<?> caller) {
        if ("java".equals(System.getProperty("descent.blas"))) {
            return Optional.empty();
        }
        Bundle bundle = FrameworkUtil.getBundle(caller);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return Optional.empty();
        }
        ServiceReference<Blas> ref = context.getServiceReference(Blas.class);
        return ref == null ? Optional.empty() : Optional.ofNullable(context.getService(ref));
    }
}
