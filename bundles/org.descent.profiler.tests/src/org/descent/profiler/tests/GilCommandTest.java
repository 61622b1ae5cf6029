package org.descent.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.Test;

/** {@code descent gil} as the command line runs it: options checked and named, the table, the JSON. */
class GilCommandTest {

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) throws Exception {
        ContributionRegistry registry = Registry.get();
        Contribution gil = registry.find("org.descent.headless.commands", "gil").orElseThrow();
        Command command = registry.createExecutable(gil, Command.class);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].substring(2);
            if (name.equals("json")) {
                options.put(name, "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = command.run(new CommandContext("gil", options, List.of(), o, e, registry));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void usage(String option, String expected, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> run(args), String.join(" ", args));
        assertTrue(e.getMessage().contains("'--" + option + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        usage("threads", "whole number", "--threads", "two");
        usage("threads", "from 1", "--threads", "0");
        usage("workload", "cpu, io, mixed or train", "--workload", "gpu");
        usage("modes", "'turbo' is not a mode", "--modes", "seq,turbo");
        usage("modes", "given twice", "--modes", "seq,jvm,seq");
        usage("repeat", "whole number", "--repeat", "1.5");
        usage("switch-interval", "a number from", "--switch-interval", "-1");
        usage("io-seconds", "a number from", "--io-seconds", "abc");
        usage("check-interval", "whole number", "--check-interval", "0");
        usage("threads", "at least 2", "--workload", "mixed", "--threads", "1");
    }

    @Test
    void jsonHasOneObjectPerModeAndSkippedModesSayWhy() throws Exception {
        Result r = run("--workload", "cpu", "--threads", "2", "--modes", "seq,gil-py2,gil-py3,cpython", "--count",
                "20000", "--repeat", "2", "--python", "/nonexistent/python3", "--json");
        assertEquals(Command.OK, r.code(), r.err());
        List<?> rows = assertInstanceOf(List.class, Fixture.parse(r.out()).root());
        assertEquals(4, rows.size());
        Map<?, ?> seq = (Map<?, ?>) rows.get(0);
        assertEquals("seq", seq.get("mode"));
        assertEquals("done", seq.get("status"));
        assertEquals("cpu", seq.get("workload"));
        assertEquals(2.0, ((Number) seq.get("threads")).doubleValue());
        assertEquals(1.0, ((Number) seq.get("speedup")).doubleValue(), 1e-12);
        assertEquals(2, ((List<?>) seq.get("wall_s")).size(), "one wall time per repeat");
        for (String key : List.of("wall_min_s", "wall_median_s", "cpu_s", "cpu_per_thread_s", "acquisitions",
                "switches", "forced_switches", "drop_requests", "failed_wakeups", "gil_wait_s", "periodic_releases",
                "timeline_events", "timeline_overhead_s", "explanation")) {
            assertNotNull(seq.get(key), key);
        }
        Map<?, ?> py2 = (Map<?, ?>) rows.get(1);
        assertEquals("gil-py2", py2.get("mode"));
        // 2 x 20000 ticks, a release every 100
        assertEquals(400.0, ((Number) py2.get("periodic_releases")).doubleValue());
        Map<?, ?> py = (Map<?, ?>) rows.get(3);
        assertEquals("cpython", py.get("mode"));
        assertEquals("skipped", py.get("status"));
        assertTrue(((String) py.get("reason")).contains("/nonexistent/python3"), py.toString());
    }

    @Test
    void textShowsTheTableTheReasonsAndWhy() throws Exception {
        Result r = run("--workload", "io", "--threads", "3", "--modes", "seq,virtual,gil-py3,cpython", "--io-seconds",
                "0.01", "--repeat", "1", "--python", "/nonexistent/python3");
        assertEquals(Command.OK, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].startsWith("descent gil: blocking wait"), lines[0]);
        assertTrue(lines[1].startsWith("MODE") && lines[1].contains("SPEEDUP") && lines[1].contains("FAILWAKE"),
                lines[1]);
        assertTrue(lines[2].startsWith("seq ") && lines[2].contains("1.00x"), lines[2]);
        assertTrue(lines[3].startsWith("virtual "), lines[3]);
        assertTrue(lines[4].startsWith("gil-py3 "), lines[4]);
        assertTrue(lines[5].startsWith("cpython ") && lines[5].contains("skipped: no executable python at"),
                lines[5]);
        assertTrue(r.out().contains("Why:"), r.out());
        assertTrue(r.out().contains("Timeline recorder:"), r.out());
    }
}
