package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.experiment.RunFolder;
import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.testing.BrokenBundle;
import org.descent.testing.Fixture;
import org.descent.testing.broken.ThrowingAnalysis;
import org.descent.testing.broken.ThrowingStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commands with a third party's broken plugin installed (for these tests only): {@code plugins}
 * lists the broken contributions with the reason, {@code train} says why an id was left out, and a
 * plugin that throws while training fails that run, named.
 */
class PluginFaultsCommandTest extends InRunStore {

    private static BrokenBundle broken;

    private static final String WRONG_TYPE_REASON = "class org.descent.testing.broken.NotAnOptimizer is not an"
            + " implementation of org.descent.core.Optimizer";

    @BeforeAll
    static void install() throws Exception {
        broken = BrokenBundle.install();
    }

    @AfterAll
    static void uninstall() throws Exception {
        broken.close();
    }

    @Test
    void pluginsListsBrokenContributionsWithTheReason() {
        Result r = run("plugins", "--kind", "optimizer");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("optimizer +broken-type +\\(broken, left out\\) +org\\.example\\.broken")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("optimizer +broken-step +Throwing step +org\\.example\\.broken")),
                "usable until it throws: " + r.out());
        assertTrue(r.out().contains("left out because they are broken:\n"), r.out());
        assertTrue(r.out().contains("\n  optimizer 'broken-type' (org.example.broken): " + WRONG_TYPE_REASON + "\n"), r.out());
        assertTrue(r.out().contains("\n  optimizer 'broken-missing' (org.example.broken): class "
                + BrokenBundle.MISSING_CLASS + " is not found in bundle org.example.broken"), r.out());

        Result json = run("plugins", "--json", "--kind", "optimizer");
        assertEquals(0, json.code(), json.err());
        List<?> all = assertInstanceOf(List.class, Fixture.parse(json.out()).root());
        Map<?, ?> wrong = all.stream().map(o -> (Map<?, ?>) o).filter(m -> BrokenBundle.WRONG_TYPE.equals(m.get("id")))
                .findFirst().orElseThrow();
        assertEquals("broken", wrong.get("status"));
        assertEquals("optimizer", wrong.get("kind"));
        assertEquals("org.example.broken", wrong.get("bundle"));
        assertEquals(WRONG_TYPE_REASON, wrong.get("problem"));
        Map<?, ?> adam = all.stream().map(o -> (Map<?, ?>) o).filter(m -> "adam".equals(m.get("id"))).findFirst()
                .orElseThrow();
        assertEquals("ok", adam.get("status"));
    }

    @Test
    void trainSaysWhyAnIdItKnowsWasLeftOut() {
        Result r = run("train", "--dataset", "regression", "--model", "linear", "--loss", "mse", "--optimizer",
                BrokenBundle.WRONG_TYPE, "--steps", "5");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("descent train: optimizer 'broken-type': installed by bundle org.example.broken but"
                + " left out: " + WRONG_TYPE_REASON + "\n"), r.err());
    }

    @Test
    void aPluginThatThrowsWhileTrainingFailsTheRunNamingIt() throws Exception {
        Path out = dir.resolve("step-run");
        Result r = run("train", "--dataset", "regression", "--model", "linear", "--loss", "mse", "--optimizer",
                BrokenBundle.STEP, "--steps", "5", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("status      failed (failed at step " + ThrowingStep.FAILING_STEP
                + ": optimizer 'broken-step' (org.example.broken) failed in step: IllegalStateException: "
                + ThrowingStep.MESSAGE + ")"), r.out());
        assertTrue(Files.isRegularFile(out.resolve(RunFolder.RUN_FILE)), "the failed run is kept");
        // the process goes on: the next command works
        Result next = run("train", "--dataset", "regression", "--model", "linear", "--loss", "mse", "--optimizer", "gd",
                "--steps", "5", "--out", dir.resolve("next").toString());
        assertEquals(0, next.code(), next.err());
    }

    @Test
    void anAnalysisThatThrowsIsNamedAndNothingIsSaved() {
        Path out = dir.resolve("analysis");
        Result r = run("analyze", BrokenBundle.ANALYSIS, "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("descent analyze broken-analysis: analysis 'broken-analysis' (org.example.broken) failed"
                + " in analyze: ArithmeticException: " + ThrowingAnalysis.MESSAGE + "; nothing was saved\n"), r.err());
        assertFalse(Files.exists(out), "nothing saved");
    }

    @Test
    void aRefusedTrainLeavesNoFolder() {
        Path out = dir.resolve("refused");
        Result r = run("train", "--dataset", "digits", "--model", "gaussian", "--loss", "cross-entropy", "--optimizer",
                "gd", "--steps", "5", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("model 'gaussian' outputs the parameters of a Gaussian"), r.err());
        assertFalse(Files.exists(out), "a refused train leaves no folder");
        Result standard = run("train", "--dataset", "digits", "--model", "gaussian", "--loss", "cross-entropy",
                "--optimizer", "gd", "--steps", "5");
        assertEquals(2, standard.code(), standard.err());
        assertFalse(Files.exists(dir.resolve("runs")) && dir.resolve("runs").toFile().list().length > 0,
                "nothing in the run store");
    }

    @Test
    void trainHelpShowsRangesDocsAndWhatWasLeftOut() {
        Result r = run("train", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n  broken-step: Throwing step\n      lr (double in (0,inf), default 0.01): Learning rate.\n"),
                r.out());
        assertTrue(r.out().contains("\n  broken-type: left out, " + WRONG_TYPE_REASON.substring(0, 40)), r.out());
    }
}
