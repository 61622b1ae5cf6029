package org.descent.core;

import java.util.Locale;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Where a run stands.
 *
 * @since 0.1.0
 */
public enum RunStatus {
    CREATED, RUNNING, DONE, DIVERGED, CANCELLED, INTERRUPTED, FAILED;

    /** The lower-case name used in files and output. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status for a lower-case name, or {@code null}. */
    public static @Nullable RunStatus fromId(String id) {
        for (RunStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** Whether the run has ended. */
    public boolean isFinal() {
        return this != CREATED && this != RUNNING;
    }
}
