package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.Test;

/** descent tune: the standard shapes' table, and bad option values. */
class TuneCommandTest {

    /** With --autotune off the table lists the fixed defaults, unmeasured, for every standard convolution. */
    @Test
    void listsTheStandardShapesWithTheDefaultsWhenAutotuningIsOff() throws Exception {
        CommandLineTest.service();
        Result r = run("tune", "--device", "cpu", "--threads", "3", "--autotune", "off", "--json");
        assertEquals(0, r.code(), r.err());
        List<?> rows = assertInstanceOf(List.class, Fixture.parse(r.out()).root());
        // digits CNN: 2 convolutions, ResNet-20: 6 geometries; 3 passes each; batches 16 and 128
        assertEquals((2 + 6) * 3 * 2, rows.size(), r.out());
        Map<?, ?> first = assertInstanceOf(Map.class, rows.get(0));
        assertEquals("digits-cnn", first.get("model"));
        assertEquals(16, ((Number) first.get("batch")).intValue());
        assertEquals("conv2dForward", first.get("operation"));
        assertEquals("fp32 16x1x8x8 k3 s1 p1 -> 8, 3 threads", first.get("shape"));
        assertEquals("im2col-512k/3t", first.get("choice"));
        assertEquals(Map.of(), first.get("gflops"));
        Result text = run("tune", "--device", "cpu", "--threads", "3", "--autotune", "off");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("autotune off: the fixed defaults")
                && text.out().contains("resnet-20  128 conv2dBackwardFilter fp32 128x64x8x8 k3 s1 p1 -> 64, 3 threads"),
                text.out());
    }

    @Test
    void badOptionValuesExitWith2NamingTheOption() throws Exception {
        CommandLineTest.service();
        Result autotune = run("tune", "--autotune", "yes");
        assertEquals(2, autotune.code());
        assertTrue(autotune.err().contains("option '--autotune': expected on or off, got 'yes'"), autotune.err());
        Result precision = run("tune", "--precision", "bf16");
        assertEquals(2, precision.code());
        assertTrue(precision.err().contains("option '--precision': expected fp32 or fp64, got 'bf16'"), precision.err());
        Result device = run("tune", "--device", "tpu");
        assertEquals(2, device.code());
        assertTrue(device.err().contains("option '--device': unknown device 'tpu'"), device.err());
    }
}
