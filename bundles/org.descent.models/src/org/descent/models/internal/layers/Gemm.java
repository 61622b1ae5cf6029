package org.descent.models.internal.layers;

import org.descent.core.Blas;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Row-major double-precision {@code C = op(A)·op(B) + beta·C}: the native BLAS when one is
 * installed (measured faster than plain loops for every layer size, bench/RESULTS.md), plain
 * loops otherwise. Offsets let callers multiply parts of larger arrays without copying.
 */
public final class Gemm {

    private final @Nullable Blas blas;
    private double[] sa = new double[0];
    private double[] sb = new double[0];
    private double[] sc = new double[0];
    private final double[][] scratch = new double[3][0];

    public Gemm(@Nullable Blas blas) {
        this.blas = blas;
    }

    private static double[] grow(double[] buffer, int length) {
        return buffer.length >= length ? buffer : new double[length];
    }

    private static double[] slice(double[] src, int from, int length, double[] buffer) {
        double[] dst = grow(buffer, length);
        System.arraycopy(src, from, dst, 0, length);
        return dst;
    }

    /**
     * Work memory shared by the layers of one evaluator (they run one after the other): slot 0..2,
     * at least {@code length} values, contents undefined.
     */
    public double[] scratch(int slot, int length) {
        if (scratch[slot].length < length) {
            scratch[slot] = new double[length];
        }
        return scratch[slot];
    }

    /** The BLAS in use, or "plain Java loops". */
    public String backend() {
        Blas b = blas;
        return b == null ? "plain Java loops" : b.name();
    }

    /**
     * {@code C[m x n] = op(A)[m x k] · op(B)[k x n] + beta·C}, all row-major with leading
     * dimensions as stored.
     */
    public void multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        Blas nativeBlas = blas;
        if (nativeBlas != null) {
            if (aOff == 0 && bOff == 0 && cOff == 0) {
                nativeBlas.dgemm(transA, transB, m, n, k, 1, a, lda, b, ldb, beta, c, ldc);
                return;
            }
            int aLen = (transA ? k : m) * lda;
            int bLen = (transB ? n : k) * ldb;
            int cLen = m * ldc;
            double[] aa = a;
            if (aOff != 0) {
                sa = slice(a, aOff, aLen, sa);
                aa = sa;
            }
            double[] bb = b;
            if (bOff != 0) {
                sb = slice(b, bOff, bLen, sb);
                bb = sb;
            }
            double[] target = c;
            if (cOff != 0) {
                sc = grow(sc, cLen);
                target = sc;
                if (beta != 0) {
                    System.arraycopy(c, cOff, target, 0, cLen);
                }
            }
            nativeBlas.dgemm(transA, transB, m, n, k, 1, aa, lda, bb, ldb, beta, target, ldc);
            if (cOff != 0) {
                System.arraycopy(target, 0, c, cOff, cLen);
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0) {
                java.util.Arrays.fill(c, ci, ci + n, 0);
            } else if (beta != 1) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
            for (int p = 0; p < k; p++) {
                double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                if (av == 0) {
                    continue;
                }
                if (transB) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bOff + j * ldb + p];
                    }
                } else {
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bp + j];
                    }
                }
            }
        }
    }
}
