package org.descent.models.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Logistic;
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
 * word2vec's skip-gram (Mikolov et al. 2013) over (center, context) pairs of vocabulary indices, as
 * the {@code text} data set gives them: input the center word c, target the context word o. Every
 * word has an input vector {@code v} (block {@code input.weight [V, dim]}, the learned word
 * vectors) and the objective has output vectors {@code u}.
 * <p>
 * With {@code negative-sampling}, {@code output.weight [V, dim]} holds one output vector per word
 * and a pair's loss is {@code -log σ(u_o·v_c) - Σ_k log σ(-u_{w_k}·v_c)} over {@code k = negatives}
 * noise words drawn from the unigram distribution raised to {@code noise_power} (3/4 in the paper):
 * {@code u = nextDouble()·Σ count^power}, the first word whose cumulative weight exceeds u, from
 * {@code new SplitMix64(batch.seed())}, k draws per row in row order. A draw equal to o is skipped
 * (its term left out), as the C tool does.
 * <p>
 * With {@code hierarchical-softmax}, {@code output.weight [V-1, dim]} holds one vector per inner
 * node of a Huffman tree built from the vocabulary's counts exactly as the C tool's
 * {@code CreateBinaryTree} (the root is node V-2); a pair's loss is
 * {@code -Σ_d log σ((1-2·code_d)·u_{node_d}·v_c)} along o's path from the root, so that
 * {@code p(o|c)} sums to 1 over the vocabulary.
 * <p>
 * The reported loss is the mean over the batch's pairs, its gradient dense (zero where no pair
 * reached). Initialisation as the C tool: input vectors uniform in {@code ±0.5/dim} from
 * {@code SplitMix64(seed)} row by row, output vectors zero. {@link Evaluator#forward} gives V
 * scores per row: the logits {@code u_j·v_c} (negative sampling) or {@code log p(j|c)} (hierarchical
 * softmax); {@link Evaluator#score} reports the model's own sampled loss (negatives from the batch
 * seed) and no accuracy. The bound loss must be a V-class loss on logits (cross-entropy): the model
 * computes its own objective and does not call it. fp64 only.
 */
public final class Word2Vec implements Model {

    private String owner = "model 'word2vec'";
    private int dim = 50;
    private boolean hierarchical;
    private int negatives = 5;
    private double noisePower = 0.75;
    private int vocabularySize;
    private int inputOffset;
    private int outputOffset;
    /** Cumulative noise weights count^power (negative sampling). */
    private double @Nullable [] noise;
    /**
     * A guide into {@link #noise}: entry b is the first word whose cumulative weight exceeds b of
     * the vocabulary's size of equal shares of the total, so that a draw searches a few words,
     * not the whole vocabulary (the same word as the search over all of it).
     */
    private int @Nullable [] noiseGuide;
    /** Inner nodes from the root to each word's leaf, and the branch codes (hierarchical softmax). */
    private int @Nullable [][] points;
    private byte @Nullable [][] codes;

    @Override
    public void configure(Settings s) {
        owner = s.owner();
        dim = s.getInt("dim");
        hierarchical = s.getString("objective").equals("hierarchical-softmax");
        negatives = s.getInt("negatives");
        noisePower = s.getDouble("noise_power");
    }

    @Override
    public List<ParameterBlock> bind(DataShape shape, LossFunction loss) {
        if (shape.inputDim() != 1 || shape.targetDim() != 1 || shape.classes() < 2) {
            throw new IllegalArgumentException(owner + " trains on (center, context) word pairs: one input column and one"
                    + " class target over a vocabulary of at least two words, as --dataset text gives; this data has "
                    + shape.inputDim() + " input and " + shape.targetDim() + " target columns and " + shape.classes()
                    + " classes");
        }
        int v = shape.classes();
        String expected = " predicts the context word among the data's " + v
                + " words and computes its own sampled objective: use --loss cross-entropy";
        if (loss.outputKind() != OutputKind.LOGITS) {
            throw new IllegalArgumentException(owner + expected + "; this loss expects "
                    + loss.outputKind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " outputs");
        }
        int out;
        try {
            out = loss.outputDim(shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + expected + " (" + e.getMessage() + ")", e);
        }
        if (out != v) {
            throw new IllegalArgumentException(owner + expected + "; this loss wants " + out + " outputs per pair");
        }
        vocabularySize = v;
        List<ParameterBlock> blocks = new ArrayList<>();
        ParameterBlock input = new ParameterBlock("input.weight", new int[] { v, dim }, 0);
        ParameterBlock output = new ParameterBlock("output.weight", new int[] { hierarchical ? v - 1 : v, dim },
                input.size());
        blocks.add(input);
        blocks.add(output);
        inputOffset = input.offset();
        outputOffset = output.offset();
        noise = null;
        noiseGuide = null;
        points = null;
        codes = null;
        return blocks;
    }

    /**
     * Reads the word counts of the data's vocabulary: the noise distribution or the Huffman tree.
     *
     * @throws IllegalArgumentException when the data has no vocabulary, or one of another size
     */
    @Override
    public void observe(Data training) {
        Vocabulary v = training.vocabulary();
        if (v == null) {
            throw new IllegalArgumentException(owner + " needs data carrying a vocabulary with word counts (for the "
                    + (hierarchical ? "Huffman tree" : "noise distribution") + "), as the text data set gives"
                    + " (--dataset text); '" + training.name() + "' has none");
        }
        if (v.size() != vocabularySize) {
            throw new IllegalArgumentException(owner + " was bound to " + vocabularySize + " classes but '"
                    + training.name() + "' has a vocabulary of " + v.size() + " words");
        }
        long[] counts = new long[v.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = v.count(i);
        }
        if (hierarchical) {
            huffman(counts);
        } else {
            double[] cdf = new double[counts.length];
            double sum = 0;
            for (int i = 0; i < counts.length; i++) {
                sum += Math.pow(counts[i], noisePower);
                cdf[i] = sum;
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException(owner + ": the vocabulary of '" + training.name()
                        + "' has no word with a positive count to draw negative samples from");
            }
            noise = cdf;
            noiseGuide = guide(cdf);
        }
    }

    /** The guide of {@link #noiseGuide}: as many shares as words, and one entry past the last. */
    private static int[] guide(double[] cdf) {
        int n = cdf.length;
        double scale = n / cdf[n - 1];
        int[] guide = new int[n + 1];
        int i = 0;
        for (int b = 0; b <= n; b++) {
            while (i < n - 1 && cdf[i] * scale <= b) {
                i++;
            }
            guide[b] = i;
        }
        return guide;
    }

    /**
     * The C tool's CreateBinaryTree: two queues (leaves in descending count order, taken from the
     * rarest, and new inner nodes), the smaller first; the second child of each merge has code 1.
     */
    private void huffman(long[] counts) {
        int v = counts.length;
        Integer[] order = new Integer[v];
        for (int i = 0; i < v; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(counts[b], counts[a]));
        long[] count = new long[2 * v];
        for (int a = 0; a < v; a++) {
            count[a] = counts[order[a]];
        }
        Arrays.fill(count, v, 2 * v, Long.MAX_VALUE / 4);
        int[] parent = new int[2 * v];
        byte[] binary = new byte[2 * v];
        int pos1 = v - 1;
        int pos2 = v;
        for (int a = 0; a < v - 1; a++) {
            int min1;
            int min2;
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min1 = pos1--;
            } else {
                min1 = pos2++;
            }
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min2 = pos1--;
            } else {
                min2 = pos2++;
            }
            count[v + a] = count[min1] + count[min2];
            parent[min1] = v + a;
            parent[min2] = v + a;
            binary[min2] = 1;
        }
        int[][] p = new int[v][];
        byte[][] c = new byte[v][];
        int[] path = new int[2 * v];
        byte[] code = new byte[2 * v];
        for (int a = 0; a < v; a++) {
            int n = 0;
            for (int b = a; b != 2 * v - 2; b = parent[b]) {
                code[n] = binary[b];
                path[n] = b;
                n++;
            }
            int[] nodes = new int[n];
            byte[] bits = new byte[n];
            nodes[0] = v - 2;
            for (int b = 0; b < n; b++) {
                bits[n - b - 1] = code[b];
                if (b > 0) {
                    nodes[n - b] = path[b] - v;
                }
            }
            p[order[a]] = nodes;
            c[order[a]] = bits;
        }
        points = p;
        codes = c;
    }

    /** The inner nodes on a word's path from the root (hierarchical softmax), for tests. */
    public int[] path(int word) {
        return requirePoints()[word].clone();
    }

    /** The branch codes along a word's path (hierarchical softmax), for tests. */
    public byte[] code(int word) {
        return requireCodes()[word].clone();
    }

    private int[][] requirePoints() {
        int[][] p = points;
        if (p == null) {
            throw new IllegalStateException(owner + " has not observed its training data");
        }
        return p;
    }

    private byte[][] requireCodes() {
        byte[][] c = codes;
        if (c == null) {
            throw new IllegalStateException(owner + " has not observed its training data");
        }
        return c;
    }

    @Override
    public void initialise(double[] parameters, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        for (int i = 0; i < vocabularySize * dim; i++) {
            parameters[inputOffset + i] = (random.nextDouble() - 0.5) / dim;
        }
        int outputs = (hierarchical ? vocabularySize - 1 : vocabularySize) * dim;
        Arrays.fill(parameters, outputOffset, outputOffset + outputs, 0);
    }

    @Override
    public Evaluator evaluator(Precision precision, int maxBatch) {
        if (precision != Precision.FP64) {
            throw new IllegalArgumentException(owner + " computes in fp64 only, not " + precision.id());
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + maxBatch);
        }
        if (hierarchical ? points == null : noise == null) {
            throw new IllegalStateException(owner + " has not observed its training data (its vocabulary's counts)");
        }
        return new Word2VecEvaluator(maxBatch);
    }

    /** The evaluator: sampled loss and gradient, forward scores. */
    public final class Word2VecEvaluator implements Evaluator {

        private final int v = vocabularySize;
        private final int d = dim;
        /** The gradient of a pair's center row, summed over its terms. */
        private final double[] dv;
        private double[] scores = new double[0];
        private final double[] nodeScores;
        /** The negatives of the last pass, {@code rows x negatives}, -1 where a draw hit the target. */
        private final int[] lastNegatives;
        /** A pair's logistic terms: the offsets of their output rows, their labels, scores and gradients. */
        private final int[] termRows;
        private final int[] termLabels;
        private final double[] termScores;
        private final double[] termGradients;

        Word2VecEvaluator(int maxBatch) {
            dv = new double[d];
            nodeScores = new double[Math.max(0, v - 1)];
            lastNegatives = hierarchical ? new int[0] : new int[maxBatch * negatives];
            int terms = 1 + negatives;
            if (hierarchical) {
                for (int[] path : requirePoints()) {
                    terms = Math.max(terms, path.length);
                }
            }
            termRows = new int[terms];
            termLabels = new int[terms];
            termScores = new double[terms];
            termGradients = new double[terms];
        }

        @Override
        public int outputDim() {
            return v;
        }

        /** The noise words drawn in the last pass, row by row, -1 for a skipped draw (for tests). */
        public int[] lastNegatives(int rows) {
            return Arrays.copyOf(lastNegatives, rows * negatives);
        }

        @Override
        public double lossAndGradient(double[] parameters, Batch batch, double[] gradient) {
            Arrays.fill(gradient, 0);
            return pass(parameters, batch, gradient);
        }

        @Override
        public Score score(double[] parameters, Batch batch, LossFunction loss, DataShape shape) {
            return new Score(pass(parameters, batch, null), Double.NaN);
        }

        private double pass(double[] p, Batch batch, double @Nullable [] grad) {
            int n = batch.size();
            double scale = 1.0 / n;
            SplitMix64 random = new SplitMix64(batch.seed());
            double sum = 0;
            for (int r = 0; r < n; r++) {
                int c = word(batch.inputs()[r], r, "center");
                int o = word(batch.targets()[r], r, "context");
                int count = 0;
                if (hierarchical) {
                    int[] nodes = requirePoints()[o];
                    byte[] bits = requireCodes()[o];
                    for (int j = 0; j < nodes.length; j++) {
                        termRows[count] = outputOffset + nodes[j] * d;
                        termLabels[count++] = 1 - bits[j];
                    }
                } else {
                    termRows[count] = outputOffset + o * d;
                    termLabels[count++] = 1;
                    for (int k = 0; k < negatives; k++) {
                        int w = sample(random);
                        lastNegatives[r * negatives + k] = w == o ? -1 : w;
                        if (w != o) {
                            termRows[count] = outputOffset + w * d;
                            termLabels[count++] = 0;
                        }
                    }
                }
                sum = terms(p, grad, inputOffset + c * d, count, scale, sum);
            }
            return sum * scale;
        }

        /**
         * A pair's logistic terms, {@code -log σ(x)} for label 1 and {@code -log σ(-x)} for label 0
         * with {@code x = u·v_c} for each output row u; adds their gradients (times {@code scale})
         * to the rows and to the center word's row; returns {@code sum} plus the terms.
         * <p>
         * The rows are random rows of a large table, so a step waits mostly on memory: each pass
         * goes over the center vector once and reads all the rows together, so that their loads
         * overlap. Each sum is taken in the order of one term at a time (the same bits).
         */
        private double terms(double[] p, double @Nullable [] grad, int vc, int count, double scale, double sum) {
            int[] rows = termRows;
            double[] x = termScores;
            for (int j = 0; j < count; j += 4) {
                // four rows at a time (the last group repeats its first row), each summed in order
                int r0 = rows[j];
                int r1 = j + 1 < count ? rows[j + 1] : r0;
                int r2 = j + 2 < count ? rows[j + 2] : r0;
                int r3 = j + 3 < count ? rows[j + 3] : r0;
                double x0 = 0;
                double x1 = 0;
                double x2 = 0;
                double x3 = 0;
                for (int i = 0; i < d; i++) {
                    double center = p[vc + i];
                    x0 += center * p[r0 + i];
                    x1 += center * p[r1 + i];
                    x2 += center * p[r2 + i];
                    x3 += center * p[r3 + i];
                }
                x[j] = x0;
                if (j + 1 < count) {
                    x[j + 1] = x1;
                }
                if (j + 2 < count) {
                    x[j + 2] = x2;
                }
                if (j + 3 < count) {
                    x[j + 3] = x3;
                }
            }
            double[] g = termGradients;
            for (int j = 0; j < count; j++) {
                // e^-|x| once for both: σ(x) and softplus(±x) = max(±x, 0) + log(1 + e^-|x|), as
                // sigmoid and softplus compute them
                double e = Math.exp(-Math.abs(x[j]));
                g[j] = ((x[j] >= 0 ? 1 / (1 + e) : e / (1 + e)) - termLabels[j]) * scale;
                sum += Math.max(termLabels[j] == 1 ? -x[j] : x[j], 0) + Logistic.log1p(e);
            }
            if (grad != null) {
                Arrays.fill(dv, 0);
                int j = 0;
                for (; j + 3 < count; j += 4) {
                    int r0 = rows[j];
                    int r1 = rows[j + 1];
                    int r2 = rows[j + 2];
                    int r3 = rows[j + 3];
                    double g0 = g[j];
                    double g1 = g[j + 1];
                    double g2 = g[j + 2];
                    double g3 = g[j + 3];
                    for (int i = 0; i < d; i++) {
                        double center = p[vc + i];
                        grad[r0 + i] += g0 * center;
                        grad[r1 + i] += g1 * center;
                        grad[r2 + i] += g2 * center;
                        grad[r3 + i] += g3 * center;
                        dv[i] = (((dv[i] + g0 * p[r0 + i]) + g1 * p[r1 + i]) + g2 * p[r2 + i]) + g3 * p[r3 + i];
                    }
                }
                for (; j < count; j++) {
                    int r = rows[j];
                    double gj = g[j];
                    for (int i = 0; i < d; i++) {
                        grad[r + i] += gj * p[vc + i];
                        dv[i] += gj * p[r + i];
                    }
                }
                for (int i = 0; i < d; i++) {
                    grad[vc + i] += dv[i];
                }
            }
            return sum;
        }

        /** The first word whose cumulative noise weight exceeds a uniform draw over the total. */
        private int sample(SplitMix64 random) {
            double[] cdf = noise;
            int[] guide = noiseGuide;
            if (cdf == null || guide == null) {
                throw new IllegalStateException(owner + " has not observed its training data");
            }
            int n = cdf.length;
            double u = random.nextDouble() * cdf[n - 1];
            int b = Math.min(n - 1, (int) (u * (n / cdf[n - 1])));
            int lo = guide[b];
            int hi = guide[b + 1];
            if (!((lo == 0 || cdf[lo - 1] <= u) && (hi == n - 1 || cdf[hi] > u))) {
                // rounding put the draw outside its share's words: search them all
                lo = 0;
                hi = n - 1;
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        private int word(double value, int row, String role) {
            if (!(value >= 0 && value < v && value == Math.rint(value))) {
                throw new IllegalArgumentException(owner + ": the " + role + " word of batch row " + (row + 1) + " is "
                        + value + ", not a vocabulary index in 0.." + (v - 1));
            }
            return (int) value;
        }

        @Override
        public double[] forward(double[] p, Batch batch) {
            int n = batch.size();
            if (scores.length < n * v) {
                scores = new double[n * v];
            }
            for (int r = 0; r < n; r++) {
                int vc = inputOffset + word(batch.inputs()[r], r, "center") * d;
                if (hierarchical) {
                    for (int j = 0; j < v - 1; j++) {
                        nodeScores[j] = dot(p, vc, outputOffset + j * d);
                    }
                    int[][] nodes = requirePoints();
                    byte[][] bits = requireCodes();
                    for (int w = 0; w < v; w++) {
                        double logp = 0;
                        for (int j = 0; j < nodes[w].length; j++) {
                            double x = nodeScores[nodes[w][j]];
                            logp -= Logistic.softplus(bits[w][j] == 0 ? -x : x);
                        }
                        scores[r * v + w] = logp;
                    }
                } else {
                    for (int w = 0; w < v; w++) {
                        scores[r * v + w] = dot(p, vc, outputOffset + w * d);
                    }
                }
            }
            return scores;
        }

        private double dot(double[] p, int a, int b) {
            double x = 0;
            for (int i = 0; i < d; i++) {
                x += p[a + i] * p[b + i];
            }
            return x;
        }
    }
}
