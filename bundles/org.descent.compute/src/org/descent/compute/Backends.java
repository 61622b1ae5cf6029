package org.descent.compute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The installed {@link Backend}s and the meaning of a {@code --device} value.
 *
 * @since 0.1.0
 */
public final class Backends {

    /** The id of the backend that is always there: the host's CPU. */
    public static final String CPU = "cpu";

    /** The {@code --device} value that lets Descent choose. */
    public static final String AUTO = "auto";

    private Backends() {
    }

    /**
     * The backend services registered in the framework that loaded {@code caller}, {@code cpu}
     * first and the others by id; empty outside OSGi.
     */
    public static List<Backend> find(Class<?> caller) {
        Bundle bundle = FrameworkUtil.getBundle(caller);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return List.of();
        }
        Collection<ServiceReference<Backend>> refs;
        try {
            refs = context.getServiceReferences(Backend.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Backend> backends = new ArrayList<>();
        for (ServiceReference<Backend> ref : refs) {
            Backend b = context.getService(ref);
            if (b != null) {
                backends.add(b);
            }
        }
        return sorted(backends);
    }

    /** The backends ordered as {@link #find} orders them. */
    public static List<Backend> sorted(Collection<Backend> backends) {
        return backends.stream()
                .sorted(Comparator.comparing((Backend b) -> !CPU.equals(b.id())).thenComparing(Backend::id))
                .toList();
    }

    /**
     * The device a {@code --device} value names among {@code backends}:
     * <ul>
     * <li>{@code auto}: the first device of kind GPU or ACCELERATOR of an available backend, in the
     * order of the list; else the first device of the {@code cpu} backend;</li>
     * <li>{@code <backend>}: that backend's first device;</li>
     * <li>{@code <backend>:<N>}: its N-th device (0-based).</li>
     * </ul>
     *
     * @throws IllegalArgumentException with a message that lists what exists when the value names
     *         no backend, an unavailable one (with its reason), or a device index it does not have
     */
    public static Device resolve(List<Backend> backends, String value) {
        String spec = value.trim().toLowerCase(Locale.ROOT);
        if (spec.equals(AUTO)) {
            for (Backend b : backends) {
                if (!CPU.equals(b.id()) && b.availability().available()) {
                    for (Device d : b.devices()) {
                        if (d.kind() != DeviceKind.CPU) {
                            return d;
                        }
                    }
                }
            }
            spec = CPU;
        }
        int colon = spec.indexOf(':');
        String id = colon < 0 ? spec : spec.substring(0, colon);
        Backend backend = null;
        for (Backend b : backends) {
            if (b.id().equals(id)) {
                backend = b;
            }
        }
        if (backend == null) {
            throw new IllegalArgumentException("unknown device '" + value + "': expected auto or one of the backends "
                    + describe(backends) + ", optionally with :N for the N-th device");
        }
        Availability a = backend.availability();
        if (!a.available()) {
            throw new IllegalArgumentException("device '" + value + "': backend " + id + " is not available: "
                    + a.reason());
        }
        List<Device> devices = backend.devices();
        int index = 0;
        if (colon >= 0) {
            String n = spec.substring(colon + 1);
            try {
                index = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index < 0) {
                throw new IllegalArgumentException("device '" + value + "': expected " + id
                        + ":N with N a device index (0-based), got '" + n + "'");
            }
        }
        if (index >= devices.size()) {
            throw new IllegalArgumentException("device '" + value + "': backend " + id + " has "
                    + (devices.isEmpty() ? "no devices"
                            : devices.size() + " device" + (devices.size() == 1 ? "" : "s") + ": "
                                    + devices.stream().map(d -> d.id() + " (" + d.name() + ")")
                                            .collect(Collectors.joining(", "))));
        }
        return devices.get(index);
    }

    /** {@code cpu (available), opencl (not available: ...)}, or {@code none} for no backends. */
    private static String describe(List<Backend> backends) {
        if (backends.isEmpty()) {
            return "(none installed)";
        }
        return backends.stream().map(b -> {
            Availability a = b.availability();
            return b.id() + (a.available() ? " (available)" : " (not available: " + a.reason() + ")");
        }).collect(Collectors.joining(", "));
    }
}
