package org.descent.analysis.precision.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.core.MixedPrecisionPolicy.LossScaling;
import org.descent.core.Precision;
import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Experiment;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Trainer with precision mixed-fp16 and mixed-bf16, through this bundle's policy
 * services: 000's observation (the same accuracy as fp32 on a small task) and what the run
 * records (loss scale, skipped steps, per-block underflow in probes.csv).
 */
class MixedPrecisionTrainingTest {

    @TempDir
    Path dir;

    /** An MLP on the digits with Adam, minibatches of 64, 20% held out. */
    static Experiment digits(Precision precision, int epochs) {
        Experiment e = Experiments.experiment("digits", "mlp:hidden=32", "cross-entropy", "adam:lr=3e-3");
        e.setEpochs(epochs);
        e.setBatchSize(64);
        e.setValidationFraction(0.2);
        e.setSeed(3);
        e.setPrecision(precision);
        return e;
    }

    static TrainingResult train(Trainer trainer, Experiment e, Path dir) throws Exception {
        ResolvedExperiment plan = ResolvedExperiment.resolve(e, Contributions.registry(), null);
        TrainingResult r = trainer.train(plan, RunFolder.create(dir), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, r.status(), r.message());
        return r;
    }

    /** probes.csv rows {@code step,name,value} with the given name. */
    static List<double[]> probe(Path run, String name) throws Exception {
        return Files.readAllLines(run.resolve(RunFolder.PROBES_FILE)).stream().skip(1)
                .map(l -> l.split(",")).filter(c -> c[1].equals(name))
                .map(c -> new double[] { Double.parseDouble(c[0]), Double.parseDouble(c[2]) }).toList();
    }

    /** A scale so large that the fp16 passes overflow: steps are skipped and the scale backs off, the run does not diverge. */
    @Test
    void overflowInsideThePassesSkipsStepsAndDoesNotDiverge() throws Exception {
        Path run = dir.resolve("huge");
        train(new Trainer().lossScaling(LossScaling.dynamic(1e9)), digits(Precision.MIXED_FP16, 2), run);
        List<double[]> skipped = probe(run, "skipped_step");
        long count = skipped.stream().filter(r -> r[1] == 1).count();
        assertTrue(count >= 10, "2^k back-offs from 1e9 into the fp16 range: " + count + " skipped");
        assertTrue(skipped.get(skipped.size() - 1)[1] == 0, "the last steps are taken");
    }

    @Test
    void mixedPrecisionReachesTheAccuracyOfFp32OnTheDigits() throws Exception {
        TrainingResult single = train(new Trainer(), digits(Precision.FP32, 8), dir.resolve("fp32"));
        TrainingResult half = train(new Trainer(), digits(Precision.MIXED_FP16, 8), dir.resolve("fp16"));
        TrainingResult bf16 = train(new Trainer(), digits(Precision.MIXED_BF16, 8), dir.resolve("bf16"));
        double fp32 = single.metrics().get("val_accuracy");
        double fp16 = half.metrics().get("val_accuracy");
        double bf = bf16.metrics().get("val_accuracy");
        System.out.printf(java.util.Locale.ROOT, "digits, 8 epochs: validation accuracy fp32 %.4f, mixed-fp16 %.4f,"
                + " mixed-bf16 %.4f; validation loss %.6f, %.6f, %.6f%n", fp32, fp16, bf,
                single.metrics().get("val_loss"), half.metrics().get("val_loss"), bf16.metrics().get("val_loss"));
        assertTrue(fp32 > 0.93, "fp32 learns the digits: " + fp32);
        assertEquals(fp32, fp16, 0.015, "mixed-fp16 reaches fp32's accuracy");
        assertEquals(fp32, bf, 0.015, "mixed-bf16 reaches fp32's accuracy");
        assertTrue(half.metrics().get("val_loss").doubleValue() != single.metrics().get("val_loss").doubleValue()
                && bf16.metrics().get("val_loss").doubleValue() != half.metrics().get("val_loss").doubleValue(),
                "the three runs computed differently");

        Path run = dir.resolve("fp16");
        List<double[]> scale = probe(run, "loss_scale");
        assertEquals(half.steps(), scale.size(), "the loss scale of every step is recorded");
        assertEquals(65536, scale.get(0)[1], "GradScaler's initial scale");
        List<double[]> underflow = probe(run, "fp16_underflow/layer1.weight");
        assertEquals(half.steps(), underflow.size(), "per-block underflow of every step is recorded");
        for (double[] u : underflow) {
            assertTrue(u[1] >= 0 && u[1] <= 1, "a fraction: " + u[1]);
        }
        double skipped = probe(run, "skipped_step").stream().mapToDouble(v -> v[1]).sum();
        assertTrue(skipped < half.steps() / 10.0, "few steps skipped: " + skipped);
    }

