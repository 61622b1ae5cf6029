package org.descent.experiment.tests;

import static org.descent.experiment.tests.Experiments.experiment;
import static org.descent.experiment.tests.Experiments.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.ParameterBlock;
import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.internal.LiveRunsService;
import org.descent.experiment.internal.TrainingData;
import org.descent.experiment.model.Experiment;
import org.descent.core.Precision;
import org.descent.experiment.model.Provenance;
import org.descent.experiment.model.ResolvedComponent;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceRegistration;

/** What the engine does when its surroundings fail: listeners that throw, empty data, set-up that fails. */
class EngineIsolationTest {

    @TempDir
    Path dir;

    /** A listener with a bug, as a view's observer might have. */
    static final class ThrowingListener implements RunListener {
        @Override
        public void step(long step, int epoch, double loss, double g, double lr, Map<String, Double> p) {
            throw new IllegalStateException("a view's bug at step " + step);
        }

        @Override
        public void status(RunStatus status, String message) {
            throw new IllegalStateException("a view's bug on " + status);
        }
    }

    @Test
    void aListenerThatThrowsIsLoggedOnceAndTheRunGoesOn() throws Exception {
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener log = (status, plugin) -> logged.add(status);
        Platform.addLogListener(log);
        List<Long> heard = new ArrayList<>();
        List<RunStatus> statuses = new ArrayList<>();
        Trainer trainer = new Trainer().listener(new ThrowingListener()).listener(new RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double g, double lr, Map<String, Double> p) {
                heard.add(step);
            }

            @Override
            public void status(RunStatus status, String message) {
                statuses.add(status);
            }
        });
        TrainingResult r;
        try {
            r = train(trainer, experiment("bimodal", "gaussian", "gaussian-nll", "gd", 10), dir.resolve("run"),
                    new NullProgressMonitor());
        } finally {
            Platform.removeLogListener(log);
        }
        assertEquals(RunStatus.DONE, r.status(), r.message());
        assertEquals(10, heard.size(), "the listener after the failing one heard every step");
        assertEquals(List.of(RunStatus.RUNNING, RunStatus.DONE), statuses);
        assertEquals(org.descent.core.RunStatus.DONE, new RunFolder(dir.resolve("run")).readRun().getStatus());
        List<IStatus> ours = logged.stream().filter(s -> s.getMessage().contains(ThrowingListener.class.getName()))
                .toList();
        assertEquals(1, ours.size(), "logged once, naming the listener's class: " + logged);
        assertEquals(IStatus.ERROR, ours.get(0).getSeverity());
        assertTrue(ours.get(0).getException() instanceof IllegalStateException);
    }

    @Test
    void anObserverThatThrowsNeitherStopsTheRunNorKeepsItLive() throws Exception {
        LiveRuns live = new LiveRunsService();
        List<RunStatus> heard = new ArrayList<>();
        AutoCloseable broken = live.observe(run -> new ThrowingListener());
        AutoCloseable failing = live.observe(run -> {
            throw new IllegalStateException("an observer's bug");
        });
        AutoCloseable sound = live.observe(run -> new RunListener() {
            @Override
            public void status(RunStatus status, String message) {
                heard.add(status);
            }
        });
        try {
            RunFolder folder = RunFolder.create(dir.resolve("run"));
            Trainer trainer = new Trainer().listener(live.announce(folder));
            TrainingResult r = trainer.train(org.descent.experiment.ResolvedExperiment.resolve(
                    experiment("bimodal", "gaussian", "gaussian-nll", "gd", 5), Contributions.registry(), null), folder,
                    new NullProgressMonitor());
            assertEquals(RunStatus.DONE, r.status(), r.message());
            assertEquals(List.of(RunStatus.RUNNING, RunStatus.DONE), heard, "the sound observer heard the run");
            assertEquals(List.of(), live.active(), "the run left the live runs despite the throwing observer");
        } finally {
            broken.close();
            failing.close();
            sound.close();
        }
    }

    @Test
    void emptyDataIsNamedBeforeTheValidationSplit() {
        Data empty = new Data("empty", new DataShape(0, 3, 1, 0), new double[0], new double[0], List.of("a", "b", "c"));
        ExperimentException x = assertThrows(ExperimentException.class,
                () -> TrainingData.split(empty, "empty", 0.2, 7));
        assertEquals("dataset 'empty' has no rows: there is nothing to train on", x.getMessage());
        Data noInputs = new Data("no inputs", new DataShape(10, 0, 1, 0), new double[0], new double[10], List.of());
        x = assertThrows(ExperimentException.class, () -> TrainingData.split(noInputs, "no-inputs", 0.2, 7));
        assertEquals("dataset 'no-inputs' has no input columns: there is nothing to train on", x.getMessage());
        Data two = new Data("two", new DataShape(2, 1, 1, 0), new double[] { 1, 2 }, new double[] { 3, 4 }, List.of("a"));
        x = assertThrows(ExperimentException.class, () -> TrainingData.split(two, "two", 0.1, 7));
        assertEquals("validationFraction 0.1 leaves 0 of 2 rows for validation: it needs at least one row on each side",
                x.getMessage());
    }

    /** Policies handed out by the service registry, counted; {@code start} refuses the model. */
    static final class CountingPolicies implements PrototypeServiceFactory<MixedPrecisionPolicy> {
        final AtomicInteger out = new AtomicInteger();
        final AtomicInteger back = new AtomicInteger();

        @Override
        public MixedPrecisionPolicy getService(Bundle bundle, ServiceRegistration<MixedPrecisionPolicy> registration) {
            out.incrementAndGet();
            return new MixedPrecisionPolicy() {
                @Override
                public org.descent.core.Precision precision() {
                    return org.descent.core.Precision.MIXED_FP16;
                }

                @Override
                public void start(List<ParameterBlock> blocks, LossScaling scaling) {
                    throw new IllegalArgumentException("the fake policy refuses " + blocks.size() + " blocks");
                }

                @Override
                public void round(double[] values, int from, int to) {
                }

                @Override
                public double lossScale() {
                    return 1;
                }

                @Override
                public boolean unscale(double[] gradient, long step) {
                    return true;
                }

                @Override
                public void statistics(Map<String, Double> into) {
                }

                @Override
                public double[] saveState() {
                    return new double[0];
                }

                @Override
                public void restoreState(double[] state) {
                }
            };
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<MixedPrecisionPolicy> registration,
                MixedPrecisionPolicy service) {
            back.incrementAndGet();
        }
    }

    @Test
    void aPolicyIsGivenBackWhenTheSetUpFails() throws Exception {
        CountingPolicies policies = new CountingPolicies();
        @SuppressWarnings("unchecked")
        ServiceRegistration<MixedPrecisionPolicy> registration = (ServiceRegistration<MixedPrecisionPolicy>) FrameworkUtil
                .getBundle(EngineIsolationTest.class).getBundleContext()
                .registerService(MixedPrecisionPolicy.class.getName(), policies,
                        new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        try {
            Experiment e = experiment("bimodal", "gaussian", "gaussian-nll", "gd", 10);
            e.setPrecision(Precision.MIXED_FP16);
            ExperimentException x = assertThrows(ExperimentException.class,
                    () -> train(e, dir.resolve("run"), new NullProgressMonitor()));
            assertEquals("the fake policy refuses 2 blocks", x.getMessage());
            assertTrue(policies.out.get() >= 1, "the policy came from the registry");
            assertEquals(policies.out.get(), policies.back.get(), "every policy taken was given back");
        } finally {
            registration.unregister();
        }
    }

    @Test
    void theRunFileCarriesBundleVersionsAndTheDataFingerprint() throws Exception {
        train(experiment("bimodal:n=100,n2=50", "gaussian", "gaussian-nll", "gd", 3), dir.resolve("a"),
                new NullProgressMonitor());
        train(experiment("bimodal:n=100,n2=50", "gaussian", "gaussian-nll", "gd:lr=0.5", 3), dir.resolve("b"),
                new NullProgressMonitor());
        train(experiment("bimodal:n=100,n2=50,seed=1", "gaussian", "gaussian-nll", "gd", 3), dir.resolve("c"),
                new NullProgressMonitor());
        Provenance a = new RunFolder(dir.resolve("a")).readRun().getProvenance();
        assertNotNull(a.getDataFingerprint());
        assertTrue(a.getDataFingerprint().matches("[0-9a-f]{16}"), a.getDataFingerprint());
        assertEquals(Long.parseUnsignedLong(a.getDataFingerprint(), 16),
                new RunFolder(dir.resolve("a")).latestCheckpoint().orElseThrow().dataHash(),
                "the fingerprint the checkpoint keeps to refuse changed data");
        assertEquals(a.getDataFingerprint(), new RunFolder(dir.resolve("b")).readRun().getProvenance().getDataFingerprint(),
                "same data, same fingerprint");
        assertFalse(a.getDataFingerprint()
                .equals(new RunFolder(dir.resolve("c")).readRun().getProvenance().getDataFingerprint()),
                "other draws, another fingerprint");
        assertEquals(4, a.getResolved().size());
        for (ResolvedComponent rc : a.getResolved()) {
            Bundle bundle = Platform.getBundle(rc.getBundle());
            assertNotNull(bundle, rc.getBundle());
            assertEquals(bundle.getVersion().toString(), rc.getBundleVersion(), rc.getId());
        }
    }

    @Test
    void writesLeaveNoTemporaryFilesAndUsualPermissions() throws Exception {
        Experiment e = TrainerTest.minibatchRun();
        train(e, dir.resolve("run"), new NullProgressMonitor());
        try (Stream<Path> files = Files.walk(dir.resolve("run"))) {
            List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), left);
        }
        Path plain = Files.createFile(dir.resolve("run").resolve("plain"));
        if (Files.getFileStore(plain).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            assertEquals(Files.getPosixFilePermissions(plain),
                    Files.getPosixFilePermissions(new RunFolder(dir.resolve("run")).runFile()),
                    "the run file has the permissions of any new file");
        }
    }
}
