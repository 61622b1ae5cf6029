package org.descent.experiment.tests;

import static org.descent.experiment.tests.Experiments.experiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.descent.core.Precision;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Run;
import org.descent.testing.Contributions;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .descent files: round trip, and every kind of bad content named with file, line and value. */
class ExperimentFilesTest {

    @TempDir
    Path dir;

    static Experiment sample() {
        Experiment e = experiment("bimodal:n=500", "mixture:k=2,mu=[1,2]", "mixture-nll", "adam:lr=0.01,amsgrad=true", 100);
        e.setBatchSize(32);
        e.setPrecision(Precision.FP32);
        e.setSeed(11);
        e.setSchedule(Experiments.component("cosine:t_max=100"));
        return e;
    }

    @Test
    void roundTrip() throws Exception {
        Path f = dir.resolve("mixture.descent");
        ExperimentFiles.save(sample(), f);
        String xml = Files.readString(f);
        assertTrue(xml.contains("http://descent.org/experiment/1.0"), xml);
        Experiment back = ExperimentFiles.loadExperiment(f);
        assertTrue(EcoreUtil.equals(sample(), back), xml);
        ResolvedExperiment.resolve(back, Contributions.registry(), f);
    }

    private Path write(String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, body);
        return f;
    }

    private static String file(String optimizer, String extra) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<descent:Experiment xmlns:descent=\"http://descent.org/experiment/1.0\" steps=\"10\"" + extra + ">\n"
                + "  <dataset id=\"bimodal\"/>\n"
                + "  <model id=\"gaussian\"/>\n"
                + "  <loss id=\"gaussian-nll\"/>\n"
                + "  " + optimizer + "\n"
                + "</descent:Experiment>\n";
    }

    @Test
    void unknownIdIsNamedWithLineAndKnownIds() throws Exception {
        Path f = write("a.descent", file("<optimizer id=\"adamx\"/>", ""));
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ResolvedExperiment.resolve(ExperimentFiles.loadExperiment(f), Contributions.registry(), f));
        String m = e.problems().get(0);
        assertTrue(m.startsWith(f + ":6: optimizer 'adamx': no optimizer with this id is installed; known: "), m);
        assertTrue(m.contains("adam, adamw") || m.contains("adam,") , m);
    }

    @Test
    void outOfRangeValueIsNamedWithLine() throws Exception {
        Path f = write("b.descent", file("<optimizer id=\"adam\">\n    <settings name=\"lr\" value=\"-0.1\"/>\n  </optimizer>", ""));
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ResolvedExperiment.resolve(ExperimentFiles.loadExperiment(f), Contributions.registry(), f));
        assertEquals(f + ":7: optimizer 'adam': hyperparameter 'lr': '-0.1' is not valid,"
                + " expected a value in (0,inf)", e.problems().get(0));
    }

    @Test
    void unknownHyperparameterListsTheKnownOnes() throws Exception {
        Path f = write("c.descent", file("<optimizer id=\"sgd\">\n    <settings name=\"beta\" value=\"1\"/>\n  </optimizer>", ""));
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ResolvedExperiment.resolve(ExperimentFiles.loadExperiment(f), Contributions.registry(), f));
        assertTrue(e.problems().get(0).contains("optimizer 'sgd' has no hyperparameter 'beta'; it takes lr, momentum,"
                + " dampening, nesterov, weight_decay"), e.problems().get(0));
    }

    @Test
    void wrongTypeIsNamedWithLineAndColumn() throws Exception {
        Path f = write("d.descent", file("<optimizer id=\"gd\"/>", " batchSize=\"many\""));
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentFiles.loadExperiment(f));
        String m = e.problems().get(0);
        assertTrue(m.startsWith(f + ":2:"), m);
        assertTrue(m.contains("many"), m);
    }

    /** Run files store core's enums by their ids, as files written before the model used core's enums do. */
    @Test
    void statusAndPrecisionAreStoredByTheirIds() throws Exception {
        Path f = write("run.descent", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<descent:Run xmlns:descent=\"http://descent.org/experiment/1.0\" name=\"r\" status=\"done\">\n"
                + "  <experiment steps=\"10\" precision=\"mixed-fp16\">\n"
                + "    <dataset id=\"bimodal\"/>\n    <model id=\"gaussian\"/>\n"
                + "    <loss id=\"gaussian-nll\"/>\n    <optimizer id=\"gd\"/>\n  </experiment>\n"
                + "  <provenance precision=\"mixed-bf16\"/>\n"
                + "</descent:Run>\n");
        Run run = ExperimentFiles.loadRun(f);
        assertEquals(RunStatus.DONE, run.getStatus());
        assertEquals(Precision.MIXED_FP16, run.getExperiment().getPrecision());
        assertEquals(Precision.MIXED_BF16, run.getProvenance().getPrecision());
        run.setStatus(RunStatus.INTERRUPTED);
        Path saved = dir.resolve("saved.descent");
        ExperimentFiles.save(run, saved);
        String xml = Files.readString(saved);
        assertTrue(xml.contains("status=\"interrupted\"") && xml.contains("precision=\"mixed-fp16\""), xml);

        Path bad = write("bad.descent", file("<optimizer id=\"gd\"/>", " precision=\"fp8\""));
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentFiles.loadExperiment(bad));
        String m = e.problems().get(0);
        assertTrue(m.startsWith(bad + ":2:") && m.contains("fp8"), m);
    }

    @Test
    void unknownAttributeIsNamed() throws Exception {
        Path f = write("e.descent", file("<optimizer id=\"gd\"/>", " stepz=\"3\""));
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentFiles.loadExperiment(f));
        assertTrue(e.problems().get(0).contains("stepz"), e.problems().get(0));
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = write("secret.txt", "TOP-SECRET-VALUE");
        Path f = write("xxe.descent", "<?xml version=\"1.0\"?>\n<!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]>\n<descent:Experiment xmlns:descent=\"http://descent.org/experiment/1.0\" name=\"&x;\" steps=\"1\"/>\n");
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentFiles.loadExperiment(f));
        assertFalse(e.getMessage().contains("TOP-SECRET-VALUE"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void budgetProblemsAreAllReported() throws Exception {
        Experiment e = experiment("bimodal", "gaussian", "gaussian-nll", "gd", 0);
        e.setBatchSize(-3);
        e.setClipNorm(-1);
        ExperimentException x = assertThrows(ExperimentException.class,
                () -> ResolvedExperiment.resolve(e, Contributions.registry(), null));
        assertEquals(3, x.problems().size(), x.problems().toString());
        assertTrue(x.problems().contains("steps: no budget: set steps or epochs"), x.problems().toString());
    }

    @Test
    void notAnExperimentFile() throws Exception {
        Path f = write("f.descent", "this is not xml");
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentFiles.loadExperiment(f));
        assertTrue(e.problems().get(0).startsWith(f + ":1:"), e.problems().get(0));
    }
}
