package org.descent.models.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.descent.core.Contribution;
import org.descent.core.DataShape;
import org.descent.core.ExtensionPoints;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.testing.Contributions;
import org.junit.jupiter.api.Test;

/** Every model reads only the hyperparameters its contribution declares. */
class ModelContributionsTest {

    /** Reading an undeclared name throws, so configuring with the defaults alone finds such reads. */
    @Test
    void everyModelConfiguresWithItsDeclaredDefaults() {
        List<Contribution> models = Contributions.registry().contributions(ExtensionPoints.MODELS);
        assertTrue(models.size() >= 10, models.toString());
        for (Contribution c : models) {
            assertDoesNotThrow(() -> Contributions.create("models", c.id(), Map.of(), Model.class), c.id());
        }
    }

    @Test
    void logisticRefusesALossWithoutLogitsAndLinearTakesIt() {
        LossFunction mse = Contributions.create("losses", "mse", Map.of(), LossFunction.class);
        DataShape shape = new DataShape(10, 3, 1, 0);
        Model logistic = Contributions.create("models", "logistic", Map.of(), Model.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> logistic.bind(shape, mse));
        assertTrue(e.getMessage().startsWith("model 'logistic' outputs logits"), e.getMessage());
        Model linear = Contributions.create("models", "linear", Map.of(), Model.class);
        assertEquals(2, linear.bind(shape, mse).size(), "a weight and a bias");
        Model notOnly = Contributions.create("models", "logistic", Map.of("logits_only", false), Model.class);
        assertEquals(2, notOnly.bind(shape, mse).size());
    }
}
