package org.descent.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.descent.core.MixedPrecisionPolicy;
import org.descent.experiment.internal.Checkpoint;
import org.descent.sweep.SearchSpace;
import org.descent.sweep.SweepFolder;
import org.descent.sweep.Sweeper;
import org.descent.sweep.TrialExecutor;
import org.descent.sweep.spark.Receiver;
import org.descent.sweep.spark.TrialLink;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials trained as a Spark task trains them, without Spark: each attempt connects a
 * {@link TrialLink} to the sweep's {@link Receiver} over the loopback address, trains on its own
 * copy of the sweep folder and streams the run folder back, asking at ASHA's rungs. The study
 * must be the one threads of the sweeping process give, also when an attempt is lost after a
 * checkpoint came back and the next attempt resumes from it.
 */
class RemoteTrialsTest {

    @TempDir
    Path dir;

    /** The receiver's token, handed to the attempts as a job hands it to its tasks. */
    private volatile String token = "";

    /** Runs each trial's attempts on two threads; attempt 0 of {@code lose} is lost at its second rung. */
    private TrialExecutor wired(int lose, AtomicLong resumedFrom, List<String> log) {
        return (todo, trials, monitor) -> {
            Set<Integer> indices = todo.stream().map(SearchSpace.Trial::index).collect(Collectors.toSet());
            try (Receiver receiver = new Receiver(0, trials, indices, MixedPrecisionPolicy.LossScaling.DEFAULT,
                    log::add)) {
                token = receiver.token();
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
                for (SearchSpace.Trial t : todo) {
                    futures.add(pool.submit(() -> {
                        int attempt = 0;
                        while (!attempt(receiver.port(), t.index(), attempt, t.index() == lose && attempt == 0,
                                resumedFrom)) {
                            attempt++;
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : futures) {
                    f.get();
                }
                pool.shutdown();
            } catch (Exception e) {
                throw new java.io.IOException(e);
            }
        };
    }

    /** One attempt, as descent sweep-trial runs it; false when it was lost. */
    private boolean attempt(int port, int trial, int attempt, boolean lose, AtomicLong resumedFrom) throws Exception {
        Path work = Files.createTempDirectory(dir, "attempt");
        try (TrialLink link = TrialLink.connect("127.0.0.1:" + port, token, trial, attempt, work)) {
            if (attempt > 0) {
                Optional<Checkpoint> c = link.folder().trial(trial).latestCheckpoint();
                resumedFrom.set(c.map(Checkpoint::step).orElse(-1L));
            }
            Sweeper.Rung rung = link.rung(link.folder().study());
            assertNotNull(rung);
            AtomicBoolean cut = new AtomicBoolean();
            Sweeper.Rung maybeLost = new Sweeper.Rung() {
                @Override
                public boolean isRung(int epochs) {
                    return rung.isRung(epochs);
                }

                @Override
                public TrialExecutor.Verdict decide(int t, int epochs, double value) throws InterruptedException {
                    TrialExecutor.Verdict v = rung.decide(t, epochs, value);
                    if (lose && epochs == 2) {
                        // the executor dies right after the rung: what it sent so far is all the sweep has
                        cut.set(true);
                        try {
                            link.close();
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                        return TrialExecutor.Verdict.CANCELLED;
                    }
                    return v;
                }
            };
            Sweeper.Trained trained = new Sweeper(Contributions.registry(), l -> {
            }).trainAlone(link.folder(), trial, maybeLost, link.monitor());
            if (cut.get()) {
                return false;
            }
            link.end(trained, null);
            return true;
        }
    }

    @Test
    void trialsOverTheWireGiveTheStudyThreadsGive() throws Exception {
        SweeperTest local = new SweeperTest();
        local.dir = dir;
        SweepFolder threads = local.sweep("threads", SweeperTest.study(2));
        new Sweeper(Contributions.registry(), l -> {
        }).run(threads, new NullProgressMonitor());

        List<String> log = new CopyOnWriteArrayList<>();
        AtomicLong resumedFrom = new AtomicLong(-2);
        SweepFolder wired = local.sweep("wired", SweeperTest.study(2));
        Sweeper.Outcome o = new Sweeper(Contributions.registry(), l -> {
        }).executor(wired(0, resumedFrom, log)).run(wired, new NullProgressMonitor());

        assertEquals("done", o.status());
        assertEquals(SweeperTest.result(threads), SweeperTest.result(wired));
        // the same rows, step by step, wall time aside
        for (SweepFolder.TrialState t : threads.states()) {
            assertEquals(rows(t.run()), rows(wired.trial(t.index()).dir()), "trial " + t.index());
        }
        // attempt 0 of trial 0 was lost at epoch 2 (step 20) after its checkpoint of step 15 came back
        assertEquals(15, resumedFrom.get(), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("spark: trial 0 attempt 1 on")), String.join("\n", log));
    }

    /** metrics.csv without the wall time column. */
    private static List<String> rows(Path run) throws Exception {
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        int wall = List.of(lines.get(0).split(",", -1)).indexOf("wall_s");
        return lines.stream().map(l -> {
            List<String> cells = new java.util.ArrayList<>(List.of(l.split(",", -1)));
            cells.remove(wall);
            return String.join(",", cells);
        }).toList();
    }
}
