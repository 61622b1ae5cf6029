package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.RunFolder;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Sweep;
import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;
import org.descent.sweep.SweepSettings;
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

    @Test
    void badSparkOptionsExitWith2AndNameThem() {
        String[][] cases = {
            { "--spark", "sparc://x", "option '--spark': 'sparc://x' is not a Spark master URL, expected local[K],"
                    + " spark://HOST:PORT, yarn or k8s://https://HOST:PORT" },
            { "--spark-host", "127.0.0.1", "option '--spark-host' is for --spark MASTER_URL" },
            { "--spark", "local[2]", "--spark-host", "h:99999", "option '--spark-host': 'h:99999' is not HOST or"
                    + " HOST:PORT (a port in 1..65535)" },
            { "--spark", "local[2]", "--spark-conf", "executor.memory=4g", "option '--spark-conf': 'executor.memory=4g'"
                    + " is not KEY=VALUE with a Spark setting (spark.*)" } };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("--epochs", "4", "--param", "optimizer.lr=grid(0.1,0.2)"));
            args.addAll(List.of(c).subList(0, c.length - 1));
            Result bad = sweep(args.toArray(String[]::new));
            assertEquals(2, bad.code(), bad.err());
            assertTrue(bad.err().contains(c[c.length - 1]), bad.err());
        }
        Result show = run("sweep", "show", dir.toString(), "--spark", "local[2]");
        assertEquals(2, show.code());
        assertTrue(show.err().contains("option '--spark' does not apply to 'sweep show' (only --json does)"),
                show.err());
    }

    /**
     * The sweep an experiment file keeps, as the editor saves it: run with {@code --experiment},
     * the command line's options overriding the file's; a bad space names the file, the line and
     * the parameter before anything starts, and a file without a sweep says so.
     */
    @Test
    void theSweepOfAnExperimentFile() throws Exception {
        Experiment e = org.descent.experiment.model.ExperimentFactory.eINSTANCE.createExperiment();
        e.setName("lr study");
        e.setDataset(org.descent.experiment.Components.of("bimodal:n=400,n2=200"));
        e.setModel(org.descent.experiment.Components.of("gaussian:mu=1,sigma=1"));
        e.setLoss(org.descent.experiment.Components.of("gaussian-nll"));
        e.setOptimizer(org.descent.experiment.Components.of("gd:lr=0.05"));
        e.setBatchSize(48);
        e.setValidationFraction(0.2);
        e.setEpochs(2);
        Path plain = dir.resolve("plain.descent");
        ExperimentFiles.save(e, plain);
        Sweep s = org.descent.experiment.model.ExperimentFactory.eINSTANCE.createSweep();
        s.getParameters().add(SweepSettings.parameter("optimizer.lr", "grid(0.003,0.1)"));
        s.setMetric("val_loss");
        s.setScheduler("none");
        e.setSweep(s);
        Path file = dir.resolve("lr.descent");
        ExperimentFiles.save(e, file);

        Path out = dir.resolve("from-file");
        Result r = run("sweep", "--experiment", file.toString(), "--parallel", "2", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = assertInstanceOf(Map.class, Fixture.parse(r.out()).root());
        assertEquals("done", json.get("status"));
        List<?> trials = assertInstanceOf(List.class, json.get("trials"));
        assertEquals(2, trials.size());
        // as in the command line's sweep: from sigma = 1, the larger rate gets closer in the same steps
        assertEquals(Map.of("optimizer.lr", "0.1"), ((Map<?, ?>) json.get("best")).get("parameters"));
        SweepFolder folder = new SweepFolder(out);
        assertEquals(2, folder.study().parallel(), "--parallel overrides the file's 1");
        assertEquals(null, folder.experiment().getSweep(), "the study is sweep.json's; the trials train the experiment");
        assertEquals(2, folder.experiment().getEpochs());

        s.getParameters().get(0).setDistribution("grid(0.1,-2)");
        Path bad = dir.resolve("bad.descent");
        ExperimentFiles.save(e, bad);
        int line = Files.readAllLines(bad).stream().map(l -> l.contains("name=\"optimizer.lr\"")).toList().indexOf(true)
                + 1;
        Result space = run("sweep", "--experiment", bad.toString());
        assertEquals(2, space.code());
        assertTrue(space.err().contains(bad + ":" + line + ": sweep parameter 'optimizer.lr': '-2' is not valid,"
                + " expected a value in (0,inf)"), space.err());
        Result trialsOption = run("sweep", "--experiment", file.toString(), "--trials", "0");
        assertEquals(2, trialsOption.code());
        assertTrue(trialsOption.err().contains("option '--trials': '0' is not valid, expected a value in [1,1000000]"),
                trialsOption.err());
        s.getParameters().get(0).setDistribution("grid(0.1,0.2)");
        e.getOptimizer().setId("gdx");
        Path unknown = dir.resolve("unknown.descent");
        ExperimentFiles.save(e, unknown);
        Result id = run("sweep", "--experiment", unknown.toString());
        assertEquals(2, id.code());
        assertTrue(id.err().contains(unknown + ":"), id.err());
        assertTrue(id.err().contains("optimizer 'gdx': no optimizer with this id is installed"), id.err());
        assertTrue(!id.err().contains("trial 0"), "the experiment's problem is said once, not per trial: " + id.err());
        Result none = run("sweep", "--experiment", plain.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains(plain + " holds no sweep"), none.err());
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

    /**
     * Full-batch gradient descent on the Gaussian MLE (480 training draws in one batch, one step an
     * epoch, 80 epochs) at three learning rates, with {@code --analyze hessian} on each final
     * checkpoint: at the MLE of N(mu, sigma^2) the Hessian of the mean NLL is diag(1/sigma^2,
     * 2/sigma^2), so hessian.top1 is 2/sigma^2 with sigma the trial's final parameter, and
     * lr*hessian.top1 is the trial's learning rate times it.
     */
    @Test
    void curvaturePerTrialIsAColumnOfTheStudy() throws Exception {
        Path out = dir.resolve("edge");
        Result r = run("sweep", "--dataset", "bimodal:n=400,n2=200", "--model", "gaussian:mu=1,sigma=1", "--loss",
                "gaussian-nll", "--optimizer", "gd:lr=0.05", "--batch", "480", "--validation", "0.2", "--epochs", "80",
                "--checkpoint-every", "15", "--param", "optimizer.lr=grid(0.5,1,1.5)", "--scheduler", "none",
                "--analyze", "hessian", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = assertInstanceOf(Map.class, Fixture.parse(r.out()).root());
        assertEquals(List.of("hessian"), ((Map<?, ?>) json.get("study")).get("analyses"));
        List<?> columns = assertInstanceOf(List.class, json.get("columns"));
        assertTrue(columns.contains("hessian.top1") && columns.contains("lr*hessian.top1")
                && columns.contains("hessian.lambda_max"), columns.toString());
        List<?> trials = assertInstanceOf(List.class, json.get("trials"));
        assertEquals(3, trials.size());
        for (Object o : trials) {
            Map<?, ?> t = (Map<?, ?>) o;
            assertEquals("done", t.get("status"));
            double lr = Double.parseDouble((String) ((Map<?, ?>) t.get("parameters")).get("optimizer.lr"));
            RunFolder run = new RunFolder(Path.of((String) t.get("run")));
            String folder = (String) ((Map<?, ?>) t.get("analyses")).get("hessian");
            assertTrue(folder.startsWith("analyses/hessian-"), folder);
            assertTrue(Files.isRegularFile(run.dir().resolve(folder).resolve("result.json")), folder);
            // the analysis is of the final checkpoint, step 80
            double[] p = run.parametersAt(80).orElseThrow();
            double sigma = p[1];
            Map<?, ?> figures = (Map<?, ?>) t.get("figures");
            double top1 = ((Number) figures.get("hessian.top1")).doubleValue();
            assertEquals(2 / (sigma * sigma), top1, 1e-6 * top1, t.toString());
            assertEquals(top1, ((Number) figures.get("hessian.lambda_max")).doubleValue(), 1e-12 * top1);
            assertEquals(lr * top1, ((Number) figures.get("lr*hessian.top1")).doubleValue(), 1e-12 * top1);
            // the analysis' own product with the run's learning rate says the same
            assertEquals(lr * top1, ((Number) figures.get("hessian.lr_times_lambda_max")).doubleValue(), 1e-12 * top1);
        }
        Result text = run("sweep", "show", out.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("analyses   hessian at each trial's last checkpoint; one column per trial"),
                text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("lr*hessian.top1 ")), text.out());
        Result show = run("sweep", "show", out.toString(), "--json");
        assertEquals(r.out(), show.out(), "show --json prints what the sweep printed");
    }

    /**
     * A trial ASHA stops is analysed at its last checkpoint; resume runs only the analyses the
     * sweep file does not record (here one removed, as when the sweep is killed before it).
     */
    @Test
    void stoppedTrialsAreAnalysedAndResumeAnalysesOnlyWhatIsMissing() throws Exception {
        Path out = dir.resolve("asha");
        Result r = sweep("--epochs", "4", "--param", "optimizer.lr=grid(0.003,0.03,0.1,0.01)", "--reduction-factor",
                "2", "--analyze", "hessian:k=1", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<?> trials = assertInstanceOf(List.class, ((Map<?, ?>) Fixture.parse(r.out()).root()).get("trials"));
        Map<?, ?> stopped = trial(trials, 3);
        assertEquals("stopped", stopped.get("status"));
        SweepFolder sweep = new SweepFolder(out);
        RunFolder run3 = sweep.trial(3);
        List<Long> kept = run3.keptSteps();
        Map<?, ?> record3 = record(sweep, 3);
        assertEquals(kept.get(kept.size() - 1), ((Number) record3.get("step")).longValue(), record3.toString());
        assertTrue(((Map<?, ?>) stopped.get("figures")).get("hessian.top1") instanceof Number, stopped.toString());
        assertEquals(4, r.err().lines().filter(l -> l.contains(": hessian:k=1 at step ")).count(), r.err());

        // as if killed after trial 1 ended, before its analysis was stored
        Map<String, Object> file = sweep.read();
        for (Object o : (List<?>) file.get("trials")) {
            Map<?, ?> t = (Map<?, ?>) o;
            if (((Number) t.get("trial")).intValue() == 1) {
                ((Map<?, ?>) t.get("analyses")).clear();
            }
        }
        sweep.write(file);
        Path result0 = sweep.trial(0).dir().resolve((String) record(sweep, 0).get("folder")).resolve("result.json");
        String before0 = Files.readString(result0);
        java.nio.file.attribute.FileTime time0 = Files.getLastModifiedTime(result0);

        Result resumed = run("sweep", "resume", out.toString(), "--json");
        assertEquals(0, resumed.code(), resumed.err());
        List<String> analysed = resumed.err().lines().filter(l -> l.contains(": hessian:k=1 at step ")).toList();
        assertEquals(1, analysed.size(), resumed.err());
        assertTrue(analysed.get(0).startsWith("descent sweep: trial 1 (of 4): hessian:k=1 at step "), analysed.get(0));
        assertEquals(before0, Files.readString(result0));
        assertEquals(time0, Files.getLastModifiedTime(result0));
        for (int t = 0; t < 4; t++) {
            try (var s = Files.list(sweep.trial(t).dir().resolve(RunFolder.ANALYSES))) {
                assertEquals(t == 1 ? 2 : 1, s.count(), "analyses of trial " + t);
            }
        }
        assertEquals(strip(r.out()).replaceAll("hessian-[0-9-]*", "hessian-"), strip(resumed.out())
                .replaceAll("hessian-[0-9-]*", "hessian-"), "the same figures");

        Result again = run("sweep", "resume", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().lines().noneMatch(l -> l.contains(" at step ")), again.err());
    }

    private static Map<?, ?> record(SweepFolder sweep, int trial) throws Exception {
        for (Object o : (List<?>) sweep.read().get("trials")) {
            Map<?, ?> t = (Map<?, ?>) o;
            if (((Number) t.get("trial")).intValue() == trial) {
                return (Map<?, ?>) ((Map<?, ?>) t.get("analyses")).get("hessian:k=1");
            }
        }
        throw new AssertionError("no trial " + trial);
    }

    /** A bad --analyze exits with 2 naming it, before a sweep folder is written. */
    @Test
    void badAnalysesExitWith2AndNameThem() {
        Path out = dir.resolve("bad");
        String[][] cases = {
                { "hesian", "--analyze 'hesian': no analysis 'hesian' is installed; installed: " },
                { "hessian:kk=3", "--analyze 'hessian:kk=3': unknown option 'kk' for analysis 'hessian' (its options:"
                        + " method, k, max-exact," },
                { "hessian:k=-1", "--analyze 'hessian:k=-1': " },
                { "hessian:k", "--analyze 'hessian:k': 'k' is not an option: give ID:k=v,k=v" },
                { "wasserstein", "--analyze 'wasserstein': analysis 'wasserstein' does not take a run (it needs samples)" } };
        for (String[] c : cases) {
            Result bad = sweep("--epochs", "2", "--param", "optimizer.lr=grid(0.1,0.2)", "--analyze", c[0], "--out",
                    out.toString());
            assertEquals(2, bad.code(), c[0] + ": " + bad.err());
            assertTrue(bad.err().contains(c[1]), bad.err());
            assertTrue(!Files.exists(out), "nothing started for " + c[0]);
        }
        Result twice = sweep("--epochs", "2", "--param", "optimizer.lr=grid(0.1,0.2)", "--analyze", "hessian",
                "--analyze", "hessian:k=2", "--out", out.toString());
        assertEquals(2, twice.code(), twice.err());
        assertTrue(twice.err().contains("--analyze 'hessian' is given twice: each analysis once"), twice.err());
    }

    /** An analysis that refuses a trial is recorded with its message, shown, and not run again on resume. */
    @Test
    void aFailedAnalysisIsRecordedAndNotRerun() throws Exception {
        Path out = dir.resolve("refused");
        Result r = sweep("--epochs", "2", "--param", "optimizer.lr=grid(0.05,0.1)", "--scheduler", "none",
                "--analyze", "hessian:k=5", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String why = "option '--k': 5 eigenpairs asked, but the model has only 2";
        assertEquals(2, r.err().lines().filter(l -> l.contains(": hessian:k=5 failed: " + why)).count(), r.err());
        assertTrue(r.out().contains("trial 0: hessian:k=5 failed: " + why), r.out());
        assertTrue(r.out().contains("analyses   hessian:k=5 at each trial's last checkpoint (none stored yet)"),
                r.out());
        Result resumed = run("sweep", "resume", out.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().lines().noneMatch(l -> l.contains("hessian:k=5")), resumed.err());
        assertTrue(resumed.out().contains("trial 1: hessian:k=5 failed: " + why), resumed.out());
    }

    /** A study's JSON without what differs between two folders: paths and wall time. */
    private static String strip(String json) {
        return json.replaceAll("\"(run|sweep)\": \"[^\"]*\"", "\"$1\": \"\"").replaceAll("\"wall_seconds\": [^,\\n]*",
                "\"wall_seconds\": 0");
    }
}
