package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.Test;

/** train, run, resume, runs and show through the command-line parser, as a user types them. */
class TrainCommandTest extends InRunStore {

    @Test
    void gaussianMleAsJson() throws Exception {
        Result r = run("train", "--dataset", "bimodal", "--model", "gaussian:mu=1,sigma=1", "--loss", "gaussian-nll",
                "--optimizer", "gd:lr=0.05", "--steps", "3000", "--grad-tol", "1e-9", "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = assertInstanceOf(Map.class, Fixture.parse(r.out()).root());
        assertEquals("done", json.get("status"));
        Map<?, ?> params = assertInstanceOf(Map.class, json.get("parameters"));
        double mean = java.util.Arrays.stream(org.descent.testing.Contributions.create("datasets", "bimodal", Map.of(),
                org.descent.core.Dataset.class).load(new org.eclipse.core.runtime.NullProgressMonitor()).inputs()).average()
                .orElseThrow();
        assertEquals(mean, ((Number) params.get("mu")).doubleValue(), 1e-6, "the sample mean of the bimodal data");
        assertTrue(((Number) json.get("steps")).intValue() < 3000, "stopped by the gradient tolerance");
        assertTrue(Files.isRegularFile(Path.of((String) json.get("run")).resolve("metrics.csv")));
    }

    @Test
    void badInputExitsWith2AndNamesIt() {
        Result missing = run("train", "--dataset", "bimodal", "--loss", "mse", "--optimizer", "gd");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("option '--model' is required"), missing.err());
        Result spec = run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll", "--optimizer",
                "adam:lr");
        assertEquals(2, spec.code());
        assertTrue(spec.err().contains("option '--optimizer': 'lr' in 'adam:lr' is not name=value"), spec.err());
        Result batch = run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll", "--optimizer",
                "gd", "--batch", "many");
        assertEquals(2, batch.code());
        assertTrue(batch.err().contains("option '--batch': 'many' is not valid, expected a whole number or 'full'"),
                batch.err());
        Result zero = run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll",
                "--optimizer", "gd", "--steps", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("option '--steps': 0 is no budget, expected a whole number >= 1"), zero.err());
        Result negative = run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll",
                "--optimizer", "gd", "--epochs", "-3");
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("option '--epochs': '-3' is not valid, expected a value in [0,2147483647]"),
                negative.err());
        Result validation = run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll",
                "--optimizer", "gd", "--validation", "1");
        assertEquals(2, validation.code());
        assertTrue(validation.err().contains("option '--validation': '1' is not valid, expected a value in [0,1)"),
                validation.err());
        Result precision = run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll",
                "--optimizer", "gd", "--precision", "fp8");
        assertEquals(2, precision.code());
        assertTrue(precision.err().contains("option '--precision': 'fp8' is not valid, expected one of fp64, fp32,"
                + " mixed-fp16, mixed-bf16"), precision.err());
        Result range = run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll", "--optimizer",
                "adam:beta2=1.5");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("optimizer 'adam': hyperparameter 'beta2': '1.5' is not valid, expected a value in [0,1)"),
                range.err());
        Result fit = run("train", "--dataset", "digits", "--model", "gaussian", "--loss", "cross-entropy", "--optimizer", "gd");
        assertEquals(2, fit.code());
        assertTrue(fit.err().contains("use it with --loss gaussian-nll"), fit.err());
    }

    /** The training options come from the experiment model's declaration of the training settings. */
    @Test
    void helpListsTheTrainingSettingsAsDeclaredInTheModel() {
        Result r = run("help", "train");
        assertEquals(0, r.code(), r.err());
        for (String option : List.of("--batch N|full", "--epochs N", "--steps N", "--tol X", "--grad-tol X", "--seed N",
                "--precision PRECISION", "--clip-norm X", "--clip-value X", "--validation X",
                "--checkpoint-every N")) {
            assertTrue(r.out().contains("[" + option + "]"), option + " in the usage line: " + r.out());
        }
        assertTrue(r.out().contains("Minibatch size; 0 (full on the command line) uses the whole data set in every step."
                + " Default full."), r.out());
        assertTrue(r.out().contains("Write a checkpoint every this many steps; 0: only at the end. Default 1000."), r.out());
    }

    @Test
    void batchFullIsTheWholeDataSet() throws Exception {
        Path out = dir.resolve("full");
        Result r = run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll", "--optimizer",
                "gd", "--batch", "full", "--steps", "2", "--seed", "7", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String run = Files.readString(out.resolve("run.descent"));
        assertTrue(run.contains("seed=\"7\"") && !run.contains("batchSize="), run);
    }

    @Test
    void lossScaleIsChosenOnTheCommandLine() throws Exception {
        Path out = dir.resolve("fp16");
        Result r = run("train", "--dataset", "digits", "--model", "mlp:hidden=16", "--loss", "cross-entropy", "--optimizer",
                "adam", "--batch", "64", "--steps", "5", "--precision", "mixed-fp16", "--loss-scale", "1024", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> scales = Files.readAllLines(out.resolve("probes.csv")).stream().filter(l -> l.contains(",loss_scale,"))
                .toList();
        assertEquals(5, scales.size());
        assertTrue(scales.stream().allMatch(l -> l.endsWith(",1024.0")), scales.toString());
        Result fp64 = run("train", "--dataset", "digits", "--model", "mlp", "--loss", "cross-entropy", "--optimizer", "adam",
                "--loss-scale", "1024");
        assertEquals(2, fp64.code());
        assertTrue(fp64.err().contains("option '--loss-scale' is for --precision mixed-fp16 or mixed-bf16, not fp64"),
                fp64.err());
        Result bad = run("train", "--dataset", "digits", "--model", "mlp", "--loss", "cross-entropy", "--optimizer", "adam",
                "--precision", "mixed-bf16", "--loss-scale", "-3");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("option '--loss-scale': '-3' is not valid, expected dynamic, dynamic:INITIAL, none or"
                + " a scale > 0"), bad.err());
    }

    @Test
    void divergenceExitsWith3() {
        Result r = run("train", "--dataset", "bimodal", "--model", "mixture", "--loss", "mixture-nll", "--optimizer",
                "gd:lr=50", "--json");
        assertEquals(3, r.code(), r.err());
        assertEquals("diverged", ((Map<?, ?>) Fixture.parse(r.out()).root()).get("status"));
        assertTrue(r.err().matches("(?s).*diverged at step \\d+.*"), r.err());
    }

    @Test
    void experimentFileRunsAndBadFileIsNamed() throws Exception {
        Path good = dir.resolve("mle.descent");
        Files.writeString(good, """
                <?xml version="1.0" encoding="UTF-8"?>
                <descent:Experiment xmlns:descent="http://descent.org/experiment/1.0" name="MLE" steps="200">
                  <dataset id="bimodal"/>
                  <model id="gaussian">
                    <settings name="mu" value="1"/>
                  </model>
                  <loss id="gaussian-nll"/>
                  <optimizer id="gd">
                    <settings name="lr" value="0.05"/>
                  </optimizer>
                </descent:Experiment>
                """);
        Path out = dir.resolve("out");
        Result r = run("run", good.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(out.toString(), ((Map<?, ?>) Fixture.parse(r.out()).root()).get("run"));
        Path bad = dir.resolve("bad.descent");
        Files.writeString(bad, Files.readString(good).replace("\"gd\"", "\"gdx\""));
        Result b = run("run", bad.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains(bad + ":8: optimizer 'gdx': no optimizer with this id is installed"), b.err());
        Result again = run("run", good.toString(), "--out", out.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("is not empty"), again.err());

        Result show = run("show", out.toString(), "--json");
        assertEquals(0, show.code(), show.err());
        Map<?, ?> s = (Map<?, ?>) Fixture.parse(show.out()).root();
        assertEquals("done", s.get("status"));
        Map<?, ?> provenance = (Map<?, ?>) s.get("provenance");
        assertTrue(provenance.get("resolved").toString().contains("optimizer gd:lr=0.05,weight_decay=0"),
                provenance.toString());
        Result resume = run("resume", out.toString());
        assertEquals(2, resume.code());
        assertTrue(resume.err().contains("the run is done; only cancelled or interrupted runs can be resumed"), resume.err());
    }

    @Test
    void layersOfAModelAndOfARun() throws Exception {
        Result r = run("layers", "--dataset", "digits", "--model", "mlp:hidden=16,batchnorm=after", "--loss",
                "cross-entropy", "--rows", "50", "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = assertInstanceOf(Map.class, Fixture.parse(r.out()).root());
        assertEquals(50.0, ((Number) json.get("rows")).doubleValue());
        List<?> layers = (List<?>) json.get("layers");
        assertEquals(List.of("layer1", "relu1", "bn1", "layer2"), layers.stream().map(l -> ((Map<?, ?>) l).get("layer")).toList());
        // every unit normalized to std 1, except units the ReLU left at zero for the whole batch
        double std = ((Number) ((Map<?, ?>) layers.get(2)).get("std")).doubleValue();
        assertTrue(std > 0.8 && std < 1 + 1e-9, "batch-normalized: " + std);
        Path out = dir.resolve("trained");
        assertEquals(0, run("train", "--dataset", "digits", "--model", "mlp:hidden=16", "--loss", "cross-entropy",
                "--optimizer", "adam:lr=0.01", "--steps", "50", "--out", out.toString()).code());
        Result trained = run("layers", out.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().startsWith("mlp on digits: one training-mode pass on 256 rows at step 50"), trained.out());
        Result both = run("layers", out.toString(), "--model", "mlp");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void runsListsTheStore() {
        run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll", "--optimizer", "gd",
                "--steps", "5");
        Result r = run("runs", "--json");
        assertEquals(0, r.code(), r.err());
        List<?> runs = assertInstanceOf(List.class, Fixture.parse(r.out()).root());
        assertEquals(1, runs.size());
        assertEquals("done", ((Map<?, ?>) runs.get(0)).get("status"));
        Result text = run("runs");
        assertTrue(text.out().lines().anyMatch(l -> l.matches(".*-gaussian-gd +done +5 .*")), text.out());
    }

    @Test
    void runsShowsAnInterruptedRunsLastStepAndLoss() throws Exception {
        Path out = dir.resolve("killed");
        assertEquals(0, run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll",
                "--optimizer", "gd", "--steps", "5", "--out", out.toString()).code());
        // killed after step 7 of a longer run: the run file still says running, as of its first checkpoint
        org.descent.experiment.RunFolder folder = new org.descent.experiment.RunFolder(out);
        org.descent.experiment.model.Run file = folder.readRun();
        file.setStatus(org.descent.core.RunStatus.RUNNING);
        file.setStep(0);
        file.setWallSeconds(0);
        file.getMetrics().clear();
        file.setPid(0);
        folder.writeRun(file);
        Files.writeString(folder.metricsFile(), "6,0,1.25,0.5,0.01,0.600000,,,\n7,0,1.125,0.5,0.01,0.700000,,,\n8,0,1.0",
                java.nio.file.StandardOpenOption.APPEND);
        Result r = run("runs", "--root", out.getParent().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> row = assertInstanceOf(Map.class, ((List<?>) Fixture.parse(r.out()).root()).get(0));
        assertEquals("interrupted", row.get("status"));
        assertEquals(7, ((Number) row.get("steps")).intValue());
        assertEquals(1.125, ((Number) row.get("loss")).doubleValue());
        assertEquals(0.7, ((Number) row.get("wall_seconds")).doubleValue());
    }

    @Test
    void trainHelpListsEveryContributedId() {
        Result r = run("train", "--help");
        assertEquals(0, r.code());
        for (String id : List.of("  bimodal: ", "  digits: ", "  csv: ", "  mlp: ", "  gaussian: ", "  mixture: ",
                "  cross-entropy: ", "  mixture-nll: ", "  l2-penalty [regularizer]: ", "  adamw: AdamW", "  nesterov: ",
                "  cosine: ")) {
            assertTrue(r.out().contains(id), id + " missing from\n" + r.out());
        }
        // each hyperparameter with its type, range, default and doc, from its declaration
        assertTrue(r.out().contains("\n  adam: Adam\n      lr (double in (0,inf), default 0.001): Learning rate.\n"
                + "      beta1 (double in [0,1), default 0.9): Decay of the first-moment average.\n"), r.out());
    }
}
