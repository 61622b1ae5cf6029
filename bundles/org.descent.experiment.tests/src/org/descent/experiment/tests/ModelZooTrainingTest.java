package org.descent.experiment.tests;

import static org.descent.experiment.tests.Experiments.assertResumesBitIdentically;
import static org.descent.experiment.tests.Experiments.experiment;
import static org.descent.experiment.tests.Experiments.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.core.DataShape;
import org.descent.core.LayerStatistics;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.RunStatus;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.model.Experiment;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model zoo trained by the engine: the digits MLP, a binary-weight MLP beside its
 * float twin, the small CNN, a few ResNet-20 steps on CIFAR-shaped input, and a batch-normalized
 * network with dropout resumed bit-identically (running statistics and masks included).
 */
class ModelZooTrainingTest {

    @TempDir
    Path dir;

    static Experiment digits(String model, int epochs) {
        return Experiments.digits(model, "cross-entropy", epochs);
    }

    @Test
    void digitsMlpReachesNinetyFivePercent() throws Exception {
        TrainingResult r = train(digits("mlp:hidden=64-32", 20), dir.resolve("mlp"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, r.status(), r.message());
        assertTrue(r.metrics().get("val_accuracy") >= 0.95, "validation accuracy " + r.metrics());
    }

    @Test
    void binaryWeightMlpTrainsBesideItsFloatTwin() throws Exception {
        TrainingResult real = train(digits("mlp:hidden=128", 30), dir.resolve("float"), new NullProgressMonitor());
        TrainingResult binary = train(digits("mlp:hidden=128,binary=weights", 30), dir.resolve("binary"),
                new NullProgressMonitor());
        // XNOR-Net's block: batch norm centres the inputs of the binarized layer (relu1 → bn1 → xnor layer2)
        TrainingResult xnor = train(digits("mlp:hidden=128-128,binary=xnor,keep_first_last=true,batchnorm=after", 30),
                dir.resolve("xnor"),
                new NullProgressMonitor());
        double a = real.metrics().get("val_accuracy");
        double b = binary.metrics().get("val_accuracy");
        double x = xnor.metrics().get("val_accuracy");
        System.out.printf("digits validation accuracy: float %.4f, binary weights %.4f, xnor %.4f%n", a, b, x);
        assertTrue(a >= 0.95, "float " + a);
        assertTrue(b >= 0.85 && b <= a + 0.02, "binary weights " + b + " next to float " + a);
        assertTrue(x >= 0.9, "xnor " + x);
    }

    @Test
    void xorNeedsAHiddenLayerAndMoonsAndSpiralsAreLearned() throws Exception {
        Experiment linear = experiment("xor:n=1000", "logistic", "cross-entropy", "adam:lr=0.05", 300);
        Experiment hidden = experiment("xor:n=1000", "mlp:hidden=16", "cross-entropy", "adam:lr=0.05", 300);
        Experiment moons = experiment("moons:n=1000,noise=0.1", "mlp:hidden=16-16", "cross-entropy", "adam:lr=0.02", 300);
        Experiment spirals = experiment("spirals:n=900", "mlp:hidden=64-64", "cross-entropy", "adam:lr=0.01", 1000);
        double[] accuracy = new double[4];
        Experiment[] all = { linear, hidden, moons, spirals };
        for (int i = 0; i < all.length; i++) {
            all[i].setValidationFraction(0.2);
            TrainingResult r = train(all[i], dir.resolve("run" + i), new NullProgressMonitor());
            assertEquals(RunStatus.DONE, r.status(), r.message());
            accuracy[i] = r.metrics().get("val_accuracy");
        }
        assertTrue(accuracy[0] < 0.7, "logistic regression on xor: " + accuracy[0]);
        assertTrue(accuracy[1] > 0.95, "one hidden layer on xor: " + accuracy[1]);
        assertTrue(accuracy[2] > 0.97, "moons: " + accuracy[2]);
        assertTrue(accuracy[3] > 0.9, "spirals: " + accuracy[3]);
    }

    @Test
    void cnnLearnsDigits() throws Exception {
        TrainingResult r = train(digits("cnn:channels=8-16,batchnorm=true", 5), dir.resolve("cnn"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, r.status(), r.message());
        assertTrue(r.metrics().get("val_accuracy") >= 0.9, "validation accuracy " + r.metrics());
    }

    @Test
    void resnet20RunsAFewStepsOnCifarShapedInput() throws Exception {
        Experiment e = experiment("blobs:n=24,features=3072,classes=10,spread=0.5", "resnet:n=3", "cross-entropy",
                "sgd:lr=0.1,momentum=0.9", 3);
        e.setBatchSize(8);
        TrainingResult r = train(e, dir.resolve("resnet"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, r.status(), r.message());
        assertEquals(3, r.steps());
        assertTrue(Double.isFinite(r.finalLoss()), r.message());
    }

    @Test
    void batchNormAndDropoutRunResumesBitIdentically() throws Exception {
        double[] theta = assertResumesBitIdentically(() -> {
            Experiment e = digits("mlp:hidden=32-16,batchnorm=before,dropout=0.2", 2);
            e.setCheckpointEvery(10);
            return e;
        }, dir, 25).parameters();
        // the running statistics moved away from their initial 0 and 1 and are in the checkpoint
        Model model = Contributions.create("models", "mlp", Map.of("hidden", "32-16", "batchnorm", "before"), Model.class);
        List<ParameterBlock> blocks = model.bind(new DataShape(1, 64, 1, 10),
                Contributions.create("losses", "cross-entropy", Map.of(), LossFunction.class));
        ParameterBlock mean = blocks.stream().filter(x -> x.name().equals("bn1.running_mean")).findFirst().orElseThrow();
        ParameterBlock var = blocks.stream().filter(x -> x.name().equals("bn1.running_var")).findFirst().orElseThrow();
        assertTrue(mean.buffer() && var.buffer());
        double m0 = theta[mean.offset()];
        double v0 = theta[var.offset()];
        assertTrue(Math.abs(m0) > 1e-3 && Math.abs(v0 - 1) > 1e-3, m0 + " " + v0);
    }

    /**
     * fp32 passes on the compute backend (batch norm's running statistics and dropout masks
     * included) resume as they ran: a checkpoint holds everything the device path keeps.
     */
    @Test
    void fp32CnnOnTheComputeBackendResumesBitIdentically() throws Exception {
        assertResumesBitIdentically(() -> {
            Experiment e = digits("cnn:channels=4-8,batchnorm=true,hidden=16,dropout=0.2", 2);
            e.setPrecision(Precision.FP32);
            e.setCheckpointEvery(10);
            return e;
        }, dir, 25);
        String backend = new RunFolder(dir.resolve("cut")).readRun().getProvenance().getBackend();
        assertTrue(backend.startsWith("cpu device cpu (") && backend.contains("fp32 through the compute backend; autotune on: ")
                && backend.contains("conv2dForward fp32 64x1x8x8 k3 s1 p1 -> 4, "), "the device and its tuning: " + backend);
    }

    /**
     * A run trained on one thread resumes on one thread (its provenance says so), whatever the
     * resuming process would choose: the sums are partitioned as before, the metrics bit for bit.
     */
    @Test
    void resumedFp32RunKeepsItsThreadCount() throws Exception {
        Device one = Backends.resolve(Backends.find(ModelZooTrainingTest.class), "cpu").withThreads(1);
        java.util.function.Supplier<Experiment> experiment = () -> {
            Experiment e = digits("cnn:channels=4-8,batchnorm=true", 1);
            e.setPrecision(Precision.FP32);
            e.setCheckpointEvery(5);
            return e;
        };
        TrainingResult whole = train(new Trainer().device(one), experiment.get(), dir.resolve("whole"),
                new NullProgressMonitor());
        assertEquals(RunStatus.DONE, whole.status(), whole.message());
        NullProgressMonitor monitor = new NullProgressMonitor();
        Trainer stopping = new Trainer().device(one).listener(new org.descent.core.RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double g, double lr, Map<String, Double> p) {
                if (step == 12) {
                    monitor.setCanceled(true);
                }
            }
        });
        assertEquals(RunStatus.CANCELLED, train(stopping, experiment.get(), dir.resolve("cut"), monitor).status());
        TrainingResult resumed = new Trainer().resume(new RunFolder(dir.resolve("cut")), Contributions.registry(),
                new NullProgressMonitor());
        assertEquals(RunStatus.DONE, resumed.status(), resumed.message());
        assertEquals(Experiments.metricsWithoutWallTime(dir.resolve("whole")),
                Experiments.metricsWithoutWallTime(dir.resolve("cut")));
    }

    @Test
    void inspectionOfARunReadsItsLastCheckpoint() throws Exception {
        Experiment e = digits("mlp:hidden=32,binary=weights", 1);
        train(e, dir.resolve("run"), new NullProgressMonitor());
        RunFolder folder = new RunFolder(dir.resolve("run"));
        Checkpoint c = folder.latestCheckpoint().orElseThrow();
        ResolvedExperiment plan = ResolvedExperiment.resolve(folder.readRun().getExperiment(), Contributions.registry(),
                null);
        Trainer.Inspection at = new Trainer().inspect(plan, c.parameters(), c.step(), 100, null);
        Trainer.Inspection initial = new Trainer().inspect(plan, null, 0, 100, null);
        assertEquals(64, at.rows(), "the run's batch size bounds the rows");
        assertTrue(at.loss() < initial.loss(), at.loss() + " after training, " + initial.loss() + " before");
        LayerStatistics first = at.layers().get(0);
        assertEquals("layer1", first.layer());
        // 64x32 float weights are 65536 bits; as signs, 2048 bits plus 32 float scales (1024 bits): 3072
        assertEquals(65536.0 / 3072, first.extra().get("memory_saving"), 1e-12);
    }
}
