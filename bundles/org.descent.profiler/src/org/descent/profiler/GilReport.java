package org.descent.profiler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a {@link GilBench} run: one row per mode (CPython gives up to three).
 *
 * @param options what was run
 * @param results the rows, in the order of the options' modes
 * @param processors the processors the JVM could use
 */
public record GilReport(GilOptions options, List<ModeResult> results, int processors) {

    public GilReport {
        results = List.copyOf(results);
    }

    /** The row with this label (a mode id, or cpython-seq, cpython-threads, cpython-processes). */
    public Optional<ModeResult> result(String label) {
        return results.stream().filter(r -> r.label().equals(label)).findFirst();
    }

    /** The run's settings as a JSON-ready map. */
    public Map<String, Object> optionsJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", options.workload().id());
        m.put("threads", options.threads());
        m.put("repeat", options.repeat());
        m.put("count", options.count());
        m.put("io_seconds", options.ioWait().toNanos() / 1e9);
        m.put("io_rounds", options.ioRounds());
        m.put("io_round_ms", options.ioRoundWait().toNanos() / 1e6);
        m.put("check_interval", options.checkInterval());
        m.put("switch_interval_ms", options.switchInterval().toNanos() / 1e6);
        m.put("python_count", options.pythonCount());
        m.put("train_steps", options.trainSteps());
        m.put("processors", processors);
        return m;
    }
}
