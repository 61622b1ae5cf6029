package org.descent.experiment.tests;

import static org.descent.experiment.tests.Experiments.metricsWithoutWallTime;
import static org.descent.experiment.tests.Experiments.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.descent.compute.DeviceOptimizer;
import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.RunStatus;
import org.descent.core.Settings;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Experiment;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training steps that stay on the compute device (the cpu backend): a CNN on the digits in fp32
 * with a built-in optimizer keeps its parameters and optimizer state on the device between steps,
 * repeats bit for bit, resumes bit for bit from a checkpoint (the state travels in the host
 * format), and says so in its provenance; an optimizer that only knows the Optimizer API (a third
 * party's) trains the same run through host copies.
 */
class DeviceStepTest {

    @TempDir
    Path dir;

    /** Adam on the digits with a small CNN, fp32, clipping by norm and a probe every 5 steps. */
    private static Experiment digitsCnn() {
        Experiment e = Experiments.digits("cnn:channels=4,hidden=16,batchnorm=true", "cross-entropy:label_smoothing=0.05",
                2);
        e.setOptimizer(Experiments.component("adamw:lr=3e-3,weight_decay=0.01"));
        e.setPrecision(Precision.FP32);
        e.setClipNorm(2.0);
        e.setCheckpointEvery(10);
        e.getProbes().add(Experiments.component("norms:interval=5"));
        return e;
    }

    private static String update(Path run) throws Exception {
        return new RunFolder(run).readRun().getProvenance().getUpdate();
    }

    @Test
    void deviceStepsRepeatAndResumeBitIdentically() throws Exception {
        Experiments.Resumed r = Experiments.assertResumesBitIdentically(DeviceStepTest::digitsCnn, dir, 17);
        assertEquals(RunStatus.DONE, r.whole().status(), r.whole().message());
        assertEquals("device", update(dir.resolve("whole")));
        assertTrue(r.whole().metrics().get("val_accuracy") > 0.5, "the run learns (chance is 0.1): " + r.whole().metrics());
        for (double v : r.parameters()) {
            assertEquals(v, (double) (float) v, 0, "parameter not representable in fp32");
        }
        // the probe sampled the parameters of its steps, which the device handed back
        List<String> probes = Files.readAllLines(dir.resolve("whole").resolve(RunFolder.PROBES_FILE));
        assertEquals(probes, Files.readAllLines(dir.resolve("cut").resolve(RunFolder.PROBES_FILE)), "probes.csv");
        String first = probes.get(1).split(",")[1];
        assertTrue(probes.stream().skip(1).filter(l -> l.split(",")[1].equals(first)).map(l -> l.split(",")[2])
                .distinct().count() > 1, "probe '" + first + "' follows the parameters: " + probes.subList(0, 4));
        train(digitsCnn(), dir.resolve("again"), new NullProgressMonitor());
        assertEquals(metricsWithoutWallTime(dir.resolve("whole")), metricsWithoutWallTime(dir.resolve("again")),
                "same seed, same metrics");
    }

    @Test
    void anOptimizerWithoutADeviceRuleTrainsThroughHostCopies() throws Exception {
        TrainingResult device = train(digitsCnn(), dir.resolve("device"), new NullProgressMonitor());
        ResolvedExperiment plan = ResolvedExperiment.resolve(digitsCnn(), new HostOnlyOptimizers(), null);
        TrainingResult host = new Trainer().train(plan, RunFolder.create(dir.resolve("host")), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, host.status(), host.message());
        assertEquals("host", update(dir.resolve("host")));
        assertEquals("device", update(dir.resolve("device")));
        // the same run: 46 updates in double rounded to float against updates in float (train_loss 6e-7
        // apart, the same accuracy, when written)
        double expected = device.metrics().get("train_loss");
        double actual = host.metrics().get("train_loss");
        assertTrue(Math.abs(actual - expected) <= 1e-5 * expected, "train_loss: host " + actual + ", device " + expected);
        assertEquals(device.metrics().get("val_accuracy"), host.metrics().get("val_accuracy"), 0.01, "val_accuracy");
    }

    @Test
    void clippingByValueRunsOnTheDeviceAsOnTheHost() throws Exception {
        Experiment clipped = digitsCnn();
        clipped.setEpochs(0);
        clipped.setSteps(12);
        clipped.setClipValue(1e-3);
        TrainingResult device = train(clipped, dir.resolve("device"), new NullProgressMonitor());
        assertEquals("device", update(dir.resolve("device")));
        ResolvedExperiment plan = ResolvedExperiment.resolve(clipped, new HostOnlyOptimizers(), null);
        TrainingResult host = new Trainer().train(plan, RunFolder.create(dir.resolve("host")), new NullProgressMonitor());
        assertEquals("host", update(dir.resolve("host")));
        double expected = host.metrics().get("train_loss");
        double actual = device.metrics().get("train_loss");
        assertTrue(Math.abs(actual - expected) <= 1e-5 * expected, "train_loss: device " + actual + ", host " + expected);
        Experiment unclipped = digitsCnn();
        unclipped.setEpochs(0);
        unclipped.setSteps(12);
        double free = train(unclipped, dir.resolve("free"), new NullProgressMonitor()).metrics().get("train_loss");
        assertTrue(Math.abs(free - actual) > 1e-3 * free, "clipping changed the run: " + free + " and " + actual);
    }

    @Test
    void aRegularizerAndFp64KeepTheHostUpdate() throws Exception {
        Experiment penalised = digitsCnn();
        penalised.setEpochs(0);
        penalised.setSteps(3);
        penalised.getRegularizers().add(Experiments.component("l2-penalty"));
        assertEquals(RunStatus.DONE, train(penalised, dir.resolve("penalised"), new NullProgressMonitor()).status());
        assertEquals("host", update(dir.resolve("penalised")));
        Experiment fp64 = digitsCnn();
        fp64.setEpochs(0);
        fp64.setSteps(3);
        fp64.setPrecision(Precision.FP64);
        assertEquals(RunStatus.DONE, train(fp64, dir.resolve("fp64"), new NullProgressMonitor()).status());
        assertEquals("host", update(dir.resolve("fp64")));
    }

    /** The registry, with every optimizer seen through the Optimizer API alone, as a third party's would be. */
    private static final class HostOnlyOptimizers implements ContributionRegistry {
        private final ContributionRegistry registry = Contributions.registry();

        @Override
        public List<Contribution> contributions() {
            return registry.contributions();
        }

        @Override
        public List<Contribution> contributions(String extensionPointId) {
            return registry.contributions(extensionPointId);
        }

        @Override
        public Optional<Contribution> find(String extensionPointId, String id) {
            return registry.find(extensionPointId, id);
        }

        @Override
        public List<ContributionProblem> problems() {
            return registry.problems();
        }

        @Override
        public List<String> extensionPoints() {
            return registry.extensionPoints();
        }

        @Override
        public <T> T createExecutable(Contribution contribution, Class<T> type) throws CoreException {
            T made = registry.createExecutable(contribution, type);
            if (made instanceof Optimizer o) {
                assertTrue(o instanceof DeviceOptimizer, "a built-in optimizer with a device rule");
                return type.cast(new HostOnly(o));
            }
            return made;
        }
    }

    /** An optimizer that offers no device rule: it delegates to a built-in one through the Optimizer API. */
    private static final class HostOnly implements Optimizer {
        private final Optimizer inner;

        HostOnly(Optimizer inner) {
            this.inner = inner;
        }

        @Override
        public void configure(Settings settings) {
            inner.configure(settings);
        }

        @Override
        public void initialise(List<ParameterBlock> blocks) {
            inner.initialise(blocks);
        }

        @Override
        public double learningRate() {
            return inner.learningRate();
        }

        @Override
        public void step(double[] parameters, double[] gradient, double learningRate) {
            inner.step(parameters, gradient, learningRate);
        }

        @Override
        public void reset() {
            inner.reset();
        }

        @Override
        public State saveState() {
            return inner.saveState();
        }

        @Override
        public void restoreState(State state) {
            inner.restoreState(state);
        }
    }
}
