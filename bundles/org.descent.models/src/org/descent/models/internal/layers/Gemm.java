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
            if (transB) {
                rowTimesRows(transA, i, n, k, a, aOff, lda, b, bOff, ldb, c, ci);
                continue;
            }
            for (int p = 0; p < k; p++) {
                double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                if (av == 0) {
                    continue;
                }
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    /**
     * Row i of {@code C += op(A)·Bᵀ}: each {@code C[i][j]} summed over p in order, along row j of
     * B, four rows of B at a time (a loop over j for each p strode across B's rows, which was most
     * of a ResNet step's time without a BLAS). Terms of a zero A value are skipped, as above.
     */
    private static void rowTimesRows(boolean transA, int i, int n, int k, double[] a, int aOff, int lda, double[] b,
            int bOff, int ldb, double[] c, int ci) {
        int aStep = transA ? lda : 1;
        int a0 = aOff + (transA ? i : i * lda);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            int b0 = bOff + j * ldb;
            int b1 = b0 + ldb;
            int b2 = b1 + ldb;
            int b3 = b2 + ldb;
            double x0 = c[ci + j];
            double x1 = c[ci + j + 1];
            double x2 = c[ci + j + 2];
            double x3 = c[ci + j + 3];
            for (int p = 0; p < k; p++) {
                double av = a[a0 + p * aStep];
                if (av != 0) {
                    x0 += av * b[b0 + p];
                    x1 += av * b[b1 + p];
                    x2 += av * b[b2 + p];
                    x3 += av * b[b3 + p];
                }
            }
            c[ci + j] = x0;
            c[ci + j + 1] = x1;
            c[ci + j + 2] = x2;
            c[ci + j + 3] = x3;
        }
        for (; j < n; j++) {
            int bj = bOff + j * ldb;
            double x = c[ci + j];
            for (int p = 0; p < k; p++) {
                double av = a[a0 + p * aStep];
                if (av != 0) {
                    x += av * b[bj + p];
                }
            }
            c[ci + j] = x;
        }
    }
}
