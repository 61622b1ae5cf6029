package org.descent.profiler.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.descent.profiler.GilCounters;
import org.descent.profiler.GilOptions;
import org.descent.profiler.IoLatency;
import org.descent.profiler.Mode;
import org.descent.profiler.ModeResult;
import org.descent.profiler.Timeline;
import org.descent.profiler.Trial;
import org.descent.profiler.Workload;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The cpython mode: runs the bundle's python/gil_workloads.py (the same workloads in CPython,
 * sequentially, with threading and with multiprocessing) and reads the JSON it prints.
 */
public final class PythonRunner {

    /** Row labels of the three variants. */
    public static final String SEQUENTIAL = "cpython-seq";
    public static final String THREADS = "cpython-threads";
    public static final String PROCESSES = "cpython-processes";
    static final String SCRIPT = "python/gil_workloads.py";
    static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");

    private final GilOptions options;

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

    /** The three rows (cpython-seq, cpython-threads, cpython-processes), or one skipped or failed row. */
    public List<ModeResult> run(SubMonitor progress, IProgressMonitor monitor) throws IOException {
        String explanation = Mode.CPYTHON.description();
        if (options.workload() == Workload.TRAIN) {
            return List.of(ModeResult.skipped(Mode.CPYTHON, Mode.CPYTHON.id(), "the train workload is Descent's own"
                    + " engine; CPython runs cpu, io and mixed", explanation));
        }
        Optional<Path> python = python(options.python());
        if (python.isEmpty()) {
            Path given = options.python();
            return List.of(ModeResult.skipped(Mode.CPYTHON, Mode.CPYTHON.id(), given != null
                    ? "no executable python at " + given
                    : "no python3 found (neither " + DEFAULT_PYTHON + " nor python3 on the PATH)", explanation));
        }
        Path script = Files.createTempFile("descent-gil-", ".py");
        Path errors = Files.createTempFile("descent-gil-", ".err");
        try {
            try (InputStream in = PythonRunner.class.getResourceAsStream("/" + SCRIPT)) {
                if (in == null) {
                    return List.of(failed("the bundle has no " + SCRIPT));
                }
                Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = List.of(python.get().toString(), script.toString(), "--workload",
                    options.workload().id(), "--threads", Integer.toString(options.threads()), "--count",
                    Long.toString(options.pythonCount()), "--io-seconds", seconds(options.ioWait().toNanos()),
                    "--rounds", Integer.toString(options.ioRounds()), "--round-s",
                    seconds(options.ioRoundWait().toNanos()), "--switch-interval-s",
                    seconds(options.switchInterval().toNanos()), "--repeat", Integer.toString(options.repeat()));
            Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String out;
            try {
                byte[] bytes;
                try (InputStream stdout = p.getInputStream()) {
                    while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                        if (monitor.isCanceled()) {
                            throw new OperationCanceledException();
                        }
                    }
                    bytes = stdout.readAllBytes();
                }
                out = new String(bytes, StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            } finally {
                p.destroyForcibly();
            }
            progress.worked(options.repeat());
            if (p.exitValue() != 0) {
                String err = Files.readString(errors).strip();
                return List.of(failed(python.get() + " exited with " + p.exitValue()
                        + (err.isEmpty() ? "" : ": " + last(err))));
            }
            return rows(out, python.get());
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(errors);
        }
    }

    private List<ModeResult> rows(String out, Path python) {
        Object parsed;
        try {
            parsed = JsonReader.parse(out.strip());
        } catch (IllegalArgumentException e) {
            return List.of(failed(python + " printed no JSON: " + last(out)));
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("results") instanceof List<?> results)) {
            return List.of(failed(python + " printed JSON without results: " + last(out)));
        }
        String version = String.valueOf(root.get("python"));
        List<ModeResult> rows = new ArrayList<>();
        for (Object o : results) {
            Map<?, ?> r = (Map<?, ?>) o;
            String label = "cpython-" + r.get("variant");
            List<?> walls = (List<?>) r.get("wall_s");
            List<?> cpus = (List<?>) r.get("cpu_s");
            IoLatency latency = IoLatency.NONE;
            if (r.get("latency") instanceof Map<?, ?> l) {
                latency = new IoLatency(((Number) l.get("n")).intValue(), nanos(l.get("mean_s")), nanos(l.get("max_s")));
            }
            List<Trial> trials = new ArrayList<>();
            for (int i = 0; i < walls.size(); i++) {
                List<Long> cpu = ((List<?>) cpus.get(i)).stream().map(c -> (long) nanos(c)).toList();
                trials.add(new Trial((long) nanos(walls.get(i)), cpu, cpu.stream().mapToLong(Long::longValue).sum(),
                        GilCounters.NONE, latency, Timeline.empty(), List.of(), List.of()));
            }
            rows.add(new ModeResult(Mode.CPYTHON, label, ModeResult.Status.DONE, "", trials, Double.NaN,
                    Explanations.of(Mode.CPYTHON, label, options, "") + " (Python " + version + ")"));
        }
        return rows;
    }

    private ModeResult failed(String reason) {
        return new ModeResult(Mode.CPYTHON, Mode.CPYTHON.id(), ModeResult.Status.FAILED, reason, List.of(), Double.NaN,
                Mode.CPYTHON.description());
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
