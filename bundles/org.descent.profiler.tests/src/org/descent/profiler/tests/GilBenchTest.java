package org.descent.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.descent.profiler.GilBench;
import org.descent.profiler.GilOptions;
import org.descent.profiler.GilReport;
import org.descent.profiler.Mode;
import org.descent.profiler.ModeResult;
import org.descent.profiler.Trial;
import org.descent.profiler.Workload;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;

/** The profiler's entry point: rows, repeats, skipped modes, child JVMs, the train workload, cancelling. */
class GilBenchTest {

    private static GilOptions small() {
        return GilOptions.defaults().withCount(20_000).withRepeat(1);
    }

    @Test
    void rowsComeInTheOrderOfTheModesWithMinMedianAndSpeedUp() throws Exception {
        List<String> seen = new ArrayList<>();
        GilReport report = new GilBench(null).run(small().withRepeat(3).withModes(List.of(Mode.GIL_PY3, Mode.SEQ,
                Mode.JVM)), null, r -> seen.add(r.label()));
        assertEquals(List.of("gil-py3", "seq", "jvm"), seen);
        assertEquals(seen, report.results().stream().map(ModeResult::label).toList());
        for (ModeResult r : report.results()) {
            assertEquals(ModeResult.Status.DONE, r.status(), r.reason());
            assertEquals(3, r.trials().size());
            assertTrue(r.wallMinNanos() <= r.wallMedianNanos(), r.label());
            long[] walls = r.trials().stream().mapToLong(Trial::wallNanos).sorted().toArray();
            assertEquals(walls[1], r.wallMedianNanos(), r.label() + ": the median of three is the middle one");
            assertEquals(walls[1], r.representative().wallNanos());
            assertTrue(r.cpuMedianNanos() >= 0, r.label());
            assertTrue(!r.explanation().isBlank(), r.label());
        }
        ModeResult seq = report.result("seq").orElseThrow();
        assertEquals(1.0, seq.speedup(), 1e-12, "seq is its own baseline");
        for (String label : List.of("gil-py3", "jvm")) {
            ModeResult r = report.result(label).orElseThrow();
            assertEquals(seq.wallMinNanos() / r.wallMinNanos(), r.speedup(), 1e-12, label + ": the shortest times' ratio");
        }
        assertEquals(2, report.options().threads());
    }

    @Test
    void cpythonIsSkippedWithTheReasonWhenThereIsNoPython() throws Exception {
        Path missing = Path.of("/nonexistent/descent/python3");
        GilReport report = new GilBench(null).run(small().withModes(List.of(Mode.SEQ, Mode.CPYTHON)).withPython(missing),
                null);
        ModeResult py = report.result("cpython").orElseThrow();
        assertEquals(ModeResult.Status.SKIPPED, py.status());
        assertTrue(py.reason().contains(missing.toString()), py.reason());
        assertTrue(py.trials().isEmpty());
        assertTrue(Double.isNaN(py.speedup()));
        assertEquals("skipped", py.toJson().get("status"));
        assertTrue(!py.toJson().containsKey("wall_min_s"), "a skipped row has no timings");
    }

    @Test
    void tooManyProcessesAreSkipped() throws Exception {
        GilReport report = new GilBench(null).run(small().withWorkload(Workload.IO).withIoWait(java.time.Duration.ZERO)
                .withThreads(GilOptions.MAX_PROCESSES + 1).withModes(List.of(Mode.JVM, Mode.PROCESS)), null);
        assertEquals(ModeResult.Status.DONE, report.result("jvm").orElseThrow().status());
        ModeResult p = report.result("process").orElseThrow();
        assertEquals(ModeResult.Status.SKIPPED, p.status());
        assertTrue(p.reason().contains("at most " + GilOptions.MAX_PROCESSES), p.reason());
    }

    @Test
    void processModeRunsOneChildJvmPerShare() throws Exception {
        GilReport report = new GilBench(null).run(small().withThreads(2).withModes(List.of(Mode.PROCESS)), null);
        ModeResult p = report.results().get(0);
        assertEquals(ModeResult.Status.DONE, p.status(), p.reason());
        Trial t = p.representative();
        assertEquals(2, t.cpuNanos().size(), "one CPU time per child");
        assertTrue(t.processCpuNanos() >= t.cpuNanos().stream().mapToLong(Long::longValue).max().orElseThrow(),
                "a child's whole process used at least the CPU of its work");
        GilReport mixed = new GilBench(null).run(small().withWorkload(Workload.MIXED).withIoRounds(5)
                .withModes(List.of(Mode.PROCESS)), null);
        assertEquals(5, mixed.results().get(0).latency().samples(), "the I/O child measured its rounds");
    }

    @Test
    void trainWorkloadRunsTheEnginesTrainingStep() throws Exception {
        GilOptions o = small().withWorkload(Workload.TRAIN).withTrainSteps(4).withModes(List.of(Mode.SEQ, Mode.JVM,
                Mode.GIL_PY2, Mode.PROCESS)).withCheckInterval(1);
        GilReport report = new GilBench(Registry.get()).run(o, new NullProgressMonitor());
        for (String label : List.of("seq", "jvm", "gil-py2")) {
            assertEquals(ModeResult.Status.DONE, report.result(label).orElseThrow().status(), label);
        }
        // one tick per step, a release after each: 2 threads x 4 steps
        assertEquals(8, report.result("gil-py2").orElseThrow().counters().periodicReleases());
        ModeResult process = report.result("process").orElseThrow();
        assertEquals(ModeResult.Status.SKIPPED, process.status());
        assertTrue(process.reason().contains("train"), process.reason());
        assertThrows(IllegalArgumentException.class, () -> new GilBench(null).run(o, null),
                "train needs the registry");
    }

    @Test
    void cancellingStopsTheRun() {
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        assertThrows(OperationCanceledException.class, () -> new GilBench(null).run(small(), cancelled));
        List<String> tasks = new ArrayList<>();
        NullProgressMonitor later = new NullProgressMonitor() {
            @Override
            public void subTask(String name) {
                tasks.add(name);
                if (name.endsWith("gil-py2")) {
                    setCanceled(true);
                }
            }
        };
        List<String> rows = new ArrayList<>();
        GilOptions o = small().withRepeat(2).withModes(List.of(Mode.SEQ, Mode.JVM, Mode.GIL_PY2));
        assertThrows(OperationCanceledException.class, () -> new GilBench(null).run(o, later, r -> rows.add(r.label())));
        assertEquals(List.of("repeat 1/2: seq", "repeat 1/2: jvm", "repeat 1/2: gil-py2"), tasks,
                "the modes take turns; the run stops at the next look at the monitor");
        assertTrue(rows.isEmpty(), "no rows from a cancelled run");
    }

    @Test
    void invalidOptionsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GilOptions.defaults().withThreads(0).validate());
        assertTrue(e.getMessage().startsWith("threads:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GilOptions.defaults().withWorkload(Workload.MIXED).withThreads(1).validate());
        assertTrue(e.getMessage().contains("mixed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GilOptions.defaults().withModes(List.of(Mode.SEQ, Mode.SEQ)).validate());
        assertTrue(e.getMessage().startsWith("modes:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GilOptions.defaults().withCheckInterval(0).validate());
        assertTrue(e.getMessage().startsWith("checkInterval:"), e.getMessage());
    }
}
