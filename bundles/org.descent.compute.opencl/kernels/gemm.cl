/*
 * Matrix products on row-major matrices, batched over the third work dimension:
 * C[b] = alpha * op(A[b]) * op(B[b]) + beta * C[b], op(A) m x k, op(B) k x n.
 * A is stored m x k (row stride lda) or, transposed, k x m; likewise B. Strides of 0 reuse one
 * matrix for every batch entry; aOff, bOff, cOff are the tensors' offsets in their buffers.
 * Each work-group of GEMM_RTS x GEMM_RTS work-items computes a GEMM_TS x GEMM_TS block of C:
 * GEMM_TK-deep slices of A and B are staged in local memory (read along the stored rows, so
 * neighbouring work-items read neighbouring values), and each work-item accumulates
 * GEMM_WPT x GEMM_WPT outputs in registers (rows ty + i GEMM_RTS, columns tx + j GEMM_RTS) with
 * mad, which the device may fuse (products are compared with a tolerance, not bit for bit).
 * When beta is 0, C is not read.
 */
#define GEMM_RTS (GEMM_TS / GEMM_WPT)
#define GEMM_LPT (GEMM_TS * GEMM_TK / (GEMM_RTS * GEMM_RTS))

__kernel __attribute__((reqd_work_group_size(GEMM_RTS, GEMM_RTS, 1)))
void gemm(const int ta, const int tb, const int m, const int n, const int k, const real alpha,
          __global const real* a, const long aOff, const int lda, const long strideA,
          __global const real* b, const long bOff, const int ldb, const long strideB,
          const real beta, __global real* c, const long cOff, const int ldc, const long strideC) {
    const int tx = get_local_id(0);
    const int ty = get_local_id(1);
    const int tid = ty * GEMM_RTS + tx;
    const int r0 = get_group_id(1) * GEMM_TS;
    const int c0 = get_group_id(0) * GEMM_TS;
    const long batch = get_global_id(2);
    a += aOff + batch * strideA;
    b += bOff + batch * strideB;
    c += cOff + batch * strideC;
    __local real as[GEMM_TK][GEMM_TS + 1];
    __local real bs[GEMM_TK][GEMM_TS + 1];
    real acc[GEMM_WPT][GEMM_WPT];
    for (int i = 0; i < GEMM_WPT; i++) {
        for (int j = 0; j < GEMM_WPT; j++) {
            acc[i][j] = 0;
        }
    }
    for (int k0 = 0; k0 < k; k0 += GEMM_TK) {
        for (int l = 0; l < GEMM_LPT; l++) {
            const int idx = tid + l * GEMM_RTS * GEMM_RTS;
            /* as[kk][r] = op(A)(r0 + r, k0 + kk) */
            const int ar = ta ? idx % GEMM_TS : idx / GEMM_TK;
            const int ak = ta ? idx / GEMM_TS : idx % GEMM_TK;
            const int gr = r0 + ar;
            const int gk = k0 + ak;
            as[ak][ar] = (gr < m && gk < k) ? (ta ? a[(long) gk * lda + gr] : a[(long) gr * lda + gk]) : 0;
            /* bs[kk][col] = op(B)(k0 + kk, c0 + col) */
            const int bc = tb ? idx / GEMM_TK : idx % GEMM_TS;
            const int bk = tb ? idx % GEMM_TK : idx / GEMM_TS;
            const int gc = c0 + bc;
            const int gk2 = k0 + bk;
            bs[bk][bc] = (gk2 < k && gc < n) ? (tb ? b[(long) gc * ldb + gk2] : b[(long) gk2 * ldb + gc]) : 0;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int kk = 0; kk < GEMM_TK; kk++) {
            real ar[GEMM_WPT];
            real br[GEMM_WPT];
            for (int i = 0; i < GEMM_WPT; i++) {
                ar[i] = as[kk][ty + i * GEMM_RTS];
                br[i] = bs[kk][tx + i * GEMM_RTS];
            }
            for (int i = 0; i < GEMM_WPT; i++) {
                for (int j = 0; j < GEMM_WPT; j++) {
                    acc[i][j] = mad(ar[i], br[j], acc[i][j]);
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    for (int i = 0; i < GEMM_WPT; i++) {
        const int row = r0 + ty + i * GEMM_RTS;
        if (row >= m) {
            continue;
        }
        for (int j = 0; j < GEMM_WPT; j++) {
            const int col = c0 + tx + j * GEMM_RTS;
            if (col < n) {
                const long at = (long) row * ldc + col;
                c[at] = beta == 0 ? alpha * acc[i][j] : alpha * acc[i][j] + beta * c[at];
            }
        }
    }
}

/* out[i] = the sum over t < slices of p[t size + i]: the slices of a split-K product added up */
__kernel void sum_slices(__global const real* p, const long po, const int slices, const long size,
                         __global real* out, const long oo) {
    const long i = get_global_id(0);
    if (i >= size) {
        return;
    }
    real sum = 0;
    for (int t = 0; t < slices; t++) {
        sum += p[po + t * size + i];
    }
    out[oo + i] = sum;
}
