package org.descent.optimizers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.core.GradientClipping;
import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.Schedule;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer, clipping mode and schedule against 50-step PyTorch 1.13 trajectories on a
 * fixed problem (fixtures/pytorch_optimizers.py): parameters after every step within a relative
 * error of 1e-10, in double precision.
 */
class OptimizerTrajectoryTest {

    /** Largest relative error allowed in the parameters after any step. */
    static final double TOLERANCE = 1e-10;

    static Map<String, Object> fixture;
    static double[] init;
    static double[] a;
    static double[] c;

    @BeforeAll
    static void load() throws IOException {
        fixture = Fixture.load(OptimizerTrajectoryTest.class, "fixtures/optimizers.json").object();
        Object problem = Fixture.get(fixture, "problem");
        init = Fixture.doubles(Fixture.get(problem, "theta_init"));
        a = Fixture.doubles(Fixture.get(problem, "a"));
        c = Fixture.doubles(Fixture.get(problem, "c"));
    }

    /** f(θ) = Σ ½aᵢ(θᵢ−cᵢ)² + 0.05θᵢ⁴, + 0.3θ₀θ₁. */
    static double loss(double[] t) {
        double f = 0.3 * t[0] * t[1];
        for (int i = 0; i < t.length; i++) {
            f += 0.5 * a[i] * (t[i] - c[i]) * (t[i] - c[i]) + 0.05 * t[i] * t[i] * t[i] * t[i];
        }
        return f;
    }

