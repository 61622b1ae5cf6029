package org.example.descent.lion.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.descent.core.DataShape;
import org.descent.core.ExtensionPoints;
import org.descent.core.LossFunction;
import org.junit.jupiter.api.Test;

/**
 * The focal loss against fixtures/focal_reference.py: torchvision's sigmoid_focal_loss formula
 * (PyTorch 1.13) in NumPy for the value, complex-step derivatives for the gradient, to 1e-12; and
 * the targets it refuses, with their messages.
 */
class FocalLossTest {

    private static LossFunction focal(Map<String, String> settings) throws Exception {
        return Descent.create(ExtensionPoints.LOSSES, "focal", LossFunction.class, settings);
    }

    @Test
    void matchesTorchvisionsFormula() throws Exception {
        List<Map<String, Object>> cases = Descent.cases("focal_reference.json");
        assertEquals(5, cases.size());
        for (Map<String, Object> c : cases) {
            LossFunction loss = focal(Descent.texts(c.get("hyperparameters")));
            int rows = ((Number) c.get("rows")).intValue();
            int columns = ((Number) c.get("columns")).intValue();
            DataShape shape = new DataShape(rows, 1, columns, 0);
            assertEquals(columns, loss.outputDim(shape));
            double[] gradient = new double[rows * columns];
            double value = loss.evaluate(rows, shape, Descent.doubles(c.get("input")), Descent.doubles(c.get("target")),
                    gradient);
            assertEquals(((Number) c.get("value")).doubleValue(), value, 1e-12, (String) c.get("name"));
            assertArrayEquals(Descent.doubles(c.get("grad")), gradient, 1e-12, (String) c.get("name"));
        }
    }

    /** Class labels of a two-class data set are the 0/1 targets; the accuracy counts logits of the label's sign. */
    @Test
    void takesTwoClassLabelsAndCountsAccuracy() throws Exception {
        LossFunction loss = focal(Map.of());
        DataShape twoClasses = new DataShape(3, 2, 1, 2);
        assertEquals(1, loss.outputDim(twoClasses));
        double[] logits = { 2, -1, 0.5 };
        double[] labels = { 1, 0, 0 };
        assertEquals(loss.evaluate(3, new DataShape(3, 2, 1, 0), logits, labels, null),
                loss.evaluate(3, twoClasses, logits, labels, null), 0);
        assertEquals(2, loss.correct(3, twoClasses, logits, labels));
    }

    @Test
    void refusesWhatIsNotBinary() throws Exception {
        LossFunction loss = focal(Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.outputDim(new DataShape(10, 4, 1, 3)));
        assertEquals("focal needs binary targets (two classes, or probabilities in [0,1]); this data set has 3 classes "
                + "(use cross-entropy)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> loss.evaluate(2, new DataShape(2, 1, 1, 0), new double[] { 0, 0 }, new double[] { 0.5, 1.5 }, null));
        assertEquals("target of row 1 is 1.5, not a probability in [0,1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> loss.evaluate(1, new DataShape(1, 1, 1, 2), new double[] { 0 }, new double[] { 0.5 }, null));
        assertEquals("target of row 0 is 0.5, not a class in 0..1", e.getMessage());
    }
}
