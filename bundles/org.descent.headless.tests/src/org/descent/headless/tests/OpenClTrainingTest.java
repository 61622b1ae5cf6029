package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * Whole training runs on the OpenCL backend (PoCL where ./descent test runs; it installs it)
 * against the same runs on the cpu backend: the digits CNN and a ResNet with one block per stage,
 * fp32, same seed. The two backends sum in different orders, so the runs agree within fp32
 * rounding carried through the steps, not bit for bit. Fails when OpenCL is not available.
 */
class OpenClTrainingTest extends InRunStore {

    @Test
    void cnnOnDigitsTrainsOnOpenClAsOnTheCpu() {
        String[] train = { "train", "--dataset", "digits", "--model", "cnn", "--loss", "cross-entropy", "--optimizer",
                "adam:lr=1e-2", "--batch", "64", "--epochs", "2", "--validation", "0.2", "--seed", "3",
                "--checkpoint-every", "0", "--precision", "fp32", "--json" };
        Map<?, ?> cpu = metrics(concat(train, "--device", "cpu"));
        Map<?, ?> opencl = metrics(concat(train, "--device", "opencl"));
        double accuracy = number(cpu, "val_accuracy");
        assertTrue(accuracy > 0.8, "the cpu run learns: val_accuracy " + accuracy);
        assertEquals(accuracy, number(opencl, "val_accuracy"), 0.01, "val_accuracy, opencl against cpu");
        assertRelative(number(cpu, "train_loss"), number(opencl, "train_loss"), 1e-3, "train_loss");
    }

    @Test
    void resnetTrainsOnOpenClAsOnTheCpu() {
        String[] train = { "train", "--dataset", "blobs:n=32,features=3072,classes=10", "--model", "resnet:n=1",
                "--loss", "cross-entropy", "--optimizer", "sgd:lr=0.1,momentum=0.9", "--batch", "8", "--steps", "4",
                "--seed", "1", "--checkpoint-every", "0", "--precision", "fp32", "--json" };
        Map<?, ?> cpu = metrics(concat(train, "--device", "cpu"));
        Map<?, ?> opencl = metrics(concat(train, "--device", "opencl"));
        assertRelative(number(cpu, "train_loss"), number(opencl, "train_loss"), 1e-3, "train_loss");
    }

    /**
     * The sinkhorn loss computes on the run's device (fp64 on both): a linear model fitted to a
     * CSV regression by full-batch gradient descent; exp and the sums differ in the last bits
     * between the backends, so the final losses agree within 1e-9.
     */
    @Test
    void sinkhornLossTrainsOnOpenClAsOnTheCpu() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i / 40.0).append(',').append(2 * i / 40.0 + 0.1 * Math.sin(7 * i)).append('\n');
        }
        Path f = Files.writeString(dir.resolve("line.csv"), csv);
        String[] train = { "train", "--dataset", "csv:path=" + f + ",task=regression", "--model", "linear", "--loss",
                "sinkhorn", "--optimizer", "gd:lr=0.2", "--batch", "full", "--steps", "20", "--seed", "1",
                "--checkpoint-every", "0", "--json" };
        Map<?, ?> cpu = metrics(concat(train, "--device", "cpu"));
        Map<?, ?> opencl = metrics(concat(train, "--device", "opencl"));
        assertRelative(number(cpu, "train_loss"), number(opencl, "train_loss"), 1e-9, "train_loss");
    }

    private static Map<?, ?> metrics(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), r.err());
        return (Map<?, ?>) ((Map<?, ?>) Fixture.parse(r.out()).root()).get("metrics");
    }

    private static double number(Map<?, ?> metrics, String name) {
        Object v = metrics.get(name);
        assertTrue(v instanceof Number, name + " in " + metrics);
        return ((Number) v).doubleValue();
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertTrue(Double.isFinite(actual) && Math.abs(actual - expected) <= tolerance * Math.abs(expected),
                what + ": opencl " + actual + ", cpu " + expected);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
