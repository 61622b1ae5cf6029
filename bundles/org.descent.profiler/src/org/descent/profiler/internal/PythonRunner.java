package org.descent.profiler.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
    static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");

    private final GilOptions options;
    private @Nullable Path python;
    private @Nullable Path script;
    private @Nullable Path errors;
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
        errors = Files.createTempFile("descent-gil-", ".err");
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

    /** Thrown when the interpreter fails or prints no result; the message says what it printed. */
    public static final class PythonFailed extends Exception {
        private static final long serialVersionUID = 1L;

        PythonFailed(String message) {
            super(message);
        }
    }

    /**
     * Runs one repeat of the {@link #variants()} (in one interpreter process, one after the other).
     *
     * @return a trial per row label: cpython-seq, cpython-threads, cpython-processes
     * @throws OperationCanceledException when the monitor is cancelled (the interpreter is killed)
     */
    public Map<String, Trial> trial(IProgressMonitor monitor) throws IOException, PythonFailed {
        Path py = python;
        Path s = script;
        Path err = errors;
        if (py == null || s == null || err == null) {
            throw new IllegalStateException("the cpython mode is not prepared");
        }
        List<String> command = List.of(py.toString(), s.toString(), "--workload", options.workload().id(), "--threads",
                Integer.toString(options.threads()), "--count", Long.toString(options.pythonCount()), "--io-seconds",
                seconds(options.ioWait().toNanos()), "--rounds", Integer.toString(options.ioRounds()), "--round-s",
                seconds(options.ioRoundWait().toNanos()), "--switch-interval-s",
                seconds(options.switchInterval().toNanos()), "--repeat", "1", "--variants",
                String.join(",", variants()));
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out;
        try (InputStream stdout = p.getInputStream()) {
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
            }
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } finally {
            p.destroyForcibly();
        }
        if (p.exitValue() != 0) {
            String text = Files.readString(err).strip();
            throw new PythonFailed(py + " exited with " + p.exitValue() + (text.isEmpty() ? "" : ": " + last(text)));
        }
        return trials(out, py);
    }

    private Map<String, Trial> trials(String out, Path py) throws PythonFailed {
        Object parsed;
        try {
            parsed = Json.parse(out.strip());
        } catch (IllegalArgumentException e) {
            throw new PythonFailed(py + " printed no JSON (" + e.getMessage() + "): " + last(out));
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("results") instanceof List<?> results)) {
            throw new PythonFailed(py + " printed JSON without results: " + last(out));
        }
        version = String.valueOf(root.get("python"));
        Map<String, Trial> trials = new LinkedHashMap<>();
        for (Object o : results) {
            Map<?, ?> r = (Map<?, ?>) o;
            IoLatency latency = IoLatency.NONE;
            if (r.get("latency") instanceof Map<?, ?> l) {
                latency = new IoLatency(((Number) l.get("n")).intValue(), nanos(l.get("mean_s")), nanos(l.get("max_s")));
            }
            double wall = nanos(((List<?>) r.get("wall_s")).get(0));
            List<Long> cpu = ((List<?>) ((List<?>) r.get("cpu_s")).get(0)).stream().map(c -> (long) nanos(c)).toList();
            trials.put("cpython-" + r.get("variant"), new Trial((long) wall, cpu,
                    cpu.stream().mapToLong(Long::longValue).sum(), GilCounters.NONE, latency, Timeline.empty(), List.of(),
                    List.of()));
        }
        return trials;
    }

    /** Deletes the temporary script and error file. */
    @Override
    public void close() throws IOException {
        for (Path p : new Path[] {script, errors}) {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        }
        script = null;
        errors = null;
    }

    private static double nanos(@Nullable Object seconds) {
        return seconds instanceof Number n ? n.doubleValue() * 1e9 : Double.NaN;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.9f", nanos / 1e9);
    }

    private static String last(String text) {
        String t = text.strip();
        return t.length() > 300 ? "..." + t.substring(t.length() - 300) : t;
    }
}
