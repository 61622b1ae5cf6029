package org.descent.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.descent.core.ContributionRegistry;
import org.descent.headless.internal.CommandLine;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The headless command line as a user meets it: output, messages and exit codes. */
class CommandLineTest {

    private static ServiceTracker<ContributionRegistry, ContributionRegistry> tracker;
    private static ContributionRegistry registry;

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
    }

    /** Every command in this test runtime, sorted. */
    static final List<String> COMMANDS = List.of("analyze", "devices", "gil", "help", "install", "installed", "layers", "new-plugin", "plugins", "resume", "run", "runs", "show", "spark-setup", "sweep", "sweep-trial", "sweeps", "test-echo", "train", "tune", "uninstall",
            "version", "words");

    @BeforeAll
    static void service() throws InterruptedException {
        if (registry != null) {
            return;
        }
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(CommandLineTest.class).getBundleContext(),
                ContributionRegistry.class, null);
        tracker.open();
        registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(registry, "the ContributionRegistry service is not registered (is SCR running?)");
    }

    @AfterAll
    static void close() {
        tracker.close();
    }

    static Result run(String... args) {
        return run(registry, args);
    }

    /** Runs a command line in this JVM against the given contributions. */
    static Result run(ContributionRegistry contributions, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new CommandLine(contributions, o, e).execute(List.of(args));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void version() {
        Result r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Descent 0.1.0"), r.out());
        assertTrue(r.out().contains("Java "), r.out());
        assertEquals(r.out(), run("version").out());
        Map<?, ?> json = assertInstanceOf(Map.class, Fixture.parse(run("version", "--json").out()).root());
        assertEquals("Descent", json.get("name"));
        assertTrue(((String) json.get("version")).startsWith("0.1.0."), json.toString());
    }

    @Test
    void helpListsEveryCommandWithItsFirstSentence() {
        Result r = run("--help");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        for (String line : List.of("  help ", "  plugins ", "  version ", "  test-echo ")) {
            assertTrue(r.out().contains(line), "missing '" + line + "' in\n" + r.out());
        }
        assertTrue(r.out().contains("Echoes its arguments."), r.out());
        assertEquals(r.out(), run("help").out());
        assertEquals(r.out(), run("-h").out());
    }

    @Test
    void helpForOneCommandShowsItsDeclaredOptions() {
        Result r = run("help", "plugins");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: descent plugins [--json] [--kind KIND]"), r.out());
        assertTrue(r.out().contains("--kind KIND  Only list contributions of this kind"), r.out());
        assertEquals(r.out(), run("plugins", "--help").out());
        Result unknown = run("help", "plugin");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no command 'plugin'"), unknown.err());
    }

    @Test
    void pluginsJsonIsAnArrayOfEveryContribution() {
        Result r = run("plugins", "--json", "--kind", "command");
        assertEquals(0, r.code(), r.err());
        List<?> list = assertInstanceOf(List.class, Fixture.parse(r.out()).root());
        Map<String, Map<?, ?>> byId = list.stream().map(o -> (Map<?, ?>) o)
                .collect(Collectors.toMap(m -> (String) m.get("id"), m -> m));
        assertEquals(COMMANDS, byId.keySet().stream().sorted().toList());
        assertEquals(registry.contributions().size(),
                assertInstanceOf(List.class, Fixture.parse(run("plugins", "--json").out()).root()).size());
        Map<?, ?> plugins = byId.get("plugins");
        assertEquals("command", plugins.get("kind"));
        assertEquals("Plugins", plugins.get("name"));
        assertEquals("org.descent.headless", plugins.get("bundle"));
        assertEquals("org.descent.headless.commands", plugins.get("extensionPoint"));
        assertEquals("org.descent.headless.internal.PluginsCommand", plugins.get("class"));
        assertEquals("org.descent.headless.tests", byId.get("test-echo").get("bundle"));
    }

    @Test
    void pluginsTableAndKindFilter() {
        Result r = run("plugins");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("KIND +ID +NAME +BUNDLE"), lines[0]);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("command +plugins +Plugins +org\\.descent\\.headless")), r.out());
        assertTrue(r.out().endsWith(registry.contributions().size() + " contributions.\n"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("optimizer +adam +Adam +org\\.descent\\.optimizers")), r.out());
        Result kind = run("plugins", "--kind", "widget");
        assertEquals(2, kind.code());
        assertTrue(kind.err().contains("option '--kind': no contribution of kind 'widget'; kinds present: analysis, command,"
                + " dataset, loss, model, optimizer, probe, regularizer, schedule"), kind.err());
        assertEquals(COMMANDS.size(),
                Fixture.parse(run("plugins", "--kind=command", "--json").out()).root() instanceof List<?> l ? l.size() : -1);
    }

    @Test
    void badUsageNamesTheProblemAndExitsWith2() {
        assertUsage(run(), "descent: no command given.");
        assertUsage(run("--frobnicate"), "descent: unknown option '--frobnicate'.");
        assertUsage(run("plugin"), "descent: unknown command 'plugin'. Did you mean 'plugins'?");
        assertUsage(run("frobnicate"), "descent: unknown command 'frobnicate'.\nCommands: "
                + String.join(", ", COMMANDS) + ".");
        assertUsage(run("plugins", "--jsn"), "descent plugins: unknown option '--jsn' (options: --json, --kind)");
        assertUsage(run("plugins", "-j"), "descent plugins: unknown option '-j'");
        assertUsage(run("plugins", "--kind"), "descent plugins: option '--kind' needs a value (KIND)");
        assertUsage(run("plugins", "--json=yes"), "descent plugins: option '--json' takes no value, but got 'yes'");
        assertUsage(run("plugins", "--json", "--json"), "descent plugins: option '--json' is given twice");
        assertUsage(run("version", "extra"), "descent version: takes no arguments, but got 'extra'");
        assertUsage(run("test-echo", "a", "b", "c"),
                "descent test-echo: takes at most 2 argument(s); 'c' is one too many");
        Result r = run("plugins", "--jsn");
        assertTrue(r.err().contains("Usage: descent plugins [--json] [--kind KIND]"), r.err());
        assertEquals("", r.out());
    }

    private static void assertUsage(Result r, String start) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith(start), "expected to start with:\n" + start + "\nbut was:\n" + r.err());
    }

    @Test
    void optionsReachTheCommand() {
        Result r = run("test-echo", "--times", "2", "--upper", "hello", "world");
        assertEquals(0, r.code(), r.err());
        assertEquals("HELLO WORLD\nHELLO WORLD\n", r.out());
        assertEquals("-x\n", run("test-echo", "--", "-x").out());
        assertEquals("a\na\n", run("test-echo", "--times=2", "a").out());
        assertEquals("-5 -0.25\n", run("test-echo", "-5", "-0.25").out());
        assertEquals("--help -h\n", run("test-echo", "--", "--help", "-h").out());
        assertTrue(run("test-echo", "a", "--help").out().startsWith("Usage: descent test-echo"));
        assertUsage(run("test-echo", "-x"), "descent test-echo: unknown option '-x' (options: --upper, --times, --fail); "
                + "to pass an argument that starts with '-', put it after --");
    }

    @Test
    void commandFailuresBecomeMessagesAndExitCodes() {
        Result usage = run("test-echo", "--fail", "usage");
        assertUsage(usage, "descent test-echo: option '--fail': asked to fail");
        Result error = run("test-echo", "--fail", "error");
        assertEquals(1, error.code());
        assertEquals("descent test-echo: error: the data file is broken\n", error.err());
        assertUsage(run("test-echo", "--times", "two"), "descent test-echo: option '--times': 'two' is not a whole number");
    }
}
