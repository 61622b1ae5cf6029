package org.descent.losses.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.descent.core.DataShape;
import org.descent.losses.ClassTargets;
import org.junit.jupiter.api.Test;

/** The public class-target helpers: labels checked with the row named, accuracy counted by hand. */
class ClassTargetsTest {

    @Test
    void requiresClassLabels() {
        assertEquals(3, ClassTargets.requireClasses("my-loss", new DataShape(10, 4, 1, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassTargets.requireClasses("my-loss", new DataShape(10, 4, 2, 0)));
        assertEquals("my-loss needs class labels as targets; this data set has 2 real-valued target column(s) "
                + "(use mse, l1 or huber)", e.getMessage());
    }

    @Test
    void readsLabelsAndNamesTheRowOfABadOne() {
        assertEquals(2, ClassTargets.label(2.0, 3, 0));
        assertEquals("target of row 4 is 1.5, not a class in 0..2",
                assertThrows(IllegalArgumentException.class, () -> ClassTargets.label(1.5, 3, 4)).getMessage());
        assertEquals("target of row 0 is 3.0, not a class in 0..2",
                assertThrows(IllegalArgumentException.class, () -> ClassTargets.label(3, 3, 0)).getMessage());
        assertEquals("target of row 1 is -1.0, not a class in 0..2",
                assertThrows(IllegalArgumentException.class, () -> ClassTargets.label(-1, 3, 1)).getMessage());
    }

    /** Rows: argmax 1 (label 1, right), a tie of 0 and 2 goes to 0 (label 2, wrong), argmax 2 (label 2, right). */
    @Test
    void countsArgmaxHits() {
        double[] scores = { 0.1, 0.7, 0.2, 0.5, 0.0, 0.5, -1, -2, 3 };
        assertEquals(2.0, ClassTargets.argmaxCorrect(3, 3, scores, new double[] { 1, 2, 2 }));
    }

    /** A positive logit predicts 1 and a target above ½ is a 1: rows 0 and 2 are right, row 1 (logit 0) predicts 0. */
    @Test
    void countsBinaryHitsForOneColumnOnly() {
        DataShape one = new DataShape(3, 2, 1, 0);
        assertEquals(2.0, ClassTargets.binaryCorrect(3, one, new double[] { 2, 0, -1 }, new double[] { 0.9, 1, 0 }));
        assertEquals(Double.NaN, ClassTargets.binaryCorrect(1, new DataShape(1, 2, 2, 0), new double[] { 1, 1 },
                new double[] { 1, 1 }));
    }
}
