package org.descent.compute.cpu.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.compute.Availability;
import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.compute.HostConvolution;
import org.descent.core.Blas;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
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

    /** The {@link HostConvolution} services registered (ND4J's), candidates of the convolutions' tuning. */
    private static List<HostConvolution> libraries() {
        Bundle bundle = FrameworkUtil.getBundle(CpuBackend.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return List.of();
        }
        List<HostConvolution> found = new ArrayList<>();
        try {
            for (ServiceReference<HostConvolution> ref : context.getServiceReferences(HostConvolution.class, null)) {
                HostConvolution c = context.getService(ref);
                if (c != null) {
                    found.add(c);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return found;
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
                    Tuner.cached(Tuner.standardFolder(), id(), CpuDevice.fingerprint(this, blas)), libraries(), true);
            if (blas != null) {
                device = d;
            }
        }
        return d;
    }
}
