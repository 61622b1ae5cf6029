package org.descent.compute;

import java.util.List;

import org.descent.core.Precision;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The operations of one {@link Device} in one {@link Precision} (fp32 or fp64), on tensors of
 * that precision allocated on that device. An Ops object is used by one thread at a time; its
 * operations may run asynchronously but take effect in call order (see {@link Tensor}).
 * <p>
 * <b>Common rules.</b>
 * <ul>
 * <li>Arguments are checked before anything runs: a tensor of another device or precision, a
 * closed tensor, or a tensor smaller than the sizes given throws {@link IllegalArgumentException}
 * naming the operation and the argument. Sizes are values, not bytes. A tensor may be larger
 * than needed: the leading values are used.</li>
 * <li>Outputs are overwritten unless the operation says it accumulates. An output may be the
 * same tensor as an input only where stated ("in place"); other overlaps are undefined.</li>
 * <li>Scalars ({@code alpha}, {@code eps}, rates) are rounded once to the precision; arithmetic
 * is in the precision. Accumulations (GEMM, convolution, reductions, batch statistics) may be
 * ordered and blocked as the backend likes, so fp32 results agree between backends within a
 * tolerance stated per operation by the conformance tests, not bit for bit; element-wise
 * operations and {@link #update} give the same bits on every backend in fp64.</li>
 * <li>A failure of the device throws {@link ComputeException}.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public interface Ops {

    /** The device the operations run on. */
    Device device();

    /** The precision of the operations and their tensors. */
    Precision precision();

    /** A new zero-filled tensor of this precision on this device ({@link Device#allocate}). */
    default Tensor allocate(int... shape) {
        return device().allocate(precision(), shape);
    }

    /** Waits until every operation called so far has completed (for timing; reads wait anyway). */
    void finish();

    // ---- element-wise ------------------------------------------------------------------------

    /** Sets every value of x to {@code value}. */
    void fill(Tensor x, double value);

    /** {@code dst = src} over {@code src.size()} values. */
    void copy(Tensor src, Tensor dst);

    /** {@code y = y + (alpha)·x}, over {@code x.size()} values. */
    void axpy(double alpha, Tensor x, Tensor y);

    /** {@code x = (alpha)·x}, in place. */
    void scale(double alpha, Tensor x);

    /**
     * Clamps every value to {@code [−(value), (value)]} in place ({@code x > (value) ? (value) :
     * x < −(value) ? −(value) : x}, so NaN stays NaN), as
     * {@link org.descent.core.GradientClipping#clipValue} clips a gradient.
     */
    void clip(double value, Tensor x);

    /** {@code out = a + b} over {@code a.size()} values; out may be a or b. */
    void add(Tensor a, Tensor b, Tensor out);

    /** {@code out = a·b} (element by element) over {@code a.size()} values; out may be a or b. */
    void mul(Tensor a, Tensor b, Tensor out);

    /**
     * Adds a per-channel bias: {@code y[r][c][s] = y[r][c][s] + bias[c]} for y of shape
     * {@code [rows][channels][spatial]} (a dense layer's output is spatial = 1), in place.
     */
    void addBias(Tensor y, Tensor bias, int rows, int channels, int spatial);

    /**
     * The gradient of a per-channel bias: {@code db[c] = Σ_{r,s} dy[r][c][s]}, dy of shape
     * {@code [rows][channels][spatial]}.
     */
    void biasGradient(Tensor dy, int rows, int channels, int spatial, Tensor db);

    /** {@code y = f(x)} over {@code x.size()} values (see {@link Activation}); y may be x. */
    void activation(Activation f, Tensor x, Tensor y);

    /**
     * {@code dx = f'(x)·dy} from the outputs {@code y} of {@link #activation} (see
     * {@link Activation}), over {@code y.size()} values; dx may be dy.
     */
    void activationBackward(Activation f, Tensor y, Tensor dy, Tensor dx);

    /**
     * Inverted dropout with the mask defined by {@link CounterRandom}: for each i &lt; x.size(),
     * {@code mask[i] = dropped(seed, i, rate) ? 0 : (1/(1 − rate))} and {@code y[i] = x[i]·mask[i]}.
     * The backward pass is {@code mul(dy, mask, dx)}. y may be x.
     *
     * @throws IllegalArgumentException unless {@code 0 <= rate < 1}
     */
    void dropout(long seed, double rate, Tensor x, Tensor mask, Tensor y);

    // ---- reductions --------------------------------------------------------------------------

    /** {@code out[0] = Σ x[i]} over {@code x.size()} values. */
    void sum(Tensor x, Tensor out);

    /** {@code out[0] = Σ x[i]²} over {@code x.size()} values. */
    void sumOfSquares(Tensor x, Tensor out);

    // ---- matrix products ---------------------------------------------------------------------

    /**
     * {@code C = (alpha)·op(A)·op(B) + (beta)·C}, row-major, as {@link org.descent.core.Blas}:
     * op(A) is m×k (A is m×k, or k×m when transA), op(B) is k×n, C is m×n; lda, ldb, ldc are the
     * row strides. With {@code beta == 0} C is not read (NaN in C does not propagate).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, Tensor a, int lda, Tensor b, int ldb,
            double beta, Tensor c, int ldc);

    /**
     * {@code batch} independent {@link #gemm}s: product i uses A from value {@code i·strideA} of a,
     * B from {@code i·strideB} of b (a stride of 0 shares one matrix), C from {@code i·strideC}.
     */
    void gemmBatched(boolean transA, boolean transB, int m, int n, int k, double alpha, Tensor a, int lda,
            int strideA, Tensor b, int ldb, int strideB, double beta, Tensor c, int ldc, int strideC, int batch);

    // ---- convolution -------------------------------------------------------------------------

    /** {@code y = conv(x, w) + bias} (see {@link Conv2dShape}); no bias when null. */
    void conv2dForward(Conv2dShape s, Tensor x, Tensor w, @Nullable Tensor bias, Tensor y);

    /** The input gradient: {@code dx = ∂(Σ dy·y)/∂x}, the transposed convolution of dy by w. */
    void conv2dBackwardData(Conv2dShape s, Tensor dy, Tensor w, Tensor dx);

    /**
     * The weight gradient {@code dw[o][c][ki][kj] = Σ_{n,i,j} dy[n][o][i][j]·x[n][c][i·stride − padding + ki][j·stride − padding + kj]}
     * and, when {@code dbias} is not null, {@code dbias[o] = Σ_{n,i,j} dy[n][o][i][j]}.
     */
    void conv2dBackwardFilter(Conv2dShape s, Tensor x, Tensor dy, Tensor dw, @Nullable Tensor dbias);

    /**
     * Makes the tuning decisions of the three passes of convolution {@code s} as their first use
     * would (what {@code descent tune} lists): by default the passes run once, on constant tensors.
     * A device whose choices need no measurement (autotuning off) may look them up without computing.
     */
    default void tuneConv2d(Conv2dShape s) {
        try (Tensor x = allocate(s.inputSize()); Tensor w = allocate(s.weightSize()); Tensor y = allocate(s.outputSize());
                Tensor dx = allocate(s.inputSize()); Tensor dw = allocate(s.weightSize());
                Tensor db = allocate(s.outChannels())) {
            fill(x, 0.5);
            fill(w, 0.25);
            conv2dForward(s, x, w, null, y);
            conv2dBackwardData(s, y, w, dx);
            conv2dBackwardFilter(s, x, y, dw, db);
            finish();
        }
    }

    // ---- pooling -----------------------------------------------------------------------------

    /**
     * Max ({@code max}) or average pooling (see {@link Pool2dShape}): y is the window's maximum
     * or its mean (the sum times (1/kernel²)).
     */
    void pool2dForward(Pool2dShape s, boolean max, Tensor x, Tensor y);

    /**
     * The input gradient of {@link #pool2dForward}, recomputed from x: max pooling sends each dy
     * to the first maximum of its window in row-major order (as PyTorch), average pooling spreads
     * {@code dy·(1/kernel²)} over the window; overlapping windows add up.
     */
    void pool2dBackward(Pool2dShape s, boolean max, Tensor x, Tensor dy, Tensor dx);

    /**
     * The shortcut of a ResNet's option A: every stride-th position of each input channel, the
     * extra output channels zero. x is {@code [batch][channels][height][width]}, y is
     * {@code [batch][outChannels][outHeight][outWidth]} ({@code outChannels >= channels}):
     * {@code y[n][c][i][j] = c < channels ? x[n][c][i·stride][j·stride] : 0}.
     */
    void subsample(int batch, int channels, int height, int width, int outChannels, int outHeight, int outWidth,
            int stride, Tensor x, Tensor y);

    /** The adjoint of {@link #subsample}, <b>added</b> to dx (which is not cleared). */
    void subsampleBackward(int batch, int channels, int height, int width, int outChannels, int outHeight,
            int outWidth, int stride, Tensor dy, Tensor dx);

    // ---- batch normalization -----------------------------------------------------------------
    // x has shape [rows][channels][spatial] (a dense layer: spatial = 1); m = rows·spatial values
    // per channel.

    /**
     * Per-channel batch statistics: {@code mean[c] = (1/m)·Σ x}, {@code var[c] = (1/m)·Σ (x − mean[c])²}
     * (the biased variance, two passes).
     */
    void batchNormStatistics(int rows, int channels, int spatial, Tensor x, Tensor mean, Tensor var);

    /**
     * {@code xhat = (x − mean[c])·inv[c]} with {@code inv[c] = 1/sqrt(var[c] + (eps))}, and
     * {@code y = gamma[c]·xhat + beta[c]}. xhat is kept for the backward pass.
     */
    void batchNormForward(int rows, int channels, int spatial, Tensor x, Tensor mean, Tensor var, double eps,
            Tensor gamma, Tensor beta, Tensor xhat, Tensor y);

    /**
     * The backward pass of {@link #batchNormForward}: {@code dgamma[c] = Σ dy·xhat},
     * {@code dbeta[c] = Σ dy}, and unless dx is null, with {@code k = gamma[c]·inv[c]}:
     * {@code dx = k·(dy − dbeta[c]/m − xhat·dgamma[c]/m)} when the forward pass normalised with
     * the batch's own statistics ({@code batchStatistics}), else {@code dx = k·dy}.
     */
    void batchNormBackward(int rows, int channels, int spatial, Tensor dy, Tensor xhat, Tensor var, double eps,
            Tensor gamma, boolean batchStatistics, @Nullable Tensor dx, Tensor dgamma, Tensor dbeta);

    /**
     * Moves running statistics towards a batch's ({@code count} = m values per channel, at least 2):
     * {@code runningMean = (1 − momentum)·runningMean + (momentum)·mean},
     * {@code runningVar = (1 − momentum)·runningVar + (momentum)·(var·(m/(m − 1)))} (the unbiased variance).
     */
    void batchNormRunningUpdate(int count, double momentum, Tensor mean, Tensor var, Tensor runningMean,
            Tensor runningVar);

    // ---- loss --------------------------------------------------------------------------------

    /**
     * Softmax cross-entropy on logits {@code [rows][classes]} with integer labels (the values of
     * {@code labels[rows]} are class indices, exact in both precisions) and label smoothing ε, as
     * {@code torch.nn.functional.cross_entropy}: {@code losses[r] = logsumexp(z_r) − (1 − ε)·z_r[y_r] − ε·mean(z_r)}
     * and, unless null, {@code dlogits[r][j] = (p_rj − (j == y_r ? 1 − ε : 0) − ε/classes)/rows}
     * with p the row's softmax. The mean loss is {@code sum(losses)/rows}.
     *
     * @throws IllegalArgumentException for a label outside {@code [0, classes)} (checked when the
     *         backend can do so cheaply; otherwise the result is undefined)
     */
    void softmaxCrossEntropy(int rows, int classes, Tensor logits, Tensor labels, double smoothing, Tensor losses,
            @Nullable Tensor dlogits);

    // ---- optimizer ---------------------------------------------------------------------------

    /**
     * One fused optimizer step over {@code params.size()} values (see {@link UpdateRule} for the
     * formulas): updates params and the state tensors in place from grads.
     *
     * @param step the 1-based step number t
     * @param learningRate lr of this step (after any schedule)
     * @param state the rule's state tensors in the order of {@link UpdateRule#stateArrays()},
     *        initialised by the caller to {@link UpdateRule#initialValue}
     */
    void update(UpdateRule rule, long step, double learningRate, Tensor params, Tensor grads, List<Tensor> state);

    // ---- entropic transport (Sinkhorn) -----------------------------------------------------------
    // Matrices are row-major [rows][cols]. exp and log are allowed a few ulp in both precisions
    // (as in Activation), so results with them agree between backends within a tolerance, also in
    // fp64; the products and sums of scaleRowsColumns are element-wise: the same bits in fp64.

    /**
     * {@code y = exp((alpha)·x)} over {@code x.size()} values (the Gibbs kernel {@code exp(−C/ε)}
     * with {@code alpha = −1/ε}); y may be x.
     *
     * @since 0.1.0
     */
    void expScaled(double alpha, Tensor x, Tensor y);

    /**
     * {@code y[i][j] = x[i][j]·(u[i]·v[j])} (a plan from a kernel and its scalings); y may be x.
     *
     * @since 0.1.0
     */
    void scaleRowsColumns(int rows, int cols, Tensor u, Tensor x, Tensor v, Tensor y);

    /**
     * {@code y[i][j] = exp((x[i][j] + u[i]) + v[j])} (a plan from {@code −C/ε} and potentials
     * divided by ε); y may be x.
     *
     * @since 0.1.0
     */
    void expShifted(int rows, int cols, Tensor u, Tensor x, Tensor v, Tensor y);

    /**
     * One Sinkhorn–Knopp row scaling and the column sums that follow it, for a kernel K: first
     * {@code u[i] = a[i] / Σ_j K[i][j]·v[j]} for every row, then {@code w[j] = Σ_i K[i][j]·u[i]}
     * (u, w of rows and cols values; w is not a or v). A row whose sum is 0 gives an infinite
     * u[i] (and then non-finite w), which the caller detects.
     *
     * @since 0.1.0
     */
    void sinkhornStep(int rows, int cols, Tensor k, Tensor v, Tensor a, Tensor u, Tensor w);

    /**
     * Log-sum-exp of x with a vector added, along rows ({@code columns == false}:
     * {@code out[i] = log Σ_j exp(x[i][j] + add[j])}, add of cols values, out of rows) or along
     * columns ({@code out[j] = log Σ_i exp(x[i][j] + add[i])}, add of rows values, out of cols),
     * computed as {@code mx + log Σ exp((x + add) − mx)} with mx the largest term. A term whose
     * add value is −∞ counts 0; out is −∞ where every term does.
     *
     * @since 0.1.0
     */
    void logSumExp(boolean columns, int rows, int cols, Tensor x, Tensor add, Tensor out);
}
