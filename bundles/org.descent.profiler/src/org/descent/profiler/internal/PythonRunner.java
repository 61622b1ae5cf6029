package org.descent.profiler.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.descent.core.Json;
import org.descent.profiler.GilCounters;
import org.descent.profiler.GilOptions;
import org.descent.profiler.IoLatency;
import org.descent.profiler.Timeline;
import org.descent.profiler.Trial;
import org.descent.profiler.Workload;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The cpython mode: runs the bundle's python/gil_workloads.py (the same workloads in CPython,
 * sequentially, with threading and with multiprocessing) once per repeat and reads the JSON it
 * prints.
 */
public final class PythonRunner implements AutoCloseable {

    /** Row labels of the three variants. */
    public static final String SEQUENTIAL = "cpython-seq";
    public static final String THREADS = "cpython-threads";
    public static final String PROCESSES = "cpython-processes";
    static final String SCRIPT = "python/gil_workloads.py";
    private static final String SCRIPT_NAME = "gil_workloads.py";
    static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");

    private final GilOptions options;
    private @Nullable Path python;
    private @Nullable Path script;
    private String version = "";

    public PythonRunner(GilOptions options) {
        this.options = options;
    }

    /** The interpreter to run: the options' one, else /usr/bin/python3, else python3 on the PATH. */
    static Optional<Path> python(@Nullable Path given) {
        if (given != null) {
            return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
        }
        if (Files.isExecutable(DEFAULT_PYTHON)) {
            return Optional.of(DEFAULT_PYTHON);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    Path p = Path.of(dir, "python3");
                    if (Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the interpreter and copies the script into a temporary file; {@link #close()} deletes it.
     *
     * @return why the mode cannot run here, or empty when it is ready
     */
    public Optional<String> prepare() throws IOException {
        if (options.workload() == Workload.TRAIN) {
            return Optional.of("the train workload is Descent's own engine; CPython runs cpu, io and mixed");
        }
        Path given = options.python();
        python = python(given).orElse(null);
        if (python == null) {
            return Optional.of(given != null ? "no executable python at " + given
                    : "no python3 found (neither " + DEFAULT_PYTHON + " nor python3 on the PATH)");
        }
        try (InputStream in = PythonRunner.class.getResourceAsStream("/" + SCRIPT)) {
            if (in == null) {
                return Optional.of("the bundle has no " + SCRIPT);
            }
            Path s = Files.createTempFile("descent-gil-", ".py");
            script = s;
            Files.copy(in, s, StandardCopyOption.REPLACE_EXISTING);
        }
        return Optional.empty();
    }

    /** The variants run: seq, threads and, for at most {@link GilOptions#MAX_PROCESSES} threads, processes. */
    public List<String> variants() {
        return options.threads() <= GilOptions.MAX_PROCESSES ? List.of("seq", "threads", "processes")
                : List.of("seq", "threads");
    }

    /** Why cpython-processes is left out, or empty when it runs. */
    public Optional<String> processesLeftOut() {
        return variants().contains("processes") ? Optional.empty()
                : Optional.of(options.threads() + " processes are too many; multiprocessing starts at most "
                        + GilOptions.MAX_PROCESSES);
    }

    /** The Python version of the last run, e.g. 3.11.2 (empty before the first). */
    public String version() {
        return version;
    }

    /**
     * Runs one repeat of the {@link #variants()} (in one interpreter process, one after the other).
     *
     * @return a trial per row label: cpython-seq, cpython-threads, cpython-processes
     * @throws ChildFailed when the interpreter exits with an error or prints no JSON, or JSON
     *         without a field the rows need (named, with its exit code and first lines)
     * @throws OperationCanceledException when the monitor is cancelled (the interpreter and its
     *         multiprocessing workers are killed)
     */
    public Map<String, Trial> trial(IProgressMonitor monitor) throws IOException, ChildFailed {
        Path py = python;
        Path s = script;
        if (py == null || s == null) {
            throw new IllegalStateException("the cpython mode is not prepared");
        }
        List<String> command = List.of(py.toString(), s.toString(), "--workload", options.workload().id(), "--threads",
                Integer.toString(options.threads()), "--count", Long.toString(options.pythonCount()), "--io-seconds",
                seconds(options.ioWait().toNanos()), "--rounds", Integer.toString(options.ioRounds()), "--round-s",
                seconds(options.ioRoundWait().toNanos()), "--switch-interval-s",
                seconds(options.switchInterval().toNanos()), "--repeat", "1", "--variants",
                String.join(",", variants()));
        try (ChildProcess child = ChildProcess.start(py + " " + SCRIPT_NAME, command)) {
            if (child.waitFor(monitor) != 0) {
                throw child.failure("exited with an error");
            }
            return trials(child);
        }
    }

    private Map<String, Trial> trials(ChildProcess child) throws IOException, ChildFailed {
        Object parsed;
        try {
            parsed = Json.parse(child.output().strip());
        } catch (IllegalArgumentException e) {
            throw child.failure("printed no JSON (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw child.failure("printed JSON that is not an object");
        }
        List<?> results = list(child, root, "results", "results");
        Map<String, Trial> trials = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            String at = "results[" + i + "]";
            if (!(results.get(i) instanceof Map<?, ?> r)) {
                throw child.failure("printed JSON whose " + at + " is not an object");
            }
            if (!(r.get("variant") instanceof String variant) || !variants().contains(variant)) {
                throw child.failure("printed JSON whose " + at + ".variant is not one of " + variants());
            }
            IoLatency latency = IoLatency.NONE;
            Object l = r.get("latency");
            if (l != null) {
                if (!(l instanceof Map<?, ?> lm)) {
                    throw child.failure("printed JSON whose " + at + ".latency is neither null nor an object");
                }
                latency = new IoLatency((int) number(child, lm, "n", at + ".latency.n"),
                        number(child, lm, "mean_s", at + ".latency.mean_s") * 1e9,
                        number(child, lm, "max_s", at + ".latency.max_s") * 1e9);
            }
            List<?> walls = list(child, r, "wall_s", at + ".wall_s");
            List<?> cpus = list(child, r, "cpu_s", at + ".cpu_s");
            if (walls.size() != 1 || !(walls.get(0) instanceof Number wall)) {
                throw child.failure("printed JSON whose " + at + ".wall_s is not one number (one repeat)");
            }
            if (cpus.size() != 1 || !(cpus.get(0) instanceof List<?> perThread)
                    || !perThread.stream().allMatch(Number.class::isInstance)) {
                throw child.failure("printed JSON whose " + at + ".cpu_s is not one list of numbers (one repeat)");
            }
            List<Long> cpu = perThread.stream().map(c -> (long) (((Number) c).doubleValue() * 1e9)).toList();
            trials.put("cpython-" + variant, new Trial((long) (wall.doubleValue() * 1e9), cpu,
                    cpu.stream().mapToLong(Long::longValue).sum(), GilCounters.NONE, latency, Timeline.empty(), List.of(),
                    List.of()));
        }
        if (!trials.keySet().equals(variants().stream().map(v -> "cpython-" + v).collect(Collectors.toSet()))) {
            throw child.failure("printed JSON with results for " + trials.keySet() + ", expected one for each of "
                    + variants());
        }
        version = root.get("python") instanceof String v ? v : "?";
        return trials;
    }

    private static List<?> list(ChildProcess child, Map<?, ?> m, String key, String at) throws ChildFailed {
        if (!(m.get(key) instanceof List<?> l)) {
            throw child.failure("printed JSON " + (m.containsKey(key) ? "whose " + at + " is not a list" : "without " + at));
        }
        return l;
    }

    private static double number(ChildProcess child, Map<?, ?> m, String key, String at) throws ChildFailed {
        if (!(m.get(key) instanceof Number n)) {
            throw child.failure("printed JSON " + (m.containsKey(key) ? "whose " + at + " is not a number" : "without " + at));
        }
        return n.doubleValue();
    }

    /** Deletes the temporary script. */
    @Override
    public void close() throws IOException {
        Path s = script;
        if (s != null) {
            Files.deleteIfExists(s);
        }
        script = null;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.9f", nanos / 1e9);
    }
}
