package org.descent.models.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Batch;
import org.descent.core.Blas;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One forward/backward pass of every model family against PyTorch 1.13
 * (fixtures/pytorch_models.py): loss and every parameter gradient within 1e-12 relative in fp64
 * (plain-array kernels and native BLAS), within 1e-4 in fp32 (float rounding of differences), and against central finite
 * differences within 1e-6.
 */
class ModelFixtureTest {

    static Map<String, Object> fixture;

    @BeforeAll
    static void load() throws IOException {
        fixture = Fixture.load(ModelFixtureTest.class, "fixtures/models.json").object();
    }

    @AfterEach
    void plainKernels() {
        System.clearProperty("descent.blas.minMacs");
    }

    /** A dense case set up: model bound, parameters from the fixture, one batch. */
    record Dense(String name, Model model, double[] theta, double[] expectedGradient, double value, Batch batch) {
    }

    @SuppressWarnings("unchecked")
    static Dense dense(Map<String, Object> k) {
        String name = (String) k.get("name");
        List<Object> sizes = (List<Object>) k.get("sizes");
        int in = ((Number) sizes.get(0)).intValue();
        int out = ((Number) sizes.get(sizes.size() - 1)).intValue();
        String lossId = (String) k.get("loss");
        boolean classes = lossId.equals("cross-entropy");
        Map<String, Object> hp = new LinkedHashMap<>();
        String id = name.startsWith("mlp") ? "mlp" : name;
        if (id.equals("mlp")) {
            List<String> hidden = new ArrayList<>();
            for (Object s : sizes.subList(1, sizes.size() - 1)) {
                hidden.add(Integer.toString(((Number) s).intValue()));
            }
            hp.put("hidden", String.join("-", hidden));
            hp.put("activation", k.get("activation"));
        }
        Model model = Contributions.create("models", id, hp, Model.class);
        LossFunction loss = Contributions.create("losses", lossId, Map.of(), LossFunction.class);
        double[][] x = Fixture.matrix(k.get("X"));
        int n = x.length;
        DataShape shape = new DataShape(n, in, classes ? 1 : out, classes ? out : 0);
        List<ParameterBlock> blocks = model.bind(shape, loss);
        List<double[]> params = new ArrayList<>();
        List<double[]> grads = new ArrayList<>();
        List<Object> w = (List<Object>) k.get("W");
        for (int l = 0; l < w.size(); l++) {
            params.add(Fixture.flat(w.get(l)));
            params.add(Fixture.doubles(((List<Object>) k.get("b")).get(l)));
            grads.add(Fixture.flat(((List<Object>) k.get("dW")).get(l)));
            grads.add(Fixture.doubles(((List<Object>) k.get("db")).get(l)));
        }
        double[] theta = new double[ParameterBlock.total(blocks)];
        double[] expected = new double[theta.length];
        for (int i = 0; i < blocks.size(); i++) {
            ParameterBlock b = blocks.get(i);
            assertEquals(params.get(i).length, b.size(), name + ": size of " + b);
            System.arraycopy(params.get(i), 0, theta, b.offset(), b.size());
            System.arraycopy(grads.get(i), 0, expected, b.offset(), b.size());
        }
        double[] targets = Fixture.flat(k.get("target"));
        Data data = new Data(name, shape, Fixture.flat(k.get("X")), targets, List.of());
        return new Dense(name, model, theta, expected, ((Number) k.get("value")).doubleValue(), Batch.of(data));
    }

    @SuppressWarnings("unchecked")
    static List<Dense> denseCases() {
        List<Dense> all = new ArrayList<>();
        for (Object o : (List<Object>) Fixture.get(fixture, "dense")) {
            all.add(dense((Map<String, Object>) o));
        }
        return all;
    }

    private static void check(Dense d, Precision precision, double tolerance, String path) {
        double[] g = new double[d.theta().length];
        double v = d.model().evaluator(precision, d.batch().size()).lossAndGradient(d.theta(), d.batch(), g);
        assertEquals(d.value(), v, tolerance * Math.max(1, Math.abs(d.value())), d.name() + " " + path + ": loss");
        double e = Numerics.maxRelativeError(g, d.expectedGradient(), 1e-3);
        assertTrue(e <= tolerance, d.name() + " " + path + ": gradient relative error " + e);
    }

