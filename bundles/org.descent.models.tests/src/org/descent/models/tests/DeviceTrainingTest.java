package org.descent.models.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.compute.DeviceLoss;
import org.descent.compute.DeviceModel;
import org.descent.compute.DeviceOptimizer;
import org.descent.compute.LossRule;
import org.descent.compute.ResidentTraining;
import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.Optimizer;
import org.descent.core.OutputKind;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.descent.testing.Contributions;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Training steps of a device evaluator with the loss and the update on the device: softmax
 * cross-entropy against the host loss (fp64 passes, and the same formula in double on the
 * device's own outputs), and resident steps of each built-in optimizer's fused rule against the
 * host optimizer (checked against PyTorch by its own tests) stepping in double on the same fp32
 * passes and rounding to float, as the engine's host path does.
 */
class DeviceTrainingTest {

    /** A CNN with batch normalization (buffers the update must leave alone), 8 examples of 8×8, 4 classes. */
    private static final DataShape SHAPE = new DataShape(8, 64, 1, 4);
    private static final Map<String, Object> CNN = Map.of("channels", "3", "hidden", "10", "batchnorm", true);

    private static Device cpu() {
        return Backends.resolve(Backends.find(DeviceTrainingTest.class), "cpu");
    }

    private static Batch batch(long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] x = new double[SHAPE.rows() * SHAPE.inputDim()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] y = new double[SHAPE.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i + seed) % SHAPE.classes();
        }
        return Batch.of(new Data("x", SHAPE, x, y, List.of())).mode(true, seed);
    }

    private static LossFunction crossEntropy(double smoothing) {
        return Contributions.create("losses", "cross-entropy", Map.of("label_smoothing", smoothing), LossFunction.class);
    }

    /** The built-in cross-entropy, counting how often the host evaluates it. */
    private static final class CountingLoss implements LossFunction, DeviceLoss {
        private final LossFunction inner;
        int evaluations;

        CountingLoss(LossFunction inner) {
            this.inner = inner;
        }

        @Override
        public void configure(Settings settings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LossRule lossRule() {
            return ((DeviceLoss) inner).lossRule();
        }

        @Override
        public OutputKind outputKind() {
            return inner.outputKind();
        }

        @Override
        public int outputDim(DataShape shape) {
            return inner.outputDim(shape);
        }

        @Override
        public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double[] gradient) {
            evaluations++;
            return inner.evaluate(n, shape, outputs, targets, gradient);
        }
    }

    @Test
    void softmaxCrossEntropyRunsOnTheDeviceAndFollowsTheHostLoss() {
        CountingLoss loss = new CountingLoss(crossEntropy(0.1));
        Model model = Contributions.create("models", "cnn", CNN, Model.class);
        List<ParameterBlock> blocks = model.bind(SHAPE, loss);
        double[] theta = new double[ParameterBlock.total(blocks)];
        model.initialise(theta, 5);
        Model.Evaluator device = ((DeviceModel) model).evaluator(cpu(), Precision.FP32, SHAPE.rows());
        double[] gDevice = new double[theta.length];
        double lDevice = device.lossAndGradient(theta.clone(), batch(1), gDevice);
        assertEquals(0, loss.evaluations, "the loss ran on the device: the host evaluated it " + loss.evaluations + " times");

        // the fused loss in float against the host formula in double on the same fp32 outputs (3.5e-8 apart
        // when written)
        double[] out = device.forward(theta.clone(), batch(1)).clone();
        double lOnOutputs = crossEntropy(0.1).evaluate(SHAPE.rows(), SHAPE, out, batch(1).targets(), null);
        assertEquals(lOnOutputs, lDevice, 5e-7 * (1 + Math.abs(lOnOutputs)), "loss against the host loss on the outputs");

        // the whole pass against the fp64 host passes: fp32 rounding through the network (loss 2.8e-8,
        // gradient 2.3e-7 apart when written)
        Model.Evaluator host = model.evaluator(Precision.FP64, SHAPE.rows());
        double[] gHost = new double[theta.length];
        double lHost = host.lossAndGradient(theta.clone(), batch(1), gHost);
        assertEquals(lHost, lDevice, 1e-6 * (1 + Math.abs(lHost)), "loss against the fp64 host pass");
        double err = Numerics.relativeNormError(gDevice, gHost, 1e-3);
        assertTrue(err < 5e-6, "gradient relative error " + err);
    }

    private record Case(String optimizer, Map<String, Object> hyperparameters) {
    }

    @TestFactory
    List<DynamicTest> residentStepsFollowTheHostOptimizer() {
        List<Case> cases = List.of(new Case("momentum", Map.of("lr", 0.05)), new Case("nesterov", Map.of("lr", 0.05)),
                new Case("adam", Map.of("lr", 0.01)), new Case("adamw", Map.of("lr", 0.01, "weight_decay", 0.1)),
                new Case("rmsprop", Map.of("lr", 0.01, "momentum", 0.5, "centered", true)),
                new Case("adagrad", Map.of("lr", 0.1, "weight_decay", 0.01)), new Case("adadelta", Map.of()));
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.optimizer(), () -> residentSteps(c)));
        }
        return tests;
    }

    private static void residentSteps(Case c) {
        Model model = Contributions.create("models", "cnn", CNN, Model.class);
        List<ParameterBlock> blocks = model.bind(SHAPE, crossEntropy(0));
        double[] theta0 = new double[ParameterBlock.total(blocks)];
        model.initialise(theta0, 7);
        for (int i = 0; i < theta0.length; i++) {
            theta0[i] = (float) theta0[i];
        }
        Optimizer host = Contributions.create("optimizers", c.optimizer(), c.hyperparameters(), Optimizer.class);
        Optimizer device = Contributions.create("optimizers", c.optimizer(), c.hyperparameters(), Optimizer.class);
        host.initialise(blocks);
        device.initialise(blocks);
        Model.Evaluator passes = ((DeviceModel) model).evaluator(cpu(), Precision.FP32, SHAPE.rows());
        ResidentTraining resident = (ResidentTraining) ((DeviceModel) model).evaluator(cpu(), Precision.FP32,
                SHAPE.rows());
        resident.upload(theta0, ((DeviceOptimizer) device).updateRule(), device.saveState().arrays());
        double[] theta = theta0.clone();
        double[] g = new double[theta.length];
        int steps = 4;
        for (int t = 1; t <= steps; t++) {
            double lr = host.learningRate() * (1 - 0.1 * t);
            double loss = passes.lossAndGradient(theta, batch(t), g);
            double[] kept = theta.clone();
            host.step(theta, g, lr);
            for (ParameterBlock b : blocks) {
                if (b.buffer()) {
                    System.arraycopy(kept, b.offset(), theta, b.offset(), b.size());
                }
            }
            for (int i = 0; i < theta.length; i++) {
                theta[i] = (float) theta[i];
            }
            ResidentTraining.Values v = resident.lossAndGradient(batch(t));
            resident.update(t, lr);
            assertEquals(loss, v.loss(), 1e-6 * (1 + Math.abs(loss)), c + ": loss of step " + t);
            if (t == 1) {
                // same parameters, same passes: the same gradient, its norm accumulated on the device
                assertEquals(org.descent.core.GradientClipping.norm(g), v.gradientNorm(), 1e-6 * v.gradientNorm(),
                        c + ": gradient norm");
            }
        }
        double[] onDevice = new double[theta.length];
        resident.readParameters(onDevice);
        double[] moved = new double[theta.length];
        double[] movedHost = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            assertEquals(onDevice[i], (float) onDevice[i], 0, c + ": parameter " + i + " is not an fp32 value");
            moved[i] = onDevice[i] - theta0[i];
            movedHost[i] = theta[i] - theta0[i];
        }
        // the update in float against double-then-rounded: an ulp of the parameters per step, carried
        // through the following steps' gradients (at most 4.5e-7 of the displacement, AdamW, when
        // written; a wrong coefficient or state would be off by percents)
        double err = Numerics.relativeNormError(moved, movedHost, 1e-12);
        assertTrue(err < 5e-6, c + ": displacement after " + steps + " steps, relative error " + err);
        for (ParameterBlock b : blocks) {
            if (b.buffer()) {
                for (int i = b.offset(); i < b.offset() + b.size(); i++) {
                    assertEquals(theta[i], onDevice[i], 1e-6 * (1 + Math.abs(theta[i])), c + ": buffer " + b.name());
                }
            }
        }
        Map<String, double[]> expected = host.saveState().arrays();
        Map<String, double[]> actual = resident.readState();
        assertEquals(expected.keySet(), actual.keySet(), c + ": state arrays");
        for (String name : expected.keySet()) {
            double e = Numerics.relativeNormError(actual.get(name), expected.get(name), 1e-12);
            assertTrue(e < 5e-6, c + ": state " + name + " relative error " + e);
        }
    }
}
