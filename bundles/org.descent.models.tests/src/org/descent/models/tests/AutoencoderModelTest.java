package org.descent.models.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The autoencoder family (autoencoder, denoising-autoencoder, vae, cvae) against PyTorch 1.13
 * (fixtures/pytorch_autoencoders.py, fp64): the seeded initial parameters exactly as the script
 * draws them, one training-mode pass (loss, every gradient, the reconstruction; the VAE's ε and the
 * denoising noise drawn from the batch seed on both sides) within 1e-10 relative, the evaluation
 * reconstruction (z = μ), and every block's gradient against central finite differences (step
 * 1e-5·max(1, |θ|)) within 1e-6 relative, elementwise with a floor of 1e-4.
 */
class AutoencoderModelTest {

    static Map<String, Object> fixture;

    @BeforeAll
    static void load() throws IOException {
        fixture = Fixture.load(AutoencoderModelTest.class, "fixtures/autoencoders.json").object();
    }

    /** A case set up: model bound and initialised from the case's seed, one batch in training mode. */
    record Case(String name, Model model, List<ParameterBlock> blocks, double[] theta, Batch batch, Map<String, Object> k) {
    }

    @SuppressWarnings("unchecked")
    static Case setUp(Map<String, Object> k) {
        Map<String, Object> hp = new LinkedHashMap<>((Map<String, Object>) k.get("hyperparameters"));
        Model model = Contributions.create("models", (String) k.get("model"), hp, Model.class);
        LossFunction loss = Contributions.create("losses", (String) k.get("loss"), Map.of(), LossFunction.class);
        double[] x = Fixture.flat(k.get("X"));
        double[] labels = Fixture.doubles(k.get("labels"));
        int n = labels.length;
        DataShape shape = new DataShape(n, x.length / n, 1, ((Number) k.get("classes")).intValue());
        Data data = new Data((String) k.get("name"), shape, x, labels, List.of());
        List<ParameterBlock> blocks = model.bind(shape, loss);
        model.observe(data);
        double[] theta = new double[ParameterBlock.total(blocks)];
        model.initialise(theta, ((Number) k.get("init_seed")).longValue());
        Batch batch = Batch.of(data).mode(true, ((Number) k.get("batch_seed")).longValue());
        return new Case((String) k.get("name"), model, blocks, theta, batch, k);
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (Object o : (List<Object>) Fixture.get(fixture, "cases")) {
            all.add(setUp((Map<String, Object>) o));
        }
        return all;
    }

