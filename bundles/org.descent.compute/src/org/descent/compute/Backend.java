package org.descent.compute;

import java.util.List;

/**
 * A compute backend: the code that drives one kind of device (the CPU through Java arrays and
 * OpenBLAS; OpenCL platforms; ...). Backends are OSGi services of this type (e.g. registered by a
 * Declarative Services {@code @Component(service = Backend.class)}), so a third-party bundle adds
 * one by registering it; {@link Backends#find} lists them.
 * <p>
 * Asking a backend for its availability or devices must not fail: a missing native library or
 * driver makes the backend unavailable, with the reason, and its device list empty. Both calls
 * may be slow the first time (probing a driver) and are cheap afterwards.
 *
 * @since 0.1.0
 */
public interface Backend {

    /**
     * The backend's id, a lower-case word used in {@code --device} values and in provenance:
     * {@code cpu}, {@code opencl}. Unique among installed backends.
     */
    String id();

    /** A name for people, e.g. {@code CPU (Java arrays and OpenBLAS)}. */
    String name();

    /** Whether the backend can be used here, and why not. */
    Availability availability();

    /**
     * The devices the backend sees, in a stable order: {@code --device <id>:N} names the N-th
     * (0-based). Empty when the backend is not available.
     */
    List<Device> devices();
}
