package org.descent.compute;

/**
 * Whether a backend can be used on this machine and, when not, why, in words a user can act on
 * (e.g. {@code OpenCL: no platform found: install ocl-icd-libopencl1 and a driver}).
 *
 * @param available whether the backend's devices can be used
 * @param reason empty when available; otherwise what is missing and how to get it
 * @since 0.1.0
 */
public record Availability(boolean available, String reason) {

    public Availability {
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable backend must say why");
        }
    }

    /** An available backend. */
    public static Availability yes() {
        return new Availability(true, "");
    }

    /** An unavailable backend, with the reason. */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
