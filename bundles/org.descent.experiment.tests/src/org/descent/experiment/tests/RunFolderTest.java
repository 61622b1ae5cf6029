package org.descent.experiment.tests;

import static org.descent.experiment.tests.Experiments.experiment;
import static org.descent.experiment.tests.Experiments.train;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.descent.core.AnalysisResult;
import org.descent.core.Optimizer;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.model.Run;
import org.descent.core.RunStatus;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run store's files when they are damaged, raced for, or left by a process that is gone. */
class RunFolderTest {

    @TempDir
    Path dir;

    static Checkpoint checkpoint(long step, double... parameters) {
        return new Checkpoint(step, 1.5, 0.25, 0.5, 42, parameters,
                new Optimizer.State(step, Map.of("m", new double[] { 1, 2 })));
    }

    /** Overwrites an int in a file (big-endian, as the engine writes them). */
    static void putInt(Path file, long offset, int value) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.writeInt(value);
        }
    }

    static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    @Test
    void aCheckpointRoundTrips() throws Exception {
        Path file = dir.resolve("c.ckpt");
        checkpoint(7, 1, -2, 3).write(file);
        Checkpoint c = Checkpoint.read(file);
        assertEquals(7, c.step());
        assertArrayEquals(new double[] { 1, -2, 3 }, c.parameters());
        assertArrayEquals(new double[] { 1, 2 }, c.optimizer().arrays().get("m"));
        // magic, version, step, wall, previous loss, epoch sum, hash; 3 parameters; steps, 1 array "m" of 2
        assertEquals(48 + 4 + 24 + 8 + 4 + 2 + 1 + 4 + 16, Files.size(file));
    }

    @Test
    void aCorruptCountIsRefusedBeforeAllocatingNamingFileAndOffset() throws Exception {
        Path file = dir.resolve("c.ckpt");
        checkpoint(7, 1, -2, 3).write(file);
        // the parameter count follows 48 bytes of header: make it ask for 16 GiB
        putInt(file, 48, Integer.MAX_VALUE);
        IOException x = assertThrows(IOException.class, () -> Checkpoint.read(file));
        assertTrue(x.getMessage().startsWith(file + ": at byte 48: parameters: 2147483647 values, but "),
                x.getMessage());
    }

    @Test
    void aTruncatedCheckpointNamesFileAndOffset() throws Exception {
        Path file = dir.resolve("c.ckpt");
        checkpoint(7, 1, -2, 3).write(file);
        truncate(file, 30);
        IOException x = assertThrows(IOException.class, () -> Checkpoint.read(file));
        assertEquals(file + ": at byte 24: truncated: a long needs 8 bytes, 6 remain in the file of 30", x.getMessage());
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToTheOneBefore() throws Exception {
        RunFolder folder = RunFolder.create(dir.resolve("run"));
        checkpoint(10, 1, 1).write(folder.checkpointFile(10));
        checkpoint(20, 2, 2).write(folder.checkpointFile(20));
        putInt(folder.checkpointFile(20), 48, 1 << 30);
        assertEquals(10, folder.latestCheckpoint().orElseThrow().step());
        truncate(folder.checkpointFile(20), 0);
        assertEquals(10, folder.latestCheckpoint().orElseThrow().step());
    }

    @Test
    void aCorruptTrajectoryPointNamesFileAndOffset() throws Exception {
        RunFolder folder = RunFolder.create(dir.resolve("run"));
        folder.writeTrajectoryPoint(5, new double[] { 1, 2 });
        assertArrayEquals(new double[] { 1, 2 }, folder.parametersAt(5).orElseThrow());
        Path file = folder.dir().resolve(RunFolder.TRAJECTORY).resolve("step-000000000005.params");
        // magic (4 bytes) and step (8) come before the count
        putInt(file, 12, 1 << 29);
        IOException x = assertThrows(IOException.class, () -> folder.parametersAt(5));
        assertTrue(x.getMessage().startsWith(file + ": at byte 12: parameters: 536870912 values, but 16 bytes remain"),
                x.getMessage());
    }

    @Test
    void theLastLoggedStepIsReadFromTheEndOfMetrics() throws Exception {
        RunFolder folder = RunFolder.create(dir.resolve("run"));
        assertEquals(Optional.empty(), folder.lastLoggedStep());
        String header = "step,epoch,loss,grad_norm,lr,wall_s,train_loss,val_loss,val_accuracy\n";
        Files.writeString(folder.metricsFile(), header);
        assertEquals(Optional.empty(), folder.lastLoggedStep());
        StringBuilder csv = new StringBuilder(header);
        for (int step = 1; step <= 2000; step++) {
            csv.append(step).append(',').append(step / 100).append(',').append(1.0 / step).append(",0.5,0.01,")
                    .append(step * 0.001).append(",,,\n");
        }
        // a row being written when the process was killed
        csv.append("2001,20,0.00049");
        Files.writeString(folder.metricsFile(), csv, StandardCharsets.UTF_8);
        assertTrue(Files.size(folder.metricsFile()) > 8192, "longer than the tail that is read");
        assertEquals(Optional.of(new RunFolder.LoggedStep(2000, 20, 1.0 / 2000, 2.0)), folder.lastLoggedStep());
    }

    @Test
    void twoAnalysesStoredAtTheSameMomentGetTheirOwnFolders() throws Exception {
        RunFolder folder = RunFolder.create(dir.resolve("run"));
        int writers = 4;
        CyclicBarrier together = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Path>> stored = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                stored.add(pool.submit(() -> {
                    AnalysisResult r = new AnalysisResult("hessian").put("writer", n);
                    together.await(10, TimeUnit.SECONDS);
                    return folder.writeAnalysis(r);
                }));
            }
            List<Path> folders = new ArrayList<>();
            for (Future<Path> f : stored) {
                folders.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(writers, folders.stream().distinct().count(), folders.toString());
            List<String> writersFound = new ArrayList<>();
            for (Path p : folders) {
                String json = Files.readString(p.resolve("result.json"));
                writersFound.add(json.replaceAll("(?s).*\"writer\": ?(\\d+).*", "$1"));
            }
            assertEquals(List.of("0", "1", "2", "3"), writersFound.stream().sorted().toList(),
                    "each folder holds its own writer's result");
        } finally {
            pool.shutdownNow();
        }
    }

    /** A run file that says running, in the name of the given process. */
    static Run running(Path runDir, long pid, Date start, String host) throws Exception {
        train(experiment("bimodal", "gaussian", "gaussian-nll", "gd", 3), runDir, new NullProgressMonitor());
        RunFolder folder = new RunFolder(runDir);
        Run run = folder.readRun();
        run.setStatus(RunStatus.RUNNING);
        run.setPid(pid);
        run.setProcessStart(start);
        run.setProcessHost(host);
        folder.writeRun(run);
        return folder.readRun();
    }

    @Test
    void aRunIsRunningOnlyWhileItsOwnProcessLives() throws Exception {
        Process child = new ProcessBuilder("sleep", "120").start();
        try {
            Instant started = child.toHandle().info().startInstant().orElseThrow();
            String host = org.descent.experiment.internal.RunProcess.host();
            Run live = running(dir.resolve("live"), child.pid(), Date.from(started), host);
            assertEquals(RunStatus.RUNNING, RunFolder.effectiveStatus(live));
            ExperimentException x = assertThrows(ExperimentException.class,
                    () -> new Trainer().resume(new RunFolder(dir.resolve("live")), Contributions.registry(), null));
            assertTrue(x.getMessage().contains("the run is still running (process " + child.pid() + " on " + host + ")"),
                    x.getMessage());

            // the pid was handed to another process: the run's own started at another time
            Run reused = running(dir.resolve("reused"), child.pid(), Date.from(started.minusSeconds(3600)), host);
            assertEquals(RunStatus.INTERRUPTED, RunFolder.effectiveStatus(reused));
            assertEquals(org.descent.core.RunStatus.DONE, new Trainer()
                    .resume(new RunFolder(dir.resolve("reused")), Contributions.registry(), null).status(),
                    "a reused pid does not block the resume");
            Run self = running(dir.resolve("self"), ProcessHandle.current().pid(),
                    Date.from(started.minusSeconds(3600)), host);
            assertEquals(RunStatus.INTERRUPTED, RunFolder.effectiveStatus(self));

            // a run file written before start times were recorded: judged by its pid, as before
            Run old = running(dir.resolve("old"), child.pid(), null, null);
            assertEquals(RunStatus.RUNNING, RunFolder.effectiveStatus(old));
            String xml = Files.readString(new RunFolder(dir.resolve("old")).runFile());
            assertTrue(!xml.contains("processStart") && !xml.contains("processHost"), xml);
        } finally {
            child.destroy();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        Run gone = new RunFolder(dir.resolve("live")).readRun();
        assertEquals(RunStatus.INTERRUPTED, RunFolder.effectiveStatus(gone), "its process is gone");
        assertNotEquals(0, gone.getPid());
    }

    @Test
    void aRunOfAnotherHostIsRunningWhileItsFilesChange() throws Exception {
        Path runDir = dir.resolve("elsewhere");
        running(runDir, 1, new Date(), "another-host.invalid");
        RunFolder folder = new RunFolder(runDir);
        assertEquals(RunStatus.RUNNING, RunFolder.effectiveStatus(folder.readRun()),
                "just written there: it cannot be checked from here");
        java.nio.file.attribute.FileTime quiet = java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(folder.runFile(), quiet);
        Files.setLastModifiedTime(folder.metricsFile(), quiet);
        assertEquals(RunStatus.INTERRUPTED, RunFolder.effectiveStatus(folder.readRun()),
                "an hour without a metrics row: the other host's process has ended");
        Files.setLastModifiedTime(folder.metricsFile(), java.nio.file.attribute.FileTime.from(Instant.now()));
        assertEquals(RunStatus.RUNNING, RunFolder.effectiveStatus(folder.readRun()), "metrics.csv still grows");
    }
}
