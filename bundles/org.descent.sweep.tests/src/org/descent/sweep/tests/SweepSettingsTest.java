package org.descent.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.descent.experiment.Components;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Sweep;
import org.descent.sweep.Asha;
import org.descent.sweep.SearchSpace;
import org.descent.sweep.Study;
import org.descent.sweep.SweepSettings;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep kept in a .descent file: the round trip, files written before sweeps, and bad spaces named (instant). */
class SweepSettingsTest {

    @TempDir
    Path dir;

    private static Experiment experiment(int epochs) {
        ExperimentFactory f = ExperimentFactory.eINSTANCE;
        Experiment e = f.createExperiment();
        e.setDataset(Components.of("bimodal:n=400,n2=200"));
        e.setModel(Components.of("gaussian:mu=1,sigma=1"));
        e.setLoss(Components.of("gaussian-nll"));
        e.setOptimizer(Components.of("gd:lr=0.05"));
        e.setEpochs(epochs);
        e.setValidationFraction(0.2);
        return e;
    }

    private static Sweep sweep() {
        Sweep s = ExperimentFactory.eINSTANCE.createSweep();
        s.getParameters().add(SweepSettings.parameter("optimizer.lr", "loguniform(1e-4,1e-1)"));
        s.getParameters().add(SweepSettings.parameter("batch", "grid(32,64)"));
        s.setSeeds("0..2");
        s.setTrials(3);
        s.setSearchSeed(7);
        s.setMetric("val_loss");
        s.setReductionFactor(2);
        s.setGracePeriod(2);
        s.setParallel(2);
        s.getAnalyses().add("hessian:k=2");
        return s;
    }

    /** Studies are records but their space is not: compared by the space's texts and every other component. */
    private static void assertSameStudy(Study expected, Study actual) {
        assertEquals(expected.space().parameters().stream().map(SearchSpace.Parameter::text).toList(),
                actual.space().parameters().stream().map(SearchSpace.Parameter::text).toList());
        assertEquals(new Study(actual.space(), expected.samples(), expected.searchSeed(), expected.metric(),
                expected.minimize(), expected.asha(), expected.parallel(), expected.analyses()), actual);
    }

    @Test
    void aSweepSurvivesTheFileAndIsTheStudyTheCommandLineGives() throws Exception {
        Experiment e = experiment(8);
        e.setSweep(sweep());
        Path f = dir.resolve("lr.descent");
        ExperimentFiles.save(e, f);
        String xml = Files.readString(f);
        assertTrue(xml.contains("<parameters name=\"optimizer.lr\" distribution=\"loguniform(1e-4,1e-1)\"/>"), xml);
        Experiment back = ExperimentFiles.loadExperiment(f);
        assertTrue(EcoreUtil.equals(e, back), xml);
        Study study = SweepSettings.study(back.getSweep(), back);
        // descent sweep --param optimizer.lr=loguniform(1e-4,1e-1) --param batch=grid(32,64) --seeds 0..2 --trials 3
        // --search-seed 7 --metric val_loss --reduction-factor 2 --grace-period 2 --parallel 2 --analyze hessian:k=2
        Study cli = new Study(SearchSpace.parse(List.of("optimizer.lr=loguniform(1e-4,1e-1)", "batch=grid(32,64)"))
                .withSeeds(List.of("0", "1", "2")), 3, 7, "val_loss", true, new Asha(2, 2, 8, true), 2,
                List.of("hessian:k=2"));
        assertSameStudy(cli, study);
        assertEquals(3 * 2 * 3, study.space().trials(3, 7, back, org.descent.testing.Contributions.registry()).size());
    }

