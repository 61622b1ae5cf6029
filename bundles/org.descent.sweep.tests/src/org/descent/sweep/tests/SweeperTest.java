package org.descent.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.descent.core.RunStatus;
import org.descent.experiment.Components;
import org.descent.experiment.RunFolder;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.sweep.Asha;
import org.descent.sweep.SearchSpace;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;
import org.descent.sweep.Sweeper;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real sweeps of the Gaussian MLE (seconds): ASHA's stops, any parallelism, and a resume after a cancel. */
class SweeperTest {

    @TempDir
    Path dir;

    /** 600 draws, 480 to train in batches of 48: 10 steps an epoch, 8 epochs, a checkpoint every 15 steps. */
    static Experiment base() {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName("gaussian MLE");
        e.setDataset(Components.of("bimodal:n=400,n2=200"));
        e.setModel(Components.of("gaussian:mu=1,sigma=1"));
        e.setLoss(Components.of("gaussian-nll"));
        e.setOptimizer(Components.of("gd:lr=0.05"));
        e.setEpochs(8);
        e.setBatchSize(48);
        e.setValidationFraction(0.2);
        e.setCheckpointEvery(15);
        return e;
    }

    static Study study(int parallel) {
        SearchSpace space = SearchSpace.parse(List.of("optimizer.lr=loguniform(1e-3,0.5)"))
                .withSeeds(SearchSpace.seeds("0..1"));
        return new Study(space, 4, 11, "val_loss", true, new Asha(1, 2, 8, true), parallel);
    }

    SweepFolder sweep(String name, Study study) throws Exception {
        Experiment e = base();
        List<SearchSpace.Trial> trials = study.space().trials(study.samples(), study.searchSeed(), e,
                Contributions.registry());
        assertEquals(List.of(), new Sweeper(Contributions.registry(), l -> {
        }).problems(e, study, trials));
        return SweepFolder.create(dir.resolve(name), e, study, trials);
    }

    /** What must not change with the threads or a resume: each trial's parameters, status and metric. */
    static List<String> result(SweepFolder f) throws Exception {
        List<String> r = new ArrayList<>();
        for (SweepFolder.TrialState t : f.states()) {
            r.add(t.index() + " " + t.parameters() + " " + t.status() + " best " + t.best() + " at " + t.bestEpoch()
                    + " last " + t.last() + " epochs " + t.epochs() + " " + t.message());
        }
        return r;
    }

    @Test
    void ashaStopsTrialsTheSameWayWithAnyParallelism() throws Exception {
        SweepFolder one = sweep("one", study(1));
        Sweeper.Outcome o = new Sweeper(Contributions.registry(), l -> {
        }).run(one, new NullProgressMonitor());
        assertEquals("done", o.status());
        SweepFolder three = sweep("three", study(3));
        new Sweeper(Contributions.registry(), l -> {
        }).run(three, new NullProgressMonitor());
        assertEquals(result(one), result(three));

        List<SweepFolder.TrialState> states = one.states();
        assertEquals(8, states.size(), "4 draws x 2 seeds");
        assertEquals("done", states.get(0).status(), "the first trial at every rung goes on");
        assertEquals(8, states.get(0).epochs());
        int stopped = 0;
        for (SweepFolder.TrialState t : states) {
            RunFolder run = new RunFolder(t.run());
            if (t.status().equals(SweepFolder.STOPPED)) {
                stopped++;
                // the run keeps its data and says why it stopped
                assertEquals(RunStatus.CANCELLED, run.readRun().getStatus());
                assertTrue(t.message().startsWith("stopped by ASHA after epoch " + t.epochs() + " of 8: val_loss "),
                        t.message());
                assertTrue(List.of(1, 2, 4).contains(t.epochs()), "stopped at a rung: " + t);
                assertFalse(run.checkpoints().isEmpty());
                // outside the top half at its rung: worse than the best of the trials before it there
                double best = Double.POSITIVE_INFINITY;
                for (SweepFolder.TrialState before : states.subList(0, t.index())) {
                    Double v = SweepFolder.metricByEpoch(new RunFolder(before.run()), "val_loss", Long.MAX_VALUE)
                            .get(t.epochs());
                    if (v != null) {
                        best = Math.min(best, v);
                    }
                }
                TreeMap<Integer, Double> own = SweepFolder.metricByEpoch(run, "val_loss", Long.MAX_VALUE);
                assertTrue(own.get(t.epochs()) > best, t + " vs " + best);
            } else {
                assertEquals("done", t.status(), t.toString());
                assertEquals(8, t.epochs());
            }
        }
        assertTrue(stopped >= 2, "ASHA with rf 2 stops some of 8 trials: " + result(one));
        Map<String, Object> summary = one.summary();
        List<?> ranked = (List<?>) summary.get("trials");
        double previous = Double.NEGATIVE_INFINITY;
        for (Object o2 : ranked) {
            double b = ((Number) ((Map<?, ?>) o2).get("best")).doubleValue();
            assertTrue(b >= previous, "sorted by the metric, best first");
            previous = b;
        }
        assertEquals(ranked.get(0), summary.get("best"));
        assertTrue(Files.isRegularFile(one.dir().resolve(SweepFolder.EXPERIMENT_FILE)));
    }

    @Test
    void resumeAfterACancelGivesTheSameStudy() throws Exception {
        SweepFolder whole = sweep("whole", study(2));
        new Sweeper(Contributions.registry(), l -> {
        }).run(whole, new NullProgressMonitor());

        SweepFolder cut = sweep("cut", study(2));
        NullProgressMonitor cancel = new NullProgressMonitor();
        List<String> lines = new ArrayList<>();
        Sweeper.Outcome first = new Sweeper(Contributions.registry(), l -> {
            lines.add(l);
            if (lines.size() == 2) {
                cancel.setCanceled(true);
            }
        }).run(cut, cancel);
        assertEquals("cancelled", first.status());
        List<SweepFolder.TrialState> partial = cut.states();
        assertTrue(partial.stream().anyMatch(t -> t.status().equals("pending") || t.status().equals("cancelled")),
                result(cut).toString());
        Sweeper.Outcome second = new Sweeper(Contributions.registry(), l -> {
        }).run(cut, new NullProgressMonitor());
        assertEquals("done", second.status());
        assertEquals(result(whole), result(cut));
        assertEquals("done", SweepFolder.status(cut.read()));
    }
}
