package org.descent.profiler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

/**
 * The process mode: one child JVM per share, started from this JVM's {@code java} with
 * {@link ChildMain} on a class path of its own (a temporary folder holding copies of the two class
 * files it needs), all at once; the wall time runs from the first start to the last exit.
 */
public final class ProcessRunner {

    private static final List<Class<?>> CLASSES = List.of(ChildMain.class, Kernels.class);

    private final GilOptions options;

    public ProcessRunner(GilOptions options) {
        this.options = options;
    }

    /** This JVM's java executable: the running command when it is a java, else java.home's. */
    static Optional<Path> java() {
        Optional<Path> running = ProcessHandle.current().info().command().map(Path::of)
                .filter(p -> p.getFileName().toString().equals("java") && Files.isExecutable(p));
        if (running.isPresent()) {
            return running;
        }
        Path home = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(home) ? Optional.of(home) : Optional.empty();
    }

    /** Runs the repeats; a skipped row when the workload or this JVM cannot start children. */
    public ModeResult run(SubMonitor progress, IProgressMonitor monitor) throws IOException {
        String label = Mode.PROCESS.id();
        String explanation = Explanations.of(Mode.PROCESS, label, options, "");
        if (options.workload() == Workload.TRAIN) {
            return ModeResult.skipped(Mode.PROCESS, label, "the train workload needs Descent's plug-ins (data sets,"
                    + " models), which a bare child JVM does not load; the process mode runs cpu, io and mixed",
                    explanation);
        }
        Optional<Path> java = java();
        if (java.isEmpty()) {
            return ModeResult.skipped(Mode.PROCESS, label, "no java executable found (neither this process' command"
                    + " nor java.home/bin/java)", explanation);
        }
        Path classes = Files.createTempDirectory("descent-gil-child");
        try {
            for (Class<?> c : CLASSES) {
                String resource = c.getName().replace('.', '/') + ".class";
                Path target = classes.resolve(resource);
                Files.createDirectories(target.getParent());
                try (InputStream in = c.getResourceAsStream("/" + resource)) {
                    if (in == null) {
                        return ModeResult.skipped(Mode.PROCESS, label, "cannot read the class file " + resource
                                + " to give the child JVMs", explanation);
                    }
                    Files.copy(in, target);
                }
            }
            List<Trial> trials = new ArrayList<>();
            for (int i = 0; i < options.repeat(); i++) {
                progress.subTask("process " + (i + 1) + "/" + options.repeat());
                trials.add(trial(java.get(), classes, monitor));
                progress.worked(1);
            }
            return new ModeResult(Mode.PROCESS, label, ModeResult.Status.DONE, "", trials, Double.NaN, explanation);
        } catch (ChildFailed e) {
            return new ModeResult(Mode.PROCESS, label, ModeResult.Status.FAILED, e.getMessage(), List.of(), Double.NaN,
                    explanation);
        } finally {
            try (Stream<Path> files = Files.walk(classes)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final class ChildFailed extends Exception {
        private static final long serialVersionUID = 1L;

        ChildFailed(String message) {
            super(message);
        }
    }

    private List<List<String>> shares() {
        List<List<String>> shares = new ArrayList<>();
        int n = options.threads();
        switch (options.workload()) {
        case CPU -> {
            for (int i = 0; i < n; i++) {
                shares.add(List.of("cpu", Long.toString(options.count()), Integer.toString(i)));
            }
        }
        case IO -> {
            for (int i = 0; i < n; i++) {
                shares.add(List.of("io", Long.toString(options.ioWait().toNanos())));
            }
        }
        case MIXED -> {
            for (int i = 0; i < n - 1; i++) {
                shares.add(List.of("cpu", Long.toString(options.count()), Integer.toString(i)));
            }
            shares.add(List.of("rounds", Integer.toString(options.ioRounds()),
                    Long.toString(options.ioRoundWait().toNanos()), Integer.toString(ThreadRunner.RESPONSE_TICKS)));
        }
        case TRAIN -> throw new IllegalStateException("no child shares for the train workload");
        }
        return shares;
    }

    private Trial trial(Path java, Path classes, IProgressMonitor monitor) throws IOException, ChildFailed {
        List<List<String>> shares = shares();
        List<Process> children = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (List<String> share : shares) {
                List<String> command = new ArrayList<>(List.of(java.toString(), "-Xshare:auto", "-XX:+UseSerialGC",
                        "-Xmx64m", "-cp", classes.toString(), ChildMain.class.getName()));
                command.addAll(share);
                children.add(new ProcessBuilder(command).redirectErrorStream(true).start());
            }
            List<String> outputs = new ArrayList<>();
            for (Process p : children) {
                while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                    if (monitor.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                }
                outputs.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            long wall = System.nanoTime() - start;
            List<Long> cpu = new ArrayList<>();
            long totalCpu = 0;
            IoLatency latency = IoLatency.NONE;
            for (int i = 0; i < outputs.size(); i++) {
                Map<String, String> v = parse(outputs.get(i), children.get(i).exitValue(), shares.get(i));
                cpu.add(Long.parseLong(v.get("cpu_ns")));
                totalCpu += Math.max(0, Long.parseLong(v.get("total_cpu_ns")));
                if (v.containsKey("lat_n")) {
                    latency = new IoLatency(Integer.parseInt(v.get("lat_n")), Double.parseDouble(v.get("lat_mean_ns")),
                            Double.parseDouble(v.get("lat_max_ns")));
                }
            }
            return new Trial(wall, cpu, totalCpu, GilCounters.NONE, latency, Timeline.empty(), List.of(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    /** The child's key=value pairs from its result line. */
    static Map<String, String> parse(String output, int exit, List<String> share) throws ChildFailed {
        for (String line : output.split("\\R")) {
            if (line.startsWith(ChildMain.MARKER + " ")) {
                Map<String, String> v = new HashMap<>();
                for (String pair : line.substring(ChildMain.MARKER.length() + 1).split(" ")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        v.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                if (v.containsKey("cpu_ns") && v.containsKey("total_cpu_ns")) {
                    return v;
                }
            }
        }
        String text = output.strip();
        throw new ChildFailed("child JVM '" + String.join(" ", share) + "' exited with " + exit + " without a result line"
                + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text)));
    }
}