    @Test
    void defaultsAreLeftOutOfTheFileAndReadBack() throws Exception {
        Experiment e = experiment(4);
        Sweep s = ExperimentFactory.eINSTANCE.createSweep();
        s.getParameters().add(SweepSettings.parameter("optimizer", "choice(gd,adam)"));
        e.setSweep(s);
        Path f = dir.resolve("defaults.descent");
        ExperimentFiles.save(e, f);
        String xml = Files.readString(f);
        assertTrue(xml.contains("<sweep>"), xml);
        Study study = SweepSettings.study(ExperimentFiles.loadExperiment(f).getSweep(), e);
        // the declared defaults, as descent sweep's: one draw, search seed 0, train_loss (min), ASHA 1 and 4, one at a time
        assertSameStudy(new Study(SearchSpace.parse(List.of("optimizer=choice(gd,adam)")), 1, 0, "train_loss", true,
                new Asha(Asha.DEFAULT_GRACE_PERIOD, Asha.DEFAULT_REDUCTION_FACTOR, 4, true), 1), study);
    }

    @Test
    void aFileWrittenBeforeSweepsStillLoads() throws Exception {
        Path f = dir.resolve("old.descent");
        Files.writeString(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<descent:Experiment xmlns:descent=\"http://descent.org/experiment/1.0\" steps=\"10\">\n"
                + "  <dataset id=\"bimodal\"/>\n  <model id=\"gaussian\"/>\n  <loss id=\"gaussian-nll\"/>\n"
                + "  <optimizer id=\"gd\"/>\n</descent:Experiment>\n");
        Experiment e = ExperimentFiles.loadExperiment(f);
        assertNull(e.getSweep());
        assertEquals("gd", e.getOptimizer().getId());
    }

    @Test
    void badSweepsNameTheParameterOrSetting() {
        Experiment e = experiment(4);
        Sweep s = ExperimentFactory.eINSTANCE.createSweep();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> SweepSettings.study(s, e));
        assertTrue(none.getMessage().startsWith("the sweep has no parameter"), none.getMessage());
        s.getParameters().add(SweepSettings.parameter("optimizer.lr", "loguniform(0.1,1e-3)"));
        IllegalArgumentException bounds = assertThrows(IllegalArgumentException.class, () -> SweepSettings.study(s, e));
        assertEquals("sweep parameter 'optimizer.lr': 'loguniform(0.1,1e-3)': the lower bound 0.1 must be below the"
                + " upper bound 1e-3", bounds.getMessage());
        s.getParameters().get(0).setDistribution("loguniform(1e-3,0.1)");
        s.setSeeds("3..1");
        IllegalArgumentException seeds = assertThrows(IllegalArgumentException.class, () -> SweepSettings.study(s, e));
        assertTrue(seeds.getMessage().startsWith("sweep seeds '3..1': expected FROM..TO"), seeds.getMessage());
        s.setSeeds("");
        s.setMode("lowest");
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> SweepSettings.study(s, e));
        assertEquals("sweep mode: 'lowest' is not valid, expected one of min, max", mode.getMessage());
        s.setMode("min");
        Experiment steps = experiment(0);
        steps.setSteps(40);
        IllegalArgumentException asha = assertThrows(IllegalArgumentException.class,
                () -> SweepSettings.study(s, steps));
        assertTrue(asha.getMessage().startsWith("sweep scheduler: asha compares trials at the end of epochs"),
                asha.getMessage());
        s.setScheduler("none");
        assertNull(SweepSettings.study(s, steps).asha());
        // the space against the declarations, as descent sweep checks it
        s.getParameters().get(0).setName("optimizer.momentum");
        assertEquals(List.of("sweep parameter 'optimizer.momentum': optimizer 'gd' declares no hyperparameter"
                + " 'momentum' (it has lr, weight_decay)"), SweepSettings.study(s, steps).space().problems(steps,
                        org.descent.testing.Contributions.registry(), SweepSettings.PARAMETER));
    }

    @Test
    void theMetricsOfTheFormAreTheStudysAndEachSettingHasItsOption() {
        SweepSettings.Setting metric = SweepSettings.all().stream().filter(t -> t.name().equals("metric")).findFirst()
                .orElseThrow();
        assertEquals(Study.METRICS, metric.declaration().choices());
        assertEquals(List.of("seeds", "trials", "search-seed", "metric", "mode", "scheduler", "grace-period",
                "reduction-factor", "parallel"), SweepSettings.all().stream().map(SweepSettings.Setting::option).toList());
    }
}