    static double[] gradient(double[] t) {
        double[] g = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            g[i] = a[i] * (t[i] - c[i]) + 0.2 * t[i] * t[i] * t[i];
        }
        g[0] += 0.3 * t[1];
        g[1] += 0.3 * t[0];
        return g;
    }

    static List<ParameterBlock> blocks() {
        return List.of(new ParameterBlock("w", new int[] { 3 }, 0), new ParameterBlock("b", new int[] { 2, 2 }, 3));
    }

    @SuppressWarnings("unchecked")
    @TestFactory
    List<DynamicTest> everyCaseFollowsPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object o : (List<Object>) Fixture.get(fixture, "cases")) {
            Map<String, Object> k = (Map<String, Object>) o;
            tests.add(DynamicTest.dynamicTest((String) k.get("name"), () -> follow(k)));
        }
        assertTrue(tests.size() >= 20, "fixture has " + tests.size() + " cases");
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static void follow(Map<String, Object> k) {
        String name = (String) k.get("name");
        Optimizer opt = Contributions.create("optimizers", (String) k.get("optimizer"),
                (Map<String, Object>) k.get("hyperparameters"), Optimizer.class);
        opt.initialise(blocks());
        Map<String, Object> scheduleSpec = (Map<String, Object>) k.get("schedule");
        Schedule schedule = null;
        if (scheduleSpec != null) {
            Map<String, Object> values = new java.util.LinkedHashMap<>(scheduleSpec);
            String id = (String) values.remove("id");
            schedule = Contributions.create("schedules", id, values, Schedule.class);
        }
        Map<String, Object> clip = (Map<String, Object>) k.get("clip");
        double[] expectedLr = Fixture.doubles(k.get("lr"));
        double[] expectedLoss = Fixture.doubles(k.get("loss"));
        double[][] expected = Fixture.matrix(k.get("theta"));
        double[] theta = init.clone();
        for (int step = 0; step < expected.length; step++) {
            double[] g = gradient(theta);
            assertEquals(expectedLoss[step], loss(theta), 1e-12 * Math.max(1, Math.abs(expectedLoss[step])),
                    name + ": loss before step " + (step + 1));
            if (clip != null) {
                double max = ((Number) clip.get("max")).doubleValue();
                if (clip.get("kind").equals("norm")) {
                    GradientClipping.clipNorm(g, max);
                } else {
                    GradientClipping.clipValue(g, max);
                }
            }
            double lr = schedule == null ? opt.learningRate() : schedule.learningRate(opt.learningRate(), step);
            assertEquals(expectedLr[step], lr, 1e-13 * expectedLr[step], name + ": learning rate of step " + (step + 1));
            opt.step(theta, g, lr);
            double error = Numerics.maxRelativeError(theta, expected[step], 1e-3);
            assertTrue(error <= TOLERANCE, name + ": step " + (step + 1) + " relative error " + error);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void savedStateContinuesBitForBit() {
        for (Object o : (List<Object>) Fixture.get(fixture, "cases")) {
            Map<String, Object> k = (Map<String, Object>) o;
            String id = (String) k.get("optimizer");
            Map<String, Object> hp = (Map<String, Object>) k.get("hyperparameters");
            Optimizer first = Contributions.create("optimizers", id, hp, Optimizer.class);
            first.initialise(blocks());
            double[] theta = init.clone();
            for (int s = 0; s < 20; s++) {
                first.step(theta, gradient(theta), first.learningRate());
            }
            Optimizer.State saved = first.saveState();
            double[] resumed = theta.clone();
            for (int s = 0; s < 20; s++) {
                first.step(theta, gradient(theta), first.learningRate());
            }
            Optimizer second = Contributions.create("optimizers", id, hp, Optimizer.class);
            second.initialise(blocks());
            second.restoreState(saved);
            for (int s = 0; s < 20; s++) {
                second.step(resumed, gradient(resumed), second.learningRate());
            }
            for (int i = 0; i < theta.length; i++) {
                assertEquals(Double.doubleToLongBits(theta[i]), Double.doubleToLongBits(resumed[i]),
                        k.get("name") + ": parameter " + i + " after restoring the state");
            }
        }
    }

    @Test
    void resetForgetsTheState() {
        Optimizer adam = Contributions.create("optimizers", "adam", Map.of("lr", 0.1), Optimizer.class);
        adam.initialise(blocks());
        double[] once = init.clone();
        adam.step(once, gradient(once), 0.1);
        double[] again = init.clone();
        adam.step(again, gradient(again), 0.1);
        adam.reset();
        double[] afterReset = init.clone();
        adam.step(afterReset, gradient(afterReset), 0.1);
        assertEquals(once[0], afterReset[0], 0.0);
        assertEquals(0, adam.saveState().steps() - 1);
    }

    @Test
    void stateOfAnotherLayoutIsRefused() {
        Optimizer adam = Contributions.create("optimizers", "adam", Map.of(), Optimizer.class);
        adam.initialise(blocks());
        Optimizer small = Contributions.create("optimizers", "adam", Map.of(), Optimizer.class);
        small.initialise(List.of(new ParameterBlock("w", new int[] { 2 }, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small.restoreState(adam.saveState()));
        assertTrue(e.getMessage().contains("exp_avg"), e.getMessage());
    }

    @Test
    void nesterovNeedsMomentum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Contributions
                .create("optimizers", "sgd", Map.of("nesterov", true), Optimizer.class));
        assertTrue(e.getMessage().contains("Nesterov momentum needs momentum > 0"), e.getMessage());
    }

    @Test
    void outOfRangeHyperparameterIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Contributions.create("optimizers", "adam", Map.of("beta1", 1.0), Optimizer.class));
        assertEquals("optimizer 'adam': hyperparameter 'beta1': '1' is not valid, expected a value in [0,1)",
                e.getMessage());
    }

    @Test
    void clippingMatchesItsDefinition() {
        double[] g = { 3, 4 };
        assertEquals(5.0, GradientClipping.clipNorm(g, 1.0), 0);
        assertEquals(1.0 / (5 + 1e-6) * 3, g[0], 1e-15);
        double[] small = { 0.3, 0.4 };
        GradientClipping.clipNorm(small, 1.0);
        assertEquals(0.3, small[0], 0);
        double[] v = { -2, 0.1, 5 };
        GradientClipping.clipValue(v, 0.5);
        assertEquals(-0.5, v[0], 0);
        assertEquals(0.1, v[1], 0);
        assertEquals(0.5, v[2], 0);
    }
}
