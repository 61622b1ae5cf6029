package org.descent.analysis.gradients.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.SplitMix64;
import org.descent.core.Subject;
import org.descent.testing.Contributions;
import org.descent.testing.FixedSubject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;

/**
 * Per-example gradients from one pass against the definition: the gradient of each example's own
 * loss, from a backward pass on a batch of that example alone.
 */
class GradientsTest {

    static Data data(int rows, int inputs, int classes, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] x = new double[rows * inputs];
        double[] y = new double[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < rows; i++) {
            y[i] = (int) (r.nextDouble() * classes);
        }
        return new Data("random", new DataShape(rows, inputs, 1, classes), x, y, List.of());
    }

    static Subject subject(String model, Map<String, ?> hp, Data data) {
        Model m = Contributions.create("models", model, hp, Model.class);
        LossFunction loss = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        double[] theta = new double[ParameterBlock.total(m.bind(data.shape(), loss))];
        m.initialise(theta, 3);
        return new FixedSubject(model, hp, "cross-entropy", data, theta, Double.NaN);
    }

    /** g_r from the one-pass split equals the gradient of a batch holding example r alone. */
    static void matchesSingleExampleBackward(Subject s) {
        Data d = s.data();
        int n = d.rows();
        Batch batch = s.batch(n);
        Model.Evaluator ev = s.evaluator(n);
        double[] theta = s.parameters();
        double[] g = new double[theta.length];
        ev.lossAndGradient(theta.clone(), batch, g);
        Model.PerExample split = assertInstanceOf(Model.PerExample.class, ev);
        double[] norms = new double[n];
        double[] meanSquares = new double[theta.length];
        split.perExample(norms, meanSquares);
        Model.Evaluator one = s.evaluator(1);
        Batch single = new Batch(1, d.shape().inputDim(), d.shape().targetDim());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] expectedSquares = new double[theta.length];
        double[] mean = new double[theta.length];
        double[] gr = new double[theta.length];
        double[] ge = new double[theta.length];
        double scale = 0;
        for (double v : g) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int r = 0; r < n; r++) {
            single.fill(d, order, r, r + 1);
            single.mode(true, 0);
            one.lossAndGradient(theta.clone(), single, ge);
            split.exampleGradient(r, gr);
            double norm = 0;
            for (int i = 0; i < theta.length; i++) {
                assertEquals(ge[i], gr[i], 1e-12 * Math.max(1, Math.abs(ge[i])), "example " + r + ", parameter " + i);
                norm += ge[i] * ge[i];
                expectedSquares[i] += ge[i] * ge[i] / n;
                mean[i] += ge[i] / n;
            }
            assertEquals(norm, norms[r], 1e-10 * norm, "squared norm of example " + r);
        }
        for (int i = 0; i < theta.length; i++) {
            assertEquals(expectedSquares[i], meanSquares[i], 1e-12 * Math.max(1e-6, expectedSquares[i]), "mean square " + i);
            assertEquals(g[i], mean[i], 1e-13 * Math.max(1, scale), "the examples average to the batch gradient at " + i);
        }
    }

    @Test
    void mlpPerExampleGradientsAreTheSingleExampleGradients() {
        matchesSingleExampleBackward(subject("mlp", Map.of("hidden", "16-8", "activation", "tanh"), data(24, 6, 4, 1)));
    }

    @Test
    void cnnPerExampleGradientsAreTheSingleExampleGradients() {
        matchesSingleExampleBackward(subject("cnn", Map.of("channels", "3-4", "hidden", "5"), data(10, 64, 3, 2)));
    }

    @Test
    void analysisReportsMeanSquaresNormsAndNoiseScale() throws IOException {
        Subject s = subject("mlp", Map.of("hidden", "12", "activation", "tanh"), data(40, 5, 3, 4));
        Analysis a = Contributions.create("analyses", "gradients", Map.of("compare-loop", true, "repeats", 2),
                Analysis.class);
        AnalysisResult r = a.analyze(new AnalysisInput(Optional.of(s), Map.of()), new NullProgressMonitor());
        int n = 40;
        // brute force from single-example passes
        Model.Evaluator one = s.evaluator(1);
        Batch single = new Batch(1, 5, 1);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] theta = s.parameters();
        double[] mean = new double[theta.length];
        double sumSq = 0;
        double[] ge = new double[theta.length];
        for (int e = 0; e < n; e++) {
            single.fill(s.data(), order, e, e + 1);
            single.mode(true, 0);
            one.lossAndGradient(theta.clone(), single, ge);
            for (int i = 0; i < theta.length; i++) {
                mean[i] += ge[i] / n;
                sumSq += ge[i] * ge[i];
            }
        }
        double gg = 0;
        for (double v : mean) {
            gg += v * v;
        }
        double trace = (sumSq - n * gg) / (n - 1);
        assertEquals(trace, (Double) r.values().get("gradient_variance_trace"), 1e-10 * trace);
        assertEquals(trace / gg, (Double) r.values().get("noise_scale"), 1e-9 * trace / gg);
        assertEquals(sumSq / n, (Double) r.values().get("mean_squared_norm"), 1e-10 * sumSq / n);
        assertTrue((Double) r.values().get("sum_check_error") < 1e-13, r.values().get("sum_check_error").toString());
        assertEquals(n, r.tables().get("examples").rows().size());
        assertEquals(theta.length, r.tables().get("mean-squares").rows().size());
        List<?> blocks = (List<?>) r.values().get("blocks");
        assertEquals(List.of("layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias"),
                blocks.stream().map(b -> ((Map<?, ?>) b).get("block")).toList());
        Map<?, ?> timing = (Map<?, ?>) r.values().get("timing");
        assertTrue((Double) timing.get("split_over_backward") >= 1);
        assertTrue(timing.containsKey("seconds_loop_of_single_examples"));
        assertEquals(false, r.values().get("coupled_by_batch_norm"));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    /** Batch norm couples the examples: the parts still average to the batch gradient, and the analysis says what they are. */
    @Test
    void batchNormCouplesTheExamplesAndTheAnalysisSaysSo() throws IOException {
        Data d = data(16, 6, 3, 5);
        Subject s = subject("mlp", Map.of("hidden", "8", "batchnorm", "after"), d);
        Model.Evaluator ev = s.evaluator(16);
        double[] theta = s.parameters();
        double[] g = new double[theta.length];
        ev.lossAndGradient(theta.clone(), s.batch(16), g);
        Model.PerExample split = (Model.PerExample) ev;
        double[] sum = new double[theta.length];
        double[] gr = new double[theta.length];
        for (int r = 0; r < 16; r++) {
            split.exampleGradient(r, gr);
            for (int i = 0; i < theta.length; i++) {
                sum[i] += gr[i] / 16;
            }
        }
        for (ParameterBlock b : s.blocks()) {
            for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                assertEquals(b.buffer() ? 0 : g[i], sum[i], 1e-13, b.name());
            }
        }
        // a batch of one example normalizes with the running statistics: not the same function
        Batch single = new Batch(1, 6, 1);
        single.fill(d, new int[] { 0 }, 0, 1);
        single.mode(true, 0);
        double[] alone = new double[theta.length];
        s.evaluator(1).lossAndGradient(theta.clone(), single, alone);
        split.exampleGradient(0, gr);
        double diff = 0;
        for (int i = 0; i < theta.length; i++) {
            diff = Math.max(diff, Math.abs(alone[i] - gr[i]));
        }
        assertTrue(diff > 1e-6, "coupled: example 0's part differs from its own gradient");
        AnalysisResult r = Contributions.create("analyses", "gradients", Map.of(), Analysis.class)
                .analyze(new AnalysisInput(Optional.of(s), Map.of()), new NullProgressMonitor());
        assertEquals(true, r.values().get("coupled_by_batch_norm"));
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("batch normalization couples the examples"), r.warnings().get(0));
        assertTrue((Double) r.values().get("sum_check_error") < 1e-12);
    }

    @Test
    void modelsThatCannotSplitAreNamedAndCancellationStops() {
        Subject binary = subject("mlp", Map.of("hidden", "8", "binary", "weights"), data(8, 6, 3, 6));
        Analysis a = Contributions.create("analyses", "gradients", Map.of(), Analysis.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.analyze(new AnalysisInput(Optional.of(binary), Map.of()), new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("layer layer1 (binary") && e.getMessage().contains("cannot split its gradient"),
                e.getMessage());
        Subject gaussian = new FixedSubject("gaussian", Map.of(), "gaussian-nll",
                new Data("x", new DataShape(3, 1, 1, 0), new double[] { 1, 2, 3 }, new double[] { 1, 2, 3 }, List.of("x")),
                new double[] { 0, 1 }, Double.NaN);
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> a.analyze(new AnalysisInput(Optional.of(gaussian), Map.of()), new NullProgressMonitor()));
        assertTrue(g.getMessage().contains("does not split its gradient by example"), g.getMessage());
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        Subject s = subject("mlp", Map.of("hidden", "4"), data(8, 6, 3, 7));
        assertThrows(OperationCanceledException.class,
                () -> a.analyze(new AnalysisInput(Optional.of(s), Map.of()), cancelled));
    }
}
