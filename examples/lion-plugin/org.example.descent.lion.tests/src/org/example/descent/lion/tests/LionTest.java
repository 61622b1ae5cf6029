package org.example.descent.lion.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.descent.core.ExtensionPoints;
import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.junit.jupiter.api.Test;

/**
 * Lion against the reference trajectories of fixtures/lion_reference.py (NumPy, the paper's
 * Algorithm 2): every step's parameters on the Rosenbrock function and on an ill-conditioned
 * quadratic with decoupled weight decay, to 1e-12; and a resumed optimizer continues bit for bit.
 */
class LionTest {

    private static UnaryOperator<double[]> gradient(String function) {
        return switch (function) {
        case "rosenbrock" -> x -> new double[] { -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]),
                200 * (x[1] - x[0] * x[0]) };
        case "quadratic" -> x -> {
            double[] a = { 10, 1, 0.1, 0.01 };
            double[] b = { 1, -2, 0.5, 0 };
            double[] g = new double[4];
            for (int i = 0; i < 4; i++) {
                g[i] = a[i] * x[i] - b[i];
            }
            return g;
        };
        default -> throw new AssertionError("unknown function " + function);
        };
    }

    private static Optimizer lion(Map<String, String> settings, int size) throws Exception {
        Optimizer lion = Descent.create(ExtensionPoints.OPTIMIZERS, "lion", Optimizer.class, settings);
        lion.initialise(List.of(new ParameterBlock("x", new int[] { size }, 0)));
        return lion;
    }

    @Test
    void followsTheReferenceTrajectories() throws Exception {
        List<Map<String, Object>> cases = Descent.cases("lion_reference.json");
        assertEquals(3, cases.size());
        for (Map<String, Object> c : cases) {
            double[] x = Descent.doubles(c.get("start"));
            Optimizer lion = lion(Descent.texts(c.get("hyperparameters")), x.length);
            UnaryOperator<double[]> grad = gradient((String) c.get("function"));
            List<?> trajectory = (List<?>) c.get("trajectory");
            for (int step = 0; step < trajectory.size(); step++) {
                lion.step(x, grad.apply(x), lion.learningRate());
                assertArrayEquals(Descent.doubles(trajectory.get(step)), x, 1e-12, c.get("name") + " step " + (step + 1));
            }
        }
    }

    @Test
    void declaresThePapersDefaults() throws Exception {
        Optimizer lion = lion(Map.of(), 1);
        assertEquals(1e-4, lion.learningRate());
    }

    @Test
    void resumesBitForBit() throws Exception {
        UnaryOperator<double[]> grad = gradient("rosenbrock");
        Optimizer a = lion(Map.of("lr", "0.01"), 2);
        double[] x = { -1.2, 1 };
        for (int i = 0; i < 5; i++) {
            a.step(x, grad.apply(x), a.learningRate());
        }
        Optimizer.State saved = a.saveState();
        double[] y = x.clone();
        for (int i = 0; i < 5; i++) {
            a.step(x, grad.apply(x), a.learningRate());
        }
        Optimizer b = lion(Map.of("lr", "0.01"), 2);
        b.restoreState(saved);
        for (int i = 0; i < 5; i++) {
            b.step(y, grad.apply(y), b.learningRate());
        }
        assertArrayEquals(x, y, 0);
        assertEquals(10, b.saveState().steps());
    }
}
