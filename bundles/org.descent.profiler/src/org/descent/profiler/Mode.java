package org.descent.profiler;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a {@link GilBench} run executes its workload's threads.
 *
 * @since 0.1.0
 */
public enum Mode {

    /** All the threads' work one after the other on the calling thread: the baseline. */
    SEQ("seq", "sequential, on one thread"),
    /** One JVM platform thread per share: truly parallel. */
    JVM("jvm", "JVM platform threads"),
    /** One JVM virtual thread per share: parallel, and a blocking wait does not hold a carrier thread. */
    VIRTUAL("virtual", "JVM virtual threads"),
    /**
     * Platform threads that may only run ticks while holding one emulated interpreter lock with Python
     * 2's policy: release and immediately re-acquire every check interval (100 ticks), no hand-off.
     */
    GIL_PY2("gil-py2", "emulated GIL, Python 2 policy (release + re-acquire every N ticks)"),
    /**
     * Platform threads under an emulated interpreter lock with Python 3's policy (ceval_gil): a waiter
     * waits the switch interval (5 ms), then sets a drop request; the holder releases at its next tick
     * and waits until another thread has taken the lock (forced switching).
     */
    GIL_PY3("gil-py3", "emulated GIL, Python 3 policy (switch interval, drop request, forced hand-off)"),
    /** One child JVM process per share. */
    PROCESS("process", "child JVM processes"),
    /** The same workloads in CPython ({@code python3}): sequential, threads and multiprocessing. */
    CPYTHON("cpython", "CPython: sequential, threading and multiprocessing");

    private final String id;
    private final String description;

    Mode(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The id used on the command line and in JSON, e.g. {@code gil-py3}. */
    public String id() {
        return id;
    }

    /** One line saying how the mode runs the threads. */
    public String description() {
        return description;
    }

    /** Whether the mode's threads run under the emulated interpreter lock. */
    public boolean emulatesGil() {
        return this == GIL_PY2 || this == GIL_PY3;
    }

    /** The mode with this id. */
    public static Optional<Mode> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
