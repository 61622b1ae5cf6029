package org.descent.profiler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
 * The process mode: one child JVM per share, started from this JVM's {@code java} with
 * {@link ChildMain} on a class path of its own (a temporary folder holding copies of the two class
 * files it needs), all at once; the wall time runs from the first start to the last exit.
 */
public final class ProcessRunner implements AutoCloseable {

    private static final List<Class<?>> CLASSES = List.of(ChildMain.class, Kernels.class);

    private final GilOptions options;
    private @Nullable Path java;
    private @Nullable Path classes;

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

    /**
     * Copies the child's class files into a temporary folder; {@link #close()} deletes it.
     *
     * @return why the mode cannot run here, or empty when it is ready
     */
    public Optional<String> prepare() throws IOException {
        if (options.workload() == Workload.TRAIN) {
            return Optional.of("the train workload needs Descent's plug-ins (data sets, models), which a bare child JVM"
                    + " does not load; the process mode runs cpu, io and mixed");
        }
        if (options.threads() > GilOptions.MAX_PROCESSES) {
            return Optional.of(options.threads() + " child JVMs are too many; the process mode starts at most "
                    + GilOptions.MAX_PROCESSES);
        }
        java = java().orElse(null);
        if (java == null) {
            return Optional.of("no java executable found (neither this process' command nor java.home/bin/java)");
        }
        Path dir = Files.createTempDirectory("descent-gil-child");
        classes = dir;
        for (Class<?> c : CLASSES) {
            String resource = c.getName().replace('.', '/') + ".class";
            Path target = dir.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = c.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    return Optional.of("cannot read the class file " + resource + " to give the child JVMs");
                }
                Files.copy(in, target);
            }
        }
        return Optional.empty();
    }

    /** Deletes the temporary class folder. */
    @Override
    public void close() throws IOException {
        Path dir = classes;
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            classes = null;
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
                shares.add(List.of("cpu", Long.toString(options.count()), Integer.toString(i), "until-eof"));
            }
            shares.add(List.of("rounds", Integer.toString(options.ioRounds()),
                    Long.toString(options.ioRoundWait().toNanos()), Integer.toString(ThreadRunner.RESPONSE_TICKS)));
        }
        case TRAIN -> throw new IllegalStateException("no child shares for the train workload");
        }
        return shares;
    }

    /**
     * Runs one repeat: one child JVM per share, all started at once; the wall time runs from the
     * first start to the last exit. Call {@link #prepare()} first.
     *
     * @throws ChildFailed when a child exits with an error or prints no result line (named, with
     *         its exit code and first lines)
     * @throws OperationCanceledException when the monitor is cancelled (the children are killed)
     */
    public Trial trial(IProgressMonitor monitor) throws IOException, ChildFailed {
        Path java = this.java;
        Path classes = this.classes;
        if (java == null || classes == null) {
            throw new IllegalStateException("the process mode is not prepared");
        }
        List<List<String>> shares = shares();
        List<ChildProcess> children = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (List<String> share : shares) {
                List<String> command = new ArrayList<>(List.of(java.toString(), "-Xshare:auto", "-XX:+UseSerialGC",
                        "-Xmx64m", "-cp", classes.toString(), ChildMain.class.getName()));
                command.addAll(share);
                children.add(ChildProcess.start("child JVM '" + String.join(" ", share) + "'", command));
            }
            // the I/O child (mixed) first: then the CPU-bound children, which count until it is done,
            // are told so by the end of their standard input
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < shares.size(); i++) {
                if (shares.get(i).get(0).equals("rounds")) {
                    order.add(0, i);
                } else {
                    order.add(i);
                }
            }
            for (int i : order) {
                children.get(i).waitFor(monitor);
                if (shares.get(i).get(0).equals("rounds")) {
                    for (ChildProcess other : children) {
                        other.closeInput();
                    }
                }
            }
            long wall = System.nanoTime() - start;
            List<Long> cpu = new ArrayList<>();
            long totalCpu = 0;
            IoLatency latency = IoLatency.NONE;
            for (ChildProcess child : children) {
                Map<String, String> v = result(child);
                cpu.add(Long.parseLong(v.get("cpu_ns")));
                totalCpu += Math.max(0, Long.parseLong(v.get("total_cpu_ns")));
                if (v.containsKey("lat_n")) {
                    latency = new IoLatency(Integer.parseInt(v.get("lat_n")), Double.parseDouble(v.get("lat_mean_ns")),
                            Double.parseDouble(v.get("lat_max_ns")));
                }
            }
            return new Trial(wall, cpu, totalCpu, GilCounters.NONE, latency, Timeline.empty(), List.of(), List.of());
        } finally {
            // every child is killed even when one's temporary folder cannot be deleted
            for (ChildProcess child : children) {
                try {
                    child.close();
                } catch (IOException e) {
                    org.eclipse.core.runtime.ILog.of(ProcessRunner.class).warn("a child JVM's temporary folder is left behind: "
                            + e.getMessage());
                }
            }
        }
    }

    /**
     * The key=value pairs of an exited child's result line, checked: exit code 0, the line there,
     * its numbers whole numbers (the latencies decimal ones).
     */
    public static Map<String, String> result(ChildProcess child) throws IOException, ChildFailed {
        if (child.exitCode() != 0) {
            throw child.failure("exited with an error");
        }
        for (String line : child.output().split("\\R")) {
            if (line.startsWith(ChildMain.MARKER + " ")) {
                Map<String, String> v = new HashMap<>();
                for (String pair : line.substring(ChildMain.MARKER.length() + 1).split(" ")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        v.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                for (String key : List.of("cpu_ns", "total_cpu_ns")) {
                    if (!isLong(v.get(key))) {
                        throw child.failure("printed a result line whose " + key + " is not a whole number");
                    }
                }
                if (v.containsKey("lat_n") && !(isLong(v.get("lat_n")) && isDouble(v.get("lat_mean_ns"))
                        && isDouble(v.get("lat_max_ns")))) {
                    throw child.failure("printed a result line with lat_n but not numbers for lat_n, lat_mean_ns"
                            + " and lat_max_ns");
                }
                return v;
            }
        }
        throw child.failure("printed no result line ('" + ChildMain.MARKER + " ...')");
    }

    private static boolean isLong(@Nullable String s) {
        return s != null && s.matches("-?\\d{1,18}");
    }

    private static boolean isDouble(@Nullable String s) {
        return s != null && s.matches("-?\\d+(\\.\\d+)?");
    }
}
