package org.descent.models.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Logistic;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.SplitMix64;
import org.descent.core.Vocabulary;
import org.descent.models.internal.Word2Vec;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * word2vec's skip-gram with negative sampling and with hierarchical softmax: one pass against
 * PyTorch 1.13 with the same vectors, pairs and negatives (fixtures/pytorch_word2vec.py, within
 * 1e-10), the C tool's Huffman tree, the gradient against central finite differences (1e-6), the
 * C tool's initialisation, and the messages for data and settings it cannot use.
 */
class Word2VecModelTest {

    static List<Map<String, Object>> cases;

    @SuppressWarnings("unchecked")
    @BeforeAll
    static void load() throws IOException {
        cases = (List<Map<String, Object>>) Fixture.load(Word2VecModelTest.class, "fixtures/word2vec.json").object()
                .get("cases");
    }

    /** A model bound to pairs over a vocabulary with these counts, having observed them. */
    record Setup(Word2Vec model, List<ParameterBlock> blocks, Data data) {
        Model.Evaluator evaluator(int rows) {
            return model.evaluator(Precision.FP64, rows);
        }
    }

    static Setup setup(String objective, int dim, long[] counts, int[] centers, int[] contexts) {
        Word2Vec model = (Word2Vec) Contributions.create("models", "word2vec",
                Map.of("dim", dim, "objective", objective, "negatives", 5), Model.class);
        LossFunction loss = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            words.add("w" + i);
        }
        double[] x = new double[centers.length];
        double[] y = new double[centers.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = centers[i];
            y[i] = contexts[i];
        }
        DataShape shape = new DataShape(x.length, 1, 1, counts.length);
        Data data = new Data("pairs", shape, x, y, List.of("center"), new Vocabulary(words, counts));
        List<ParameterBlock> blocks = model.bind(shape, loss);
        model.observe(data);
        return new Setup(model, blocks, data);
    }

    static int[] ints(Object list) {
        double[] d = Fixture.doubles(list);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    static long[] longs(Object list) {
        double[] d = Fixture.doubles(list);
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (long) d[i];
        }
        return out;
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Logistic.log1p, the logistic losses' log(1 + e^-|x|), against StrictMath's log1p: within 4 ulps
     * from 1 down to the subnormals.
     */
    @Test
    void log1pFollowsStrictMathWithinFourUlps() {
        SplitMix64 random = new SplitMix64(7);
        List<Double> points = new ArrayList<>(List.of(0.0, 1.0, Double.MIN_VALUE));
        for (int k = 0; k <= 1074; k++) {
            points.add(Math.scalb(1.0, -k));
        }
        for (int i = 0; i < 100_000; i++) {
            points.add(random.nextDouble());
            points.add(random.nextDouble() * 1e-9);
        }
        for (double e : points) {
            double expected = StrictMath.log1p(e);
            assertEquals(expected, Logistic.log1p(e), 4 * Math.ulp(expected), "log1p(" + e + ")");
        }
    }

    @Test
    void onePassMatchesPyTorch() {
        for (Map<String, Object> k : cases) {
            String objective = (String) k.get("objective");
            int dim = ((Number) k.get("dim")).intValue();
            int[] centers = ints(k.get("centers"));
            Setup s = setup(objective, dim, longs(k.get("counts")), centers, ints(k.get("contexts")));
            double[] theta = concat(Fixture.flat(k.get("input")), Fixture.flat(k.get("output")));
            double[] expected = concat(Fixture.flat(k.get("grad_input")), Fixture.flat(k.get("grad_output")));
            assertEquals(theta.length, ParameterBlock.total(s.blocks()), objective + " layout");
            Model.Evaluator ev = s.evaluator(centers.length);
            Batch batch = Batch.of(s.data()).mode(true, ((Number) k.get("seed")).longValue());
            double[] grad = new double[theta.length];
            double value = ev.lossAndGradient(theta, batch, grad);
            double expectedValue = ((Number) k.get("value")).doubleValue();
            if (objective.equals("negative-sampling")) {
                int[] drawn = ((Word2Vec.Word2VecEvaluator) ev).lastNegatives(centers.length);
                assertArrayEquals(Fixture.flat(k.get("drawn")), java.util.Arrays.stream(drawn).asDoubleStream().toArray(),
                        "the same noise words, -1 where a draw hit the context word");
                assertTrue(java.util.Arrays.stream(drawn).anyMatch(w -> w < 0), "the fixture exercises a skipped draw");
            } else {
                List<?> points = (List<?>) k.get("points");
                List<?> codes = (List<?>) k.get("codes");
                for (int w = 0; w < points.size(); w++) {
                    assertArrayEquals(ints(points.get(w)), s.model().path(w), "Huffman path of word " + w);
                    int[] code = ints(codes.get(w));
                    byte[] bits = s.model().code(w);
                    for (int j = 0; j < code.length; j++) {
                        assertEquals(code[j], bits[j], "code of word " + w);
                    }
                }
            }
            assertEquals(expectedValue, value, 1e-10 * Math.abs(expectedValue), objective + " loss");
            double err = Numerics.maxRelativeError(grad, expected, 1e-3);
            System.out.printf("word2vec %s: loss %.12f (PyTorch %.12f), gradient error %.2e%n", objective, value,
                    expectedValue, err);
            assertTrue(err <= 1e-10, objective + " gradient, worst relative error " + err);
            double[] forward = ev.forward(theta, batch);
            double[] expectedForward = Fixture.flat(k.get("forward"));
            double[] got = java.util.Arrays.copyOf(forward, expectedForward.length);
            assertTrue(Numerics.maxRelativeError(got, expectedForward, 1e-3) <= 1e-10, objective + " forward");
            LossFunction ce = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
            Model.Score score = ev.score(theta, batch.mode(false, ((Number) k.get("seed")).longValue()), ce,
                    s.data().shape());
            assertEquals(value, score.loss(), 1e-15, "validation reports the same sampled loss");
            assertTrue(Double.isNaN(score.correct()), "no accuracy");
        }
    }

    @Test
    void hierarchicalSoftmaxIsADistribution() {
        long[] counts = { 40, 22, 22, 9, 5, 5, 3, 1 };
        Setup s = setup("hierarchical-softmax", 3, counts, new int[] { 0, 4, 7 }, new int[] { 1, 2, 3 });
        double[] theta = random(ParameterBlock.total(s.blocks()), 7);
        double[] logp = s.evaluator(3).forward(theta, Batch.of(s.data()));
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            for (int w = 0; w < counts.length; w++) {
                sum += Math.exp(logp[r * counts.length + w]);
            }
            assertEquals(1, sum, 1e-12, "p(w|c) over the vocabulary, row " + r);
        }
        // Frequent words sit near the root: the C tool's tree gives them shorter codes.
        assertTrue(s.model().path(0).length < s.model().path(7).length);
    }

    static double[] random(int n, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() - 0.5;
        }
        return x;
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        long[] counts = { 30, 20, 20, 11, 8, 4, 2, 1, 1 };
        int[] centers = { 0, 2, 2, 5, 8, 1 };
        int[] contexts = { 1, 0, 3, 5, 2, 7 };
        for (String objective : List.of("negative-sampling", "hierarchical-softmax")) {
            Setup s = setup(objective, 5, counts, centers, contexts);
            Model.Evaluator ev = s.evaluator(centers.length);
            Batch batch = Batch.of(s.data()).mode(true, 42);
            double[] theta = random(ParameterBlock.total(s.blocks()), 3);
            double[] grad = new double[theta.length];
            ev.lossAndGradient(theta, batch, grad);
            double[] numeric = Numerics.finiteDifferenceGradient(
                    t -> ev.lossAndGradient(t, batch, new double[t.length]), theta, 1e-5);
            double err = Numerics.maxRelativeError(grad, numeric, 1e-4);
            System.out.printf("word2vec %s: finite differences, worst relative error %.2e%n", objective, err);
            assertTrue(err <= 1e-6, objective + ": " + err);
            for (int w : new int[] { 3, 4, 6, 7 }) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(0, grad[w * 5 + i], "no gradient for the input vector of word " + w + ", never a center");
                }
            }
        }
    }

    @Test
    void initialisedAsTheCTool() {
        Setup s = setup("negative-sampling", 20, new long[] { 5, 3, 2 }, new int[] { 0 }, new int[] { 1 });
        double[] theta = new double[ParameterBlock.total(s.blocks())];
        java.util.Arrays.fill(theta, 9);
        s.model().initialise(theta, 11);
        double max = 0;
        for (int i = 0; i < 60; i++) {
            max = Math.max(max, Math.abs(theta[i]));
        }
        assertTrue(max <= 0.5 / 20 && max > 0.4 / 20, "input vectors uniform in ±0.5/dim: " + max);
        for (int i = 60; i < 120; i++) {
            assertEquals(0, theta[i], "output vectors start at zero");
        }
        double[] again = new double[theta.length];
        s.model().initialise(again, 11);
        assertArrayEquals(theta, again, "same seed, same vectors");
        assertEquals("[input.weight[3, 20], output.weight[3, 20]]", s.blocks().toString());
        Setup hs = setup("hierarchical-softmax", 20, new long[] { 5, 3, 2 }, new int[] { 0 }, new int[] { 1 });
        assertEquals("[input.weight[3, 20], output.weight[2, 20]]", hs.blocks().toString(), "V-1 inner nodes");
    }

    @Test
    void refusesWhatItCannotUse() {
        Model model = Contributions.create("models", "word2vec", Map.of(), Model.class);
        LossFunction ce = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        DataShape shape = new DataShape(2, 1, 1, 3);
        model.bind(shape, ce);
        Data plain = new Data("digits", shape, new double[] { 0, 1 }, new double[] { 1, 2 }, List.of("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.observe(plain));
        assertTrue(e.getMessage().contains("needs data carrying a vocabulary with word counts")
                && e.getMessage().contains("(--dataset text); 'digits' has none"), e.getMessage());
        LossFunction mse = Contributions.create("losses", "mse", Map.of(), LossFunction.class);
        e = assertThrows(IllegalArgumentException.class, () -> model.bind(shape, mse));
        assertTrue(e.getMessage().contains("use --loss cross-entropy"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.bind(new DataShape(5, 4, 1, 3), ce));
        assertTrue(e.getMessage().contains("(center, context) word pairs"), e.getMessage());
        Setup s = setup("negative-sampling", 4, new long[] { 3, 2 }, new int[] { 0 }, new int[] { 1 });
        e = assertThrows(IllegalArgumentException.class, () -> s.model().evaluator(Precision.FP32, 4));
        assertTrue(e.getMessage().contains("fp64 only"), e.getMessage());
        Batch bad = new Batch(1, 1, 1);
        bad.fill(new Data("pairs", new DataShape(1, 1, 1, 2), new double[] { 0 }, new double[] { 2 }, List.of("c")),
                new int[] { 0 }, 0, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> s.evaluator(1).lossAndGradient(new double[16], bad, new double[16]));
        assertTrue(e.getMessage().contains("the context word of batch row 1 is 2.0, not a vocabulary index in 0..1"),
                e.getMessage());
    }
}
