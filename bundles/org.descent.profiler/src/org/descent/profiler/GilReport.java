package org.descent.profiler;

import java.util.List;
import java.util.Optional;

/**
 * The result of a {@link GilBench} run: one row per mode (CPython gives up to three).
 *
 * @param options what was run
 * @param results the rows, in the order of the options' modes
 * @param processors the processors the JVM could use
 *
 * @since 0.1.0
 */
public record GilReport(GilOptions options, List<ModeResult> results, int processors) {

    public GilReport {
        results = List.copyOf(results);
    }

    /** The row with this label (a mode id, or cpython-seq, cpython-threads, cpython-processes). */
    public Optional<ModeResult> result(String label) {
        return results.stream().filter(r -> r.label().equals(label)).findFirst();
    }
}
