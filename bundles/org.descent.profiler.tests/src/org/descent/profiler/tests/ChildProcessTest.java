package org.descent.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.descent.profiler.GilBench;
import org.descent.profiler.GilOptions;
import org.descent.profiler.GilReport;
import org.descent.profiler.Mode;
import org.descent.profiler.ModeResult;
import org.descent.profiler.Workload;
import org.descent.profiler.internal.ChildFailed;
import org.descent.profiler.internal.ChildProcess;
import org.descent.profiler.internal.ProcessRunner;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profiler's child processes, driven by small fake interpreters (shell scripts this test writes)
 * given as the cpython mode's python: output larger than a pipe, cancel with grandchildren,
 * malformed output; and the real CPython script where the machine has one.
 */
class ChildProcessTest {

    private static final String RESULTS = "\"results\": [{\"variant\": \"seq\", \"wall_s\": [0.5], \"cpu_s\": [[0.5]],"
            + " \"latency\": null}, {\"variant\": \"threads\", \"wall_s\": [0.25], \"cpu_s\": [[0.25, 0.25]],"
            + " \"latency\": null}, {\"variant\": \"processes\", \"wall_s\": [0.2], \"cpu_s\": [[0.25, 0.25]],"
            + " \"latency\": {\"n\": 3, \"mean_s\": 0.001, \"max_s\": 0.002}}]";

