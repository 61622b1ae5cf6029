package org.descent.models.internal;

import java.util.Locale;

import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.OutputKind;
import org.descent.core.Precision;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the autoencoder family shares: models whose targets are their own inputs. The bound loss
 * (bce-logits for data in [0,1], mse, l1 or huber for real values) compares the model's
 * {@code d} outputs with the {@code d} input values of each row, through a reconstruction shape
 * {@code DataShape(n, d, d, 0)}; the data set's own targets (class labels) are not reconstructed.
 * Inputs can be thresholded at ½ first ({@code binarize}), as the source material does for a
 * Bernoulli decoder.
 */
abstract class ReconstructionModel implements Model {

    /** Whose settings these are, for messages: {@code model 'vae'}. */
    protected String owner = "model";
    /** Hidden widths of the encoder, input side first; the decoder mirrors them. */
    protected int[] hidden = { 64, 32 };
    protected Activation activation = Activation.RELU;
    protected boolean binarize;
    /** Values per input row. */
    protected int inputDim;
    /** The data shape the model was bound to. */
    protected DataShape shape = new DataShape(0, 0, 0, 0);
    private DataShape reconstructionShape = new DataShape(0, 0, 0, 0);
    private @Nullable LossFunction loss;

    @Override
    public void configure(Settings s) {
        owner = s.owner();
        if (s.has("hidden")) {
            hidden = DenseNetwork.parseHidden(s.getString("hidden"), owner);
        }
        if (s.has("activation")) {
            activation = Activation.parse(s.getString("activation"));
        }
        binarize = s.getBoolean("binarize");
    }

    /**
     * Checks that the loss can compare reconstructions with inputs and remembers both.
     *
     * @throws IllegalArgumentException naming the model and the loss when they do not fit
     */
    protected final void bindReconstruction(DataShape dataShape, LossFunction lossFunction) {
        OutputKind kind = lossFunction.outputKind();
        String expected = " reconstructs its inputs: use bce-logits for data in [0,1] (digits:scale=true, or binarize=true)"
                + " or mse";
        if (kind != OutputKind.VALUES && kind != OutputKind.LOGITS) {
            throw new IllegalArgumentException(owner + expected + "; this loss expects "
                    + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " outputs");
        }
        int d = dataShape.inputDim();
        if (d < 1) {
            throw new IllegalArgumentException(owner + " needs at least one input column");
        }
        DataShape recon = new DataShape(dataShape.rows(), d, d, 0);
        int out;
        try {
            out = lossFunction.outputDim(recon);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + expected + " (" + e.getMessage() + ")", e);
        }
        if (out != d) {
            throw new IllegalArgumentException(owner + expected + "; this loss wants " + out + " outputs for " + d
                    + " values");
        }
        this.inputDim = d;
        this.shape = dataShape;
        this.reconstructionShape = recon;
        this.loss = lossFunction;
    }

    /**
     * Refuses inputs outside [0,1] with bce-logits (unless they are binarized): cross-entropy
     * against such targets is not a likelihood.
     */
    @Override
    public void observe(Data training) {
        LossFunction l = bound();
        if (binarize || l.outputKind() != OutputKind.LOGITS) {
            return;
        }
        double[] x = training.inputs();
        int d = training.shape().inputDim();
        for (int i = 0; i < training.rows() * d; i++) {
            if (!(x[i] >= 0 && x[i] <= 1)) {
                int column = i % d;
                String name = column < training.inputNames().size() ? " (" + training.inputNames().get(column) + ")" : "";
                throw new IllegalArgumentException(owner + " with bce-logits reconstructs values in [0,1], but '"
                        + training.name() + "' has " + x[i] + " at row " + (i / d + 1) + ", column " + (column + 1) + name
                        + ": scale the data (digits:scale=true), set binarize=true or use mse");
            }
        }
    }

    /** The bound loss. */
    protected final LossFunction bound() {
        LossFunction l = loss;
        if (l == null) {
            throw new IllegalStateException(owner + " is not bound to data and a loss");
        }
        return l;
    }

    /** A stack made by {@code bind}; refuses use before it. */
    protected final DenseStack stack(@Nullable DenseStack s) {
        if (s == null) {
            throw new IllegalStateException(owner + " is not bound to data and a loss");
        }
        return s;
    }

    /**
     * Checks the evaluator's arguments (a bound model, fp64 or fp32, a positive batch size) and
     * gives the dense layers' kernels for the precision. In fp32 the dense layers compute in
     * float; what joins them (noise, the VAE's sampling and KL term, the loss) stays in double,
     * as the loss does on the fp32 dense network.
     */
    protected final Kernels kernels(Precision precision, int maxBatch) {
        bound();
        Kernels k = switch (precision) {
        case FP64 -> F64Kernels.INSTANCE;
        case FP32 -> F32Kernels.INSTANCE;
        default -> throw new IllegalArgumentException(owner + " computes in fp64 or fp32, not " + precision.id());
        };
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + maxBatch);
        }
        return k;
    }

    /** The reconstruction targets of a batch's rows: its inputs, thresholded at ½ with binarize. */
    protected final void targets(Batch batch, double[] out) {
        int count = batch.size() * inputDim;
        double[] x = batch.inputs();
        for (int i = 0; i < count; i++) {
            out[i] = binarize ? (x[i] >= 0.5 ? 1 : 0) : x[i];
        }
    }

    /**
     * The bound loss between {@code n} reconstructions and their targets: its mean over all
     * {@code n x d} values, times {@code d} when {@code sum} (the reconstruction error of a row,
     * summed over its values, averaged over rows).
     *
     * @param gradient when not null, receives the gradient with respect to the outputs
     */
    protected final double reconstruction(int n, double[] outputs, double[] targets, double @Nullable [] gradient,
            boolean sum) {
        double value = bound().evaluate(n, reconstructionShape, outputs, targets, gradient);
        if (sum) {
            value *= inputDim;
            if (gradient != null) {
                for (int i = 0; i < n * inputDim; i++) {
                    gradient[i] *= inputDim;
                }
            }
        }
        return value;
    }

    /** The decoder's hidden widths: the encoder's, reversed. */
    protected final int[] mirrored() {
        int[] m = new int[hidden.length];
        for (int i = 0; i < hidden.length; i++) {
            m[i] = hidden[hidden.length - 1 - i];
        }
        return m;
    }

    /** Layer names {@code prefix1..prefixK} followed by {@code last}. */
    protected static String[] names(String prefix, int count, String last) {
        String[] n = new String[count + 1];
        for (int i = 0; i < count; i++) {
            n[i] = prefix + (i + 1);
        }
        n[count] = last;
        return n;
    }

    /** {@code first}, then {@code middle}, then {@code last}. */
    protected static int[] widths(int first, int[] middle, int last) {
        int[] w = new int[middle.length + 2];
        w[0] = first;
        System.arraycopy(middle, 0, w, 1, middle.length);
        w[w.length - 1] = last;
        return w;
    }
}
