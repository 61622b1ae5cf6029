package org.descent.core;

import java.util.Locale;

/** Where a run stands. */
public enum RunStatus {
    CREATED, RUNNING, DONE, DIVERGED, CANCELLED, INTERRUPTED, FAILED;

    /** The lower-case name used in files and output. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the run has ended. */
    public boolean isFinal() {
        return this != CREATED && this != RUNNING;
    }
}
