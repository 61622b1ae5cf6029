package org.descent.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.descent.core.ExtensionPoints;
import org.descent.core.Optimizer;
import org.descent.core.PluginFault;
import org.descent.testing.BrokenBundle;
import org.descent.testing.Contributions;
import org.descent.testing.broken.ThrowingConstructor;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;

/**
 * Contributions whose class is broken, from a third-party bundle installed for the test: the
 * registry checks each class when it reads it and leaves the broken ones out with the reason; a
 * constructor that throws is reported with its own message.
 */
class BrokenContributionsTest {

    private final ContributionRegistry registry = Contributions.registry();

    @Test
    void classesAreCheckedWhenReadAndBrokenOnesAreLeftOutWithTheReason() throws Exception {
        try (BrokenBundle broken = BrokenBundle.install()) {
            List<String> listed = registry.contributions().stream().filter(c -> c.bundle().equals(BrokenBundle.NAME))
                    .map(Contribution::id).toList();
            // loadable and of the right type: listed (they fail only when used)
            assertEquals(List.of(BrokenBundle.ANALYSIS, BrokenBundle.LOSS, BrokenBundle.CONFIGURE, BrokenBundle.CONSTRUCTOR,
                    BrokenBundle.NO_CONSTRUCTOR, BrokenBundle.STEP),
                    listed);
            assertReason(BrokenBundle.MISSING, "optimizer 'broken-missing': class " + BrokenBundle.MISSING_CLASS
                    + " is not found in bundle org.example.broken (is it spelled right, compiled, and in the bundle's jar?)");
            assertReason(BrokenBundle.WRONG_TYPE, "optimizer 'broken-type': class org.descent.testing.broken.NotAnOptimizer"
                    + " is not an implementation of org.descent.core.Optimizer");
            // the constructor is looked for when the class is created, not when it is read (no linking)
            Contribution noConstructor = registry.find(ExtensionPoints.OPTIMIZERS, BrokenBundle.NO_CONSTRUCTOR).orElseThrow();
            CoreException e = assertThrows(CoreException.class, () -> registry.createExecutable(noConstructor, Optimizer.class));
            assertTrue(e.getStatus().getMessage().startsWith("cannot create optimizer 'broken-no-constructor' (org.example.broken)"
                    + " from class org.descent.testing.broken.WithoutDefaultConstructor: NoSuchMethodException"),
                    e.getStatus().getMessage());
        }
        assertTrue(registry.problems().stream().noneMatch(p -> p.bundle().equals(BrokenBundle.NAME)),
                "the problems go with the bundle: " + registry.problems());
        assertTrue(registry.find(ExtensionPoints.OPTIMIZERS, BrokenBundle.STEP).isEmpty());
    }

    private void assertReason(String id, String message) {
        assertTrue(registry.find(ExtensionPoints.OPTIMIZERS, id).isEmpty(), id + " is offered");
        ContributionProblem p = registry.problem(ExtensionPoints.OPTIMIZERS, id).orElseThrow();
        assertEquals(BrokenBundle.NAME, p.bundle());
        assertEquals("optimizer", p.kind());
        assertEquals(message, p.message());
        assertEquals("org.example.broken: org.descent.core.optimizers: " + message, p.toString());
    }

    @Test
    void aThrowingConstructorIsReportedWithItsOwnMessageAndTheChainIsLogged() throws Exception {
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        try (BrokenBundle broken = BrokenBundle.install()) {
            Contribution c = registry.find(ExtensionPoints.OPTIMIZERS, BrokenBundle.CONSTRUCTOR).orElseThrow();
            CoreException e = assertThrows(CoreException.class, () -> registry.createExecutable(c, Optimizer.class));
            assertEquals("cannot create optimizer 'broken-constructor' (org.example.broken) from class"
                    + " org.descent.testing.broken.ThrowingConstructor: IllegalStateException: " + ThrowingConstructor.MESSAGE,
                    e.getStatus().getMessage());
            IStatus log = logged.stream().filter(s -> s.getMessage().equals(e.getStatus().getMessage())).findFirst()
                    .orElseThrow(() -> new AssertionError("not logged: " + logged));
            assertEquals(IStatus.ERROR, log.getSeverity());
            Throwable root = log.getException();
            while (root != null && !(root instanceof IllegalStateException)) {
                root = root instanceof CoreException x && x.getStatus().getException() != null ? x.getStatus().getException()
                        : root.getCause();
            }
            assertInstanceOf(IllegalStateException.class, root, "the log holds the constructor's exception");
            assertEquals(ThrowingConstructor.MESSAGE, root.getMessage());
        } finally {
            Platform.removeLogListener(listener);
        }
    }

    @Test
    void aFaultNamesThePluginAndItsOwnWordsPastTheWrappers() {
        IllegalStateException own = new IllegalStateException("buffer negative", new ArithmeticException("/ by zero"));
        assertEquals("IllegalStateException: buffer negative (caused by ArithmeticException: / by zero)",
                PluginFault.describe(new java.lang.reflect.InvocationTargetException(own)));
        assertEquals("NullPointerException", PluginFault.describe(new NullPointerException()));
    }
}
