package org.descent.compute;

/**
 * What kind of processor a device is; {@code --device auto} prefers a {@link #GPU} or an
 * {@link #ACCELERATOR} and otherwise takes the {@code cpu} backend.
 *
 * @since 0.1.0
 */
public enum DeviceKind {
    /** A CPU (the host's cores, or an OpenCL CPU device such as PoCL). */
    CPU,
    /** A graphics processor. */
    GPU,
    /** Another accelerator. */
    ACCELERATOR
}
