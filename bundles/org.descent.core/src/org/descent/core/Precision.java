package org.descent.core;

import java.util.Locale;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The number format a run computes in.
 *
 * @since 0.1.0
 */
public enum Precision {
    /** IEEE double everywhere. */
    FP64,
    /** IEEE single for parameters, activations and gradients. */
    FP32,
    /** Simulated half precision compute with fp32 master weights and loss scaling. */
    MIXED_FP16,
    /** Simulated bfloat16 compute with fp32 master weights and loss scaling. */
    MIXED_BF16;

    /** The name used on the command line and in files: {@code fp64}, {@code mixed-fp16}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether this is one of the simulated mixed-precision formats. */
    public boolean isMixed() {
        return this == MIXED_FP16 || this == MIXED_BF16;
    }

    /** The precision for a command-line name, or {@code null}. */
    public static @Nullable Precision fromId(String id) {
        for (Precision p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
