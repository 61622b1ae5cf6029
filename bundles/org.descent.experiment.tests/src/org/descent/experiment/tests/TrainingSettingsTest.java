package org.descent.experiment.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.descent.core.Hyperparameter.Type;
import org.descent.core.Precision;
import org.descent.experiment.TrainingSettings;
import org.descent.experiment.TrainingSettings.Setting;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.junit.jupiter.api.Test;

/** The training settings as declared in experiment.ecore, read through the metamodel. */
class TrainingSettingsTest {

    private static Setting setting(String name) {
        return TrainingSettings.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyTrainingAttributeIsDeclaredWithItsOption() {
        assertEquals(List.of("batchSize:batch", "epochs:epochs", "steps:steps", "lossTolerance:tol",
                "gradientTolerance:grad-tol", "seed:seed", "precision:precision", "clipNorm:clip-norm",
                "clipValue:clip-value", "validationFraction:validation", "checkpointEvery:checkpoint-every",
                "device:device", "threads:threads"),
                TrainingSettings.all().stream().map(s -> s.name() + ":" + s.option()).toList());
        assertEquals(Type.CHOICE, setting("precision").declaration().type());
        assertEquals(List.of("fp64", "fp32", "mixed-fp16", "mixed-bf16"), setting("precision").declaration().choices());
        assertEquals(Type.INTEGER, setting("steps").declaration().type());
        assertEquals(Type.DOUBLE, setting("clipNorm").declaration().type());
        assertEquals("N|full", setting("batchSize").placeholder());
        assertEquals("PRECISION", setting("precision").placeholder());
        assertEquals(Type.STRING, setting("device").declaration().type());
        assertEquals("auto", setting("device").declaration().defaultText());
        assertEquals("auto|cpu|BACKEND[:N]", setting("device").placeholder());
        assertEquals("N|all", setting("threads").placeholder());
    }

    @Test
    void defaultsAreTheModelsDefaults() {
        Experiment fresh = ExperimentFactory.eINSTANCE.createExperiment();
        for (Setting s : TrainingSettings.all()) {
            assertEquals(s.declaration().defaultValue(), s.declaration().parse(s.text(fresh)), s.name());
            assertNull(s.problem(s.text(fresh)), s.name());
        }
        assertEquals("1000", setting("checkpointEvery").declaration().defaultText());
    }

    @Test
    void setParsesAndChecksTheRange() {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        setting("precision").set(e, "mixed-bf16");
        setting("batchSize").set(e, " 64 ");
        setting("validationFraction").set(e, "0.25");
        assertEquals(Precision.MIXED_BF16, e.getPrecision());
        assertEquals(64, e.getBatchSize());
        assertEquals(0.25, e.getValidationFraction());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> setting("validationFraction").set(e, "1"));
        assertEquals("hyperparameter 'validationFraction': '1' is not valid, expected a value in [0,1)", x.getMessage());
        assertEquals(0.25, e.getValidationFraction());
        assertEquals("'many' is not valid, expected a whole number", setting("steps").problem("many"));
    }

    @Test
    void problemsNameEveryRefusedValue() {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setBatchSize(-3);
        e.setClipNorm(Double.POSITIVE_INFINITY);
        e.setCheckpointEvery(0);
        List<String> problems = TrainingSettings.problems(e);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("batchSize: '-3' is not valid, expected a value in [0,"), problems.get(0));
        assertTrue(problems.get(1).startsWith("clipNorm: 'Infinity' is not valid"), problems.get(1));
    }
}
