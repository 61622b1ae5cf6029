package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.model.Experiment;
import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;
import org.descent.sweep.Sweeper;
import org.descent.testing.Contributions;
import org.descent.testing.Fixture;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

/** sweep, sweep show, sweep resume and sweeps as a user types them, on the Gaussian MLE (seconds). */
class SweepCommandTest extends InRunStore {

    /** Train's options for a small Gaussian MLE: 600 draws, 480 to train in batches of 48, 10 steps an epoch. */
    private static List<String> gaussian(String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "--dataset", "bimodal:n=400,n2=200", "--model",
                "gaussian:mu=1,sigma=1", "--loss", "gaussian-nll", "--optimizer", "gd:lr=0.05", "--batch", "48",
                "--validation", "0.2", "--checkpoint-every", "15"));
        args.addAll(List.of(more));
        return args;
    }

    private static Result sweep(String... more) {
        return run(gaussian(more).toArray(String[]::new));
    }

    private static Map<?, ?> trial(List<?> trials, int index) {
        return trials.stream().map(o -> (Map<?, ?>) o).filter(t -> ((Number) t.get("trial")).intValue() == index)
                .findFirst().orElseThrow();
    }

    @Test
    void badSpacesExitWith2AndNameTheParameter() {
        Result missing = sweep("--epochs", "4");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("option '--param' is required"), missing.err());
        Result undeclared = sweep("--epochs", "4", "--param", "optimizer.momentum=uniform(0.1,0.9)", "--trials", "2");
        assertEquals(2, undeclared.code());
        assertTrue(undeclared.err().contains("--param 'optimizer.momentum': optimizer 'gd' declares no hyperparameter"
                + " 'momentum' (it has lr, weight_decay)"), undeclared.err());
        Result range = sweep("--epochs", "4", "--param", "optimizer.lr=grid(0.1,-2)");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("--param 'optimizer.lr': '-2' is not valid, expected a value in (0,inf)"),
                range.err());
        Result draws = sweep("--epochs", "4", "--param", "optimizer.lr=loguniform(1e-3,1e-1)");
        assertEquals(2, draws.code());
        assertTrue(draws.err().contains("the space draws optimizer.lr at random: give --trials N"), draws.err());
        Result steps = sweep("--steps", "40", "--param", "optimizer.lr=grid(0.1,0.2)");
        assertEquals(2, steps.code());
        assertTrue(steps.err().contains("--scheduler asha compares trials at the end of epochs: give --epochs N"),
                steps.err());
        Result metric = sweep("--epochs", "4", "--param", "optimizer.lr=grid(0.1,0.2)", "--metric", "val_los");
        assertEquals(2, metric.code());
        assertTrue(metric.err().contains("--metric 'val_los' is not known, expected one of train_loss, val_loss,"
                + " val_accuracy"), metric.err());
        Result twice = sweep("--epochs", "4", "--param", "optimizer.lr=grid(0.1,0.2)", "--epochs", "5");
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("option '--epochs' is given twice"), twice.err());
        Result show = run("sweep", "show");
        assertEquals(2, show.code());
        assertTrue(show.err().contains("'sweep show' needs the sweep's folder (DIR)"), show.err());
    }

    /**
     * Four learning rates of gradient descent on the Gaussian MLE, two at a time, ASHA with
     * reduction factor 2 over 4 epochs (rungs 1 and 2).
     */
    @Test
    void smallSweepThroughTheCommandLine() throws Exception {
        Path out = dir.resolve("lr-sweep");
        Result r = sweep("--epochs", "4", "--param", "optimizer.lr=grid(0.003,0.03,0.1,0.01)", "--parallel", "2",
                "--reduction-factor", "2", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = assertInstanceOf(Map.class, Fixture.parse(r.out()).root());
        assertEquals("done", json.get("status"));
        List<?> trials = assertInstanceOf(List.class, json.get("trials"));
        assertEquals(4, trials.size());
        double previous = Double.NEGATIVE_INFINITY;
        for (Object o : trials) {
            Map<?, ?> t = (Map<?, ?>) o;
            double best = ((Number) t.get("best")).doubleValue();
            assertTrue(best >= previous, "sorted by val_loss, lowest first: " + trials);
            previous = best;
        }
        assertEquals(trials.get(0), json.get("best"));
        // trial 0 is first at every rung: it always runs its 4 epochs
        assertEquals("done", trial(trials, 0).get("status"));
        assertEquals(Map.of("optimizer.lr", "0.003"), trial(trials, 0).get("parameters"));
        // from sigma = 1 towards the data's sigma (about sqrt(3)), gradient descent gets closer in the same steps
        // the larger its rate (up to 0.1): val_loss falls with lr. At rung 1, trial 3 (lr 0.01) is compared with
        // 0.003, 0.03 and 0.1: the median of the three (rf 2) is 0.03's, which it does not reach, so ASHA stops
        // it; trials 1 and 2 beat every trial before them and go on.
        Map<?, ?> best = (Map<?, ?>) json.get("best");
        assertEquals(Map.of("optimizer.lr", "0.1"), best.get("parameters"));
        assertEquals("done", trial(trials, 1).get("status"));
        assertEquals("done", trial(trials, 2).get("status"));
        Map<?, ?> stopped = trial(trials, 3);
        assertEquals("stopped", stopped.get("status"), trials.toString());
        assertEquals(1, ((Number) stopped.get("epochs")).intValue());
        assertTrue(((String) stopped.get("message")).startsWith("stopped by ASHA after epoch 1 of 4: val_loss "),
                stopped.toString());

        Result show = run("sweep", "show", out.toString(), "--json");
        assertEquals(0, show.code(), show.err());
        assertEquals(r.out(), show.out(), "show --json prints what the sweep printed");
        Result text = run("sweep", "show", out.toString());
        assertTrue(text.out().contains("best       trial 2: val_loss "), text.out());
        assertTrue(text.out().contains("status     done (4 trials: 3 done, 1 stopped)"), text.out());

        Result list = run("sweeps", "--root", dir.toString(), "--json");
        assertEquals(0, list.code(), list.err());
        List<?> sweeps = assertInstanceOf(List.class, Fixture.parse(list.out()).root());
        assertEquals(1, sweeps.size());
        assertEquals("lr-sweep", ((Map<?, ?>) sweeps.get(0)).get("name"));
        assertEquals(((Number) best.get("best")).doubleValue(), ((Number) ((Map<?, ?>) sweeps.get(0)).get("best"))
                .doubleValue(), 0);
        Result options = run("sweep", "show", out.toString(), "--epochs", "3");
        assertEquals(2, options.code());
        assertTrue(options.err().contains("option '--epochs' does not apply to 'sweep show' (only --json does)"),
                options.err());
    }

    /** A sweep cancelled after two trials and resumed from the command line gives the uninterrupted one's study. */
    @Test
    void resumeGivesTheUninterruptedResult() throws Exception {
        Path whole = dir.resolve("whole");
        List<String> args = gaussian("--epochs", "4", "--param", "optimizer.lr=loguniform(1e-3,0.1)", "--trials", "3",
                "--seeds", "0..1", "--parallel", "2", "--reduction-factor", "2", "--search-seed", "5", "--out",
                whole.toString(), "--json");
        Result uninterrupted = run(args.toArray(String[]::new));
        assertEquals(0, uninterrupted.code(), uninterrupted.err());

        // the same study started from the same files, cancelled after its second trial ends
        SweepFolder model = new SweepFolder(whole);
        Experiment e = ExperimentFiles.loadExperiment(whole.resolve(SweepFolder.EXPERIMENT_FILE));
        Study study = model.study();
        SweepFolder cut = SweepFolder.create(dir.resolve("cut"), e, study, model.trials());
        NullProgressMonitor cancel = new NullProgressMonitor();
        List<String> lines = new ArrayList<>();
        Sweeper.Outcome o = new Sweeper(Contributions.registry(), l -> {
            lines.add(l);
            if (lines.size() == 2) {
                cancel.setCanceled(true);
            }
        }).run(cut, cancel);
        assertEquals("cancelled", o.status());

        Result resumed = run("sweep", "resume", cut.dir().toString(), "--json");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(strip(uninterrupted.out()), strip(resumed.out()));
    }

    /** A study's JSON without what differs between two folders: paths and wall time. */
    private static String strip(String json) {
        return json.replaceAll("\"(run|sweep)\": \"[^\"]*\"", "\"$1\": \"\"").replaceAll("\"wall_seconds\": [^,\\n]*",
                "\"wall_seconds\": 0");
    }
}
