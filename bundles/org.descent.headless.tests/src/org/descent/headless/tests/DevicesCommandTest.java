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

/** descent devices, and --device and --threads on train, run and analyze. */
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
        Result threads = run(concat(train, "--threads", "0"));
        assertEquals(2, threads.code());
        assertTrue(threads.err().contains("option '--threads': '0' is not a whole number >= 1"), threads.err());
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
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
