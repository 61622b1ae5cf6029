package org.descent.models.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.compute.DeviceModel;
import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.SplitMix64;
import org.descent.testing.Contributions;
import org.descent.testing.Numerics;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The layered models' fp32 passes on the cpu backend against their fp64 host passes (the
 * reference): same parameters, same batch, loss and gradient within fp32 rounding; and the
 * device passes repeat bit for bit.
 */
class DeviceNetworkTest {

    private record Case(String name, String model, Map<String, Object> settings, DataShape shape) {
    }

    private static final List<Case> CASES = List.of(
            new Case("cnn with batchnorm and max pooling", "cnn",
                    Map.of("channels", "4-6", "batchnorm", true, "hidden", "12"), new DataShape(6, 64, 1, 10)),
            new Case("cnn with tanh, average pooling and biases", "cnn",
                    Map.of("channels", "3", "pool", "avg", "activation", "tanh", "kernel", 5), new DataShape(5, 64, 1, 4)),
            new Case("resnet n=1, option A shortcuts", "resnet", Map.of("n", 1, "width", 4, "input", "3x8x8"),
                    new DataShape(4, 192, 1, 5)),
            new Case("resnet n=1, option B shortcuts", "resnet",
                    Map.of("n", 1, "width", 4, "input", "3x8x8", "shortcut", "b"), new DataShape(4, 192, 1, 5)),
            new Case("mlp with batchnorm after sigmoid", "mlp",
                    Map.of("hidden", "9-7", "batchnorm", "after", "activation", "sigmoid"), new DataShape(7, 5, 1, 3)));

    private static Device cpu() {
        return Backends.resolve(Backends.find(DeviceNetworkTest.class), "cpu");
    }

    private static Batch batch(DataShape shape, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[] x = new double[shape.rows() * shape.inputDim()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] y = new double[shape.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % shape.classes();
        }
        return Batch.of(new Data("x", shape, x, y, List.of()));
    }

    @TestFactory
    List<DynamicTest> fp32DevicePassesFollowTheFp64HostPasses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : CASES) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                Model model = Contributions.create("models", c.model(), c.settings(), Model.class);
                LossFunction loss = Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class);
                List<ParameterBlock> blocks = model.bind(c.shape(), loss);
                double[] theta = new double[ParameterBlock.total(blocks)];
                model.initialise(theta, 3);
                Batch b = batch(c.shape(), 4).mode(true, 9);
                assertTrue(((DeviceModel) model).computesOn(cpu(), Precision.FP32));
                Model.Evaluator host = model.evaluator(Precision.FP64, c.shape().rows());
                // room for more rows than the batch has, as for an epoch's last, shorter batch
                Model.Evaluator device = ((DeviceModel) model).evaluator(cpu(), Precision.FP32, c.shape().rows() + 3);
                double[] thetaHost = theta.clone();
                double[] thetaDevice = theta.clone();
                double[] gHost = new double[theta.length];
                double[] gDevice = new double[theta.length];
                double lHost = host.lossAndGradient(thetaHost, b, gHost);
                double lDevice = device.lossAndGradient(thetaDevice, b, gDevice);
                assertEquals(lHost, lDevice, 1e-5 * (1 + Math.abs(lHost)), "loss");
                double err = Numerics.relativeNormError(gDevice, gHost, 1e-3);
                // within fp32 rounding, and not closer: the passes really ran in fp32
                assertTrue(err < 2e-4 && err > 1e-10, "gradient relative error " + err);
                // batch normalization's running statistics come back into the parameters
                assertTrue(Numerics.relativeNormError(thetaDevice, thetaHost, 1e-3) < 1e-6, "running statistics");
                double[] again = new double[theta.length];
                double[] thetaAgain = theta.clone();
                assertEquals(lDevice, device.lossAndGradient(thetaAgain, b, again), 0, "the same loss twice");
                assertArrayEquals(gDevice, again, 0, "the same gradient bits twice");
                double[] outHost = host.forward(theta, b.mode(false, 0)).clone();
                double[] outDevice = device.forward(theta, b.mode(false, 0));
                for (int i = 0; i < c.shape().rows() * c.shape().classes(); i++) {
                    assertEquals(outHost[i], outDevice[i], 1e-4 * (1 + Math.abs(outHost[i])), "evaluation output " + i);
                }
            }));
        }
        return tests;
    }

    @Test
    void dropoutMasksRepeatWithTheSeedAndAreOffInEvaluation() {
        Model model = Contributions.create("models", "cnn", Map.of("channels", "3", "hidden", "20", "dropout", 0.5),
                Model.class);
        DataShape shape = new DataShape(4, 64, 1, 3);
        double[] theta = new double[ParameterBlock.total(model.bind(shape,
                Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class)))];
        model.initialise(theta, 1);
        Model.Evaluator ev = model.evaluator(Precision.FP32, 4);
        Batch b = batch(shape, 2);
        double[] train1 = ev.forward(theta, b.mode(true, 5)).clone();
        assertArrayEquals(train1, ev.forward(theta, b.mode(true, 5)).clone(), 0, "same seed, same mask");
        assertFalse(java.util.Arrays.equals(train1, ev.forward(theta, b.mode(true, 6))), "another seed, another mask");
        double[] eval = ev.forward(theta, b.mode(false, 1)).clone();
        assertArrayEquals(eval, ev.forward(theta, b.mode(false, 2)), 0, "evaluation passes ignore the seed");
        assertFalse(java.util.Arrays.equals(train1, eval), "training passes drop units");
    }

    @Test
    void binaryLayersHaveNoDevicePath() {
        Model model = Contributions.create("models", "mlp", Map.of("hidden", "8", "binary", "weights"), Model.class);
        model.bind(new DataShape(3, 4, 1, 2), Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class));
        assertFalse(((DeviceModel) model).computesOn(cpu(), Precision.FP32));
        String msg = assertThrows(IllegalArgumentException.class, () -> model.evaluator(Precision.FP32, 3)).getMessage();
        assertTrue(msg.contains("fp32 is offered for every option but binary layers"), msg);
    }
}
