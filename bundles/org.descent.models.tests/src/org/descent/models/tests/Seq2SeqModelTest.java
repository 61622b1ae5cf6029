package org.descent.models.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Vocabulary;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The GRU encoder–decoder against PyTorch 1.13 (fixtures/pytorch_seq2seq.py: torch.nn.GRU and
 * torch.nn.Linear loaded with the same SplitMix64 initialisation, fp64): the initial parameters,
 * one forward/backward (loss and flat gradient within 1e-10 relative, elementwise with a floor of
 * 1e-6), with teacher forcing, label smoothing and mean reduction, and with half the decoder inputs
 * the model's own predictions (coins from the batch seed); the greedy decoding, the teacher-forced
 * validation loss and the exact-match count; every block against central finite differences
 * extrapolated to fourth order (steps 5e-4 and 1e-3 times max(1, |θ|)) within 1e-6 relative,
 * elementwise with a floor of 1e-4.
 */
class Seq2SeqModelTest {

    static Map<String, Object> fixture;

    @BeforeAll
    static void load() throws IOException {
        fixture = Fixture.load(Seq2SeqModelTest.class, "fixtures/seq2seq.json").object();
    }

    record Case(String name, Model model, List<ParameterBlock> blocks, double[] theta, Batch batch, LossFunction loss,
            DataShape shape, Map<String, Object> k) {
    }

    @SuppressWarnings("unchecked")
    static Case setUp(Map<String, Object> k) {
        Map<String, Object> hp = new LinkedHashMap<>((Map<String, Object>) k.get("hyperparameters"));
        Model model = Contributions.create("models", "seq2seq", hp, Model.class);
        LossFunction loss = Contributions.create("losses", (String) k.get("loss"),
                Map.of("label_smoothing", k.get("label_smoothing")), LossFunction.class);
        double[][] source = Fixture.matrix(k.get("source"));
        double[][] target = Fixture.matrix(k.get("target"));
        int n = source.length;
        DataShape shape = new DataShape(n, source[0].length, target[0].length, 0);
        Data data = new Data((String) k.get("name"), shape, Fixture.flat(k.get("source")), Fixture.flat(k.get("target")),
                List.of());
        List<ParameterBlock> blocks = model.bind(shape, loss);
        model.observe(data);
        double[] theta = new double[ParameterBlock.total(blocks)];
        model.initialise(theta, ((Number) k.get("init_seed")).longValue());
        Batch batch = Batch.of(data).mode((Boolean) k.get("training"), ((Number) k.get("batch_seed")).longValue());
        return new Case((String) k.get("name"), model, blocks, theta, batch, loss, shape, k);
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (Object o : (List<Object>) Fixture.get(fixture, "cases")) {
            all.add(setUp((Map<String, Object>) o));
        }
        return all;
    }

