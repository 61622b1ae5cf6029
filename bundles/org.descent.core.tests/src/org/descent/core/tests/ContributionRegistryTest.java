package org.descent.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.descent.core.ExtensionPoints;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The registry as an OSGi service, reading this bundle's test contributions. */
class ContributionRegistryTest {

    private static final String BUNDLE = "org.descent.core.tests";

    private static ServiceTracker<ContributionRegistry, ContributionRegistry> tracker;
    private static ContributionRegistry registry;

    @BeforeAll
    static void service() throws InterruptedException {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(ContributionRegistryTest.class).getBundleContext(),
                ContributionRegistry.class, null);
        tracker.open();
        registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(registry, "the ContributionRegistry service is not registered (is SCR running?)");
    }

    @AfterAll
    static void close() {
        tracker.close();
    }

    @Test
    void listsDescentExtensionPoints() {
        List<String> points = registry.extensionPoints();
        assertTrue(points.containsAll(List.of("org.descent.core.analyses", "org.descent.core.datasets",
                "org.descent.core.losses", "org.descent.core.models", "org.descent.core.optimizers",
                "org.descent.core.probes", "org.descent.core.schedules")), points.toString());
        assertTrue(points.containsAll(ExtensionPoints.ALL), "every constant names a declared point: " + points);
        assertTrue(points.stream().allMatch(p -> p.startsWith("org.descent.")), points.toString());
        assertEquals("org.descent.core.datasets", ExtensionPoints.of("datasets"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExtensionPoints.of("dataset"));
        assertEquals("no extension point 'dataset'; points: optimizers, losses, models, datasets, analyses, probes,"
                + " schedules", e.getMessage());
    }

    @Test
    void readsAValidContributionWithItsDeclarations() {
        Contribution sgd = registry.find(ExtensionPoints.OPTIMIZERS, "test-sgd").orElseThrow();
        assertEquals("optimizer", sgd.kind());
        assertEquals("Test SGD", sgd.name());
        assertEquals(BUNDLE, sgd.bundle());
        assertEquals("Plain gradient descent, used by the registry tests.", sgd.description());
        assertEquals(List.of("lr", "momentum", "nesterov", "clip", "steps"),
                sgd.hyperparameters().stream().map(h -> h.name()).toList());
        assertEquals(0.01, sgd.hyperparameter("lr").orElseThrow().defaultValue());
        Contribution probe = registry.find(ExtensionPoints.PROBES, "test-probe").orElseThrow();
        assertEquals("cheap", probe.attributes().get("cost"));
        assertEquals("10", probe.attributes().get("interval"));
    }

    @Test
    void brokenContributionsAreLeftOutAndReportedWithTheirBundle() {
        List<String> ids = registry.contributions(ExtensionPoints.OPTIMIZERS).stream()
                .filter(c -> c.bundle().equals(BUNDLE)).map(Contribution::id).toList();
        assertEquals(List.of("test-sgd"), ids);
        List<ContributionProblem> problems = registry.problems().stream()
                .filter(p -> p.bundle().equals(BUNDLE)).toList();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.extensionPoint().equals(ExtensionPoints.OPTIMIZERS)));
        assertProblem(problems, "optimizer 'test-sgd' is also contributed by bundle org.descent.core.tests");
        // each layer names what it adds once: the contribution, then the hyperparameter, then the value
        assertProblem(problems,
                "optimizer 'bad-range': hyperparameter 'lr': the default '-1' is not valid, expected a value in (0,inf)");
        assertProblem(problems, "optimizer 'bad-type': hyperparameter 'lr': type 'float' is not one of");
        assertProblem(problems, "optimizer 'no-name' without a 'name' attribute");
        assertProblem(problems, "optimizer 'missing-class': class org.descent.core.tests.DoesNotExist is not found in"
                + " bundle org.descent.core.tests");
        assertEquals("no-name", registry.problem(ExtensionPoints.OPTIMIZERS, "no-name").orElseThrow().id());
        assertEquals("optimizer", registry.problem(ExtensionPoints.OPTIMIZERS, "missing-class").orElseThrow().kind());
        assertTrue(registry.problem(ExtensionPoints.OPTIMIZERS, "test-sgd").isPresent(),
                "the duplicate is a problem of the id too");
        assertTrue(registry.problem(ExtensionPoints.PROBES, "test-probe").isEmpty());
    }

    private static void assertProblem(List<ContributionProblem> problems, String start) {
        assertTrue(problems.stream().anyMatch(p -> p.message().startsWith(start)),
                "no problem starting with \"" + start + "\" in " + problems);
    }

    @Test
    void createsTheImplementationLazilyWithTypeCheck() throws CoreException {
        Contribution sgd = registry.find(ExtensionPoints.OPTIMIZERS, "test-sgd").orElseThrow();
        assertInstanceOf(TestOptimizer.class, registry.createExecutable(sgd, Runnable.class));
        CoreException wrongType = assertThrows(CoreException.class,
                () -> registry.createExecutable(sgd, CharSequence.class));
        assertTrue(wrongType.getMessage().contains("does not implement java.lang.CharSequence"),
                wrongType.getMessage());
    }

    @Test
    void contributionsAreSortedAndStable() {
        List<Contribution> all = registry.contributions();
        assertFalse(all.isEmpty());
        assertEquals(all, registry.contributions());
        for (int i = 1; i < all.size(); i++) {
            Contribution a = all.get(i - 1);
            Contribution b = all.get(i);
            int c = a.extensionPoint().compareTo(b.extensionPoint());
            assertTrue(c < 0 || c == 0 && (a.kind() + "/" + a.id()).compareTo(b.kind() + "/" + b.id()) < 0,
                    a.id() + " before " + b.id());
        }
    }

    /** A bundle jar whose Require-Bundle cannot be satisfied. */
    private static byte[] unresolvableBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.example.unresolvable;singleton:=true");
        a.putValue("Bundle-Version", "1.2.3");
        a.putValue("Require-Bundle", "org.example.does.not.exist");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.flush();
        }
        return bytes.toByteArray();
    }

    @Test
    void aBundleThatCannotBeResolvedIsReportedWithTheMissingRequirement() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ContributionRegistryTest.class).getBundleContext();
        Bundle bundle = context.installBundle("descent-test:unresolvable", new ByteArrayInputStream(unresolvableBundle()));
        try {
            List<ContributionProblem> problems = registry.problems().stream()
                    .filter(p -> p.bundle().equals("org.example.unresolvable")).toList();
            assertEquals(1, problems.size(), registry.problems().stream().map(ContributionProblem::bundle).toList().toString());
            ContributionProblem p = problems.get(0);
            assertEquals("", p.extensionPoint());
            assertTrue(p.message().startsWith("bundle org.example.unresolvable 1.2.3 (descent-test:unresolvable) is installed "
                    + "but cannot be resolved, so it contributes nothing: "), p.message());
            assertTrue(p.message().contains("org.example.does.not.exist"), p.message());
            assertEquals(Bundle.INSTALLED, bundle.getState());
        } finally {
            bundle.uninstall();
        }
        assertTrue(registry.problems().stream().noneMatch(p -> p.bundle().equals("org.example.unresolvable")),
                "the problem stays after the bundle is gone");
    }
}
