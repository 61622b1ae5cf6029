package org.descent.profiler;

import java.util.Arrays;
import java.util.Optional;

/**
 * What each thread of a {@link GilBench} run does.
 *
 * @since 0.1.0
 */
public enum Workload {

    /** The article's countdown loop, {@code while n > 0: n -= 1}: one tick per iteration, CPU only. */
    CPU("cpu", "countdown loop (CPU-bound): while n > 0: n -= 1"),
    /** One blocking wait per thread (the article's {@code select} with a 2 s timeout). */
    IO("io", "blocking wait (I/O-bound), as select() with a timeout"),
    /**
     * CPU-bound countdown threads beside one I/O-bound thread that repeatedly waits briefly and must
     * then get the interpreter back: its response latency shows the convoy effect. The CPU-bound
     * threads count at least their ticks and go on until the I/O thread is done, so that every wait
     * ends while they run (except in seq, where nothing overlaps).
     */
    MIXED("mixed", "CPU-bound countdown threads beside one I/O thread doing short waits (convoy effect)"),
    /** Descent's own training step (forward, backward, SGD update) on a small model, split across threads. */
    TRAIN("train", "Descent's training step (digits + mlp: forward, backward, SGD update)");

    private final String id;
    private final String description;

    Workload(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The id used on the command line and in JSON: cpu, io, mixed, train. */
    public String id() {
        return id;
    }

    /** One line saying what the workload does. */
    public String description() {
        return description;
    }

    /** The workload with this id. */
    public static Optional<Workload> fromId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
    }
}