    static Case named(String name) {
        return cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @TestFactory
    List<DynamicTest> onePassMatchesPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                double[] expectedTheta = Fixture.doubles(c.k().get("theta"));
                assertTrue(Numerics.maxRelativeError(c.theta(), expectedTheta, 1e-300) <= 1e-15,
                        c.name() + ": initial parameters drawn as the script draws them");
                double[] theta = expectedTheta;
                Model.Evaluator ev = c.model().evaluator(Precision.FP64, c.batch().size());
                double[] g = new double[theta.length];
                double value = ev.lossAndGradient(theta, c.batch(), g);
                double expected = ((Number) c.k().get("value")).doubleValue();
                assertEquals(expected, value, 1e-10 * Math.abs(expected), c.name() + ": loss");
                double e = Numerics.maxRelativeError(g, Fixture.doubles(c.k().get("gradient")), 1e-6);
                assertTrue(e <= 1e-10, c.name() + ": gradient relative error " + e);

                double[] out = ev.forward(theta, c.batch());
                assertEquals(c.batch().size() * c.shape().targetDim(), c.batch().size() * ev.outputDim());
                assertArrayEquals(Fixture.flat(c.k().get("greedy")), Arrays.copyOf(out, c.batch().size()
                        * ev.outputDim()), 0, c.name() + ": greedy decoding");
                Model.Score score = ev.score(theta, c.batch(), c.loss(), c.shape());
                double forced = ((Number) c.k().get("teacher_forced_value")).doubleValue();
                assertEquals(forced, score.loss(), 1e-10 * forced, c.name() + ": validation loss is teacher-forced");
                assertEquals(((Number) c.k().get("exact")).doubleValue(), score.correct(), c.name() + ": exact matches");
            }));
        }
        assertEquals(4, tests.size());
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyBlockMatchesFiniteDifferences() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                Model.Evaluator ev = c.model().evaluator(Precision.FP64, c.batch().size());
                double[] g = new double[c.theta().length];
                ev.lossAndGradient(c.theta(), c.batch(), g);
                double[] scratch = new double[g.length];
                double[] fd = richardson(t -> ev.lossAndGradient(t, c.batch(), scratch), c.theta(), STEP);
                for (ParameterBlock b : c.blocks()) {
                    double[] analytic = Arrays.copyOfRange(g, b.offset(), b.offset() + b.size());
                    double[] numeric = Arrays.copyOfRange(fd, b.offset(), b.offset() + b.size());
                    double e = Numerics.maxRelativeError(analytic, numeric, 1e-4);
                    assertTrue(e <= 1e-6, c.name() + " " + b + ": finite-difference relative error " + e);
                    assertTrue(Arrays.stream(analytic).anyMatch(x -> x != 0), c.name() + " " + b + " has a gradient");
                }
            }));
        }
        return tests;
    }

    /** Step of the finite differences, times max(1, |θ|). */
    static final double STEP = 5e-4;

    /**
     * Central differences extrapolated to fourth order, (4·D(h) − D(2h)) / 3: the loss sums many
     * rounded terms through ten GRU steps, and plain central differences with a step small enough
     * for their truncation error let that rounding through at about 1e-6 of the smallest gradients.
     */
    static double[] richardson(java.util.function.ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] d1 = Numerics.finiteDifferenceGradient(f, x, h);
        double[] d2 = Numerics.finiteDifferenceGradient(f, x, 2 * h);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (4 * d1[i] - d2[i]) / 3;
        }
        return out;
    }

    @Test
    void blocksAreNamedAsPyTorchNamesThem() {
        assertEquals("[embedding.weight[11, 4], encoder.weight_ih[18, 4], encoder.weight_hh[18, 6], encoder.bias_ih[18],"
                + " encoder.bias_hh[18], decoder.weight_ih[18, 4], decoder.weight_hh[18, 6], decoder.bias_ih[18],"
                + " decoder.bias_hh[18], output.weight[10, 6], output.bias[10]]", named("reverse-sum").blocks().toString());
    }

    @Test
    void exactMatchCountsWholeRows() {
        Case c = named("reverse-sum");
        Model.Evaluator ev = c.model().evaluator(Precision.FP64, c.batch().size());
        double[] greedy = ev.forward(c.theta(), c.batch()).clone();
        int n = c.batch().size();
        int t = c.shape().targetDim();
        System.arraycopy(greedy, 0, c.batch().targets(), 0, n * t);
        assertEquals(n, ev.score(c.theta(), c.batch(), c.loss(), c.shape()).correct(), "targets = greedy decoding");
        c.batch().targets()[t - 1] = (c.batch().targets()[t - 1] + 1) % 10;
        assertEquals(n - 1, ev.score(c.theta(), c.batch(), c.loss(), c.shape()).correct(),
                "one wrong token fails its row");
    }

    @Test
    void teacherForcingCoinsComeFromTheBatchSeed() {
        Case c = named("teacher-forcing-half");
        Model.Evaluator ev = c.model().evaluator(Precision.FP64, c.batch().size());
        double[] g = new double[c.theta().length];
        double a = ev.lossAndGradient(c.theta(), c.batch(), g);
        double b = ev.lossAndGradient(c.theta(), c.batch(), g);
        assertEquals(a, b, 0, "same seed, same coins");
        List<Double> others = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            c.batch().mode(true, seed);
            others.add(ev.lossAndGradient(c.theta(), c.batch(), g));
        }
        assertTrue(others.stream().anyMatch(x -> x != a), "other seeds, other coins: " + others);
        c.batch().mode(false, 1);
        double forced = ((Number) c.k().get("teacher_forced_value")).doubleValue();
        assertEquals(forced, ev.lossAndGradient(c.theta(), c.batch(), g), 1e-10 * forced,
                "evaluation passes are teacher-forced");
    }

    @Test
    void misfitsAreRefusedWithTheirReason() {
        Model model = Contributions.create("models", "seq2seq", Map.of("hidden", "4", "embedding", "3"), Model.class);
        DataShape shape = new DataShape(2, 3, 3, 0);
        LossFunction mse = Contributions.create("losses", "mse", Map.of(), LossFunction.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.bind(shape, mse));
        assertTrue(e.getMessage().contains("seq2seq") && e.getMessage().contains("cross-entropy"), e.getMessage());
        LossFunction bce = Contributions.create("losses", "bce-logits", Map.of(), LossFunction.class);
        e = assertThrows(IllegalArgumentException.class, () -> model.bind(shape, bce));
        assertTrue(e.getMessage().contains("cross-entropy"), e.getMessage());

        LossFunction ce = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        model.bind(shape, ce);
        e = assertThrows(IllegalArgumentException.class, () -> model.evaluator(Precision.FP32, 4));
        assertTrue(e.getMessage().contains("fp64 only"), e.getMessage());

        Data notTokens = new Data("halves", shape, new double[] { 1, 2, 3, 4, 5.5, 6 }, new double[6], List.of());
        e = assertThrows(IllegalArgumentException.class, () -> model.observe(notTokens));
        assertTrue(e.getMessage().contains("source token 2 of row 2 of 'halves' is 5.5"), e.getMessage());
        Data tooLarge = new Data("big", shape, new double[6], new double[] { 0, 0, 0, 0, 10, 0 }, List.of());
        e = assertThrows(IllegalArgumentException.class, () -> model.observe(tooLarge));
        assertTrue(e.getMessage().contains("target token 2 of row 2") && e.getMessage().contains("0..9"),
                e.getMessage());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            tokens.add(i < 10 ? Integer.toString(i) : "<end>");
        }
        Data padded = new Data("padded", shape, new double[6], new double[6], List.of(),
                new Vocabulary(tokens, new long[11]));
        e = assertThrows(IllegalArgumentException.class, () -> model.observe(padded));
        assertTrue(e.getMessage().contains("set vocabulary=11"), e.getMessage());

        Model.Evaluator ev = model.evaluator(Precision.FP64, 2);
        double[] theta = new double[ParameterBlock.total(model.bind(shape, ce))];
        e = assertThrows(IllegalArgumentException.class, () -> ev.score(theta, Batch.of(tooLarge), ce, shape));
        assertTrue(e.getMessage().contains("target token 2 of batch row 2 is 10.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ev.forward(theta, Batch.of(notTokens)));
        assertTrue(e.getMessage().contains("source token 2 of batch row 2 is 5.5"), e.getMessage());
    }
}
