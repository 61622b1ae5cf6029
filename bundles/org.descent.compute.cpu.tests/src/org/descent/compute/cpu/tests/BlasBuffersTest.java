package org.descent.compute.cpu.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.descent.compute.Backends;
import org.descent.compute.cpu.internal.CpuDevice;
import org.descent.core.Blas;
import org.junit.jupiter.api.Test;

/**
 * The BLAS's direct-buffer GEMM, which the cpu backend's products use: the installed OpenBLAS and
 * the interface's default (through the array form) against a product worked out by hand.
 */
class BlasBuffersTest {

    // A (2x3) = [1 2 3; 4 5 6], B (3x2) = [7 8; 9 10; 11 12], C = [1 1; 1 1]
    private static final double[] A = { 1, 2, 3, 4, 5, 6 };
    private static final double[] B = { 7, 8, 9, 10, 11, 12 };
    // 2·A·B + 3·C: A·B = [58 64; 139 154]
    private static final double[] EXPECTED = { 119, 131, 281, 311 };
    // 2·Aᵀ·A: Aᵀ·A = [17 22 27; 22 29 36; 27 36 45]
    private static final double[] EXPECTED_AT_A = { 34, 44, 54, 44, 58, 72, 54, 72, 90 };

    private static Blas installed() {
        Blas blas = ((CpuDevice) Backends.resolve(Backends.find(BlasBuffersTest.class), "cpu")).blas();
        if (blas == null) {
            throw new AssertionError("org.descent.nd4j offers no Blas service");
        }
        return blas;
    }

    /** A BLAS with only the array forms: its buffer forms are the interface's defaults. */
    private static Blas arraysOnly(Blas blas) {
        return new Blas() {
            @Override
            public String name() {
                return "arrays only";
            }

            @Override
            public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
                    float[] b, int ldb, float beta, float[] c, int ldc) {
                blas.sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            }

            @Override
            public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
                    double[] b, int ldb, double beta, double[] c, int ldc) {
                blas.dgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            }
        };
    }

    private static DoubleBuffer doubles(double[] values, int capacity) {
        DoubleBuffer b = ByteBuffer.allocateDirect(capacity * Double.BYTES).order(ByteOrder.nativeOrder())
                .asDoubleBuffer();
        return b.put(0, values);
    }

    private static FloatBuffer floats(double[] values, int capacity) {
        FloatBuffer b = ByteBuffer.allocateDirect(capacity * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        for (int i = 0; i < values.length; i++) {
            b.put(i, (float) values[i]);
        }
        return b;
    }

    private static double[] read(DoubleBuffer b, int n) {
        double[] v = new double[n];
        b.get(0, v);
        return v;
    }

    private static double[] read(FloatBuffer b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = b.get(i);
        }
        return v;
    }

    @Test
    void directBuffersFromIndexZeroInBothPrecisions() {
        for (Blas blas : new Blas[] { installed(), arraysOnly(installed()) }) {
            // buffers larger than the operands: only the operands' values count
            DoubleBuffer c = doubles(new double[] { 1, 1, 1, 1 }, 9);
            blas.dgemm(false, false, 2, 2, 3, 2, doubles(A, 8), 3, doubles(B, 10), 2, 3, c, 2);
            assertArrayEquals(EXPECTED, read(c, 4), 0, blas.name() + ": dgemm");
            FloatBuffer cf = floats(new double[] { 1, 1, 1, 1 }, 9);
            blas.sgemm(false, false, 2, 2, 3, 2, floats(A, 8), 3, floats(B, 10), 2, 3, cf, 2);
            assertArrayEquals(EXPECTED, read(cf, 4), 0, blas.name() + ": sgemm");
            DoubleBuffer ct = doubles(new double[9], 9);
            blas.dgemm(true, false, 3, 3, 2, 2, doubles(A, 6), 3, doubles(A, 6), 3, 0, ct, 3);
            assertArrayEquals(EXPECTED_AT_A, read(ct, 9), 0, blas.name() + ": dgemm with A transposed");
        }
    }

    @Test
    void refusesBuffersItCannotReadInPlace() {
        Blas blas = installed();
        DoubleBuffer shifted = doubles(A, 8).position(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blas.dgemm(false, false, 2, 2, 3, 1, shifted, 3, doubles(B, 6), 2, 0, doubles(new double[4], 4), 2));
        assertEquals("gemm: operand a has position 1, expected 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> blas.dgemm(false, false, 2, 2, 3, 1, DoubleBuffer.wrap(A), 3,
                doubles(B, 6), 2, 0, doubles(new double[4], 4), 2));
    }
}
