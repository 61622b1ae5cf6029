package org.descent.models.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LayerStatistics;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.SplitMix64;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The layered models (mlp with batch normalization, dropout and binary layers; cnn; resnet)
 * against PyTorch 1.13 (fixtures/pytorch_layers.py): one training-mode pass within 1e-10
 * (loss, every gradient, the running statistics it updates) and an evaluation-mode pass after
 * it; gradients against central finite differences within 1e-6; and the source material's
 * 20-layer ReLU network with and without batch normalization.
 */
class LayerModelTest {

    static Map<String, Object> fixture;

    @BeforeAll
    static void load() throws IOException {
        fixture = Fixture.load(LayerModelTest.class, "fixtures/layers.json").object();
    }

    /** A fixture case set up: model bound, parameters loaded, one batch. */
    record Case(String name, Model model, double[] theta, Batch batch, Map<String, Object> expected,
            List<ParameterBlock> blocks) {
    }

    static Map<String, Object> settings(String text) {
        Map<String, Object> hp = new LinkedHashMap<>();
        for (String kv : text.split(",")) {
            String[] p = kv.split("=", 2);
            hp.put(p[0], p[1]);
        }
        return hp;
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (Object o : (List<Object>) Fixture.get(fixture, "cases")) {
            Map<String, Object> k = (Map<String, Object>) o;
            String name = (String) k.get("name");
            int n = ((Number) k.get("rows")).intValue();
            int d = ((Number) k.get("inputs")).intValue();
            int out = ((Number) k.get("outputs")).intValue();
            boolean classes = k.get("loss").equals("cross-entropy");
            Model model = Contributions.create("models", (String) k.get("model"), settings((String) k.get("settings")),
                    Model.class);
            LossFunction loss = Contributions.create("losses", (String) k.get("loss"), Map.of(), LossFunction.class);
            DataShape shape = new DataShape(n, d, classes ? 1 : out, classes ? out : 0);
            List<ParameterBlock> blocks = model.bind(shape, loss);
            List<Object> names = (List<Object>) k.get("blocks");
            assertEquals(names.size(), blocks.size(), name + ": blocks " + blocks);
            for (int i = 0; i < blocks.size(); i++) {
                assertEquals(((List<Object>) names.get(i)).get(0), blocks.get(i).name(), name + ": block " + i);
            }
            double[] theta = Fixture.doubles(k.get("theta"));
            assertEquals(theta.length, ParameterBlock.total(blocks), name + ": parameter count");
            Data data = new Data(name, shape, Fixture.doubles(k.get("X")), Fixture.doubles(k.get("target")), List.of());
            all.add(new Case(name, model, theta, Batch.of(data).mode(true, 1), k, blocks));
        }
        assertEquals(8, all.size());
        return all;
    }

