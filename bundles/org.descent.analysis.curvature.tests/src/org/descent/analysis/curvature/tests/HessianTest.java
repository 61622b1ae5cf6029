package org.descent.analysis.curvature.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.analysis.curvature.HessianOperator;
import org.descent.analysis.curvature.Lanczos;
import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;
import org.descent.core.Subject;
import org.descent.testing.Contributions;
import org.descent.testing.FixedSubject;
import org.descent.testing.Fixture;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hessian and hessian-density analyses against fixtures/hessian.json (PyTorch 1.13
 * torch.autograd.functional.hessian + NumPy eigvalsh, fp64) and closed forms.
 */
class HessianTest {

    private static Fixture fixture;

    @BeforeAll
    static void load() throws IOException {
        fixture = Fixture.load(HessianTest.class, "fixtures/hessian.json");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fixtureCase(String name) {
        for (Object c : (List<Object>) Fixture.get(fixture.root(), "cases")) {
            if (name.equals(Fixture.get(c, "name"))) {
                return (Map<String, Object>) c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The fixture's MLP, data and parameters as a subject. */
    @SuppressWarnings("unchecked")
    static Subject mlp(Map<String, Object> c, double learningRate) {
        List<Object> sizes = (List<Object>) c.get("sizes");
        int in = ((Number) sizes.get(0)).intValue();
        int out = ((Number) sizes.get(sizes.size() - 1)).intValue();
        List<String> hidden = new ArrayList<>();
        for (Object s : sizes.subList(1, sizes.size() - 1)) {
            hidden.add(Integer.toString(((Number) s).intValue()));
        }
        double[] x = Fixture.flat(c.get("X"));
        double[] y = Fixture.doubles(c.get("y"));
        Data data = new Data(String.valueOf(c.get("name")), new DataShape(y.length, in, 1, out), x, y, List.of());
        return new FixedSubject("mlp", Map.of("hidden", String.join("-", hidden), "activation", "tanh"), "cross-entropy",
                data, Fixture.doubles(c.get("theta")), learningRate);
    }

    static AnalysisResult run(String id, Subject subject, Map<String, ?> options) throws IOException {
        Analysis a = Contributions.create("analyses", id, options, Analysis.class);
        return a.analyze(new AnalysisInput(Optional.of(subject), Map.of()), new NullProgressMonitor());
    }

    @SuppressWarnings("unchecked")
    static double[] doubles(AnalysisResult r, String key) {
        return Fixture.doubles(r.values().get(key));
    }

    @Test
    void exactHessianMatchesNumpyEigvalshWithin1e8() throws IOException {
        for (String name : List.of("small", "mlp-64-16-10")) {
            Map<String, Object> c = fixtureCase(name);
            AnalysisResult r = run("hessian", mlp(c, Double.NaN), Map.of("k", 5));
            assertEquals("exact", r.values().get("method"));
            double[] expected = Fixture.doubles(c.get("eigenvalues"));
            double scale = Math.max(Math.abs(expected[0]), Math.abs(expected[expected.length - 1]));
            AnalysisResult.Table spectrum = r.tables().get("spectrum");
            assertEquals(expected.length, spectrum.rows().size());
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(spectrum.rows().get(i)[1] - expected[i]) / scale);
            }
            assertTrue(worst <= 1e-12, name + ": largest eigenvalue error relative to |lambda|max " + worst);
            assertEquals("exact (forward-over-reverse)", r.values().get("hvp_method"));
            assertEquals(((Number) c.get("trace")).doubleValue(), (Double) r.values().get("trace"), 1e-8 * Math.abs(
                    ((Number) c.get("trace")).doubleValue()), name + " trace");
            assertEquals(((Number) c.get("loss")).doubleValue(), (Double) r.values().get("loss"), 1e-12, name + " loss");
            assertTrue(((String) r.values().get("point")).startsWith("strict saddle"), "PyTorch's initialisation of a tanh"
                    + " network is a saddle of the loss: " + r.values().get("point"));
        }
    }

    @Test
    void lanczosTopFiveOfATenThousandParameterMlpWithin1e3() throws IOException {
        Map<String, Object> c = fixtureCase("mlp-64-128-10");
        assertEquals(9610, ((Number) c.get("parameters")).intValue());
        AnalysisResult r = run("hessian", mlp(c, 0.1), Map.of("k", 5, "method", "lanczos", "trace-samples", 30));
        assertEquals("lanczos", r.values().get("method"));
        double[] top = doubles(r, "top");
        double[] expectedTop = Fixture.doubles(c.get("top"));
        for (int i = 0; i < 5; i++) {
            assertEquals(expectedTop[i], top[i], 1e-3 * Math.abs(expectedTop[i]), "top " + (i + 1));
        }
        double[] bottom = doubles(r, "bottom");
        double[] expectedBottom = Fixture.doubles(c.get("bottom"));
        assertEquals(expectedBottom[0], bottom[0], 1e-3 * Math.abs(expectedBottom[0]), "the most negative eigenvalue");
        // Hutchinson: within four standard errors of the exact trace
        double trace = ((Number) c.get("trace")).doubleValue();
        double se = (Double) r.values().get("trace_standard_error");
        assertTrue(Math.abs((Double) r.values().get("trace") - trace) < 4 * se + 1e-9, "trace " + r.values().get("trace")
                + " vs " + trace + " (standard error " + se + ")");
        AnalysisResult.Table vectors = r.tables().get("eigenvectors");
        assertEquals(9610, vectors.rows().size());
        assertEquals(List.of("top1", "top2", "top3", "top4", "top5", "bottom1", "bottom2", "bottom3", "bottom4", "bottom5"),
                vectors.columns());
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) r.values().get("timing");
        assertTrue((Double) timing.get("hvp_over_gradient") > 0);
        assertTrue((Double) r.values().get("hvp_relative_error") < 1e-5, "finite-difference HVP error estimate "
                + r.values().get("hvp_relative_error"));
    }

    /** 002's Gaussian MLE: at the sample mean and standard deviation the NLL's Hessian is diag(1/s^2, 2/s^2). */
    @Test
    void gaussianMleIsAMinimumWithClosedFormCurvature() throws IOException {
        double[] x = { 0.3, -1.2, 2.5, 1.1, 0.0, 3.3, -0.4, 1.9 };
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / x.length;
        }
        Data data = new Data("x", new DataShape(x.length, 1, 1, 0), x.clone(), x.clone(), List.of("x"));
        double lr = 4;
        Subject s = new FixedSubject("gaussian", Map.of(), "gaussian-nll", data, new double[] { mean, Math.sqrt(var) }, lr);
        AnalysisResult r = run("hessian", s, Map.of("k", 2, "epsilon", 1e-3));
        double[] top = doubles(r, "top");
        assertEquals(2 / var, top[0], 1e-8 * (2 / var), "d2/dsigma2");
        assertEquals(1 / var, top[1], 1e-8 * (1 / var), "d2/dmu2");
        assertEquals("minimum (positive definite)", r.values().get("point"));
        assertEquals("central differences", r.values().get("hvp_method"), "the gaussian density has no R-op");
        assertEquals(2.0, (Double) r.values().get("condition_number"), 1e-8);
        assertTrue((Double) r.values().get("gradient_norm") < 1e-12);
        // lr 4 is more than 2 / lambda_max = var: the analysis warns
        assertTrue(4 * 2 / var > 2);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("too large for the curvature"), r.warnings().get(0));
    }

    /** The 003 test: off the minimum, the second-order prediction of a small step's change matches the real change. */
    @Test
    void stepTestPredictsTheChangeOfASmallStep() throws IOException {
        Map<String, Object> c = fixtureCase("small");
        Subject subject = mlp(c, 0.05);
        AnalysisResult r = run("hessian", subject, Map.of("k", 1, "epsilon", 0.05));
        @SuppressWarnings("unchecked")
        Map<String, Object> step = (Map<String, Object>) r.values().get("step_test");
        double predicted = (Double) step.get("predicted_change");
        double actual = (Double) step.get("actual_change");
        double first = (Double) step.get("first_order_change");
        // the same three changes from the model's passes alone: L(θ − εg) − L(θ), −ε‖g‖² and
        // −ε‖g‖² + ½ε²·gᵀHg with Hg by central differences of gradients along g (h = 1e-5)
        int rows = subject.data().rows();
        Model.Evaluator ev = subject.evaluator(rows);
        double[] theta = subject.parameters();
        double[] g = new double[theta.length];
        double before = ev.lossAndGradient(theta.clone(), subject.batch(rows), g);
        double[] moved = theta.clone();
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        for (int i = 0; i < theta.length; i++) {
            moved[i] -= 0.05 * g[i];
            plus[i] += 1e-5 * g[i];
            minus[i] -= 1e-5 * g[i];
        }
        double[] gPlus = new double[theta.length];
        double[] gMinus = new double[theta.length];
        double after = ev.lossAndGradient(moved, subject.batch(rows), new double[theta.length]);
        ev.lossAndGradient(plus, subject.batch(rows), gPlus);
        ev.lossAndGradient(minus, subject.batch(rows), gMinus);
        double gg = 0;
        double gHg = 0;
        for (int i = 0; i < theta.length; i++) {
            gg += g[i] * g[i];
            gHg += g[i] * (gPlus[i] - gMinus[i]) / 2e-5;
        }
        assertEquals(after - before, actual, 1e-12, "actual change");
        assertEquals(-0.05 * gg, first, 1e-12 * Math.abs(first), "first-order change");
        assertEquals(-0.05 * gg + 0.5 * 0.05 * 0.05 * gHg, predicted, 1e-6 * Math.abs(predicted), "second-order change");
        assertTrue(actual < 0, "a small gradient step lowers the loss: " + actual);
        assertTrue(Math.abs(predicted - actual) < 0.05 * Math.abs(actual), predicted + " vs " + actual);
        assertTrue(Math.abs(predicted - actual) < Math.abs(first - actual), "second order beats first order");
        assertEquals(0.05, (Double) r.values().get("learning_rate"));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void perBlockSpectraMatchTheDiagonalBlocksOfTheExactHessian() throws IOException {
        Map<String, Object> c = fixtureCase("small");
        AnalysisResult r = run("hessian", mlp(c, Double.NaN), Map.of("k", 2, "per-block", true));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> blocks = (List<Map<String, Object>>) r.values().get("blocks");
        assertEquals(List.of("layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias"),
                blocks.stream().map(b -> b.get("block")).toList());
        double lambdaMax = (Double) r.values().get("lambda_max");
        for (Map<String, Object> b : blocks) {
            // Cauchy interlacing: a principal submatrix's spectrum lies within the whole one's
            assertTrue((Double) b.get("lambda_max") <= lambdaMax + 1e-9, b.toString());
            assertTrue((Double) b.get("lambda_min") >= (Double) r.values().get("lambda_min") - 1e-9, b.toString());
        }
        // the output layer's bias block of a softmax cross-entropy is the mean of diag(p) - pp': positive semidefinite
        assertTrue((Double) blocks.get(3).get("lambda_min") > -1e-9, blocks.get(3).toString());
    }

    @Test
    void densityIntegratesToOneAndEstimatesTheTrace() throws IOException {
        Map<String, Object> c = fixtureCase("mlp-64-16-10");
        AnalysisResult r = run("hessian-density", mlp(c, Double.NaN), Map.of("probes", 20, "steps", 60));
        AnalysisResult.Table d = r.tables().get("density");
        double integral = 0;
        for (int i = 1; i < d.rows().size(); i++) {
            double dx = d.rows().get(i)[0] - d.rows().get(i - 1)[0];
            integral += dx * (d.rows().get(i)[1] + d.rows().get(i - 1)[1]) / 2;
        }
        assertEquals(1.0, integral, 1e-3);
        double[] exact = Fixture.doubles(c.get("eigenvalues"));
        assertEquals(exact[0], (Double) r.values().get("lambda_min"), 1e-6 * Math.abs(exact[0]));
        assertEquals(exact[exact.length - 1], (Double) r.values().get("lambda_max"), 1e-6 * exact[exact.length - 1]);
        double trace = ((Number) c.get("trace")).doubleValue();
        assertEquals(trace, (Double) r.values().get("trace_estimate"), 0.25 * Math.abs(trace));
        long negative = java.util.Arrays.stream(exact).filter(v -> v < 0).count();
        assertEquals((double) negative / exact.length, (Double) r.values().get("negative_mass"), 0.1);
    }

    @Test
    void badOptionsAndCancellationAreReported() {
        Map<String, Object> c = fixtureCase("small");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run("hessian", mlp(c, Double.NaN), Map.of("k", 52)));
        assertTrue(e.getMessage().contains("'--k': 52 eigenpairs asked, but the model has only 51"), e.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Contributions.create("analyses", "hessian", Map.of("k", -1), Analysis.class));
        assertTrue(range.getMessage().contains("'k'"), range.getMessage());
        Analysis a = Contributions.create("analyses", "hessian", Map.of(), Analysis.class);
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        assertThrows(OperationCanceledException.class,
                () -> a.analyze(new AnalysisInput(Optional.of(mlp(c, Double.NaN)), Map.of()), cancelled));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> a.analyze(new AnalysisInput(Optional.empty(), Map.of()), new NullProgressMonitor()));
        assertNotNull(none.getMessage());
        assertTrue(none.getMessage().contains("--run DIR or --experiment FILE"), none.getMessage());
    }

    /** Forward-over-reverse products of convolutional networks: conv, pooling, dropout, batch norm, residual blocks. */
    @Test
    void exactProductsOfConvolutionsPoolingAndDropout() {
        SplitMix64 random = new SplitMix64(10);
        int rows = 6;
        double[] x = new double[rows * 64];
        double[] y = new double[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int i = 0; i < rows; i++) {
            y[i] = i % 3;
        }
        Data data = new Data("images", new DataShape(rows, 64, 1, 3), x, y, List.of());
        List<Map<String, Object>> models = List.of(Map.of("channels", "3-4", "hidden", "6", "activation", "tanh"),
                Map.of("channels", "2-3", "pool", "avg"), Map.of("channels", "2", "dropout", 0.3),
                Map.of("channels", "2-3", "batchnorm", true), Map.of("model", "resnet", "n", 1, "width", 4),
                Map.of("model", "resnet", "n", 1, "width", 4, "shortcut", "b"));
        for (Map<String, Object> spec : models) {
            String id = (String) spec.getOrDefault("model", "cnn");
            Map<String, Object> hp = new java.util.LinkedHashMap<>(spec);
            hp.remove("model");
            Model m = Contributions.create("models", id, hp, Model.class);
            double[] theta = new double[ParameterBlock.total(m.bind(data.shape(), Contributions.create("losses",
                    "cross-entropy", Map.of(), LossFunction.class)))];
            m.initialise(theta, 5);
            Subject s = new FixedSubject(id, hp, "cross-entropy", data, theta, Double.NaN);
            HessianOperator h = new HessianOperator(s, s.batch(rows));
            assertTrue(h.exact(), spec.toString());
            double[] v = Lanczos.randomUnit(h.dimension(), 7);
            double e = productError(s, h, v);
            assertTrue(e < 1e-5, spec + ": exact against central differences of gradients " + e);
        }
    }

    /** Forward-over-reverse products against central differences, for each nonlinearity and an elementwise loss. */
    @Test
    void exactProductsAgreeWithCentralDifferences() {
        SplitMix64 random = new SplitMix64(9);
        int rows = 12;
        double[] x = new double[rows * 3];
        double[] y = new double[rows * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian();
        }
        Data data = new Data("random", new DataShape(rows, 3, 2, 0), x, y, List.of());
        for (String activation : List.of("relu", "tanh", "sigmoid")) {
            Map<String, Object> hp = Map.of("hidden", "5-4", "activation", activation);
            Model m = Contributions.create("models", "mlp", hp, Model.class);
            double[] theta = new double[ParameterBlock.total(m.bind(data.shape(), Contributions.create("losses", "mse",
                    Map.of(), LossFunction.class)))];
            m.initialise(theta, 4);
            Subject s = new FixedSubject("mlp", hp, "mse", data, theta, Double.NaN);
            HessianOperator h = new HessianOperator(s, s.batch(rows));
            assertTrue(h.exact(), activation);
            double[] v = Lanczos.randomUnit(h.dimension(), 3);
            double e = productError(s, h, v);
            assertTrue(e < 1e-6, activation + ": exact against central differences of gradients " + e);
            // an evaluator keeps the plain passes between products at one point, and only there
            Model.Evaluator ev = s.evaluator(rows);
            double[] other = theta.clone();
            other[0] += 0.25;
            double[] kept = new double[theta.length];
            double[] fresh = new double[theta.length];
            ev.hessianVector(theta.clone(), s.batch(rows), v, kept);
            ev.hessianVector(other.clone(), s.batch(rows), v, kept);
            s.evaluator(rows).hessianVector(other.clone(), s.batch(rows), v, fresh);
            org.junit.jupiter.api.Assertions.assertArrayEquals(fresh, kept, 0, activation + ": moved point");
        }
    }

    /**
     * The largest difference between the operator's exact product H·v and central differences of
     * reverse-mode gradients, (∇L(θ + hv) − ∇L(θ − hv)) / 2h with h = 1e-5, relative to the largest
     * entry of H·v. The reference is computed here from the model's lossAndGradient alone (fresh
     * copies of θ, since a training pass updates batch-norm buffers), not by the operator's own
     * error estimate.
     */
    static double productError(Subject s, HessianOperator h, double[] v) {
        double[] exact = new double[h.dimension()];
        h.apply(v, exact);
        int[] index = HessianOperator.trainable(s.blocks());
        assertEquals(index.length, h.dimension());
        double step = 1e-5;
        double[] theta = s.parameters();
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        for (int i = 0; i < index.length; i++) {
            plus[index[i]] += step * v[i];
            minus[index[i]] -= step * v[i];
        }
        Model.Evaluator ev = s.evaluator(s.data().rows());
        double[] gPlus = new double[theta.length];
        double[] gMinus = new double[theta.length];
        ev.lossAndGradient(plus, s.batch(s.data().rows()), gPlus);
        ev.lossAndGradient(minus, s.batch(s.data().rows()), gMinus);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < index.length; i++) {
            double reference = (gPlus[index[i]] - gMinus[index[i]]) / (2 * step);
            diff = Math.max(diff, Math.abs(exact[i] - reference));
            norm = Math.max(norm, Math.abs(reference));
        }
        assertTrue(norm > 0, "the reference product is not zero");
        return diff / norm;
    }
}
