package org.descent.models.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.OutputKind;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.descent.core.Vocabulary;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A GRU encoder–decoder for token sequences (Sutskever, Vinyals and Le's sequence to sequence
 * learning with GRUs): the inputs of a row are {@code L} source tokens, its targets {@code T}
 * target tokens, whole numbers {@code 0..V-1} (V = {@code vocabulary}).
 * <p>
 * One embedding table of {@code V+1} rows (the tokens and a start token, index V) feeds an
 * encoder GRU that reads the source from a zero state; a decoder GRU starts from the encoder's
 * last state and reads, at step 0, the start token and at step t the previous target token
 * (teacher forcing), or during training with {@code teacher_forcing < 1} its own previous
 * prediction with probability {@code 1 - teacher_forcing} per row and step (coins from the batch
 * seed; the fed prediction is a constant for the gradient). A linear layer turns each decoder
 * state into V logits. Both GRUs follow {@code torch.nn.GRU}: with {@code a = W_i x + b_i} and
 * {@code c = W_h h + b_h}, each split into r, z, n thirds, {@code r = σ(a_r + c_r)},
 * {@code z = σ(a_z + c_z)}, {@code n = tanh(a_n + r∘c_n)}, {@code h' = (1−z)∘n + z∘h}.
 * <p>
 * Loss: the bound loss (cross-entropy, optionally with label smoothing) of every position's
 * logits against its target token, summed over the T positions of a row ({@code reduction=sum})
 * or averaged, then averaged over rows. {@link Evaluator#forward} decodes greedily (each step
 * fed the previous argmax) and outputs the T predicted tokens; {@link Evaluator#score} reports
 * the teacher-forced loss and, as correct, the rows whose whole greedy decoding equals the target
 * (exact match).
 * <p>
 * Blocks, in order and as PyTorch names them: {@code embedding.weight [V+1, E]} (N(0, 1) as
 * {@code torch.nn.Embedding}), {@code encoder.weight_ih [3H, E]}, {@code encoder.weight_hh [3H, H]},
 * {@code encoder.bias_ih [3H]}, {@code encoder.bias_hh [3H]}, the same four for {@code decoder},
 * {@code output.weight [V, H]}, {@code output.bias [V]}, all but the embedding uniform in
 * ±1/√H as PyTorch initialises GRUs; drawn from one SplitMix64 stream in block order. fp64 only.
 * Backpropagation through time is written out over plain arrays, a batch's rows at once; the
 * input projections are computed once per pass for the V+1 tokens rather than per row.
 */
public final class Seq2Seq implements Model {

    private String owner = "model 'seq2seq'";
    private int embedding = 8;
    private int hidden = 32;
    private int vocabulary = 10;
    private boolean sum = true;
    private double teacherForcing = 1;
    private int sourceLength;
    private int targetLength;
    private @Nullable LossFunction loss;

    /** Offsets of the blocks in the flat parameter vector. */
    private int embOff;
    private final Gru encoder = new Gru();
    private final Gru decoder = new Gru();
    private int outWeightOff;
    private int outBiasOff;

    /** Where one GRU's blocks lie. */
    private static final class Gru {
        int wih;
        int whh;
        int bih;
        int bhh;
    }

    @Override
    public void configure(Settings s) {
        owner = s.owner();
        embedding = s.getInt("embedding");
        hidden = s.getInt("hidden");
        vocabulary = s.getInt("vocabulary");
        sum = s.getString("reduction").equals("sum");
        teacherForcing = s.getDouble("teacher_forcing");
    }

    @Override
    public List<ParameterBlock> bind(DataShape shape, LossFunction lossFunction) {
        if (shape.inputDim() < 1 || shape.targetDim() < 1) {
            throw new IllegalArgumentException(owner + " needs at least one source token (input column) and one target"
                    + " token (target column) per row; the data has " + shape.inputDim() + " and "
                    + shape.targetDim());
        }
        String expected = " predicts one of its vocabulary's " + vocabulary
                + " tokens at each target position: use cross-entropy";
        if (lossFunction.outputKind() != OutputKind.LOGITS) {
            throw new IllegalArgumentException(owner + expected + "; this loss expects "
                    + lossFunction.outputKind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " outputs");
        }
        int out;
        try {
            out = lossFunction.outputDim(tokenShape(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + expected + " (" + e.getMessage() + ")", e);
        }
        if (out != vocabulary) {
            throw new IllegalArgumentException(owner + expected + "; this loss wants " + out + " outputs per token");
        }
        sourceLength = shape.inputDim();
        targetLength = shape.targetDim();
        loss = lossFunction;
        int e = embedding;
        int h = hidden;
        int g = 3 * h;
        List<ParameterBlock> blocks = new ArrayList<>();
        int[] offset = { 0 };
        embOff = add(blocks, offset, "embedding.weight", vocabulary + 1, e);
        for (Gru gru : List.of(encoder, decoder)) {
            String name = gru == encoder ? "encoder" : "decoder";
            gru.wih = add(blocks, offset, name + ".weight_ih", g, e);
            gru.whh = add(blocks, offset, name + ".weight_hh", g, h);
            gru.bih = add(blocks, offset, name + ".bias_ih", g);
            gru.bhh = add(blocks, offset, name + ".bias_hh", g);
        }
        outWeightOff = add(blocks, offset, "output.weight", vocabulary, h);
        outBiasOff = add(blocks, offset, "output.bias", vocabulary);
        return blocks;
    }

    private static int add(List<ParameterBlock> blocks, int[] offset, String name, int... shape) {
        ParameterBlock b = new ParameterBlock(name, shape, offset[0]);
        blocks.add(b);
        offset[0] += b.size();
        return b.offset();
    }

    /** The shape the bound loss sees: one row per target token, its class a token. */
    private DataShape tokenShape(int tokens) {
        return new DataShape(tokens, 1, 1, vocabulary);
    }

    /**
     * Checks that the data's vocabulary (when it has one) is the model's and that every source
     * and target value is a token index.
     */
    @Override
    public void observe(Data training) {
        Vocabulary v = training.vocabulary();
        if (v != null && v.size() != vocabulary) {
            throw new IllegalArgumentException(owner + " has vocabulary=" + vocabulary + " but '" + training.name()
                    + "' has " + v.size() + " tokens (" + v.token(0) + ".." + v.token(v.size() - 1)
                    + "): set vocabulary=" + v.size());
        }
        DataShape s = training.shape();
        checkTokens(training.inputs(), training.rows(), s.inputDim(), "source", training.name());
        checkTokens(training.targets(), training.rows(), s.targetDim(), "target", training.name());
    }

    private void checkTokens(double[] values, int rows, int width, String side, String data) {
        for (int i = 0; i < rows * width; i++) {
            double t = values[i];
            if (!(t >= 0 && t < vocabulary && t == Math.rint(t))) {
                throw new IllegalArgumentException(owner + ": " + side + " token " + (i % width + 1) + " of row "
                        + (i / width + 1) + " of '" + data + "' is " + t + ", not a token index in 0.."
                        + (vocabulary - 1));
            }
        }
    }

    @Override
    public void initialise(double[] parameters, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int rows = vocabulary + 1;
        for (int i = 0; i < rows * embedding; i++) {
            parameters[embOff + i] = random.nextGaussian();
        }
        double bound = 1 / Math.sqrt(hidden);
        int end = outBiasOff + vocabulary;
        for (int i = encoder.wih; i < end; i++) {
            parameters[i] = (2 * random.nextDouble() - 1) * bound;
        }
    }

    @Override
    public Evaluator evaluator(Precision precision, int maxBatch) {
        LossFunction l = loss;
        if (l == null) {
            throw new IllegalStateException(owner + " is not bound to data and a loss");
        }
        if (precision != Precision.FP64) {
            throw new IllegalArgumentException(owner + " computes in fp64 only, not " + precision.id());
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + maxBatch);
        }
        return new Seq2SeqEvaluator(l, maxBatch);
    }

    /** How the decoder's input at steps after the first is chosen. */
    private enum Feed {
        /** The previous target token. */
        TEACHER,
        /** The previous prediction (argmax). */
        GREEDY,
        /** The target token with probability teacher_forcing, else the prediction. */
        MIXED
    }

    /** Work buffers for batches of up to {@code cap} rows. */
    private final class Seq2SeqEvaluator implements Evaluator {

        private final LossFunction lossFunction;
        private final int cap;
        private final int e = embedding;
        private final int h = hidden;
        private final int v = vocabulary;
        private final int s = vocabulary + 1;
        private final int g = 3 * hidden;
        private final int ls = sourceLength;
        private final int lt = targetLength;
        /** Input projections W_i·emb(token) + b_i of every token, [V+1, 3H]. */
        private final double[] projEnc;
        private final double[] projDec;
        /** W_h transposed, [H, 3H], and the output weight transposed, [H, V]. */
        private final double[] whhTEnc;
        private final double[] whhTDec;
        private final double[] woT;
        /** States: hEnc[t] before encoder step t; hDec[t] before decoder step t (hDec[0] = hEnc[L]). */
        private final double[][] hEnc;
        private final double[][] hDec;
        /** Gates per step: r, z, n and the recurrent n-part W_hn·h + b_hn. */
        private final double[][] rEnc;
        private final double[][] zEnc;
        private final double[][] nEnc;
        private final double[][] cnEnc;
        private final double[][] rDec;
        private final double[][] zDec;
        private final double[][] nDec;
        private final double[][] cnDec;
        private final int[] source;
        private final int[] target;
        private final int[] feed;
        private final double[] logits;
        private final double[] dLogits;
        private final double[] predictions;
        private final double[] gates;
        private final double[] dh;
        private final double[] dhPrev;
        private final double[] dGates;
        private final double[] dProjEnc;
        private final double[] dProjDec;

        Seq2SeqEvaluator(LossFunction lossFunction, int cap) {
            this.lossFunction = lossFunction;
            this.cap = cap;
            projEnc = new double[s * g];
            projDec = new double[s * g];
            whhTEnc = new double[h * g];
            whhTDec = new double[h * g];
            woT = new double[h * v];
            hEnc = new double[ls + 1][cap * h];
            hDec = new double[lt + 1][];
            hDec[0] = hEnc[ls];
            for (int t = 1; t <= lt; t++) {
                hDec[t] = new double[cap * h];
            }
            rEnc = new double[ls][cap * h];
            zEnc = new double[ls][cap * h];
            nEnc = new double[ls][cap * h];
            cnEnc = new double[ls][cap * h];
            rDec = new double[lt][cap * h];
            zDec = new double[lt][cap * h];
            nDec = new double[lt][cap * h];
            cnDec = new double[lt][cap * h];
            source = new int[cap * ls];
            target = new int[cap * lt];
            feed = new int[cap * lt];
            logits = new double[cap * lt * v];
            dLogits = new double[cap * lt * v];
            predictions = new double[cap * lt];
            gates = new double[cap * g];
            dh = new double[cap * h];
            dhPrev = new double[cap * h];
            dGates = new double[cap * g];
            dProjEnc = new double[s * g];
            dProjDec = new double[s * g];
        }

        @Override
        public int outputDim() {
            return lt;
        }

        @Override
        public double lossAndGradient(double[] parameters, Batch batch, double[] gradient) {
            int n = rows(batch, true);
            prepare(parameters);
            Feed mode = batch.training() && teacherForcing < 1 ? Feed.MIXED : Feed.TEACHER;
            run(parameters, n, mode, batch.seed());
            double value = tokenLoss(n, batch, dLogits);
            backward(parameters, n, gradient);
            return value;
        }

        @Override
        public double[] forward(double[] parameters, Batch batch) {
            int n = rows(batch, false);
            prepare(parameters);
            run(parameters, n, Feed.GREEDY, batch.seed());
            for (int i = 0; i < n * lt; i++) {
                predictions[i] = argmax(logits, i * v);
            }
            return predictions;
        }

        @Override
        public Score score(double[] parameters, Batch batch, LossFunction boundLoss, DataShape shape) {
            int n = rows(batch, true);
            prepare(parameters);
            run(parameters, n, Feed.TEACHER, batch.seed());
            double value = tokenLoss(n, batch, null);
            run(parameters, n, Feed.GREEDY, batch.seed());
            int exact = 0;
            for (int i = 0; i < n; i++) {
                boolean same = true;
                for (int t = 0; t < lt && same; t++) {
                    same = argmax(logits, (i * lt + t) * v) == target[i * lt + t];
                }
                if (same) {
                    exact++;
                }
            }
            return new Score(value, exact);
        }

        /** Reads and checks the batch's source tokens, and its target tokens when asked; returns its size. */
        private int rows(Batch batch, boolean targets) {
            int n = batch.size();
            if (n > cap) {
                throw new IllegalArgumentException("batch of " + n + " rows exceeds the evaluator's " + cap);
            }
            read(batch.inputs(), n, ls, source, "source");
            if (targets) {
                read(batch.targets(), n, lt, target, "target");
            }
            return n;
        }

        private void read(double[] values, int n, int width, int[] tokens, String side) {
            for (int i = 0; i < n * width; i++) {
                double t = values[i];
                if (!(t >= 0 && t < v && t == Math.rint(t))) {
                    throw new IllegalArgumentException(owner + ": " + side + " token " + (i % width + 1) + " of batch row "
                            + (i / width + 1) + " is " + t + ", not a token index in 0.." + (v - 1));
                }
                tokens[i] = (int) t;
            }
        }

        /** The loss of the logits against the targets; with {@code grad}, its gradient. */
        private double tokenLoss(int n, Batch batch, double @Nullable [] grad) {
            int tokens = n * lt;
            double value = lossFunction.evaluate(tokens, tokenShape(tokens), logits, batch.targets(), grad);
            if (sum) {
                value *= lt;
                if (grad != null) {
                    for (int i = 0; i < tokens * v; i++) {
                        grad[i] *= lt;
                    }
                }
            }
            return value;
        }

        /** Input projections of every token and the transposed weights. */
        private void prepare(double[] p) {
            project(p, encoder, projEnc);
            project(p, decoder, projDec);
            transpose(p, encoder.whh, g, h, whhTEnc);
            transpose(p, decoder.whh, g, h, whhTDec);
            transpose(p, outWeightOff, v, h, woT);
        }

        private void project(double[] p, Gru gru, double[] proj) {
            for (int k = 0; k < s; k++) {
                int x = embOff + k * e;
                for (int o = 0; o < g; o++) {
                    double a = p[gru.bih + o];
                    int w = gru.wih + o * e;
                    for (int j = 0; j < e; j++) {
                        a += p[w + j] * p[x + j];
                    }
                    proj[k * g + o] = a;
                }
            }
        }

        private static void transpose(double[] p, int from, int rows, int cols, double[] out) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[c * rows + r] = p[from + r * cols + c];
                }
            }
        }

        /** Encoder over the source, then decoder steps feeding tokens as {@code mode} says. */
        private void run(double[] p, int n, Feed mode, long seed) {
            Arrays.fill(hEnc[0], 0, n * h, 0);
            for (int t = 0; t < ls; t++) {
                step(p, encoder.bhh, projEnc, whhTEnc, hEnc[t], source, ls, t, n, hEnc[t + 1], rEnc[t], zEnc[t], nEnc[t],
                        cnEnc[t]);
            }
            SplitMix64 coins = new SplitMix64(seed);
            for (int t = 0; t < lt; t++) {
                for (int i = 0; i < n; i++) {
                    int token;
                    if (t == 0) {
                        token = v;
                    } else if (mode == Feed.TEACHER || (mode == Feed.MIXED && coins.nextDouble() < teacherForcing)) {
                        token = target[i * lt + t - 1];
                    } else {
                        token = argmax(logits, (i * lt + t - 1) * v);
                    }
                    feed[i * lt + t] = token;
                }
                step(p, decoder.bhh, projDec, whhTDec, hDec[t], feed, lt, t, n, hDec[t + 1], rDec[t], zDec[t], nDec[t],
                        cnDec[t]);
                outputs(p, n, t);
            }
        }

        /** One GRU step for n rows: tokens[i*stride + t] in, h from hp to hOut. */
        private void step(double[] p, int bhh, double[] proj, double[] whhT, double[] hp, int[] tokens, int stride,
                int t, int n, double[] hOut, double[] r, double[] z, double[] nn, double[] cn) {
            for (int i = 0; i < n; i++) {
                int row = i * g;
                System.arraycopy(p, bhh, gates, row, g);
                for (int k = 0; k < h; k++) {
                    double a = hp[i * h + k];
                    int w = k * g;
                    for (int o = 0; o < g; o++) {
                        gates[row + o] += a * whhT[w + o];
                    }
                }
                int x = tokens[i * stride + t] * g;
                for (int j = 0; j < h; j++) {
                    int q = i * h + j;
                    double rv = sigmoid(proj[x + j] + gates[row + j]);
                    double zv = sigmoid(proj[x + h + j] + gates[row + h + j]);
                    double c = gates[row + 2 * h + j];
                    double nv = Math.tanh(proj[x + 2 * h + j] + rv * c);
                    r[q] = rv;
                    z[q] = zv;
                    nn[q] = nv;
                    cn[q] = c;
                    hOut[q] = (1 - zv) * nv + zv * hp[q];
                }
            }
        }

        /** The logits of decoder step t from the state after it. */
        private void outputs(double[] p, int n, int t) {
            double[] state = hDec[t + 1];
            for (int i = 0; i < n; i++) {
                int o = (i * lt + t) * v;
                System.arraycopy(p, outBiasOff, logits, o, v);
                for (int k = 0; k < h; k++) {
                    double a = state[i * h + k];
                    int w = k * v;
                    for (int c = 0; c < v; c++) {
                        logits[o + c] += a * woT[w + c];
                    }
                }
            }
        }

        /** Backpropagation through time from dLogits into the gradient of every block. */
        private void backward(double[] p, int n, double[] grad) {
            Arrays.fill(grad, 0);
            Arrays.fill(dProjEnc, 0);
            Arrays.fill(dProjDec, 0);
            Arrays.fill(dh, 0, n * h, 0);
            for (int t = lt - 1; t >= 0; t--) {
                double[] state = hDec[t + 1];
                for (int i = 0; i < n; i++) {
                    int o = (i * lt + t) * v;
                    for (int c = 0; c < v; c++) {
                        double d = dLogits[o + c];
                        grad[outBiasOff + c] += d;
                        int w = outWeightOff + c * h;
                        for (int k = 0; k < h; k++) {
                            grad[w + k] += d * state[i * h + k];
                            dh[i * h + k] += d * p[w + k];
                        }
                    }
                }
                stepBack(p, grad, decoder, dProjDec, hDec[t], feed, lt, t, n, rDec[t], zDec[t], nDec[t], cnDec[t]);
            }
            for (int t = ls - 1; t >= 0; t--) {
                stepBack(p, grad, encoder, dProjEnc, hEnc[t], source, ls, t, n, rEnc[t], zEnc[t], nEnc[t], cnEnc[t]);
            }
            projectBack(p, grad, encoder, dProjEnc);
            projectBack(p, grad, decoder, dProjDec);
        }

        /**
         * Back through one GRU step: dh holds the gradient of the state after it and receives the
         * gradient of the state before it; recurrent weights and biases are accumulated into grad,
         * the input projections' gradient into dProj.
         */
        private void stepBack(double[] p, double[] grad, Gru gru, double[] dProj, double[] hp, int[] tokens,
                int stride, int t, int n, double[] r, double[] z, double[] nn, double[] cn) {
            for (int i = 0; i < n; i++) {
                int row = i * g;
                int x = tokens[i * stride + t] * g;
                for (int j = 0; j < h; j++) {
                    int q = i * h + j;
                    double d = dh[q];
                    double zv = z[q];
                    double nv = nn[q];
                    double rv = r[q];
                    double dan = d * (1 - zv) * (1 - nv * nv);
                    double daz = d * (hp[q] - nv) * zv * (1 - zv);
                    double dar = dan * cn[q] * rv * (1 - rv);
                    dhPrev[q] = d * zv;
                    dGates[row + j] = dar;
                    dGates[row + h + j] = daz;
                    dGates[row + 2 * h + j] = dan * rv;
                    dProj[x + j] += dar;
                    dProj[x + h + j] += daz;
                    dProj[x + 2 * h + j] += dan;
                }
                for (int o = 0; o < g; o++) {
                    double c = dGates[row + o];
                    grad[gru.bhh + o] += c;
                    int w = gru.whh + o * h;
                    for (int k = 0; k < h; k++) {
                        grad[w + k] += c * hp[i * h + k];
                        dhPrev[i * h + k] += c * p[w + k];
                    }
                }
            }
            System.arraycopy(dhPrev, 0, dh, 0, n * h);
        }

        /** From the input projections' gradient to the embedding, W_i and b_i. */
        private void projectBack(double[] p, double[] grad, Gru gru, double[] dProj) {
            for (int k = 0; k < s; k++) {
                int x = embOff + k * e;
                for (int o = 0; o < g; o++) {
                    double d = dProj[k * g + o];
                    if (d == 0) {
                        continue;
                    }
                    grad[gru.bih + o] += d;
                    int w = gru.wih + o * e;
                    for (int j = 0; j < e; j++) {
                        grad[w + j] += d * p[x + j];
                        grad[x + j] += d * p[w + j];
                    }
                }
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Index of the largest of v values from {@code from}; the first on ties. */
    private int argmax(double[] values, int from) {
        int best = 0;
        for (int c = 1; c < vocabulary; c++) {
            if (values[from + c] > values[from + best]) {
                best = c;
            }
        }
        return best;
    }
}
