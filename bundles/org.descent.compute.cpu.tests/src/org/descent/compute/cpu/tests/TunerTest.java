package org.descent.compute.cpu.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.compute.Backends;
import org.descent.compute.Conv2dShape;
import org.descent.compute.Device;
import org.descent.compute.Ops;
import org.descent.compute.Tensor;
import org.descent.compute.Tuning;
import org.descent.compute.cpu.internal.CpuDevice;
import org.descent.compute.cpu.internal.Tuner;
import org.descent.core.Json;
import org.descent.core.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The autotuner: measuring, the per-machine cache, a changed machine, a corrupt cache, tuning off. */
public class TunerTest {

    @TempDir
    Path folder;

    /** Candidates "slow" (a 30 ms sleep) and "fast" (nothing); {@code runs} records what ran. */
    private static List<Tuner.Candidate<String>> candidates() {
        return List.of(new Tuner.Candidate<>("slow", "slow"), new Tuner.Candidate<>("fast", "fast"));
    }

    private static void run(String plan, List<String> runs) {
        runs.add(plan);
        if (plan.equals("slow")) {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void mustNotRun(String plan) {
        fail("a cached choice ran candidate " + plan);
    }

    @Test
    public void measuresOnceKeepsTheFastestAndLoadsItOnTheSameMachine() throws IOException {
        List<String> runs = new ArrayList<>();
        int[] resets = new int[1];
        Tuner first = Tuner.cached(folder, "cpu", "machine A");
        Tuning t = first.choose("op", "shape 1", 1e6, candidates(), true, () -> resets[0]++, p -> run(p, runs));
        assertEquals("fast", t.choice());
        assertEquals(List.of("slow", "fast"), List.copyOf(t.gflops().keySet()));
        assertTrue(t.gflops().get("fast") > t.gflops().get("slow"), t.gflops().toString());
        assertFalse(t.cached());
        assertTrue(runs.contains("slow") && runs.contains("fast"));
        assertEquals(runs.size() + 1, resets[0], "a reset before every run and after the last");
        Path file = first.file();
        assertTrue(file != null && Files.isRegularFile(file) && file.startsWith(folder));

        Tuner again = Tuner.cached(folder, "cpu", "machine A");
        Tuning loaded = again.choose("op", "shape 1", 1e6, candidates(), true, () -> { }, TunerTest::mustNotRun);
        assertEquals("fast", loaded.choice());
        assertTrue(loaded.cached());
        assertEquals(t.gflops(), loaded.gflops());
    }

    /**
     * Two candidates that take the same time (a 40 ms sleep each, which never returns early): the
     * default is kept, as it is unless another measures 10 % faster; the fastest of two by noise
     * would be either.
     */
    @Test
    public void theDefaultStaysUnlessAnotherIsClearlyFaster() {
        List<Tuner.Candidate<String>> alike = List.of(new Tuner.Candidate<>("default", "default"),
                new Tuner.Candidate<>("other", "other"));
        for (String shape : List.of("s1", "s2", "s3")) {
            Tuning t = Tuner.cached(folder, "cpu", "machine A").choose("op", shape, 1, alike, true, () -> { }, p -> {
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertEquals("default", t.choice(), t.gflops().toString());
        }
    }

    /** A cache file written by the rules before the margin (no "rules" in it) is tuned again. */
    @Test
    public void aCacheOfOlderRulesTunesAgain() throws IOException {
        Tuner tuner = Tuner.cached(folder, "cpu", "machine A");
        Path file = tuner.file();
        assertTrue(file != null);
        Files.writeString(file, "{\"fingerprint\": \"machine A\", \"entries\": [{\"operation\": \"op\", \"shape\": \"s\","
                + " \"choice\": \"slow\", \"gflops\": {\"slow\": 1.0}}]}\n");
        List<String> runs = new ArrayList<>();
        Tuning t = tuner.choose("op", "s", 1, candidates(), true, () -> { }, p -> run(p, runs));
        assertFalse(t.cached());
        assertEquals("fast", t.choice());
        assertTrue(runs.contains("fast"), "measured again");
        Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(file));
        assertEquals(2, ((Number) root.get("rules")).intValue());
    }

    @Test
    public void aChangedMachineTunesAgain() {
        Tuner.cached(folder, "cpu", "machine A").choose("op", "s", 1, candidates(), true, () -> { }, p -> run(p, new ArrayList<>()));
        List<String> runs = new ArrayList<>();
        Tuning t = Tuner.cached(folder, "cpu", "machine A with another driver").choose("op", "s", 1, candidates(), true,
                () -> { }, p -> run(p, runs));
        assertFalse(t.cached());
        assertTrue(runs.contains("slow"), "measured again");
    }

    @Test
    public void aCorruptCacheIsReportedAndReplaced() throws IOException {
        Tuner tuner = Tuner.cached(folder, "cpu", "machine A");
        Path file = tuner.file();
        assertTrue(file != null);
        Files.writeString(file, "{\"fingerprint\": \"machine A\", \"entries\": [ {\"operation\": 3");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Tuning t;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            t = tuner.choose("op", "s", 1, candidates(), true, () -> { }, p -> run(p, new ArrayList<>()));
        } finally {
            System.setErr(err);
        }
        assertEquals("fast", t.choice());
        String warning = captured.toString(StandardCharsets.UTF_8);
        assertTrue(warning.contains(file.toString()) && warning.contains("tuning again"), warning);
        Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(file));
        assertEquals("machine A", root.get("fingerprint"));
        assertEquals(1, ((List<?>) root.get("entries")).size());
    }

    @Test
    public void withoutMeasuringTheFirstCandidateIsTheDefault() {
        Tuner tuner = Tuner.cached(folder, "cpu", "machine A");
        Tuning t = tuner.choose("op", "s", 1, candidates(), false, () -> { }, TunerTest::mustNotRun);
        assertEquals("slow", t.choice());
        assertTrue(t.gflops().isEmpty());
        assertFalse(Files.exists(tuner.file()));
    }

    /** A device records the tunings its operations used (what a run's provenance lists); off uses the defaults. */
    @Test
    public void aDeviceRecordsItsChoicesAndAutotuneOffUsesTheDefaults() {
        CpuDevice tuned = tunedDevice();
        Conv2dShape s = new Conv2dShape(8, 16, 32, 32, 16, 3, 1, 1);
        convolve(tuned, s);
        List<Tuning> used = tuned.tunings();
        assertEquals(1, used.size(), used.toString());
        assertEquals("conv2dForward", used.get(0).operation());
        assertEquals("fp32 8x16x32x32 k3 s1 p1 -> 16, 2 threads", used.get(0).shape());
        assertEquals(List.of("im2col-512k/2t", "im2col-128k/2t", "im2col-2048k/2t", "nd4j"),
                List.copyOf(used.get(0).gflops().keySet()), "three blockings on the two threads, and ND4J's convolution");

        Device off = tuned.withAutotune(false);
        assertFalse(off.autotune());
        convolve(off, s);
        assertEquals("im2col-512k/2t", off.tunings().get(0).choice());
        assertTrue(off.tunings().get(0).gflops().isEmpty());
    }

    /** A convolution too small to time at first use keeps the default, unmeasured, with autotuning on. */
    @Test
    public void aConvolutionTooSmallToTimeKeepsTheDefault() {
        CpuDevice tuned = tunedDevice();
        // the digits CNN's first convolution at batch 128: 128 x 8 x 64 x 9 multiply-adds, 1.2 MFLOP
        Conv2dShape s = new Conv2dShape(128, 1, 8, 8, 8, 3, 1, 1);
        convolve(tuned, s);
        Tuning t = tuned.tunings().get(0);
        assertEquals("im2col-512k/2t", t.choice());
        assertTrue(t.gflops().isEmpty(), t.toString());
    }

    /** The cpu device on two threads, autotuning with a measuring tuner cached in this test's folder. */
    private CpuDevice tunedDevice() {
        Device cpu = Backends.resolve(Backends.find(TunerTest.class), "cpu");
        CpuDevice host = (CpuDevice) cpu;
        return new CpuDevice(cpu.backend(), host.blas(), 2, 0, Tuner.cached(folder, "cpu", "machine A"),
                host.libraries(), true);
    }

    private static void convolve(Device d, Conv2dShape s) {
        Ops ops = d.ops(Precision.FP32);
        Tensor x = ops.allocate(s.inputSize());
        Tensor w = ops.allocate(s.weightSize());
        Tensor y = ops.allocate(s.outputSize());
        ops.conv2dForward(s, x, w, null, y);
    }
}
