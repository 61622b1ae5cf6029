package org.descent.nd4j.internal;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.descent.core.Blas;
import org.osgi.service.component.annotations.Component;

/**
 * {@link Blas} on the OpenBLAS library that ND4J's CPU backend ships (JavaCPP preset), called on
 * Java arrays directly. Runs on one thread unless {@code descent.blas.threads} says otherwise,
 * so that training is single-threaded like the peers it is compared with.
 */
@Component(service = Blas.class)
public final class OpenBlas implements Blas {

    private volatile boolean loaded;
    private int threads = 1;

    private void load() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    Loader.load(openblas_nolapack.class);
                    threads = Integer.getInteger("descent.blas.threads", 1);
                    openblas_nolapack.blas_set_num_threads(threads);
                    loaded = true;
                }
            }
        }
    }

    @Override
    public String name() {
        int n = loaded ? threads : Integer.getInteger("descent.blas.threads", 1);
        return "OpenBLAS (ND4J's JavaCPP preset, " + n + (n == 1 ? " thread)" : " threads)");
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda, float[] b,
            int ldb, float beta, float[] c, int ldc) {
        load();
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, alpha, a, lda, b, ldb,
                beta, c, ldc);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        load();
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, alpha, a, lda, b, ldb,
                beta, c, ldc);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, FloatBuffer a, int lda,
            FloatBuffer b, int ldb, float beta, FloatBuffer c, int ldc) {
        load();
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, alpha,
                direct(a, "a"), lda, direct(b, "b"), ldb, beta, direct(c, "c"), ldc);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, DoubleBuffer a, int lda,
            DoubleBuffer b, int ldb, double beta, DoubleBuffer c, int ldc) {
        load();
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, alpha,
                direct(a, "a"), lda, direct(b, "b"), ldb, beta, direct(c, "c"), ldc);
    }

    /** The buffer from index 0 (JavaCPP passes a direct buffer's address plus its position). */
    private static <B extends java.nio.Buffer> B direct(B buffer, String name) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("gemm: operand " + name + " is not a direct buffer");
        }
        if (buffer.position() != 0) {
            throw new IllegalArgumentException("gemm: operand " + name + " has position " + buffer.position()
                    + ", expected 0");
        }
        return buffer;
    }
}
