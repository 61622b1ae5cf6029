package org.descent.experiment.tests;

import static org.descent.experiment.tests.Experiments.experiment;
import static org.descent.experiment.tests.Experiments.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.internal.Blame;
import org.descent.experiment.model.Experiment;
import org.descent.testing.BrokenBundle;
import org.descent.testing.Contributions;
import org.descent.testing.broken.ThrowingConfigure;
import org.descent.testing.broken.ThrowingConstructor;
import org.descent.testing.broken.ThrowingLoss;
import org.descent.testing.broken.ThrowingStep;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's plugin that fails (installed for these tests only): every failure names the
 * plugin (id and bundle) and the plugin's own words, a failure while training ends that run as
 * failed, and the engine goes on with the next run.
 */
class PluginFaultsTest {

    private static BrokenBundle broken;

    @TempDir
    Path dir;

    @BeforeAll
    static void install() throws Exception {
        broken = BrokenBundle.install();
    }

    @AfterAll
    static void uninstall() throws Exception {
        broken.close();
    }

    private static Experiment regression(String loss, String optimizer) {
        return experiment("regression", "linear", loss, optimizer, 10);
    }

    @Test
    void anOptimizerWhoseStepThrowsEndsTheRunAsFailedNamingIt() throws Exception {
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        TrainingResult r;
        try {
            r = train(regression("mse", BrokenBundle.STEP), dir.resolve("run"), new NullProgressMonitor());
        } finally {
            Platform.removeLogListener(listener);
        }
        assertEquals(RunStatus.FAILED, r.status());
        String expected = "failed at step " + ThrowingStep.FAILING_STEP + ": optimizer 'broken-step' (org.example.broken)"
                + " failed in step: IllegalStateException: " + ThrowingStep.MESSAGE;
        assertEquals(expected, r.message());
        RunFolder folder = new RunFolder(dir.resolve("run"));
        assertEquals(RunStatus.FAILED, RunFolder.effectiveStatus(folder.readRun()));
        assertEquals(expected, folder.readRun().getMessage());
        assertTrue(logged.stream().anyMatch(s -> s.getSeverity() == IStatus.ERROR && s.getMessage().endsWith(expected)
                && s.getException() instanceof IllegalStateException x && ThrowingStep.MESSAGE.equals(x.getMessage())),
                "the plugin's exception is logged: " + logged);
        // the engine is not hurt: the next run trains
        TrainingResult next = train(regression("mse", "gd:lr=0.05"), dir.resolve("next"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, next.status(), next.message());
    }

    @Test
    void aLossWhoseEvaluateThrowsIsNamedAndNotTheModelThatCalledIt() throws Exception {
        TrainingResult r = train(regression(BrokenBundle.LOSS, "gd"), dir.resolve("run"), new NullProgressMonitor());
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("failed at step 0: loss 'broken-loss' (org.example.broken) failed in the forward and backward pass:"
                + " IllegalStateException: " + ThrowingLoss.MESSAGE, r.message());
    }

    @Test
    void aConfigureThatThrowsIsReportedWithItsOwnMessageAndCause() {
        ExperimentException x = assertThrows(ExperimentException.class, () -> ResolvedExperiment
                .resolve(regression("mse", BrokenBundle.CONFIGURE), Contributions.registry(), null));
        assertEquals(List.of("optimizer 'broken-configure' (org.example.broken) failed in configure:"
                + " UnsupportedOperationException: " + ThrowingConfigure.MESSAGE
                + " (caused by UnsatisfiedLinkError: no broken-kernel in java.library.path)"), x.problems());
    }

    @Test
    void aConstructorThatThrowsIsReportedWithItsOwnMessageOnce() {
        ExperimentException x = assertThrows(ExperimentException.class, () -> ResolvedExperiment
                .resolve(regression("mse", BrokenBundle.CONSTRUCTOR), Contributions.registry(), null));
        assertEquals(List.of("cannot create optimizer 'broken-constructor' (org.example.broken) from class"
                + " org.descent.testing.broken.ThrowingConstructor: IllegalStateException: " + ThrowingConstructor.MESSAGE),
                x.problems());
    }

    @Test
    void anIdThatWasLeftOutIsExplainedNotCalledUnknown() {
        ExperimentException x = assertThrows(ExperimentException.class, () -> ResolvedExperiment
                .resolve(regression("mse", BrokenBundle.WRONG_TYPE), Contributions.registry(), null));
        assertEquals(List.of("optimizer 'broken-type': installed by bundle org.example.broken but left out: class"
                + " org.descent.testing.broken.NotAnOptimizer is not an implementation of org.descent.core.Optimizer"),
                x.problems());
        x = assertThrows(ExperimentException.class, () -> ResolvedExperiment
                .resolve(regression("mse", "no-such-optimizer"), Contributions.registry(), null));
        assertTrue(x.getMessage().startsWith("optimizer 'no-such-optimizer': no optimizer with this id is installed"),
                x.getMessage());
    }

    @Test
    void anExceptionWithoutAPluginFrameIsNotBlamedOnAPlugin() throws Exception {
        ResolvedExperiment plan = ResolvedExperiment.resolve(regression("mse", "gd"), Contributions.registry(), null);
        IllegalStateException engine = new IllegalStateException("batch index out of range");
        assertEquals("Descent's engine failed: IllegalStateException: batch index out of range",
                Blame.message(engine, "step", plan.optimizer(), plan.parts()));
        // thrown inside a part's class: that part, whoever was being called
        IllegalStateException fromLoss = new IllegalStateException("nan");
        fromLoss.setStackTrace(new StackTraceElement[] {
                new StackTraceElement(plan.loss().implementation().getClass().getName(), "evaluate", null, 1),
                new StackTraceElement(plan.model().implementation().getClass().getName(), "lossAndGradient", null, 2) });
        assertEquals("loss 'mse' (org.descent.losses) failed in the forward and backward pass: IllegalStateException: nan",
                Blame.message(fromLoss, "the forward and backward pass", plan.model(), plan.parts()));
    }

    @Test
    void aRefusedRunMakesNoFolder() throws Exception {
        ResolvedExperiment plan = ResolvedExperiment.resolve(experiment("digits", "gaussian", "cross-entropy", "gd", 10),
                Contributions.registry(), null);
        Path run = dir.resolve("refused");
        assertThrows(ExperimentException.class,
                () -> new Trainer().train(plan, () -> RunFolder.create(run), new NullProgressMonitor()));
        assertFalse(Files.exists(run), "a refused run leaves no folder");
    }
}
