package org.descent.profiler;

/**
 * What a workload thread is doing during one interval of a {@link Timeline}.
 *
 * @since 0.1.0
 */
public enum ThreadState {

    /** Running ticks (holding the interpreter lock, in the GIL modes). */
    RUNNING("running"),
    /** Ready to run but waiting for the interpreter lock. */
    WAITING_GIL("waiting-gil"),
    /** In a blocking wait (the lock released). */
    IO("io"),
    /** Done, or not started yet. */
    IDLE("idle");

    private final String id;

    ThreadState(String id) {
        this.id = id;
    }

    /** The id used in JSON: running, waiting-gil, io, idle. */
    public String id() {
        return id;
    }
}
