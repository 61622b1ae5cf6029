/*
 * Matrix products on row-major matrices, batched over the third work dimension:
 * C[b] = alpha * op(A[b]) * op(B[b]) + beta * C[b], op(A) m x k, op(B) k x n.
 * A is stored m x k (row stride lda) or, transposed, k x m; likewise B. Strides of 0 reuse one matrix
 * for every batch entry. Each work-group computes a GEMM_TILE x GEMM_TILE block of C from
 * tiles of A and B staged in local memory; each work-item computes GEMM_WPT outputs of one
 * column (rows lr, lr + GEMM_TILE/GEMM_WPT, ...). When beta is 0, C is not read.
 */
#define GEMM_RTS (GEMM_TILE / GEMM_WPT)

__kernel __attribute__((reqd_work_group_size(GEMM_TILE, GEMM_RTS, 1)))
void gemm(const int ta, const int tb, const int m, const int n, const int k, const real alpha,
          __global const real* a, const long aOff, const int lda, const long strideA,
          __global const real* b, const long bOff, const int ldb, const long strideB,
          const real beta, __global real* c, const long cOff, const int ldc, const long strideC) {
    /* aOff, bOff, cOff: the tensors' offsets in their buffers (views) */
    const int lc = get_local_id(0);
    const int lr = get_local_id(1);
    const int col = get_group_id(0) * GEMM_TILE + lc;
    const int row0 = get_group_id(1) * GEMM_TILE + lr;
    const long batch = get_global_id(2);
    a += aOff + batch * strideA;
    b += bOff + batch * strideB;
    c += cOff + batch * strideC;
    __local real as[GEMM_TILE][GEMM_TILE + 1];
    __local real bs[GEMM_TILE][GEMM_TILE + 1];
    real acc[GEMM_WPT];
    for (int w = 0; w < GEMM_WPT; w++) {
        acc[w] = 0;
    }
    for (int t = 0; t < k; t += GEMM_TILE) {
        for (int w = 0; w < GEMM_WPT; w++) {
            const int r = lr + w * GEMM_RTS;
            /* as[r][lc] = op(A)(tile row r, t + lc): for a transposed A, read along its rows */
            const int ar = get_group_id(1) * GEMM_TILE + (ta ? lc : r);
            const int ak = t + (ta ? r : lc);
            real av = 0;
            if (ar < m && ak < k) {
                av = ta ? a[(long) ak * lda + ar] : a[(long) ar * lda + ak];
            }
            if (ta) {
                as[lc][r] = av;
            } else {
                as[r][lc] = av;
            }
            /* bs[r][lc] = op(B)(t + r, col) */
            const int bc = get_group_id(0) * GEMM_TILE + (tb ? r : lc);
            const int bk = t + (tb ? lc : r);
            real bv = 0;
            if (bk < k && bc < n) {
                bv = tb ? b[(long) bc * ldb + bk] : b[(long) bk * ldb + bc];
            }
            if (tb) {
                bs[lc][r] = bv;
            } else {
                bs[r][lc] = bv;
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int p = 0; p < GEMM_TILE; p++) {
            const real bv = bs[p][lc];
            for (int w = 0; w < GEMM_WPT; w++) {
                acc[w] += as[lr + w * GEMM_RTS][p] * bv;
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (col < n) {
        for (int w = 0; w < GEMM_WPT; w++) {
            const int row = row0 + w * GEMM_RTS;
            if (row < m) {
                const long at = (long) row * ldc + col;
                c[at] = beta == 0 ? alpha * acc[w] : alpha * acc[w] + beta * c[at];
            }
        }
    }
}
