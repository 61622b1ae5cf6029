package org.example.descent.hello.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.example.descent.hello.Hello;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The example command, through Descent's registry as Descent itself finds it. */
class HelloTest {

    private static ContributionRegistry registry() throws InterruptedException {
        ServiceTracker<ContributionRegistry, ContributionRegistry> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(HelloTest.class).getBundleContext(), ContributionRegistry.class, null);
        tracker.open();
        ContributionRegistry registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(registry, "Descent's ContributionRegistry service is not running");
        return registry;
    }

    private static String run(ContributionRegistry registry, Map<String, String> options, List<String> args)
            throws Exception {
        Contribution hello = registry.find("org.descent.headless.commands", "hello").orElseThrow();
        Command command = registry.createExecutable(hello, Command.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            assertEquals(Command.OK, command.run(new CommandContext("hello", options, args, o, System.err, registry)));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void isContributedWithItsBundle() throws InterruptedException {
        Contribution hello = registry().find("org.descent.headless.commands", "hello").orElseThrow();
        assertEquals("org.example.descent.hello", hello.bundle());
        assertEquals(Hello.class.getName(), hello.className());
    }

    @Test
    void greets() throws Exception {
        ContributionRegistry registry = registry();
        assertEquals("Hello, world!\n", run(registry, Map.of(), List.of()));
        assertEquals("HELLO, ADA!\n", run(registry, Map.of("shout", "true"), List.of("Ada")));
    }
}
