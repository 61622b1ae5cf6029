package org.descent.analysis.precision.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.descent.analysis.precision.FloatFormat;
import org.descent.analysis.precision.SimulatedMixedPrecision;
import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.MixedPrecisionPolicy.LossScaling;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.SplitMix64;
import org.descent.testing.Contributions;
import org.junit.jupiter.api.Test;

/**
 * A layered model's pass in simulated low precision: every layer's outputs lie on the format's grid,
 * and the backward pass carries the scaled loss gradient, so small gradients that fp16 flushes to
 * zero survive with loss scaling.
 */
class SimulatedPassTest {

    static Data data(int rows, int inputs, int classes) {
        SplitMix64 r = new SplitMix64(5);
        double[] x = new double[rows * inputs];
        double[] y = new double[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < rows; i++) {
            y[i] = i % classes;
        }
        return new Data("random", new DataShape(rows, inputs, 1, classes), x, y, List.of());
    }

    @Test
    void everyLayerOutputIsOnTheGridAndTheGradientComesOutScaled() {
        Data d = data(16, 8, 3);
        Model model = Contributions.create("models", "mlp", Map.of("hidden", "12-6", "activation", "tanh"), Model.class);
        LossFunction loss = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        List<ParameterBlock> blocks = model.bind(d.shape(), loss);
        double[] theta = new double[ParameterBlock.total(blocks)];
        model.initialise(theta, 1);
        Batch batch = Batch.of(d).mode(true, 0);
        double[] exact = new double[theta.length];
        model.evaluator(Precision.FP64, 16).lossAndGradient(theta.clone(), batch, exact);

        SimulatedMixedPrecision fp16 = new SimulatedMixedPrecision(FloatFormat.FP16);
        fp16.start(blocks, LossScaling.fixed(1024));
        Model.Evaluator ev = model.evaluator(Precision.FP64, 16);
        assertTrue(ev.simulate(fp16));
        double[] g = new double[theta.length];
        ev.lossAndGradient(theta.clone(), batch, g);
        Model.Inspectable layers = (Model.Inspectable) ev;
        int count = 0;
        for (int i = 0; i < layers.lastPass().size(); i++) {
            double[] a = layers.outputs(i);
            double[] da = layers.outputGradients(i);
            int size = 16 * java.util.Arrays.stream(layers.lastPass().get(i).outputShape()).reduce(1, (x, y) -> x * y);
            for (int k = 0; k < size; k++) {
                assertEquals(FloatFormat.FP16.round(a[k]), a[k], 0, "output " + k + " of layer " + i);
                assertEquals(FloatFormat.FP16.round(da[k]), da[k], 0, "gradient " + k + " of layer " + i);
                count++;
            }
        }
        assertTrue(count > 16 * 20);
        // the gradient is 1024 times the fp64 one, up to fp16's rounding of the values it is made of
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < g.length; i++) {
            worst = Math.max(worst, Math.abs(g[i] / 1024 - exact[i]));
            scale = Math.max(scale, Math.abs(exact[i]));
        }
        assertTrue(worst < 1e-2 * scale, "scaled gradient off by " + worst + " of " + scale);
        assertTrue(worst > 0, "the pass was not in fp64");
        // off again: fp64
        assertTrue(ev.simulate(null));
        ev.lossAndGradient(theta.clone(), batch, g);
        for (int i = 0; i < g.length; i++) {
            assertEquals(exact[i], g[i], 1e-15 * scale);
        }
    }

    /** 004: tiny loss gradients flush to zero in an fp16 backward pass; a loss scale keeps them. */
    @Test
    void lossScalingKeepsSmallBackwardGradientsAlive() {
        Data d = data(64, 8, 3);
        Model model = Contributions.create("models", "mlp", Map.of("hidden", "8", "activation", "tanh"), Model.class);
        LossFunction loss = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
        List<ParameterBlock> blocks = model.bind(d.shape(), loss);
        double[] theta = new double[ParameterBlock.total(blocks)];
        model.initialise(theta, 2);
        // an output layer with tiny weights: the gradient reaching the hidden layer is about 1e-9, far
        // below fp16's smallest subnormal (6e-8). (A fully saturated tanh would not do: its fp16 output
        // rounds to exactly 1, and 1 - y^2 is zero at any loss scale.)
        ParameterBlock out = blocks.stream().filter(b -> b.name().equals("layer2.weight")).findFirst().orElseThrow();
        for (int i = out.offset(); i < out.offset() + out.size(); i++) {
            theta[i] *= 1e-6;
        }
        Batch batch = Batch.of(d).mode(true, 0);
        int[] zeros = new int[2];
        double[] scales = { 1, 65536 };
        for (int s = 0; s < 2; s++) {
            SimulatedMixedPrecision fp16 = new SimulatedMixedPrecision(FloatFormat.FP16);
            fp16.start(blocks, LossScaling.fixed(scales[s]));
            Model.Evaluator ev = model.evaluator(Precision.FP64, 64);
            ev.simulate(fp16);
            double[] g = new double[theta.length];
            ev.lossAndGradient(theta.clone(), batch, g);
            for (ParameterBlock b : blocks) {
                if (b.name().startsWith("layer1.")) {
                    for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                        if (g[i] == 0) {
                            zeros[s]++;
                        }
                    }
                }
            }
        }
        assertEquals(8 * 8 + 8, zeros[0], "without scaling every gradient of the hidden layer underflows");
        assertEquals(0, zeros[1], "at loss scale 65536 none does");
    }
}
