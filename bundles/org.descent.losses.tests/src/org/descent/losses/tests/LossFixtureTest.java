package org.descent.losses.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.ParameterBlock;
import org.descent.core.Regularizer;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every loss against PyTorch 1.13 (fixtures/pytorch_losses.py): value and gradient with respect
 * to the outputs within 1e-12 relative, and the gradient against central finite differences
 * within 1e-6.
 */
class LossFixtureTest {

    static Map<String, Object> fixture;

    @BeforeAll
    static void load() throws IOException {
        fixture = Fixture.load(LossFixtureTest.class, "fixtures/losses.json").object();
    }

    record Case(String name, LossFunction loss, DataShape shape, double[] outputs, double[] targets, double value,
            double[] gradient) {
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (Object o : (List<Object>) Fixture.get(fixture, "cases")) {
            Map<String, Object> k = (Map<String, Object>) o;
            Map<String, Object> hp = (Map<String, Object>) k.getOrDefault("hyperparameters", Map.of());
            LossFunction loss = Contributions.create("losses", (String) k.get("loss"), hp, LossFunction.class);
            double[][] input = Fixture.matrix(k.get("input"));
            List<Object> target = (List<Object>) k.get("target");
            int n = input.length;
            DataShape shape;
            if (target.get(0) instanceof List<?> row) {
                shape = new DataShape(n, 1, row.size(), 0);
            } else {
                shape = new DataShape(n, 1, 1, input[0].length);
            }
            all.add(new Case((String) k.get("name"), loss, shape, Fixture.flat(k.get("input")),
                    Fixture.flat(target), ((Number) k.get("value")).doubleValue(), Fixture.flat(k.get("grad"))));
        }
        return all;
    }

