package org.descent.profiler.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * One child process of the profiler (a child JVM, a CPython run). Its standard output and error go
 * to files while it runs, so a child that prints more than a pipe holds never blocks on a full
 * pipe; waiting for it looks at the monitor; killing it (on cancel, or when closed before it
 * exited) kills its descendants first (CPython's multiprocessing workers), then the child, and
 * waits until all of them have exited.
 */
public final class ChildProcess implements AutoCloseable {

    /** Lines of each stream that a failure quotes. */
    static final int QUOTED_LINES = 5;
    /** Characters of each stream read for the quote, and of each quoted line. */
    private static final int QUOTED_CHARS = 4096;
    private static final int QUOTED_LINE_CHARS = 200;
    /** How long a kill waits for the killed processes to exit. */
    private static final long KILL_WAIT_SECONDS = 10;

    private final String name;
    private final Process process;
    private final Path dir;
    private final Path out;
    private final Path err;

    private ChildProcess(String name, Process process, Path dir) {
        this.name = name;
        this.process = process;
        this.dir = dir;
        this.out = dir.resolve("stdout");
        this.err = dir.resolve("stderr");
    }

    /**
     * Starts {@code command}, its standard output and error going to files in a temporary folder
     * that {@link #close()} deletes.
     *
     * @param name how failures name the child, e.g. {@code child JVM 'cpu 1000 0'}
     */
    public static ChildProcess start(String name, List<String> command) throws IOException {
        Path dir = Files.createTempDirectory("descent-child");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile())
                    .redirectError(dir.resolve("stderr").toFile()).start();
        } catch (IOException e) {
            delete(dir);
            throw new IOException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
        return new ChildProcess(name, p, dir);
    }

    /** How failures name the child. */
    public String name() {
        return name;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Closes the child's standard input, so that it reads its end. */
    public void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /**
     * Waits until the child exits.
     *
     * @return its exit code
     * @throws OperationCanceledException when the monitor is cancelled or the thread interrupted
     *         first; the child and its descendants are killed then
     */
    public int waitFor(IProgressMonitor monitor) {
        try {
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (monitor.isCanceled()) {
                    kill();
                    throw new OperationCanceledException();
                }
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
        return process.exitValue();
    }

    /** The exit code of a child that has exited. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Everything the child wrote to its standard output (malformed UTF-8 replaced). */
    public String output() throws IOException {
        return new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
    }

    /**
     * A failure that names the child, the problem, its exit code and the first lines of what it
     * printed on each stream. Call after it exited.
     *
     * @param problem what was wrong, e.g. "printed no result line"
     */
    public ChildFailed failure(String problem) {
        StringBuilder sb = new StringBuilder(name).append(": ").append(problem).append(" (exit code ")
                .append(process.exitValue()).append(')');
        boolean printed = quote(sb, "it printed", out, false);
        // an error (a Python traceback, a Java stack trace) ends with what went wrong: its last lines
        printed |= quote(sb, "on standard error, ending", err, true);
        if (!printed) {
            sb.append("; it printed nothing");
        }
        return new ChildFailed(sb.toString());
    }

    /** Appends the first (or last) lines of {@code file}; whether there were any. */
    private static boolean quote(StringBuilder sb, String label, Path file, boolean last) {
        byte[] text;
        try (java.nio.channels.SeekableByteChannel in = Files.newByteChannel(file)) {
            long size = in.size();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(size, QUOTED_CHARS));
            in.position(last ? size - buffer.capacity() : 0);
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // fill the buffer
            }
            text = java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException e) {
            sb.append("; ").append(label).append(": (cannot be read back: ").append(e.getMessage()).append(')');
            return true;
        }
        List<String> all = Arrays.stream(new String(text, StandardCharsets.UTF_8).split("\\R")).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        List<String> lines = (last ? all.subList(Math.max(0, all.size() - QUOTED_LINES), all.size()) : all.stream()
                .limit(QUOTED_LINES).toList()).stream()
                .map(l -> l.length() > QUOTED_LINE_CHARS ? l.substring(0, QUOTED_LINE_CHARS) + "..." : l)
                .collect(Collectors.toList());
        if (lines.isEmpty()) {
            return false;
        }
        sb.append("; ").append(label).append(": ").append(String.join(" | ", lines));
        return true;
    }
    /**
     * Kills the child's descendants, then the child, and waits (up to {@value #KILL_WAIT_SECONDS}
     * s) until all have exited. Does nothing to a child that has exited.
     */
    public void kill() {
        List<ProcessHandle> killed = new ArrayList<>();
        // the descendants first: once the child is gone, its children are no longer its descendants
        for (int pass = 0; pass < 2 && process.isAlive(); pass++) {
            process.descendants().forEach(h -> {
                h.destroyForcibly();
                killed.add(h);
            });
        }
        process.destroyForcibly();
        killed.add(process.toHandle());
        CompletableFuture<?>[] exits = killed.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a process that outlives SIGKILL for this long is beyond our reach; the caller goes on
        }
    }

    /** Kills the child and its descendants if still running, and deletes the output files. */
    @Override
    public void close() throws IOException {
        kill();
        process.getOutputStream().close();
        delete(dir);
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
