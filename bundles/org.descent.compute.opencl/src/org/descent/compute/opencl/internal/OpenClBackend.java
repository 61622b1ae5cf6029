package org.descent.compute.opencl.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.descent.compute.Availability;
import org.descent.compute.Backend;
import org.descent.compute.Device;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The OpenCL backend ({@code opencl}, devices {@code opencl:N}): every device of every OpenCL
 * platform the system's ICD loader lists (GPUs of NVIDIA, AMD and Intel, PoCL on CPUs), through
 * JOCL. Unavailable, with the reason, when the OpenCL library or a driver is missing.
 */
@Component(service = Backend.class)
public final class OpenClBackend implements Backend {

    private final OpenClPlatform platform;
    private final ProgramCache cache;
    private @Nullable List<Device> devices;

    public OpenClBackend() {
        this(new OpenClPlatform(), ProgramCache.standard());
    }

    /** A backend whose compiled programs are kept in {@code cacheFolder}. */
    public OpenClBackend(Path cacheFolder) {
        this(new OpenClPlatform(), new ProgramCache(cacheFolder));
    }

    private OpenClBackend(OpenClPlatform platform, ProgramCache cache) {
        this.platform = platform;
        this.cache = cache;
    }

    @Override
    public String id() {
        return OpenClPlatform.BACKEND_ID;
    }

    @Override
    public String name() {
        return "OpenCL (JOCL)";
    }

    @Override
    public Availability availability() {
        String problem = platform.problem();
        return problem == null ? Availability.yes() : Availability.no(problem);
    }

    @Override
    public synchronized List<Device> devices() {
        List<Device> d = devices;
        if (d == null) {
            List<Device> found = new ArrayList<>();
            for (ClDeviceInfo info : platform.devices()) {
                found.add(new OpenClDevice(this, info, cache));
            }
            d = List.copyOf(found);
            devices = d;
        }
        return d;
    }

    /**
     * Prints the backend as this JVM sees it: {@code available} and a line per device, or
     * {@code unavailable: <reason>}; exits 0 or 1. For checking a system outside the product (the
     * tests run it with no driver installed, bench/gpu-check's machines): {@code java
     * --enable-native-access=ALL-UNNAMED -cp <this bundle, org.descent.compute, org.descent.core,
     * JOCL> org.descent.compute.opencl.internal.OpenClBackend}.
     */
    public static void main(String[] args) {
        OpenClBackend backend = new OpenClBackend();
        Availability a = backend.availability();
        System.out.println(a.available() ? "available" : "unavailable: " + a.reason());
        for (Device d : backend.devices()) {
            System.out.println(d.id() + ": " + d.name() + " (" + d.driver() + ")");
        }
        System.exit(a.available() ? 0 : 1);
    }

    /** Releases every opened device's context. */
    @Deactivate
    public synchronized void close() {
        List<Device> d = devices;
        if (d != null) {
            for (Device device : d) {
                ((OpenClDevice) device).close();
            }
        }
    }
}