    /** Writes an executable shell script. */
    private static Path script(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static GilOptions cpython(Path python) {
        return GilOptions.defaults().withWorkload(Workload.CPU).withThreads(2).withRepeat(1)
                .withModes(List.of(Mode.CPYTHON)).withPython(python);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aChildThatPrintsMoreThanAPipeHoldsCompletes(@TempDir Path tmp) throws Exception {
        // 2 MB on each stream, well over a pipe's 64 KiB: a parent that reads only after the exit
        // would wait forever on a child blocked writing
        Path fake = script(tmp, "python3", """
                head -c 2000000 /dev/zero | tr '\\0' e >&2
                printf '{"python": "3.fake", "padding": "'
                head -c 2000000 /dev/zero | tr '\\0' p
                printf '", %s}\\n'
                """.formatted(RESULTS));
        GilReport report = new GilBench(null).run(cpython(fake), null);
        assertEquals(List.of("cpython-seq", "cpython-threads", "cpython-processes"),
                report.results().stream().map(ModeResult::label).toList());
        for (ModeResult r : report.results()) {
            assertEquals(ModeResult.Status.DONE, r.status(), r.reason());
            assertTrue(r.explanation().endsWith("(Python 3.fake)"), r.explanation());
        }
        assertEquals(0.5e9, report.result("cpython-seq").orElseThrow().wallMinNanos(), 1);
        assertEquals(2.0, report.result("cpython-threads").orElseThrow().speedup(), 1e-9, "0.5 s / 0.25 s");
        ModeResult processes = report.result("cpython-processes").orElseThrow();
        assertEquals(2.5, processes.speedup(), 1e-9, "0.5 s / 0.2 s");
        assertEquals(List.of(250_000_000L, 250_000_000L), processes.representative().cpuNanos());
        assertEquals(3, processes.latency().samples());
        assertEquals(2e6, processes.latency().maxNanos(), 1e-3);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void cancelKillsTheChildAndItsDescendants(@TempDir Path tmp) throws Exception {
        Path pids = tmp.resolve("pids");
        // two children of the fake interpreter and a grandchild, as multiprocessing's workers are
        Path fake = script(tmp, "python3", """
                sleep 300 & echo $! >> '%1$s'
                sleep 300 & echo $! >> '%1$s'
                sh -c "sleep 300 & echo \\$! >> '%1$s'; wait" &
                echo $$ >> '%1$s'
                wait
                """.formatted(pids));
        NullProgressMonitor cancelWhenAllStarted = new NullProgressMonitor() {
            @Override
            public boolean isCanceled() {
                try {
                    return super.isCanceled() || Files.exists(pids) && Files.readAllLines(pids).size() == 4;
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        };
        assertThrows(OperationCanceledException.class, () -> new GilBench(null).run(cpython(fake), cancelWhenAllStarted));
        List<Long> started = Files.readAllLines(pids).stream().map(Long::parseLong).toList();
        assertEquals(4, started.size(), started.toString());
        // the runner waited for them: none is alive once the cancel has come back
        for (long pid : started) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is alive");
        }
    }

    @Test
    void malformedOutputIsAFailureNamingTheChildItsOutputAndExitCode(@TempDir Path tmp) throws Exception {
        Path notJson = script(tmp, "not-json", "echo 'hello'; echo 'not json'");
        String reason = failed(notJson);
        assertEquals(notJson + " gil_workloads.py: printed no JSON (JSON offset 0: expected a value) (exit code 0);"
                + " it printed: hello | not json", reason);

        // a traceback ends with the error: its last lines are quoted
        Path crash = script(tmp, "crash", "echo 'Traceback (most recent call last):' >&2;"
                + " for i in 1 2 3 4 5 6; do echo \"  frame $i\" >&2; done; echo 'ValueError: boom' >&2; exit 3");
        assertEquals(crash + " gil_workloads.py: exited with an error (exit code 3); on standard error, ending:"
                + " frame 3 | frame 4 | frame 5 | frame 6 | ValueError: boom", failed(crash));

        Path silent = script(tmp, "silent", "exit 0");
        assertEquals(silent + " gil_workloads.py: printed no JSON (JSON offset 0: expected a value) (exit code 0);"
                + " it printed nothing", failed(silent));

        Path noWall = script(tmp, "no-wall", "echo '{\"python\": \"3\", \"results\": [{\"variant\": \"seq\","
                + " \"cpu_s\": [[1]], \"latency\": null}]}'");
        assertTrue(failed(noWall).startsWith(noWall + " gil_workloads.py: printed JSON without results[0].wall_s"
                + " (exit code 0); it printed: {\"python\""), failed(noWall));

        Path missingVariant = script(tmp, "missing-variant", "echo '{\"python\": \"3\", \"results\": [{\"variant\":"
                + " \"seq\", \"wall_s\": [1], \"cpu_s\": [[1]], \"latency\": null}]}'");
        assertTrue(failed(missingVariant).contains("printed JSON with results for [cpython-seq], expected one for each"
                + " of [seq, threads, processes]"), failed(missingVariant));

        Path badLatency = script(tmp, "bad-latency", "printf '{\"python\": \"3\", %s}' '"
                + RESULTS.replace("\"max_s\": 0.002", "\"max_s\": \"slow\"") + "'");
        assertTrue(failed(badLatency).contains("printed JSON whose results[2].latency.max_s is not a number"),
                failed(badLatency));
    }

    /** The reason of the failed cpython row when {@code python} is the interpreter. */
    private static String failed(Path python) throws Exception {
        ModeResult row = new GilBench(null).run(cpython(python), null).results().get(0);
        assertEquals(ModeResult.Status.FAILED, row.status(), row.toString());
        assertEquals("cpython", row.label());
        return row.reason();
    }

    @Test
    void aFailureQuotesTheFirstLinesOnly(@TempDir Path tmp) throws Exception {
        try (ChildProcess child = ChildProcess.start("fake child", List.of("/bin/sh", "-c",
                "for i in 1 2 3 4 5 6 7; do echo line $i; done; exit 1"))) {
            assertEquals(1, child.waitFor(new NullProgressMonitor()));
            ChildFailed f = child.failure("printed no result line");
            assertEquals("fake child: printed no result line (exit code 1); it printed: line 1 | line 2 | line 3 | line 4"
                    + " | line 5", f.getMessage());
        }
    }

    @Test
    void aChildJvmsResultLineIsChecked() throws Exception {
        assertEquals(Map.of("cpu_ns", "5", "total_cpu_ns", "-1", "hash", "7"),
                childResult("echo 'descent-gil-child cpu_ns=5 total_cpu_ns=-1 hash=7'"));
        assertEquals("fake JVM: printed no result line ('descent-gil-child ...') (exit code 0); it printed: warming up",
                childFailure("echo 'warming up'"));
        assertEquals("fake JVM: printed a result line whose cpu_ns is not a whole number (exit code 0); it printed:"
                + " descent-gil-child cpu_ns=fast total_cpu_ns=1", childFailure(
                        "echo 'descent-gil-child cpu_ns=fast total_cpu_ns=1'"));
        assertEquals("fake JVM: printed a result line with lat_n but not numbers for lat_n, lat_mean_ns and lat_max_ns"
                + " (exit code 0); it printed: descent-gil-child cpu_ns=1 total_cpu_ns=1 lat_n=2",
                childFailure("echo 'descent-gil-child cpu_ns=1 total_cpu_ns=1 lat_n=2'"));
        assertEquals("fake JVM: exited with an error (exit code 1); it printed: descent-gil-child cpu_ns=1"
                + " total_cpu_ns=1; on standard error, ending: Exception in thread \"main\" java.lang.OutOfMemoryError",
                childFailure("echo 'descent-gil-child cpu_ns=1 total_cpu_ns=1'; echo 'Exception in thread \"main\""
                        + " java.lang.OutOfMemoryError' >&2; exit 1"));
    }

    private static Map<String, String> childResult(String shell) throws Exception {
        try (ChildProcess child = ChildProcess.start("fake JVM", List.of("/bin/sh", "-c", shell))) {
            child.waitFor(new NullProgressMonitor());
            return ProcessRunner.result(child);
        }
    }

    private static String childFailure(String shell) {
        return assertThrows(ChildFailed.class, () -> childResult(shell), shell).getMessage();
    }

    @Test
    void theRealScriptRunsInCPythonOrTheTestIsSkippedWithTheReason() throws Exception {
        Duration wait = Duration.ofMillis(50);
        GilReport report = new GilBench(null).run(GilOptions.defaults().withWorkload(Workload.IO).withThreads(2)
                .withIoWait(wait).withRepeat(1).withModes(List.of(Mode.CPYTHON)), null);
        ModeResult first = report.results().get(0);
        Assumptions.assumeTrue(first.status() != ModeResult.Status.SKIPPED, () -> "cpython skipped: " + first.reason());
        for (ModeResult r : report.results()) {
            assertEquals(ModeResult.Status.DONE, r.status(), r.label() + ": " + r.reason());
        }
        // lower bounds only: the sequential run waits twice in a row, the threads at least once
        assertTrue(report.result("cpython-seq").orElseThrow().wallMinNanos() >= 2 * wait.toNanos(),
                report.results().toString());
        assertTrue(report.result("cpython-threads").orElseThrow().wallMinNanos() >= wait.toNanos(),
                report.results().toString());
        assertEquals(2, report.result("cpython-processes").orElseThrow().representative().cpuNanos().size(),
                "one CPU time per process");
    }
}