    @Test
    void eachRunGetsItsOwnPolicyAndTheTrainersScaling() throws Exception {
        Trainer trainer = new Trainer().lossScaling(LossScaling.fixed(1024));
        train(trainer, digits(Precision.MIXED_FP16, 1), dir.resolve("a"));
        train(trainer, digits(Precision.MIXED_FP16, 1), dir.resolve("b"));
        for (String r : List.of("a", "b")) {
            List<double[]> scale = probe(dir.resolve(r), "loss_scale");
            assertTrue(scale.stream().allMatch(v -> v[1] == 1024), "static scale 1024 in run " + r);
        }
        Trainer dynamic = new Trainer();
        train(dynamic, digits(Precision.MIXED_FP16, 1), dir.resolve("c"));
        train(dynamic, digits(Precision.MIXED_FP16, 1), dir.resolve("d"));
        assertEquals(probe(dir.resolve("c"), "loss_scale").get(0)[1], 65536);
        assertEquals(probe(dir.resolve("d"), "loss_scale").get(0)[1], 65536,
                "the second run starts from the initial scale: a fresh policy");
    }

    @Test
    void aResumedRunContinuesBitForBitWithItsOwnScaling() throws Exception {
        // growth every 7 steps: the scale moves during the run and the cut falls between changes
        LossScaling scaling = new LossScaling(true, 65536, 2, 0.5, 7);
        TrainingResult whole = train(new Trainer().lossScaling(scaling), digits(Precision.MIXED_FP16, 2),
                dir.resolve("whole"));
        NullProgressMonitor monitor = new NullProgressMonitor();
        Trainer stopping = new Trainer().lossScaling(scaling).listener(new RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double g, double lr, Map<String, Double> p) {
                if (step == 31) {
                    monitor.setCanceled(true);
                }
            }
        });
        ResolvedExperiment plan = ResolvedExperiment.resolve(digits(Precision.MIXED_FP16, 2), Contributions.registry(),
                null);
        TrainingResult cut = stopping.train(plan, RunFolder.create(dir.resolve("cut")), monitor);
        assertEquals(RunStatus.CANCELLED, cut.status());
        // resumed by a trainer with the default scaling: the run's own scaling comes from its checkpoint
        TrainingResult resumed = new Trainer().resume(new RunFolder(dir.resolve("cut")), Contributions.registry(),
                new NullProgressMonitor());
        assertEquals(RunStatus.DONE, resumed.status(), resumed.message());
        List<double[]> scales = probe(dir.resolve("whole"), "loss_scale");
        assertTrue(scales.stream().mapToDouble(v -> v[1]).distinct().count() > 1, "the scale changed during the run");
        assertEquals(whole.steps(), resumed.steps());
        assertEquals(withoutWallTime(dir.resolve("whole")), withoutWallTime(dir.resolve("cut")));
        assertEquals(Files.readAllLines(dir.resolve("whole").resolve(RunFolder.PROBES_FILE)),
                Files.readAllLines(dir.resolve("cut").resolve(RunFolder.PROBES_FILE)));
    }

    static List<String> withoutWallTime(Path run) throws Exception {
        List<String> lines = Files.readAllLines(run.resolve(RunFolder.METRICS_FILE));
        int wall = List.of(lines.get(0).split(",", -1)).indexOf("wall_s");
        return lines.stream().map(l -> {
            List<String> cells = new java.util.ArrayList<>(List.of(l.split(",", -1)));
            cells.remove(wall);
            return String.join(",", cells);
        }).toList();
    }
}