    @TestFactory
    List<DynamicTest> valueAndGradientMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                double[] g = new double[c.outputs().length];
                double v = c.loss().evaluate(c.shape().rows(), c.shape(), c.outputs(), c.targets(), g);
                assertEquals(c.value(), v, 1e-12 * Math.max(1, Math.abs(c.value())), c.name() + ": value");
                double e = Numerics.maxRelativeError(g, c.gradient(), 1e-6);
                assertTrue(e <= 1e-12, c.name() + ": gradient relative error " + e);
                assertEquals(c.outputs().length, c.loss().outputDim(c.shape()) * c.shape().rows(),
                        c.name() + ": output width the loss asks for");
            }));
        }
        assertTrue(tests.size() >= 14, "fixture has " + tests.size() + " cases");
        return tests;
    }

    @TestFactory
    List<DynamicTest> gradientMatchesFiniteDifferences() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                double[] g = new double[c.outputs().length];
                c.loss().evaluate(c.shape().rows(), c.shape(), c.outputs(), c.targets(), g);
                double[] fd = Numerics.finiteDifferenceGradient(
                        x -> c.loss().evaluate(c.shape().rows(), c.shape(), x, c.targets(), null), c.outputs(), 1e-6);
                double e = Numerics.maxRelativeError(g, fd, 1e-4);
                assertTrue(e <= 1e-6, c.name() + ": finite-difference relative error " + e);
            }));
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    @Test
    void penaltiesAndTheirPriors() {
        Map<String, Object> r = (Map<String, Object>) Fixture.get(fixture, "regularization");
        double[] w = Fixture.doubles(r.get("w"));
        double lambda = ((Number) r.get("lambda")).doubleValue();
        List<ParameterBlock> blocks = List.of(new ParameterBlock("layer1.weight", new int[] { w.length }, 0));
        DataShape shape = new DataShape(50, 1, 1, 0);
        for (String kind : List.of("l2", "l1")) {
            Map<String, Object> expected = (Map<String, Object>) r.get(kind);
            Regularizer reg = Contributions.create("losses", kind + "-penalty", Map.of("lambda", lambda), Regularizer.class);
            reg.bind(blocks, shape);
            double[] g = new double[w.length];
            double v = reg.addPenalty(w, g);
            assertEquals(((Number) expected.get("value")).doubleValue(), v, 1e-15, kind + " value");
            assertTrue(Numerics.maxRelativeError(g, Fixture.doubles(expected.get("grad")), 1e-9) <= 1e-12, kind + " gradient");
        }
        // σ² = 1/(Nλ): a Gaussian prior with σ = 1/√(50·0.01) is the same penalty as l2 with λ = 0.01.
        Regularizer prior = Contributions.create("losses", "gaussian-prior", Map.of("sigma", 1 / Math.sqrt(50 * lambda)),
                Regularizer.class);
        Regularizer l2 = Contributions.create("losses", "l2-penalty", Map.of("lambda", lambda), Regularizer.class);
        prior.bind(blocks, shape);
        l2.bind(blocks, shape);
        assertEquals(l2.addPenalty(w, new double[w.length]), prior.addPenalty(w, new double[w.length]), 1e-15);
        Regularizer laplace = Contributions.create("losses", "laplace-prior", Map.of("b", 1 / (50 * lambda)),
                Regularizer.class);
        Regularizer l1 = Contributions.create("losses", "l1-penalty", Map.of("lambda", lambda), Regularizer.class);
        laplace.bind(blocks, shape);
        l1.bind(blocks, shape);
        assertEquals(l1.addPenalty(w, new double[w.length]), laplace.addPenalty(w, new double[w.length]), 1e-15);
    }

    @SuppressWarnings("unchecked")
    @Test
    void klDivergenceOfTheSourceMaterialsCoins() {
        Map<String, Object> coin = (Map<String, Object>) Fixture.get(fixture, "coin");
        double[] p = Fixture.doubles(coin.get("p"));
        double[] q = Fixture.doubles(coin.get("q"));
        LossFunction kl = Contributions.create("losses", "kl-div", Map.of(), LossFunction.class);
        DataShape shape = new DataShape(1, 1, 2, 0);
        double pq = kl.evaluate(1, shape, new double[] { Math.log(q[0]), Math.log(q[1]) }, p, null);
        double qp = kl.evaluate(1, shape, new double[] { Math.log(p[0]), Math.log(p[1]) }, q, null);
        assertEquals(((Number) coin.get("kl_pq_nats")).doubleValue(), pq, 1e-15);
        assertEquals(((Number) coin.get("kl_qp_nats")).doubleValue(), qp, 1e-15);
        assertEquals(0.143, pq, 1e-3, "the source material's KL(P||Q) of a fair and a 3:1 coin");
    }

    @Test
    void weightsOnlyLeavesBiasesAlone() {
        Regularizer reg = Contributions.create("losses", "l2-penalty", Map.of("lambda", 1.0, "applies_to", "weights"),
                Regularizer.class);
        reg.bind(List.of(new ParameterBlock("layer1.weight", new int[] { 2 }, 0),
                new ParameterBlock("layer1.bias", new int[] { 1 }, 2)), new DataShape(1, 1, 1, 0));
        double[] g = new double[3];
        assertEquals(0.5 * (1 + 4), reg.addPenalty(new double[] { 1, 2, 7 }, g), 0);
        assertEquals(0, g[2], 0);
    }

    @Test
    void classLossOnRealTargetsSaysWhatItNeeds() {
        LossFunction ce = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ce.outputDim(new DataShape(10, 3, 1, 0)));
        assertTrue(e.getMessage().contains("needs class labels"), e.getMessage());
        LossFunction mse = Contributions.create("losses", "mse", Map.of(), LossFunction.class);
        e = assertThrows(IllegalArgumentException.class, () -> mse.outputDim(new DataShape(10, 3, 1, 4)));
        assertTrue(e.getMessage().contains("real-valued targets"), e.getMessage());
    }

    @Test
    void badClassLabelIsNamedWithItsRow() {
        LossFunction ce = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        DataShape shape = new DataShape(2, 1, 1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ce.evaluate(2, shape, new double[6], new double[] { 1, 3 }, null));
        assertEquals("target of row 1 is 3.0, not a class in 0..2", e.getMessage());
    }

    @Test
    void crossEntropyIsStableForLargeLogits() {
        LossFunction ce = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        double[] g = new double[2];
        double v = ce.evaluate(1, new DataShape(1, 1, 1, 2), new double[] { 1000, -1000 }, new double[] { 1 }, g);
        assertEquals(2000, v, 1e-9);
        assertEquals(1, g[0], 1e-12);
        assertEquals(-1, g[1], 1e-12);
    }
}
