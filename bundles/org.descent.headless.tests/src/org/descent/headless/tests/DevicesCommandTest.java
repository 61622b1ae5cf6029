package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.Test;

/** descent devices, --device and --threads on train, run, sweep and analyze, --autotune, and an experiment's device. */
class DevicesCommandTest extends InRunStore {

    @Test
    void listsTheCpuBackendAndItsDevice() {
        Result r = run("devices", "--json");
        assertEquals(0, r.code(), r.err());
        List<?> backends = assertInstanceOf(List.class, Fixture.parse(r.out()).root());
        Map<?, ?> cpu = assertInstanceOf(Map.class, backends.get(0));
        assertEquals("cpu", cpu.get("backend"));
        assertEquals(true, cpu.get("available"));
        Map<?, ?> device = assertInstanceOf(Map.class, ((List<?>) cpu.get("devices")).get(0));
        assertEquals("cpu", device.get("id"));
        assertEquals("cpu", device.get("kind"));
        assertEquals(Runtime.getRuntime().availableProcessors(), ((Number) device.get("threads")).intValue());
        assertTrue(((Number) device.get("memory_bytes")).longValue() > 0);
        assertTrue(((String) device.get("driver")).startsWith("Java "), (String) device.get("driver"));
        Result text = run("devices");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("cpu  CPU (Java arrays and OpenBLAS)  available"), text.out());
    }

    @Test
    void badDevicesAndThreadCountsExitWith2NamingTheOption() {
        String[] train = { "train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll",
                "--optimizer", "gd", "--steps", "2" };
        Result unknown = run(concat(train, "--device", "tpu:0"));
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("option '--device': unknown device 'tpu:0'") && unknown.err().contains("cpu (available)"),
                unknown.err());
        Result index = run(concat(train, "--device", "cpu:3"));
        assertEquals(2, index.code());
        assertTrue(index.err().contains("option '--device': device 'cpu:3': backend cpu has 1 device"), index.err());
        Result autotune = run(concat(train, "--autotune", "sometimes"));
        assertEquals(2, autotune.code());
        assertTrue(autotune.err().contains("option '--autotune': expected on or off, got 'sometimes'"), autotune.err());
        Result threads = run(concat(train, "--threads", "-1"));
        assertEquals(2, threads.code());
        assertTrue(threads.err().contains("option '--threads': '-1' is not valid, expected a value in [0,4096] or 'all'"),
                threads.err());
        String[] sweepArgs = concat(train, "--device", "tpu", "--param", "seed=grid(1,2)", "--scheduler", "none");
        sweepArgs[0] = "sweep";
        Result sweep = run(sweepArgs);
        assertEquals(2, sweep.code());
        assertTrue(sweep.err().contains("option '--device': unknown device 'tpu'"), sweep.err());
        Result analyze = run("analyze", "hessian", "--experiment", "nowhere.descent", "--device", "gpu");
        assertEquals(2, analyze.code());
        assertTrue(analyze.err().contains("option '--device': unknown device 'gpu'"), analyze.err());
    }

    /** A model without a device path says so in its provenance: it computed on the host. */
    @Test
    void provenanceRecordsWhereThePassesRan() {
        Result r = run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll", "--optimizer",
                "gd", "--steps", "2", "--device", "cpu", "--threads", "2", "--json");
        assertEquals(0, r.code(), r.err());
        String dir = (String) ((Map<?, ?>) Fixture.parse(r.out()).root()).get("run");
        Result show = run("show", Path.of(dir).toString(), "--json");
        Map<?, ?> provenance = (Map<?, ?>) ((Map<?, ?>) Fixture.parse(show.out()).root()).get("provenance");
        String backend = (String) provenance.get("backend");
        assertTrue(backend.startsWith("host fp64 path: plain Java arrays")
                && backend.endsWith("(device cpu not used: this model computes on the host in fp64)"), backend);
        assertEquals(1, ((Number) provenance.get("threads")).intValue());
        assertEquals("host", provenance.get("update"));
    }

    /**
     * The digits CNN in fp32 on the cpu backend: the same metrics twice from the same seed (every
     * column of metrics.csv but the wall time), and an accuracy close to the fp64 host path's.
     */
    @Test
    void cnnTrainsInFp32ThroughTheBackendRepeatablyAndAsWellAsInFp64() throws Exception {
        String[] train = { "train", "--dataset", "digits", "--model", "cnn", "--loss", "cross-entropy", "--optimizer",
                "adam:lr=3e-3", "--batch", "64", "--epochs", "4", "--validation", "0.2", "--seed", "4",
                "--checkpoint-every", "0", "--json" };
        Map<?, ?> a = trained(concat(train, "--precision", "fp32", "--device", "cpu", "--threads", "2"));
        Map<?, ?> b = trained(concat(train, "--precision", "fp32", "--device", "cpu", "--threads", "2"));
        Map<?, ?> reference = trained(concat(train, "--precision", "fp64"));
        assertEquals(a.get("metrics"), b.get("metrics"), "same seed, same metrics");
        assertEquals(withoutWallTime((String) a.get("run")), withoutWallTime((String) b.get("run")), "metrics.csv");
        double fp32 = ((Number) ((Map<?, ?>) a.get("metrics")).get("val_accuracy")).doubleValue();
        double fp64 = ((Number) ((Map<?, ?>) reference.get("metrics")).get("val_accuracy")).doubleValue();
        assertTrue(fp64 > 0.85 && Math.abs(fp32 - fp64) < 0.03, "val_accuracy fp32 " + fp32 + ", fp64 " + fp64);
        Map<?, ?> provenance = (Map<?, ?>) ((Map<?, ?>) Fixture.parse(run("show", (String) a.get("run"), "--json").out())
                .root()).get("provenance");
        String backend = (String) provenance.get("backend");
        assertTrue(backend.startsWith("cpu device cpu (") && backend.contains("fp32 through the compute backend"), backend);
        assertTrue(backend.contains("; autotune on: ")
                && backend.contains("conv2dForward fp32 64x1x8x8 k3 s1 p1 -> 8, 2 threads: im2col-"),
                "the tuning choices used: " + backend);
        assertEquals(2, ((Number) provenance.get("threads")).intValue());
        assertEquals("device", provenance.get("update"), "adam's update ran on the device");
    }

    private static Map<?, ?> trained(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), r.err());
        return (Map<?, ?>) Fixture.parse(r.out()).root();
    }

    /**
     * A run from an experiment file computes on the file's device and threads; --device and
     * --threads override them; an unknown device in the file is named with the file and the field.
     */
    @Test
    void anExperimentFileKeepsItsDeviceAndTheOptionsOverrideIt() throws Exception {
        Map<?, ?> trained = trained("train", "--dataset", "digits", "--model", "cnn", "--loss", "cross-entropy",
                "--optimizer", "adam", "--batch", "16", "--steps", "2", "--precision", "fp32", "--device", "cpu",
                "--threads", "2", "--json");
        assertEquals(2, threads((String) trained.get("run")));
        Path file = Path.of((String) trained.get("run")).resolve("run.descent");
        String xml = java.nio.file.Files.readString(file);
        assertTrue(xml.contains("device=\"cpu\"") && xml.contains("threads=\"2\""), xml);
        assertEquals(2, threads((String) trained("run", file.toString(), "--out", dir.resolve("again").toString(), "--json")
                .get("run")), "the file's threads");
        assertEquals(1, threads((String) trained("run", file.toString(), "--threads", "1", "--out",
                dir.resolve("one").toString(), "--json").get("run")), "--threads overrides the file's");
        Path tpu = dir.resolve("tpu.descent");
        java.nio.file.Files.writeString(tpu, xml.replace("device=\"cpu\"", "device=\"tpu:1\""));
        Result r = run("run", tpu.toString(), "--out", dir.resolve("tpu").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(tpu + ": device: unknown device 'tpu:1': expected auto or one of the backends cpu (available)"),
                r.err());
        assertEquals(0, run("run", tpu.toString(), "--device", "cpu", "--out", dir.resolve("cpu").toString()).code(),
                "--device overrides the file's");
    }

    /** Every trial of a sweep trains on the sweep's --device with its --threads. */
    @Test
    void sweepTrialsTrainOnTheSweepsDevice() {
        Path out = dir.resolve("sweep");
        Result r = run("sweep", "--dataset", "digits", "--model", "cnn", "--loss", "cross-entropy", "--optimizer", "adam",
                "--batch", "16", "--steps", "2", "--precision", "fp32", "--device", "cpu", "--threads", "2", "--param",
                "seed=grid(1,2)", "--scheduler", "none", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String trial : List.of("000", "001")) {
            Path run = out.resolve("trials").resolve(trial);
            assertEquals(2, threads(run.toString()), trial);
        }
    }

    /** The threads a run's provenance records. */
    private static int threads(String run) {
        Map<?, ?> provenance = (Map<?, ?>) ((Map<?, ?>) Fixture.parse(run("show", run, "--json").out()).root())
                .get("provenance");
        return ((Number) provenance.get("threads")).intValue();
    }

    /** metrics.csv without its wall_s column, the one that differs between identical runs. */
    private static List<String> withoutWallTime(String run) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(Path.of(run).resolve("metrics.csv"));
        int wall = List.of(lines.get(0).split(",")).indexOf("wall_s");
        assertTrue(wall >= 0, lines.get(0));
        return lines.stream().map(l -> {
            List<String> cells = new java.util.ArrayList<>(List.of(l.split(",", -1)));
            cells.remove(wall);
            return String.join(",", cells);
        }).toList();
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
