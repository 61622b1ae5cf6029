package org.descent.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.descent.core.RunStatus;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Metric;
import org.descent.experiment.model.Run;
import org.descent.experiment.model.Setting;
import org.descent.ui.internal.RunJob;
import org.descent.ui.internal.store.RunEntry;
import org.descent.ui.internal.store.StoreReader;
import org.descent.ui.internal.store.StoreSnapshot;
import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The navigator's data side without a workbench: what a snapshot holds and when run files are read again. */
class StoreReaderTest {

    private static final ExperimentFactory F = ExperimentFactory.eINSTANCE;

    private Path tmp;

    @BeforeEach
    void folder() throws Exception {
        tmp = Files.createTempDirectory("descent-store-reader");
    }

    private static Run run(org.descent.core.RunStatus status, long step, double trainLoss, long pid) {
        Experiment x = F.createExperiment();
        x.setName("x");
        x.setSteps(step);
        Component adam = F.createComponent();
        adam.setId("adam");
        Setting lr = F.createSetting();
        lr.setName("lr");
        lr.setValue("0.1");
        adam.getSettings().add(lr);
        x.setOptimizer(adam);
        Run r = F.createRun();
        r.setName("r");
        r.setExperiment(x);
        r.setStatus(status);
        r.setStep(step);
        r.setPid(pid);
        r.setMessage("budget reached");
        Metric m = F.createMetric();
        m.setName("train_loss");
        m.setValue(trainLoss);
        r.getMetrics().add(m);
        return r;
    }

    private static RunFolder folder(Path store, String name) throws Exception {
        return RunFolder.create(Files.createDirectories(store.resolve(name)));
    }

    @Test
    void aSnapshotHoldsWhatTheFilesSayAndReadsARunFileOncePerChange() throws Exception {
        Path experiments = Files.createDirectories(tmp.resolve("experiments"));
        Files.writeString(experiments.resolve("b.descent"), "");
        Files.writeString(experiments.resolve("a.descent"), "");
        Files.writeString(experiments.resolve("notes.txt"), "");
        Files.createDirectories(experiments.resolve("folder.descent"));
        Path store = tmp.resolve("runs");
        RunFolder done = folder(store, "20261207-101010-done");
        done.writeRun(run(org.descent.core.RunStatus.DONE, 42, 1.25, 0));
        RunFolder killed = folder(store, "20261207-101011-killed");
        // a pid no process has: the run said "running" and its process is gone
        killed.writeRun(run(org.descent.core.RunStatus.RUNNING, 7, Double.NaN, Long.MAX_VALUE));
        RunFolder corrupt = folder(store, "20261207-101012-corrupt");
        Files.writeString(corrupt.runFile(), "<not a run");

        AtomicInteger parses = new AtomicInteger();
        StoreReader reader = new StoreReader(f -> {
            parses.incrementAndGet();
            return f.readRun();
        });
        StoreSnapshot s = reader.read(experiments, new RunStore(store));
        assertEquals(List.of(experiments.resolve("a.descent"), experiments.resolve("b.descent")), s.experiments());
        assertEquals(List.of(done.dir(), killed.dir(), corrupt.dir()), s.runs().stream().map(RunEntry::dir).toList());
        RunEntry d = s.run(done.dir());
        assertNotNull(d);
        assertTrue(d.readable());
        assertEquals(RunStatus.DONE, d.status());
        assertEquals(42, d.step());
        assertEquals(1.25, d.loss());
        assertEquals("budget reached", d.message());
        assertEquals("adam(lr=0.1) \u00B7 42 steps", d.experiment());
        assertEquals(RunStatus.INTERRUPTED, s.run(killed.dir()).status());
        assertTrue(Double.isNaN(s.run(killed.dir()).loss()));
        RunEntry c = s.run(corrupt.dir());
        assertFalse(c.readable());
        assertEquals(RunStatus.FAILED, c.status());
        assertFalse(c.error().isBlank(), "an unreadable run file says why");
        assertEquals(3, parses.get());

        assertEquals(s, reader.read(experiments, new RunStore(store)), "nothing changed, the same snapshot");
        assertEquals(3, parses.get(), "run files read again though unchanged");

        done.writeRun(run(org.descent.core.RunStatus.DONE, 43, 1.5, 0));
        Files.setLastModifiedTime(done.runFile(), FileTime.fromMillis(Files.getLastModifiedTime(done.runFile())
                .toMillis() + 2000));
        StoreSnapshot changed = reader.read(experiments, new RunStore(store));
        assertEquals(4, parses.get(), "only the changed run file is read again");
        assertNotEquals(s, changed);
        assertEquals(43, changed.run(done.dir()).step());
    }

    @Test
    void aRunJobReportsHowTheRunEnded() {
        RunFolder f = new RunFolder(tmp.resolve("r"));
        assertEquals(IStatus.OK, RunJob.result(new RunJob.Outcome(f, RunStatus.DONE, "r: done")).getSeverity());
        assertEquals(IStatus.CANCEL, RunJob.result(new RunJob.Outcome(f, RunStatus.CANCELLED, "r: cancelled"))
                .getSeverity());
        IStatus failed = RunJob.result(new RunJob.Outcome(f, RunStatus.FAILED, "r failed: no data"));
        assertEquals(IStatus.ERROR, failed.getSeverity());
        assertEquals("r failed: no data", failed.getMessage());
        IStatus diverged = RunJob.result(new RunJob.Outcome(f, RunStatus.DIVERGED, "r: diverged at step 3"));
        assertEquals(IStatus.WARNING, diverged.getSeverity());
        assertEquals("r: diverged at step 3", diverged.getMessage());
    }
}