    @TestFactory
    List<DynamicTest> onePassMatchesPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                assertArrayEquals(Fixture.doubles(c.k().get("theta")), c.theta(), 0,
                        c.name() + ": initial parameters drawn as the script draws them");
                Model.Evaluator ev = c.model().evaluator(Precision.FP64, c.batch().size());
                double[] g = new double[c.theta().length];
                double value = ev.lossAndGradient(c.theta(), c.batch(), g);
                double expected = ((Number) c.k().get("value")).doubleValue();
                assertEquals(expected, value, 1e-10 * Math.abs(expected), c.name() + ": loss");
                double e = Numerics.maxRelativeError(g, Fixture.doubles(c.k().get("gradient")), 1e-6);
                assertTrue(e <= 1e-10, c.name() + ": gradient relative error " + e);
                double[] out = ev.forward(c.theta(), c.batch());
                double[] expectedOut = Fixture.flat(c.k().get("output"));
                assertTrue(Numerics.maxRelativeError(java.util.Arrays.copyOf(out, expectedOut.length), expectedOut,
                        1e-6) <= 1e-10, c.name() + ": reconstruction");
                assertEquals(expectedOut.length, c.batch().size() * ev.outputDim());
                if (c.k().containsKey("eval_output")) {
                    c.batch().mode(false, 99);
                    double[] mean = ev.forward(c.theta(), c.batch());
                    double[] expectedMean = Fixture.flat(c.k().get("eval_output"));
                    assertTrue(Numerics.maxRelativeError(java.util.Arrays.copyOf(mean, expectedMean.length),
                            expectedMean, 1e-6) <= 1e-10, c.name() + ": evaluation reconstruction decodes z = mu");
                }
            }));
        }
        assertEquals(9, tests.size());
        return tests;
    }

    /**
     * fp32: the same pass with the dense layers in float agrees with the fp64 pass (checked against
     * PyTorch above) within fp32 rounding: the loss within 1e-6 relative and every gradient value
     * within 1e-5 of the gradient's largest value (float's 6e-8 unit roundoff grown through sums of
     * up to 64 terms per layer and a few layers; measured: at most 4e-8 and 1e-7, printed), and not
     * closer than fp64 rounding, so the passes really ran in float. Two fp32 evaluators give the
     * same bits.
     */
    @TestFactory
    List<DynamicTest> fp32PassAgreesWithFp64WithinFp32Rounding() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                double[] g64 = new double[c.theta().length];
                double v64 = c.model().evaluator(Precision.FP64, c.batch().size()).lossAndGradient(c.theta(), c.batch(), g64);
                double[] g32 = new double[c.theta().length];
                double v32 = c.model().evaluator(Precision.FP32, c.batch().size()).lossAndGradient(c.theta(), c.batch(), g32);
                double[] again = new double[c.theta().length];
                double v32again = c.model().evaluator(Precision.FP32, c.batch().size()).lossAndGradient(c.theta(),
                        c.batch(), again);
                double scale = 0;
                for (double x : g64) {
                    scale = Math.max(scale, Math.abs(x));
                }
                double e = Numerics.maxRelativeError(g32, g64, scale);
                double lossError = Math.abs(v32 - v64) / Math.abs(v64);
                System.out.printf("%s fp32 against fp64: loss %.3g relative, gradient %.3g of its largest value%n",
                        c.name(), lossError, e);
                assertTrue(lossError <= 1e-6, c.name() + ": fp32 loss " + v32 + " against fp64 " + v64);
                assertTrue(e <= 1e-5, c.name() + ": fp32 gradient error " + e);
                assertTrue(e > 1e-12, c.name() + ": the fp32 gradient is the fp64 one (" + e + "): not computed in float");
                assertEquals(v32, v32again, 0, c.name() + ": same inputs, same fp32 loss");
                assertArrayEquals(g32, again, 0, c.name() + ": same inputs, same fp32 gradient");
            }));
        }
        assertEquals(9, tests.size());
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
                double[] fd = Numerics.finiteDifferenceGradient(t -> ev.lossAndGradient(t, c.batch(), scratch),
                        c.theta(), 1e-5);
                for (ParameterBlock b : c.blocks()) {
                    double[] analytic = java.util.Arrays.copyOfRange(g, b.offset(), b.offset() + b.size());
                    double[] numeric = java.util.Arrays.copyOfRange(fd, b.offset(), b.offset() + b.size());
                    double e = Numerics.maxRelativeError(analytic, numeric, 1e-4);
                    assertTrue(e <= 1e-6, c.name() + " " + b + ": finite-difference relative error " + e);
                }
            }));
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    static Case named(String name) {
        for (Object o : (List<Object>) Fixture.get(fixture, "cases")) {
            Map<String, Object> k = (Map<String, Object>) o;
            if (k.get("name").equals(name)) {
                return setUp(k);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void blocksAreNamedEncoderToDecoder() {
        assertEquals("[encoder1.weight[5, 6], encoder1.bias[5], encoder2.weight[3, 5], encoder2.bias[3], code.weight[2, 3],"
                + " code.bias[2], decoder1.weight[3, 2], decoder1.bias[3], decoder2.weight[5, 3], decoder2.bias[5],"
                + " output.weight[6, 5], output.bias[6]]", named("autoencoder").blocks().toString());
        assertEquals("[encoder1.weight[5, 9], encoder1.bias[5], mu.weight[2, 5], mu.bias[2], logvar.weight[2, 5],"
                + " logvar.bias[2], decoder1.weight[5, 5], decoder1.bias[5], output.weight[6, 5], output.bias[6]]",
                named("cvae").blocks().toString(), "the one-hot label of 3 classes joins the input and z");
    }

    /** The evaluator's score of the case's batch with the case's loss. */
    private static Model.Score score(Case c, Model.Evaluator ev) {
        DataShape shape = new DataShape(c.batch().size(), c.batch().inputDim(), 1, ((Number) c.k().get("classes")).intValue());
        return ev.score(c.theta(), c.batch(), loss((String) c.k().get("loss")), shape);
    }

    @Test
    void scoreIsTheLossInEvaluationMode() {
        for (String name : List.of("autoencoder", "vae", "cvae")) {
            Case c = named(name);
            Model.Evaluator ev = c.model().evaluator(Precision.FP64, c.batch().size());
            double value = ev.lossAndGradient(c.theta(), c.batch(), new double[c.theta().length]);
            c.batch().mode(false, c.batch().seed());
            Model.Score s = score(c, ev);
            assertEquals(value, s.loss(), 1e-15 * value, name + ": the same one-sample loss for the same seed");
            assertTrue(Double.isNaN(s.correct()), name + " does not classify");
        }
        Case dae = named("denoising-masking");
        Model.Evaluator ev = dae.model().evaluator(Precision.FP64, dae.batch().size());
        double noisy = ev.lossAndGradient(dae.theta(), dae.batch(), new double[dae.theta().length]);
        dae.batch().mode(false, dae.batch().seed());
        double clean = score(dae, ev).loss();
        Case ae = named("autoencoder");
        double plain = ae.model().evaluator(Precision.FP64, ae.batch().size()).lossAndGradient(ae.theta(), ae.batch(),
                new double[ae.theta().length]);
        assertEquals(plain, clean, 1e-15 * plain, "evaluation sees clean inputs: the autoencoder's loss");
        assertNotEquals(plain, noisy, "training sees masked inputs");
    }

    @Test
    void vaeNoiseComesFromTheBatchSeed() {
        Case c = named("vae");
        Model.Evaluator ev = c.model().evaluator(Precision.FP64, c.batch().size());
        double[] g = new double[c.theta().length];
        double a = ev.lossAndGradient(c.theta(), c.batch(), g);
        double b = ev.lossAndGradient(c.theta(), c.batch(), g);
        c.batch().mode(true, 777);
        double other = ev.lossAndGradient(c.theta(), c.batch(), g);
        assertEquals(a, b, 0, "same seed, same ε");
        assertNotEquals(a, other, "another seed, another ε");
    }

    private static LossFunction loss(String id) {
        return Contributions.create("losses", id, Map.of(), LossFunction.class);
    }

    @Test
    void misfitsAreRefusedWithTheirReason() {
        Model cvae = Contributions.create("models", "cvae", Map.of(), Model.class);
        IllegalArgumentException regression = assertThrows(IllegalArgumentException.class,
                () -> cvae.bind(new DataShape(10, 4, 1, 0), loss("mse")));
        assertEquals("model 'cvae' conditions on the class label: it needs a data set with class targets (digits, blobs,"
                + " csv with label=COLUMN); this one has 1 real-valued target column(s)", regression.getMessage());
        Model vae = Contributions.create("models", "vae", Map.of(), Model.class);
        IllegalArgumentException ce = assertThrows(IllegalArgumentException.class,
                () -> vae.bind(new DataShape(10, 64, 1, 10), loss("cross-entropy")));
        assertTrue(ce.getMessage().startsWith("model 'vae' reconstructs its inputs: use bce-logits for data in [0,1]"),
                ce.getMessage());
        IllegalArgumentException nll = assertThrows(IllegalArgumentException.class,
                () -> vae.bind(new DataShape(10, 64, 1, 10), loss("gaussian-nll")));
        assertTrue(nll.getMessage().endsWith("this loss expects gaussian outputs"), nll.getMessage());
        Model ae = Contributions.create("models", "autoencoder", Map.of(), Model.class);
        ae.bind(new DataShape(2, 3, 1, 0), loss("bce-logits"));
        Data unscaled = new Data("digits", new DataShape(2, 3, 1, 0), new double[] { 0, 0.5, 1, 0, 16, 0 },
                new double[] { 0, 1 }, List.of("a", "b", "c"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> ae.observe(unscaled));
        assertEquals("model 'autoencoder' with bce-logits reconstructs values in [0,1], but 'digits' has 16.0 at row 2,"
                + " column 2 (b): scale the data (digits:scale=true), set binarize=true or use mse", range.getMessage());
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> ae.evaluator(Precision.MIXED_FP16, 4));
        assertEquals("model 'autoencoder' computes in fp64 or fp32, not mixed-fp16", half.getMessage());
        IllegalArgumentException masking = assertThrows(IllegalArgumentException.class,
                () -> Contributions.create("models", "denoising-autoencoder", Map.of("noise", 1.5), Model.class));
        assertEquals("model 'denoising-autoencoder': hyperparameter 'noise' is 1.5, but masking noise is a probability"
                + " below 1 (gaussian noise takes any standard deviation)", masking.getMessage());
        Model gaussian = Contributions.create("models", "denoising-autoencoder",
                Map.of("noise", 1.5, "noise_kind", "gaussian"), Model.class);
        assertEquals(4 * 64 + 64 + 64 * 32 + 32 + 32 * 2 + 2 + 2 * 32 + 32 + 32 * 64 + 64 + 64 * 4 + 4,
                ParameterBlock.total(gaussian.bind(new DataShape(2, 4, 1, 0), loss("mse"))));
    }

    @Test
    void cvaeRefusesLabelsOutsideItsClasses() {
        Case c = named("cvae");
        c.batch().targets()[2] = 3;
        Model.Evaluator ev = c.model().evaluator(Precision.FP64, c.batch().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ev.lossAndGradient(c.theta(), c.batch(), new double[c.theta().length]));
        assertEquals("model 'cvae': row 3 of the batch has label 3.0, expected a class index in 0..2", e.getMessage());
    }
}