    @TestFactory
    List<DynamicTest> trainingAndEvaluationPassesMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                Model.Evaluator ev = c.model().evaluator(Precision.FP64, c.batch().size());
                double[] theta = c.theta().clone();
                double[] g = new double[theta.length];
                double value = ev.lossAndGradient(theta, c.batch(), g);
                double expected = ((Number) c.expected().get("value")).doubleValue();
                assertEquals(expected, value, 1e-10 * Math.max(1, Math.abs(expected)), c.name() + ": loss");
                double e = Numerics.maxRelativeError(g, Fixture.doubles(c.expected().get("grad")), 1e-3);
                assertTrue(e <= 1e-10, c.name() + ": gradient relative error " + e);
                double after = Numerics.maxRelativeError(theta, Fixture.doubles(c.expected().get("theta_after")), 1e-3);
                assertTrue(after <= 1e-12, c.name() + ": running statistics after the pass, relative error " + after);
                c.batch().mode(false, 1);
                double[] out = ev.forward(theta, c.batch());
                double[] expectedOut = Fixture.doubles(c.expected().get("eval_output"));
                double o = Numerics.maxRelativeError(java.util.Arrays.copyOf(out, expectedOut.length), expectedOut, 1e-3);
                assertTrue(o <= 1e-10, c.name() + ": evaluation-mode outputs, relative error " + o);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> gradientsMatchFiniteDifferences() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            if (c.name().contains("binary") || c.name().contains("xnor")) {
                continue; // the straight-through estimator is not the gradient of the forward function
            }
            tests.add(DynamicTest.dynamicTest(c.name(), () -> checkFiniteDifferences(c.name(), c.model(), c.theta(),
                    c.batch())));
        }
        tests.add(DynamicTest.dynamicTest("mlp with dropout (same mask each pass)", () -> {
            Model model = Contributions.create("models", "mlp", Map.of("hidden", "7-5", "dropout", "0.3",
                    "batchnorm", "before"), Model.class);
            Case base = cases().get(0);
            double[] theta = new double[ParameterBlock.total(model.bind(new DataShape(7, 5, 1, 3), lossOf("cross-entropy")))];
            model.initialise(theta, 3);
            checkFiniteDifferences("dropout", model, theta, base.batch().mode(true, 42));
        }));
        return tests;
    }

    static LossFunction lossOf(String id) {
        return Contributions.create("losses", id, Map.of(), LossFunction.class);
    }

    static void checkFiniteDifferences(String name, Model model, double[] theta0, Batch batch) {
        Model.Evaluator ev = model.evaluator(Precision.FP64, batch.size());
        double[] theta = theta0.clone();
        double[] g = new double[theta.length];
        ev.lossAndGradient(theta, batch, g);
        double[] fd = Numerics.finiteDifferenceGradient(t -> ev.lossAndGradient(t, batch, new double[t.length]),
                theta.clone(), 1e-6);
        double e = Numerics.relativeNormError(g, fd, 1e-12);
        assertTrue(e <= 1e-6, name + ": gradient against finite differences, relative error " + e);
    }

    @Test
    void dropoutIsOffInEvaluationAndRepeatsWithTheSeed() {
        Model model = Contributions.create("models", "mlp", Map.of("hidden", "50", "dropout", "0.5"), Model.class);
        DataShape shape = new DataShape(4, 6, 1, 2);
        double[] theta = new double[ParameterBlock.total(model.bind(shape, lossOf("cross-entropy")))];
        model.initialise(theta, 1);
        double[] x = new double[24];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i);
        }
        Batch b = Batch.of(new Data("x", shape, x, new double[] { 0, 1, 0, 1 }, List.of()));
        Model.Evaluator ev = model.evaluator(Precision.FP64, 4);
        double[] eval1 = ev.forward(theta, b.mode(false, 1)).clone();
        double[] eval2 = ev.forward(theta, b.mode(false, 2)).clone();
        assertArrayEquals(eval1, eval2, 0, "evaluation passes ignore the seed");
        double[] train1 = ev.forward(theta, b.mode(true, 5)).clone();
        double[] train1Again = ev.forward(theta, b.mode(true, 5)).clone();
        double[] train2 = ev.forward(theta, b.mode(true, 6)).clone();
        assertArrayEquals(train1, train1Again, 0, "same seed, same mask");
        assertTrue(!java.util.Arrays.equals(train1, train2), "another seed draws another mask");
        assertTrue(!java.util.Arrays.equals(train1, eval1), "training passes drop units");
        List<LayerStatistics> stats = ((Model.Inspectable) ev).lastPass();
        LayerStatistics drop = stats.stream().filter(s -> s.kind().equals("dropout")).findFirst().orElseThrow();
        LayerStatistics relu = stats.get(stats.indexOf(drop) - 1);
        assertTrue(drop.zeroFraction() > relu.zeroFraction() + 0.2, "about half the units dropped: " + drop + " after " + relu);
    }

    /**
     * The source material's experiment (003, "Training very deep networks with Batchnorm"): 100
     * examples of 1000 standard normal inputs through 20 ReLU layers of 100 units, Xavier normal
     * weights, no biases. Without batch normalization the activations and gradients of the deep
     * layers collapse; with it (after the ReLU, as the post does) they stay at the scale of the
     * first layer.
     */
    @Test
    void twentyLayerReluNetworkCollapsesWithoutBatchNormAndNotWithIt() {
        SplitMix64 r = new SplitMix64(2018);
        int n = 100;
        int d = 1000;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
        }
        DataShape shape = new DataShape(n, d, 1, 10);
        Batch batch = Batch.of(new Data("gaussian", shape, x, y, List.of())).mode(true, 1);
        double[][] plain = layerStds(shape, batch, "none");
        double[][] normed = layerStds(shape, batch, "after");
        // activations: 2^(-19/2) ≈ 0.0014 of the first layer's after 19 more ReLU layers
        assertTrue(plain[0][19] / plain[0][0] < 0.01, "activations collapse: " + plain[0][0] + " → " + plain[0][19]);
        assertTrue(normed[0][19] / normed[0][0] > 0.5, "batch norm keeps them: " + normed[0][0] + " → " + normed[0][19]);
        for (int l = 0; l < 20; l++) {
            assertEquals(Math.sqrt(1 - 1e-5 / (1 + 1e-5)), normed[0][l], 0.05, "batch-normalized layer " + (l + 1));
        }
        // gradients reaching the layers' outputs: without batch norm they vanish on the way back to
        // the first layer (about 1e-3 of the last hidden layer's), with it they do not
        assertTrue(plain[1][0] / plain[1][19] < 0.01, "gradients vanish: layer1 " + plain[1][0] + ", layer20 " + plain[1][19]);
        assertTrue(normed[1][0] / normed[1][19] > 1, "with batch norm they do not: layer1 " + normed[1][0] + ", layer20 "
                + normed[1][19]);
        // and the first layer's weight gradient is orders of magnitude larger with it
        assertTrue(normed[2][0] / plain[2][0] > 1000, "first-layer weight gradient " + plain[2][0] + " without, "
                + normed[2][0] + " with batch norm");
    }

    /**
     * Standard deviations over the batch, per hidden layer: [0] its outputs, [1] the gradient
     * reaching them, [2] its weight gradient.
     */
    static double[][] layerStds(DataShape shape, Batch batch, String batchnorm) {
        Model model = Contributions.create("models", "mlp", Map.of("hidden", "100x20", "init", "xavier-normal", "bias",
                "false", "batchnorm", batchnorm), Model.class);
        double[] theta = new double[ParameterBlock.total(model.bind(shape, lossOf("cross-entropy")))];
        model.initialise(theta, 7);
        Model.Evaluator ev = model.evaluator(Precision.FP64, shape.rows());
        ev.lossAndGradient(theta, batch, new double[theta.length]);
        List<LayerStatistics> stats = ((Model.Inspectable) ev).lastPass();
        double[][] result = new double[3][20];
        for (int l = 1; l <= 20; l++) {
            String last = batchnorm.equals("none") ? "relu" + l : "bn" + l;
            int layer = l;
            result[0][l - 1] = stats.stream().filter(s -> s.layer().equals(last)).findFirst().orElseThrow().std();
            result[1][l - 1] = stats.stream().filter(s -> s.layer().equals(last)).findFirst().orElseThrow().gradientStd();
            result[2][l - 1] = stats.stream().filter(s -> s.layer().equals("layer" + layer)).findFirst().orElseThrow()
                    .weightGradientStd();
        }
        return result;
    }

    @Test
    void binaryLayersReportTheirScalingErrorAndMemorySaving() {
        Model model = Contributions.create("models", "mlp", Map.of("hidden", "32", "binary", "weights"), Model.class);
        DataShape shape = new DataShape(3, 64, 1, 10);
        double[] theta = new double[ParameterBlock.total(model.bind(shape, lossOf("cross-entropy")))];
        model.initialise(theta, 1);
        Model.Evaluator ev = model.evaluator(Precision.FP64, 3);
        ev.forward(theta, Batch.of(new Data("x", shape, new double[3 * 64], new double[3], List.of())));
        LayerStatistics l1 = ((Model.Inspectable) ev).lastPass().get(0);
        assertEquals("binary-dense", l1.kind());
        // uniform weights in ±b: α = mean|W| ≈ b/2 and ‖W − αB‖/‖W‖ = 1/2 for a uniform distribution
        assertEquals(0.5 / Math.sqrt(64), l1.extra().get("alpha"), 0.01);
        assertEquals(0.5, l1.extra().get("approximation_error"), 0.03);
        // 64x32 float weights are 65536 bits; as signs, 2048 bits plus 32 float scales (1024 bits): 3072
        assertEquals(65536.0 / 3072, l1.extra().get("memory_saving"), 1e-12);
    }

    /** ReLU outputs binarize to all +1; batch norm after the ReLU centres them (XNOR-Net's order). */
    @Test
    void xnorLayersReportHowManyInputsAreBinarizedToPlusOne() {
        DataShape shape = new DataShape(50, 8, 1, 3);
        SplitMix64 r = new SplitMix64(3);
        double[] x = new double[50 * 8];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        Batch batch = Batch.of(new Data("x", shape, x, new double[50], List.of())).mode(true, 1);
        double[] positive = new double[2];
        String[] batchnorm = { "none", "after" };
        for (int k = 0; k < 2; k++) {
            Model model = Contributions.create("models", "mlp", Map.of("hidden", "32-32", "binary", "xnor",
                    "keep_first_last", "true", "batchnorm", batchnorm[k]), Model.class);
            double[] theta = new double[ParameterBlock.total(model.bind(shape, lossOf("cross-entropy")))];
            model.initialise(theta, 2);
            Model.Evaluator ev = model.evaluator(Precision.FP64, 50);
            ev.forward(theta, batch);
            LayerStatistics layer2 = ((Model.Inspectable) ev).lastPass().stream().filter(s -> s.layer().equals("layer2"))
                    .findFirst().orElseThrow();
            assertEquals("xnor-dense", layer2.kind());
            positive[k] = layer2.extra().get("positive_inputs");
        }
        assertEquals(1.0, positive[0], 0, "straight from the ReLU");
        // centred by batch norm: both signs occur (fewer +1, since the ReLU zeros all map below the mean)
        assertTrue(positive[1] > 0.2 && positive[1] < 0.8, "centred by batch norm: " + positive[1]);
    }

    /** An epoch's last batch of one row: no batch statistics, so the running ones are used and kept. */
    @Test
    void batchNormOnOneRowUsesTheRunningStatistics() {
        Model model = Contributions.create("models", "mlp", Map.of("hidden", "4", "batchnorm", "after"), Model.class);
        DataShape shape = new DataShape(1, 3, 1, 2);
        List<ParameterBlock> blocks = model.bind(shape, lossOf("cross-entropy"));
        double[] theta = new double[ParameterBlock.total(blocks)];
        model.initialise(theta, 1);
        double[] before = theta.clone();
        Batch one = Batch.of(new Data("one", shape, new double[] { 0.5, -1, 2 }, new double[] { 1 }, List.of()));
        Model.Evaluator ev = model.evaluator(Precision.FP64, 1);
        double[] g = new double[theta.length];
        double trainLoss = ev.lossAndGradient(theta, one.mode(true, 1), g);
        assertArrayEquals(before, theta, 0, "running statistics untouched");
        double evalLoss = lossOf("cross-entropy").evaluate(1, shape, ev.forward(theta, one.mode(false, 1)), one.targets(),
                null);
        assertEquals(evalLoss, trainLoss, 1e-15, "computed as an evaluation pass");
        assertTrue(Math.abs(g[blocks.get(0).offset()]) > 0, "the layer below still gets a gradient");
    }

    @Test
    void badArchitecturesAreNamed() {
        Model cnn = Contributions.create("models", "cnn", Map.of(), Model.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cnn.bind(new DataShape(10, 50, 1, 2), lossOf("cross-entropy")));
        assertTrue(e.getMessage().contains("'input'") && e.getMessage().contains("50"), e.getMessage());
        // batch norm, dropout and the rest compute in fp32 on the compute backend; binary layers do not
        Model mlp = Contributions.create("models", "mlp", Map.of("binary", "weights"), Model.class);
        mlp.bind(new DataShape(10, 5, 1, 2), lossOf("cross-entropy"));
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> mlp.evaluator(Precision.FP32, 4));
        assertTrue(f.getMessage().contains("fp64") && f.getMessage().contains("binary"), f.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> Contributions.create("models", "mlp", Map.of("hidden", "100x0"), Model.class));
        assertTrue(h.getMessage().contains("100x0"), h.getMessage());
    }

    @Test
    void initialisationsHaveTheirVariances() {
        DataShape shape = new DataShape(1, 400, 1, 10);
        Map<String, Double> expectedStd = Map.of("xavier-normal", Math.sqrt(2.0 / (400 + 300)), "xavier-uniform",
                Math.sqrt(6.0 / (400 + 300)) / Math.sqrt(3), "he-normal", Math.sqrt(2.0 / 400), "he-uniform",
                Math.sqrt(6.0 / 400) / Math.sqrt(3), "uniform", 1 / Math.sqrt(400) / Math.sqrt(3), "gaussian", 0.05);
        for (Map.Entry<String, Double> e : expectedStd.entrySet()) {
            Model model = Contributions.create("models", "mlp", Map.of("hidden", "300", "init", e.getKey(), "init_std",
                    "0.05"), Model.class);
            List<ParameterBlock> blocks = model.bind(shape, lossOf("cross-entropy"));
            double[] theta = new double[ParameterBlock.total(blocks)];
            model.initialise(theta, 5);
            ParameterBlock w = blocks.get(0);
            double ss = 0;
            for (int i = w.offset(); i < w.offset() + w.size(); i++) {
                ss += theta[i] * theta[i];
            }
            double std = Math.sqrt(ss / w.size());
            assertEquals(e.getValue(), std, 0.01 * e.getValue(), e.getKey() + ": std of layer1.weight");
            double bias = theta[blocks.get(1).offset()];
            assertTrue(e.getKey().equals("uniform") ? bias != 0 : bias == 0, e.getKey() + ": bias " + bias);
        }
    }

    /**
     * Wide convolutions unfold a few examples at a time (16x32x32 input with a 3x3 kernel: 3 per
     * product); the batch's gradient is still the mean of the examples' gradients.
     */
    @Test
    void convolutionInChunksEqualsExampleByExample() {
        int n = 5;
        int d = 16 * 32 * 32;
        Model cnn = Contributions.create("models", "cnn", Map.of("input", "16x32x32", "channels", "4", "pool", "avg"),
                Model.class);
        DataShape shape = new DataShape(n, d, 1, 3);
        double[] theta = new double[ParameterBlock.total(cnn.bind(shape, lossOf("cross-entropy")))];
        cnn.initialise(theta, 9);
        SplitMix64 r = new SplitMix64(4);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] y = { 0, 1, 2, 1, 0 };
        double[] batchGradient = new double[theta.length];
        double batchLoss = cnn.evaluator(Precision.FP64, n).lossAndGradient(theta,
                Batch.of(new Data("x", shape, x, y, List.of())), batchGradient);
        double[] mean = new double[theta.length];
        double meanLoss = 0;
        Model.Evaluator one = cnn.evaluator(Precision.FP64, 1);
        for (int i = 0; i < n; i++) {
            double[] g = new double[theta.length];
            meanLoss += one.lossAndGradient(theta, Batch.of(new Data("x" + i, new DataShape(1, d, 1, 3),
                    java.util.Arrays.copyOfRange(x, i * d, (i + 1) * d), new double[] { y[i] }, List.of())), g) / n;
            for (int j = 0; j < g.length; j++) {
                mean[j] += g[j] / n;
            }
        }
        assertEquals(meanLoss, batchLoss, 1e-12);
        double e = Numerics.relativeNormError(batchGradient, mean, 1e-12);
        assertTrue(e < 1e-12, "relative error " + e);
    }

    @Test
    void cnnReadsTwentyEightByTwentyEightImages() {
        Model cnn = Contributions.create("models", "cnn", Map.of("channels", "4-8", "hidden", "32"), Model.class);
        List<ParameterBlock> blocks = cnn.bind(new DataShape(2, 784, 1, 10), lossOf("cross-entropy"));
        // 28 → 14 → 7 after two 2x2 poolings: fc1 reads 8 x 7 x 7
        assertArrayEquals(new int[] { 32, 8 * 7 * 7 }, blocks.stream().filter(b -> b.name().equals("fc1.weight"))
                .findFirst().orElseThrow().shape());
        assertArrayEquals(new int[] { 4, 1, 3, 3 }, blocks.get(0).shape());
    }

    @Test
    void resnetDepthIsSixNPlusTwoWeightLayers() {
        Model model = Contributions.create("models", "resnet", Map.of("n", "3"), Model.class);
        List<ParameterBlock> blocks = model.bind(new DataShape(2, 3072, 1, 10), lossOf("cross-entropy"));
        long weightLayers = blocks.stream().filter(b -> b.name().endsWith("weight") && b.shape().length == 4
                || b.name().equals("fc.weight")).count();
        assertEquals(20, weightLayers, "ResNet-20");
        // 0.27M parameters as in He et al.'s table for ResNet-20 (option A)
        long trainable = blocks.stream().filter(b -> !b.buffer()).mapToLong(ParameterBlock::size).sum();
        assertEquals(0.27e6, trainable, 0.01e6);
    }
}
