package org.descent.compute.cpu.internal;

import java.util.List;

import org.descent.compute.Availability;
import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.core.Blas;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code cpu} backend: always available, one device (the host's cores), on the
 * {@link Blas} service when one is installed.
 */
@Component(service = Backend.class)
public final class CpuBackend implements Backend {

    private volatile @Nullable CpuDevice device;

    @Override
    public String id() {
        return Backends.CPU;
    }

    @Override
    public String name() {
        return "CPU (Java arrays and OpenBLAS)";
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public List<Device> devices() {
        return List.of(device());
    }

    /**
     * The host's device, using every core and autotuning with a cache under
     * {@link Tuner#standardFolder()}; kept once it has found a BLAS service (until then
     * looked for again, as the service may be registered later).
     */
    public CpuDevice device() {
        CpuDevice d = device;
        if (d == null) {
            Blas blas = Blas.find(CpuBackend.class).orElse(null);
            d = new CpuDevice(this, blas, Runtime.getRuntime().availableProcessors(), CpuDevice.MIN_PARALLEL_COST,
                    Tuner.cached(Tuner.standardFolder(), id(), CpuDevice.fingerprint(this, blas)), true);
            if (blas != null) {
                device = d;
            }
        }
        return d;
    }
}