    @TestFactory
    List<DynamicTest> denseFp64MatchesPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dense d : denseCases()) {
            tests.add(DynamicTest.dynamicTest(d.name(), () -> check(d, Precision.FP64, 1e-12, "plain kernels")));
        }
        assertEquals(5, tests.size());
        return tests;
    }

    @TestFactory
    List<DynamicTest> denseThroughNativeBlasMatchesPyTorch() {
        assertTrue(Blas.find(ModelFixtureTest.class).isPresent(), "org.descent.nd4j offers no Blas service");
        List<DynamicTest> tests = new ArrayList<>();
        for (Dense d : denseCases()) {
            tests.add(DynamicTest.dynamicTest(d.name(), () -> {
                System.setProperty("descent.blas.minMacs", "0");
                check(d, Precision.FP64, 1e-12, "OpenBLAS fp64");
                check(d, Precision.FP32, 1e-4, "OpenBLAS fp32");
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> denseFp32IsCloseToPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dense d : denseCases()) {
            tests.add(DynamicTest.dynamicTest(d.name(), () -> check(d, Precision.FP32, 1e-4, "fp32")));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> denseGradientMatchesFiniteDifferences() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dense d : denseCases()) {
            tests.add(DynamicTest.dynamicTest(d.name(), () -> {
                Model.Evaluator ev = d.model().evaluator(Precision.FP64, d.batch().size());
                double[] g = new double[d.theta().length];
                ev.lossAndGradient(d.theta(), d.batch(), g);
                double[] scratch = new double[g.length];
                double[] fd = Numerics.finiteDifferenceGradient(t -> ev.lossAndGradient(t, d.batch(), scratch),
                        d.theta(), 1e-6);
                double e = Numerics.maxRelativeError(g, fd, 1e-4);
                assertTrue(e <= 1e-6, d.name() + ": finite-difference relative error " + e);
            }));
        }
        return tests;
    }

    static Batch oneColumn(double[] x) {
        return Batch.of(new Data("x", new DataShape(x.length, 1, 1, 0), x.clone(), x.clone(), List.of("x")));
    }

    @SuppressWarnings("unchecked")
    @Test
    void gaussianDensityMatchesPyTorch() {
        Map<String, Object> g = (Map<String, Object>) Fixture.get(fixture, "gaussian");
        double[] x = Fixture.doubles(g.get("x"));
        Model model = Contributions.create("models", "gaussian", Map.of("mu", 1.0, "sigma", 1.5), Model.class);
        LossFunction nll = Contributions.create("losses", "gaussian-nll", Map.of(), LossFunction.class);
        model.bind(new DataShape(x.length, 1, 1, 0), nll);
        double[] theta = new double[2];
        model.initialise(theta, 0);
        double[] grad = new double[2];
        double v = model.evaluator(Precision.FP64, x.length).lossAndGradient(theta, oneColumn(x), grad);
        assertEquals(((Number) g.get("value")).doubleValue(), v, 1e-13);
        assertEquals(((Number) g.get("grad_mu")).doubleValue(), grad[0], 1e-13);
        assertEquals(((Number) g.get("grad_sigma")).doubleValue(), grad[1], 1e-13);
    }

    @SuppressWarnings("unchecked")
    @Test
    void mixtureDensityMatchesPyTorch() {
        double[] x = Fixture.doubles(Fixture.get(Fixture.get(fixture, "gaussian"), "x"));
        for (Object o : (List<Object>) Fixture.get(fixture, "mixture")) {
            Map<String, Object> m = (Map<String, Object>) o;
            boolean learned = (Boolean) m.get("learn_weights");
            Model model = Contributions.create("models", "mixture", Map.of("learn_weights", learned), Model.class);
            LossFunction nll = Contributions.create("losses", "mixture-nll", Map.of(), LossFunction.class);
            List<ParameterBlock> blocks = model.bind(new DataShape(x.length, 1, 1, 0), nll);
            double[] theta = new double[ParameterBlock.total(blocks)];
            model.initialise(theta, 0);
            List<Double> expected = new ArrayList<>();
            for (String key : learned ? List.of("grad_mu", "grad_sigma", "grad_logits") : List.of("grad_mu", "grad_sigma")) {
                for (double v : Fixture.doubles(m.get(key))) {
                    expected.add(v);
                }
            }
            if (learned) {
                theta[4] = 0.3;
                theta[5] = -0.2;
            }
            double[] grad = new double[theta.length];
            double v = model.evaluator(Precision.FP64, x.length).lossAndGradient(theta, oneColumn(x), grad);
            assertEquals(((Number) m.get("value")).doubleValue(), v, 1e-13, "learn_weights=" + learned);
            for (int i = 0; i < grad.length; i++) {
                assertEquals(expected.get(i), grad[i], 1e-13, "learn_weights=" + learned + ": gradient " + i);
            }
        }
    }

    @Test
    void mixtureNeedsTheLossWithTheSameK() {
        Model model = Contributions.create("models", "mixture", Map.of("k", 3, "mu", List.of(0.0, 1.0, 2.0), "sigma", 1.0),
                Model.class);
        LossFunction nll = Contributions.create("losses", "mixture-nll", Map.of(), LossFunction.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.bind(new DataShape(10, 1, 1, 0), nll));
        assertEquals("model 'mixture' outputs 9 values per example but the loss expects 6: give the loss the same k"
                + " (--loss mixture-nll:k=3)", e.getMessage());
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class, () -> Contributions
                .create("models", "mixture", Map.of("k", 3, "mu", List.of(1.0, 2.0)), Model.class));
        assertTrue(lengths.getMessage().contains("'mu' has 2 values but k=3"), lengths.getMessage());
    }

    @Test
    void initialisationIsSeededAndScaledLikeTorch() {
        Model mlp = Contributions.create("models", "mlp", Map.of("hidden", "100"), Model.class);
        LossFunction ce = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        List<ParameterBlock> blocks = mlp.bind(new DataShape(10, 400, 1, 10), ce);
        double[] a = new double[ParameterBlock.total(blocks)];
        double[] b = new double[a.length];
        mlp.initialise(a, 5);
        mlp.initialise(b, 5);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        double max = 0;
        for (int i = 0; i < 400 * 100; i++) {
            max = Math.max(max, Math.abs(a[i]));
        }
        assertTrue(max <= 1 / Math.sqrt(400) && max > 0.9 / Math.sqrt(400), "weights uniform in ±1/√fan_in: " + max);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Contributions.create("models", "mlp", Map.of("hidden", "64-x"), Model.class));
        assertTrue(e.getMessage().contains("'hidden': '64-x' is not valid"), e.getMessage());
    }
}
