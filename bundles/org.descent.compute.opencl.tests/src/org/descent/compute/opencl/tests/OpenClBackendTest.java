package org.descent.compute.opencl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.descent.compute.Availability;
import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.ComputeException;
import org.descent.compute.Device;
import org.descent.compute.Ops;
import org.descent.compute.Tensor;
import org.descent.compute.opencl.internal.ClDeviceInfo;
import org.descent.compute.opencl.internal.OpenClBackend;
import org.descent.compute.opencl.internal.OpenClDevice;
import org.descent.compute.opencl.internal.ProgramBuild;
import org.descent.core.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opencl backend as a service, its devices, the program cache, and failures that name the device. */
public class OpenClBackendTest {

    /** The opencl backend service; the test fails, with the backend's reason, when it is unavailable. */
    static Backend backend() {
        List<Backend> backends = Backends.find(OpenClBackendTest.class);
        Backend opencl = backends.stream().filter(b -> b.id().equals("opencl")).findFirst()
                .orElseThrow(() -> new AssertionError("no opencl backend service among "
                        + backends.stream().map(Backend::id).toList()));
        Availability a = opencl.availability();
        assertTrue(a.available(), "OpenCL must be available where the tests run (./descent test installs PoCL): "
                + a.reason());
        return opencl;
    }

    static Device firstDevice() {
        return Backends.resolve(List.of(backend()), "opencl:0");
    }

    @Test
    public void theBackendListsItsDevices() {
        Backend b = backend();
        assertEquals("opencl", b.id());
        List<Device> devices = b.devices();
        assertFalse(devices.isEmpty());
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            assertEquals("opencl:" + i, d.id());
            assertSame(b, d.backend());
            assertFalse(d.name().isBlank(), d.id() + " has a name");
            ClDeviceInfo info = ((OpenClDevice) d).info();
            assertTrue(d.driver().contains(info.driver()) && d.driver().contains(info.platform()), d.driver());
            assertTrue(d.memoryBytes() > 0 && d.computeUnits() > 0, d.id() + ": memory and compute units");
            assertTrue(d.supports(Precision.FP32));
            assertFalse(d.supports(Precision.MIXED_BF16));
            assertEquals(0, d.threads(), "an OpenCL device schedules its own threads");
            assertSame(d, d.withThreads(4));
            assertEquals(List.of("backend", "device", "name", "driver", "threads"), List.copyOf(d.provenance().keySet()));
        }
        assertSame(devices.get(0), Backends.resolve(List.of(b), "opencl"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backends.resolve(List.of(b), "opencl:" + devices.size()));
        assertTrue(e.getMessage().contains(devices.get(0).name()), e.getMessage());
    }

    /** PoCL lists the host CPU's cores; the device's memory is the host's. */
    @Test
    public void pocl() {
        Device d = firstDevice();
        ClDeviceInfo info = ((OpenClDevice) d).info();
        assumeTrue(info.platform().equals("Portable Computing Language"), "the first device is " + info.label());
        assertEquals(org.descent.compute.DeviceKind.CPU, d.kind());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.computeUnits());
        assertTrue(d.supports(Precision.FP64), "PoCL on x86-64 has cl_khr_fp64");
    }

    /**
     * A program is compiled once per device, driver, options and source: a second backend finds
     * the binary the first one stored, and a damaged binary is compiled again from source.
     */
    @Test
    public void compiledProgramsAreCachedOnDisk(@TempDir Path folder) throws IOException {
        OpenClBackend first = new OpenClBackend(folder);
        ProgramBuild built = ((OpenClDevice) first.devices().get(0)).prepare(Precision.FP32);
        first.close();
        assertFalse(built.cached());
        assertTrue(Files.size(built.file()) > 0, "the binary is stored in " + built.file());
        assertEquals(folder, built.file().getParent());

        OpenClBackend second = new OpenClBackend(folder);
        ProgramBuild loaded = ((OpenClDevice) second.devices().get(0)).prepare(Precision.FP32);
        second.close();
        assertTrue(loaded.cached(), "the second backend loads the stored binary");
        assertEquals(built.file(), loaded.file());

        Files.write(built.file(), new byte[] { 1, 2, 3 });
        OpenClBackend third = new OpenClBackend(folder);
        OpenClDevice device = (OpenClDevice) third.devices().get(0);
        ProgramBuild rebuilt = device.prepare(Precision.FP32);
        assertFalse(rebuilt.cached(), "a damaged binary is compiled again");
        try (Tensor x = device.allocate(Precision.FP32, 3); Tensor out = device.allocate(Precision.FP32, 1)) {
            x.write(new double[] { 1, 2, 3.5 });
            device.ops(Precision.FP32).sum(x, out);
            assertEquals(6.5, out.toDoubles()[0], "the rebuilt program computes");
        }
        third.close();
        assertTrue(Files.size(built.file()) > 3, "and its binary replaces the damaged one");
    }

    /**
     * With no driver (the ICD loader pointed at an empty vendors folder), the backend is unavailable
     * with the reason a user can act on, and lists no devices; nothing is thrown. Run in a child JVM,
     * since the loader reads its environment once per process.
     */
    @Test
    public void withoutADriverTheBackendSaysWhy(@TempDir Path folder) throws Exception {
        List<String> classPath = new ArrayList<>();
        for (Class<?> c : List.of(OpenClBackend.class, Backend.class, Precision.class, org.jocl.CL.class)) {
            classPath.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        Path vendors = Files.createDirectory(folder.resolve("vendors"));
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", String.join(java.io.File.pathSeparator, classPath),
                OpenClBackend.class.getName()).redirectErrorStream(true);
        child.environment().put("OCL_ICD_VENDORS", vendors.toString());
        child.environment().remove("OCL_ICD_FILENAMES");
        Process p = child.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("unavailable: OpenCL: no platform found: install ocl-icd-libopencl1 and a driver", out);
        assertEquals(1, p.exitValue());
    }

    /** A buffer beyond the device's largest allocation is a ComputeException naming the device and what failed. */
    @Test
    public void aDeviceFailureNamesTheDeviceAndTheOperation() {
        Device d = firstDevice();
        long max = ((OpenClDevice) d).info().maxAllocation();
        Precision p = d.supports(Precision.FP64) && max / 8 < Integer.MAX_VALUE ? Precision.FP64 : Precision.FP32;
        long values = max / (p == Precision.FP64 ? 8 : 4) + 1;
        assumeTrue(values <= Integer.MAX_VALUE, "the device allocates more than a tensor can hold");
        ComputeException e = assertThrows(ComputeException.class, () -> d.allocate(p, (int) values));
        assertTrue(e.getMessage().contains(d.id()) && e.getMessage().contains("allocating a tensor"), e.getMessage());
    }

    /** Operations queue on the device: a read waits for them; a closed tensor is refused by name. */
    @Test
    public void closedTensorsAreRefused() {
        Device d = firstDevice();
        Ops ops = d.ops(Precision.FP32);
        Tensor x = ops.allocate(4);
        Tensor view = x.view(1, 2);
        x.close();
        x.close();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ops.fill(view, 1));
        assertTrue(e.getMessage().contains("fill") && e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> x.toDoubles());
    }
}
