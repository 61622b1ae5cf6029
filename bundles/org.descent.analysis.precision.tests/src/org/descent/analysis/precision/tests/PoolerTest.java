package org.descent.analysis.precision.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.descent.analysis.precision.FloatFormat;
import org.descent.analysis.precision.SimulatedMixedPrecision;
import org.descent.core.AnalysisResult;
import org.descent.core.Batch;
import org.descent.core.MixedPrecisionPolicy.LossScaling;
import org.descent.core.Model;
import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.Subject;
import org.descent.testing.Contributions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 004 question (why does BERT's tanh pooler break fp16 training?) as a test: a saturated tanh
 * unit has a gradient of order 1e-8, which underflows to zero in fp16 without loss scaling, so
 * its weights never move; with GradScaler's dynamic scaling the gradient survives, Adam moves the
 * unit out of saturation and the fit succeeds. Also the precision analysis on the same point.
 */
class PoolerTest {

    @TempDir
    static Path dir;

    static Subject pooler;

    @BeforeAll
    static void saturate() throws Exception {
        pooler = Experiments.saturatedPooler(dir);
    }

    static int block(Subject s, String name) {
        for (int k = 0; k < s.blocks().size(); k++) {
            if (s.blocks().get(k).name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no block " + name + " in " + s.blocks());
    }

    /** What a mixed-precision training loop ends with. */
    record Trained(double loss, double[] theta, List<String> skips, double scale) {
    }

    /**
     * The Trainer's mixed-precision step on the subject's full batch, from its parameters: round
     * a copy, evaluate in fp64, scale, let the policy round, check and unscale, then Adam.
     */
    static Trained train(Subject s, SimulatedMixedPrecision policy, LossScaling scaling, int steps) {
        Optimizer adam = Contributions.create("optimizers", "adam", Map.of("lr", 0.05), Optimizer.class);
        adam.initialise(s.blocks());
        policy.start(s.blocks(), scaling);
        Batch batch = s.batch(s.data().rows());
        Model.Evaluator evaluator = s.evaluator(batch.size());
        double[] theta = s.parameters();
        double[] grad = new double[theta.length];
        List<String> skips = new ArrayList<>();
        double loss = Double.NaN;
        for (int step = 1; step <= steps; step++) {
            double[] rounded = theta.clone();
            policy.round(rounded, 0, rounded.length);
            loss = s.objective(evaluator, rounded, batch, grad);
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= policy.lossScale();
            }
            if (policy.unscale(grad, step)) {
                adam.step(theta, grad, adam.learningRate());
            } else {
                skips.add(policy.skipReason());
            }
        }
        return new Trained(loss, theta, skips, policy.lossScale());
    }

    @Test
    void fp16GradientsOfASaturatedTanhVanishWithoutLossScalingAndSurviveWithIt() {
        ParameterBlock w = pooler.blocks().get(block(pooler, "layer1.weight"));
        ParameterBlock b = pooler.blocks().get(block(pooler, "layer1.bias"));
        double[] start = pooler.parameters();

        SimulatedMixedPrecision unscaledPolicy = new SimulatedMixedPrecision(FloatFormat.FP16);
        Trained unscaled = train(pooler, unscaledPolicy, LossScaling.NONE, 300);
        assertEquals(1.0, unscaledPolicy.lastRounding().underflowFraction(block(pooler, "layer1.weight")));
        assertEquals(1.0, unscaledPolicy.lastRounding().underflowFraction(block(pooler, "layer1.bias")));
        assertArrayEquals(Arrays.copyOfRange(start, w.offset(), b.offset() + 1),
                Arrays.copyOfRange(unscaled.theta(), w.offset(), b.offset() + 1),
                "the pooler's gradient is zero in fp16: it never moves");
        assertEquals(List.of(), unscaled.skips());
        assertTrue(unscaled.loss() > 0.08, "only the output layer learns: the best constant, loss " + unscaled.loss());

        SimulatedMixedPrecision scaledPolicy = new SimulatedMixedPrecision(FloatFormat.FP16);
        Trained scaled = train(pooler, scaledPolicy, LossScaling.DEFAULT, 300);
        assertTrue(scaled.theta()[b.offset()] < 1, "the pooler left saturation: bias " + scaled.theta()[b.offset()]);
        assertTrue(scaled.loss() < 0.01, "and the fit succeeds: loss " + scaled.loss());
        assertEquals(2, scaled.skips().size(), "the output layer's gradient (about 2) overflows at 65536 and 32768: "
                + scaled.skips());
        assertTrue(scaled.skips().get(0).startsWith("step 1 skipped: the fp16 gradient at loss scale 65536"),
                scaled.skips().get(0));
        assertTrue(scaled.skips().get(0).contains("layer2.weight"), scaled.skips().get(0));
        assertEquals(16384, scaled.scale());

        Trained bf16 = train(pooler, new SimulatedMixedPrecision(FloatFormat.BF16), LossScaling.NONE, 300);
        assertTrue(bf16.loss() < 0.01, "bf16 has fp32's range: no scaling needed, loss " + bf16.loss());
    }

    /**
     * In a pass computed in fp16 the saturated unit's output tanh(10.5) rounds to exactly 1, so its
     * derivative 1 - y^2 is zero: no loss scale brings that gradient back (the pooler must leave
     * saturation while the passes are in fp32, or start less saturated).
     */
    @Test
    void inAnFp16PassTheSaturatedUnitHasNoGradientAtAnyScale() throws Exception {
        AnalysisResult r = Experiments.analyze(Map.of("scale", 1024, "format", "fp16"), pooler);
        assertEquals("low precision", r.values().get("passes"));
        double[] underflow = Experiments.column(r, "fp16", "underflow_fraction");
        int pw = block(pooler, "layer1.weight");
        int n = pooler.blocks().size();
        assertEquals(1.0, underflow[pw], "unscaled");
        assertEquals(1.0, underflow[n + pw], "at loss scale 1024 too");
    }

    @Test
    void theAnalysisShowsTheUnderflowPerBlock() throws Exception {
        AnalysisResult r = Experiments.analyze(Map.of("scale", 1024, "passes", "fp64"), pooler);
        double[] blockColumn = Experiments.column(r, "fp16", "block");
        double[] scale = Experiments.column(r, "fp16", "scale");
        double[] underflow = Experiments.column(r, "fp16", "underflow_fraction");
        double[] overflow = Experiments.column(r, "fp16", "overflow_fraction");
        double[] error = Experiments.column(r, "fp16", "relative_error");
        int pw = block(pooler, "layer1.weight");
        int n = pooler.blocks().size();
        assertEquals(2 * n, blockColumn.length, "every block without scaling and at 1024");
        assertEquals(1, scale[pw]);
        assertEquals(1024, scale[n + pw]);
        assertEquals(1.0, underflow[pw], "unscaled: the pooler's gradient is all zero in fp16");
        assertEquals(1.0, error[pw], "so its relative error is 1");
        assertEquals(0.0, underflow[n + pw], "scaled by 1024 it survives");
        assertTrue(error[n + pw] < 0.05, "with a small error: " + error[n + pw]);
        assertEquals(0.0, Arrays.stream(overflow).sum(), "2 x 1024 does not overflow");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("layer1.weight") && w.contains("100.0%")),
                r.warnings().toString());

        double[] bfUnderflow = Experiments.column(r, "bf16", "underflow_fraction");
        assertEquals(0.0, Arrays.stream(bfUnderflow).sum(), "bf16 does not underflow here");

        double[] theta = pooler.parameters();
        double[] rounded = theta.clone();
        FloatFormat.FP16.round(rounded, 0, rounded.length);
        Batch batch = pooler.batch(pooler.batchSize());
        Model.Evaluator ev = pooler.evaluator(batch.size());
        double exact = pooler.objective(ev, theta, batch, new double[theta.length]);
        double half = pooler.objective(ev, rounded, batch, new double[theta.length]);
        @SuppressWarnings("unchecked")
        Map<String, Object> fp16 = (Map<String, Object>) r.values().get("fp16");
        assertEquals(half - exact, (Double) fp16.get("loss_difference"), 1e-15);
        assertEquals(exact, (Double) r.values().get("loss_fp64"), 0);
    }

    @Test
    void overflowAtTheDefaultScaleIsWarned() throws Exception {
        AnalysisResult r = Experiments.analyze(Map.of("format", "fp16"), pooler);
        assertEquals(List.of("fp16"), List.copyOf(r.tables().keySet()));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("at loss scale 65536") && w.contains("layer2.weight")),
                r.warnings().toString());
    }

    @Test
    void badOptionsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Experiments.analyze(Map.of("scale", 0), pooler));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> Experiments.analyze(Map.of("format", "fp8"), pooler));
        assertTrue(f.getMessage().contains("format"), f.getMessage());
    }
}
