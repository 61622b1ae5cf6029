package org.descent.experiment.tests;

import static org.descent.experiment.tests.Experiments.experiment;
import static org.descent.experiment.tests.Experiments.metricsWithoutWallTime;
import static org.descent.experiment.tests.Experiments.train;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.core.Dataset;
import org.descent.core.Precision;
import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Run;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end: the source material's MLE examples, resume, divergence, determinism. */
class TrainerTest {

    @TempDir
    Path dir;

    static double[] bimodal() throws IOException {
        return Contributions.create("datasets", "bimodal", Map.of(), Dataset.class).load(new NullProgressMonitor())
                .inputs();
    }

    @Test
    void gaussianMleReachesTheSampleMeanAndStandardDeviation() throws Exception {
        Experiment e = experiment("bimodal", "gaussian:mu=1,sigma=1", "gaussian-nll", "gd:lr=0.05", 20000);
        e.setGradientTolerance(1e-10);
        TrainingResult r = train(e, dir.resolve("run"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, r.status(), r.message());
        double[] x = bimodal();
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / x.length);
        assertEquals(mean, r.parameters().get("mu")[0], 1e-6);
        assertEquals(sd, Math.abs(r.parameters().get("sigma")[0]), 1e-6);
        assertTrue(r.message().startsWith("converged"), r.message());
        // the NLL at the MLE is ½ log(2πe σ²)
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * sd * sd), r.metrics().get("train_loss"), 1e-9);
    }

    @Test
    void mixtureGradientDescentReachesTheEmSolution() throws Exception {
        Experiment e = experiment("bimodal", "mixture", "mixture-nll", "gd:lr=0.1", 100000);
        e.setLossTolerance(1e-14);
        TrainingResult r = train(e, dir.resolve("run"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, r.status(), r.message());
        double[] em = em(bimodal(), new double[] { 1, 2 }, new double[] { 1, 2 });
        assertArrayEquals(new double[] { em[0], em[1] }, r.parameters().get("mu"), 1e-4);
        assertArrayEquals(new double[] { em[2], em[3] }, r.parameters().get("sigma"), 1e-4);
        // the second mode is found: one mean near 0, the other well above it
        assertTrue(em[1] > 1.5 && Math.abs(em[0]) < 0.5, java.util.Arrays.toString(em));
    }

    /** EM for a two-component mixture with fixed equal weights, run to convergence. */
    static double[] em(double[] x, double[] mu, double[] sigma) {
        double[] m = mu.clone();
        double[] s = sigma.clone();
        for (int it = 0; it < 100000; it++) {
            double[] sw = new double[2];
            double[] swx = new double[2];
            double[] swxx = new double[2];
            for (double v : x) {
                double p0 = Math.exp(-0.5 * Math.pow((v - m[0]) / s[0], 2)) / s[0];
                double p1 = Math.exp(-0.5 * Math.pow((v - m[1]) / s[1], 2)) / s[1];
                double r0 = p0 / (p0 + p1);
                sw[0] += r0;
                sw[1] += 1 - r0;
                swx[0] += r0 * v;
                swx[1] += (1 - r0) * v;
                swxx[0] += r0 * v * v;
                swxx[1] += (1 - r0) * v * v;
            }
            double change = 0;
            for (int j = 0; j < 2; j++) {
                double nm = swx[j] / sw[j];
                double ns = Math.sqrt(swxx[j] / sw[j] - nm * nm);
                change = Math.max(change, Math.max(Math.abs(nm - m[j]), Math.abs(ns - s[j])));
                m[j] = nm;
                s[j] = ns;
            }
            if (change < 1e-12) {
                break;
            }
        }
        return new double[] { m[0], m[1], s[0], s[1] };
    }

    static Experiment minibatchRun() {
        Experiment e = experiment("digits", "mlp:hidden=16", "cross-entropy", "adam:lr=0.01", 60);
        e.setBatchSize(64);
        e.setSeed(7);
        e.setCheckpointEvery(20);
        e.setValidationFraction(0.2);
        return e;
    }

    @Test
    void cancelledRunResumesBitIdentically() throws Exception {
        TrainingResult whole = train(minibatchRun(), dir.resolve("whole"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, whole.status(), whole.message());

        NullProgressMonitor monitor = new NullProgressMonitor();
        Trainer stopping = new Trainer().listener(new RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double g, double lr, Map<String, Double> p) {
                if (step == 33) {
                    monitor.setCanceled(true);
                }
            }
        });
        TrainingResult cut = train(stopping, minibatchRun(), dir.resolve("cut"), monitor);
        assertEquals(RunStatus.CANCELLED, cut.status());
        assertEquals(33, cut.steps());
        Run saved = new RunFolder(dir.resolve("cut")).readRun();
        assertEquals(RunStatus.CANCELLED, saved.getStatus());

        TrainingResult resumed = new Trainer().resume(new RunFolder(dir.resolve("cut")), Contributions.registry(),
                new NullProgressMonitor());
        assertEquals(RunStatus.DONE, resumed.status(), resumed.message());
        assertEquals(60, resumed.steps());
        assertEquals(metricsWithoutWallTime(dir.resolve("whole")), metricsWithoutWallTime(dir.resolve("cut")));
        Checkpoint a = new RunFolder(dir.resolve("whole")).latestCheckpoint().orElseThrow();
        Checkpoint b = new RunFolder(dir.resolve("cut")).latestCheckpoint().orElseThrow();
        assertArrayEquals(a.parameters(), b.parameters());
        assertEquals(whole.metrics(), resumed.metrics());
    }

    @Test
    void killedRunShowsAsInterruptedAndResumesFromItsCheckpoint() throws Exception {
        TrainingResult whole = train(minibatchRun(), dir.resolve("whole"), new NullProgressMonitor());
        // A run killed after step 47: its file still says running, with a process that is gone;
        // metrics.csv has rows past the last checkpoint (step 40) and a half-written line.
        NullProgressMonitor monitor = new NullProgressMonitor();
        Trainer stopping = new Trainer().listener(new RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double g, double lr, Map<String, Double> p) {
                if (step == 47) {
                    monitor.setCanceled(true);
                }
            }
        });
        Path killed = dir.resolve("killed");
        train(stopping, minibatchRun(), killed, monitor);
        RunFolder folder = new RunFolder(killed);
        Files.delete(folder.checkpointFile(47));
        Run run = folder.readRun();
        run.setStatus(RunStatus.RUNNING);
        run.setPid(deadPid());
        folder.writeRun(run);
        Files.writeString(folder.metricsFile(), "47,3,0.12", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(RunStatus.INTERRUPTED, RunFolder.effectiveStatus(folder.readRun()));

        TrainingResult resumed = new Trainer().resume(folder, Contributions.registry(), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, resumed.status(), resumed.message());
        assertEquals(metricsWithoutWallTime(dir.resolve("whole")), metricsWithoutWallTime(killed));
        assertEquals(whole.metrics(), resumed.metrics());
    }

    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void probesAreWrittenAndResumedToo() throws Exception {
        Experiment e = minibatchRun();
        e.getProbes().add(Experiments.component("norms:interval=5"));
        TrainingResult whole = train(e, dir.resolve("whole"), new NullProgressMonitor());
        List<String> rows = Files.readAllLines(dir.resolve("whole").resolve(RunFolder.PROBES_FILE));
        assertEquals("step,name,value", rows.get(0));
        // 12 samples (steps 5..60) x 2 layers x 2 blocks x 3 values
        assertEquals(1 + 12 * 4 * 3, rows.size());
        assertTrue(rows.contains(rows.stream().filter(r -> r.startsWith("5,update_ratio/layer1.weight,")).findFirst()
                .orElseThrow()));
        double ratio = Double.parseDouble(rows.stream().filter(r -> r.startsWith("5,update_ratio/layer1.weight,"))
                .findFirst().orElseThrow().split(",")[2]);
        assertTrue(ratio > 0 && ratio < 1, "update ratio " + ratio);
        assertEquals(RunStatus.DONE, whole.status());

        NullProgressMonitor monitor = new NullProgressMonitor();
        Trainer stopping = new Trainer().listener(new RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double g, double lr, Map<String, Double> p) {
                if (step == 33) {
                    monitor.setCanceled(true);
                }
            }
        });
        Experiment again = minibatchRun();
        again.getProbes().add(Experiments.component("norms:interval=5"));
        train(stopping, again, dir.resolve("cut"), monitor);
        new Trainer().resume(new RunFolder(dir.resolve("cut")), Contributions.registry(), null);
        assertEquals(rows, Files.readAllLines(dir.resolve("cut").resolve(RunFolder.PROBES_FILE)));
    }

    @Test
    void l2PenaltyIsWeightDecayAndTheScheduleSetsEachStepsRate() throws Exception {
        Experiment decay = experiment("blobs:n=200,features=5,classes=3", "logistic", "cross-entropy",
                "sgd:lr=0.1,weight_decay=0.01", 50);
        Experiment penalty = experiment("blobs:n=200,features=5,classes=3", "logistic", "cross-entropy", "sgd:lr=0.1", 50);
        penalty.getRegularizers().add(Experiments.component("l2-penalty:lambda=0.01"));
        penalty.setSchedule(Experiments.component("cosine:t_max=50,eta_min=0.1"));
        TrainingResult a = train(decay, dir.resolve("decay"), new NullProgressMonitor());
        TrainingResult b = train(penalty, dir.resolve("penalty"), new NullProgressMonitor());
        double[] wa = new RunFolder(dir.resolve("decay")).latestCheckpoint().orElseThrow().parameters();
        double[] wb = new RunFolder(dir.resolve("penalty")).latestCheckpoint().orElseThrow().parameters();
        assertArrayEquals(wa, wb, 1e-12, "an L2 penalty with SGD is weight decay (the schedule stays at 0.1)");
        assertTrue(b.finalLoss() > a.finalLoss(), "the penalty is part of the reported loss");
        Experiment cosine = experiment("bimodal", "gaussian", "gaussian-nll", "gd:lr=0.05", 20);
        cosine.setSchedule(Experiments.component("cosine:t_max=10,eta_min=0.001"));
        train(cosine, dir.resolve("cosine"), new NullProgressMonitor());
        List<String> rows = Files.readAllLines(dir.resolve("cosine").resolve(RunFolder.METRICS_FILE));
        for (int step = 1; step <= 20; step++) {
            double expected = 0.001 + (0.05 - 0.001) * (1 + Math.cos(Math.PI * (step - 1) / 10)) / 2;
            assertEquals(expected, Double.parseDouble(rows.get(step).split(",")[4]), 1e-15, "lr of step " + step);
        }
        // worked by hand: the first step at the base rate, a quarter period in at the midpoint, half a period at eta_min
        assertEquals(0.05, Double.parseDouble(rows.get(1).split(",")[4]), 1e-15, "lr of step 1");
        assertEquals(0.0255, Double.parseDouble(rows.get(6).split(",")[4]), 1e-15, "lr of step 6");
        assertEquals(0.001, Double.parseDouble(rows.get(11).split(",")[4]), 1e-15, "lr of step 11");
    }

    @Test
    void doneRunIsNotResumed() throws Exception {
        train(experiment("bimodal", "gaussian", "gaussian-nll", "gd", 3), dir.resolve("r"), new NullProgressMonitor());
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> new Trainer().resume(new RunFolder(dir.resolve("r")), Contributions.registry(), null));
        assertTrue(e.getMessage().contains("the run is done; only cancelled or interrupted runs can be resumed"),
                e.getMessage());
    }

    @Test
    void sameSeedGivesBitIdenticalMetrics() throws Exception {
        train(minibatchRun(), dir.resolve("a"), new NullProgressMonitor());
        train(minibatchRun(), dir.resolve("b"), new NullProgressMonitor());
        List<String> a = metricsWithoutWallTime(dir.resolve("a"));
        assertEquals(61, a.size());
        assertEquals(a, metricsWithoutWallTime(dir.resolve("b")));
        Experiment other = minibatchRun();
        other.setSeed(8);
        train(other, dir.resolve("c"), new NullProgressMonitor());
        assertTrue(!a.equals(metricsWithoutWallTime(dir.resolve("c"))), "another seed, other batches");
    }

    @Test
    void divergingRunStopsAndSaysWhere() throws Exception {
        Experiment e = experiment("bimodal", "mixture", "mixture-nll", "gd:lr=50", 1000);
        TrainingResult r = train(e, dir.resolve("run"), new NullProgressMonitor());
        assertEquals(RunStatus.DIVERGED, r.status());
        assertTrue(r.message().matches("diverged at step \\d+: (loss|gradient norm) is .*"), r.message());
        assertTrue(r.steps() < 1000);
        List<String> rows = Files.readAllLines(dir.resolve("run").resolve(RunFolder.METRICS_FILE));
        assertEquals(r.steps() + 1, rows.size(), "every step up to the divergence is kept");
        assertEquals(RunStatus.DIVERGED, new RunFolder(dir.resolve("run")).readRun().getStatus());
    }

    @Test
    void fp32KeepsParametersInSinglePrecisionAndLearns() throws Exception {
        Experiment e = experiment("digits", "mlp:hidden=32", "cross-entropy", "adam:lr=0.01", 200);
        e.setBatchSize(64);
        e.setPrecision(Precision.FP32);
        e.setValidationFraction(0.2);
        TrainingResult r = train(e, dir.resolve("run"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, r.status(), r.message());
        assertTrue(r.metrics().get("val_accuracy") > 0.9, r.metrics().toString());
        double[] theta = new RunFolder(dir.resolve("run")).latestCheckpoint().orElseThrow().parameters();
        for (double v : theta) {
            assertEquals(v, (double) (float) v, 0, "parameter not representable in fp32");
        }
    }

    @Test
    void modelAndLossThatDoNotFitAreRefusedBeforeTraining() {
        Experiment e = experiment("digits", "gaussian", "cross-entropy", "gd", 10);
        ExperimentException x = assertThrows(ExperimentException.class,
                () -> train(e, dir.resolve("run"), new NullProgressMonitor()));
        assertEquals("model 'gaussian' outputs the parameters of a Gaussian: use it with --loss gaussian-nll",
                x.getMessage());
    }

    @Test
    void mixedPrecisionWithoutItsBundleIsNamed() {
        Experiment e = experiment("bimodal", "gaussian", "gaussian-nll", "gd", 10);
        e.setPrecision(Precision.MIXED_FP16);
        ExperimentException x = assertThrows(ExperimentException.class,
                () -> train(e, dir.resolve("run"), new NullProgressMonitor()));
        assertTrue(x.getMessage().contains("org.descent.analysis.precision"), x.getMessage());
    }

    @Test
    void mixedPrecisionHookRoundsScalesAndSkips() throws Exception {
        List<Long> unscaled = new java.util.ArrayList<>();
        List<Integer> started = new java.util.ArrayList<>();
        org.descent.core.MixedPrecisionPolicy fake = new org.descent.core.MixedPrecisionPolicy() {
            @Override
            public org.descent.core.Precision precision() {
                return Precision.MIXED_BF16;
            }

            @Override
            public void start(List<org.descent.core.ParameterBlock> blocks,
                    org.descent.core.MixedPrecisionPolicy.LossScaling scaling) {
                started.add(blocks.size());
            }

            @Override
            public void round(double[] values, int from, int to) {
                for (int i = from; i < to; i++) {
                    values[i] = (float) values[i];
                }
            }

            @Override
            public void statistics(Map<String, Double> into) {
                into.put("fake_scale", 1024.0);
            }

            @Override
            public double[] saveState() {
                return new double[] { 1024 };
            }

            @Override
            public void restoreState(double[] state) {
                assertEquals(1024, state[0], "the fake's own state");
            }

            @Override
            public double lossScale() {
                return 1024;
            }

            @Override
            public boolean unscale(double[] gradient, long step) {
                unscaled.add(step);
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] /= 1024;
                }
                return step != 3;
            }
        };
        org.osgi.framework.ServiceRegistration<org.descent.core.MixedPrecisionPolicy> registration = org.osgi.framework.FrameworkUtil
                .getBundle(TrainerTest.class).getBundleContext()
                .registerService(org.descent.core.MixedPrecisionPolicy.class, fake, new java.util.Hashtable<>(
                        Map.of(org.osgi.framework.Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        try {
            Experiment e = experiment("bimodal", "gaussian:mu=1,sigma=1", "gaussian-nll", "gd:lr=0.05", 5);
            e.setPrecision(Precision.MIXED_BF16);
            e.getProbes().add(Experiments.component("norms:interval=1"));
            TrainingResult r = train(e, dir.resolve("run"), new NullProgressMonitor());
            assertEquals(RunStatus.DONE, r.status(), r.message());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), unscaled, "the OSGi service was found and called every step");
            assertEquals(List.of(2), started, "started once, with the model's two blocks");
            List<String> rows = Files.readAllLines(dir.resolve("run").resolve(RunFolder.PROBES_FILE));
            java.util.function.IntFunction<String> mu = step -> rows.stream()
                    .filter(row -> row.startsWith(step + ",weight_norm/mu,")).findFirst().orElseThrow();
            assertEquals(mu.apply(2).split(",")[2], mu.apply(3).split(",")[2], "step 3 was skipped by the policy");
            assertTrue(!mu.apply(3).split(",")[2].equals(mu.apply(4).split(",")[2]), "step 4 was taken");
            assertEquals(5, rows.stream().filter(row -> row.contains(",fake_scale,1024")).count(),
                    "the policy's statistics are in the probe log every step");
        } finally {
            registration.unregister();
        }
    }

    @Test
    void metricsReachTheFileWhileTheRunIsStillTraining() throws Exception {
        Experiment e = experiment("bimodal", "gaussian", "gaussian-nll", "gd", 3);
        Path run = dir.resolve("run");
        long[] seen = new long[1];
        List<IOException> failure = new java.util.concurrent.CopyOnWriteArrayList<>();
        Trainer slow = new Trainer().listener(new RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double g, double lr, Map<String, Double> p) {
                if (step == 2) {
                    // the training thread is held here: only the log's own flusher can bring rows to disk
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    try {
                        while (seen[0] < 3 && System.nanoTime() < deadline) {
                            Path metrics = run.resolve(RunFolder.METRICS_FILE);
                            seen[0] = Files.exists(metrics) ? Files.readAllLines(metrics).size() : 0;
                            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                        }
                    } catch (IOException ex) {
                        failure.add(ex);
                    }
                }
            }
        });
        train(slow, e, run, new NullProgressMonitor());
        // a listener's exception would only be logged by the engine: the test reports it itself
        assertEquals(List.of(), failure, "reading metrics.csv failed");
        assertEquals(3, seen[0], "header and two rows on disk while step 2 was still being reported");
    }

    @Test
    void minibatchSgdFollowsPyTorch() throws Exception {
        Map<String, Object> f = org.descent.testing.Fixture.load(TrainerTest.class, "fixtures/minibatch.json").object();
        double[][] x = org.descent.testing.Fixture.matrix(f.get("X"));
        double[] y = org.descent.testing.Fixture.doubles(f.get("y"));
        StringBuilder csv = new StringBuilder("x0,x1,x2,y\n");
        for (int i = 0; i < x.length; i++) {
            csv.append(x[i][0]).append(',').append(x[i][1]).append(',').append(x[i][2]).append(',').append(y[i]).append('\n');
        }
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        double[][] perms = org.descent.testing.Fixture.matrix(f.get("permutations"));
        for (int epoch = 0; epoch < perms.length; epoch++) {
            int[] p = org.descent.core.SplitMix64.forEpoch(42, epoch).permutation(x.length);
            for (int i = 0; i < p.length; i++) {
                assertEquals((int) perms[epoch][i], p[i], "permutation of epoch " + epoch);
            }
        }
        Experiment e = experiment("csv:path=" + data + ",label=y,task=regression", "linear:init=zeros", "mse",
                "sgd:lr=0.05,momentum=0.9", 0);
        e.setSteps(0);
        e.setEpochs(4);
        e.setBatchSize(16);
        e.setSeed(42);
        TrainingResult r = train(e, dir.resolve("run"), new NullProgressMonitor());
        double[] loss = org.descent.testing.Fixture.doubles(f.get("loss"));
        List<String> rows = Files.readAllLines(dir.resolve("run").resolve(RunFolder.METRICS_FILE));
        assertEquals(loss.length + 1, rows.size());
        for (int s = 0; s < loss.length; s++) {
            double ours = Double.parseDouble(rows.get(s + 1).split(",")[2]);
            assertEquals(loss[s], ours, 1e-12 * Math.max(1, loss[s]), "loss of step " + (s + 1));
        }
        double[][] theta = org.descent.testing.Fixture.matrix(f.get("theta"));
        double[] last = theta[theta.length - 1];
        double[] w = r.parameters().get("layer1.weight");
        double[] b = r.parameters().get("layer1.bias");
        assertArrayEquals(new double[] { last[0], last[1], last[2], last[3] }, new double[] { w[0], w[1], w[2], b[0] },
                1e-10);
    }
}
