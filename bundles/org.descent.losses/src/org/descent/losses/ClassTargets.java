package org.descent.losses;

import org.descent.core.DataShape;

/**
 * Helpers for losses whose targets are class labels (one column holding {@code 0..classes-1})
 * or binary labels (0/1 or probabilities, one column per logit), with the messages Descent's
 * own losses give.
 *
 * @since 0.1.0
 */
public final class ClassTargets {

    private ClassTargets() {
    }

    /**
     * Checks that the data has class labels and returns the number of classes.
     *
     * @param loss the loss' id, for the message
     * @throws IllegalArgumentException when the targets are real values; the message names the
     *             loss and what it needs
     */
    public static int requireClasses(String loss, DataShape shape) {
        if (!shape.isClassification()) {
            throw new IllegalArgumentException(loss + " needs class labels as targets; this data set has "
                    + shape.targetDim() + " real-valued target column(s) (use mse, l1 or huber)");
        }
        return shape.classes();
    }

    /**
     * The class index stored in a target value.
     *
     * @param row the row, for the message
     * @throws IllegalArgumentException when the value is not an integer in {@code 0..classes-1}
     */
    public static int label(double target, int classes, int row) {
        int c = (int) target;
        if (c != target || c < 0 || c >= classes) {
            throw new IllegalArgumentException("target of row " + row + " is " + target + ", not a class in 0.."
                    + (classes - 1));
        }
        return c;
    }

    /**
     * Number of rows among {@code n} whose largest output is at the labelled class (ties go to
     * the lowest class), for {@link org.descent.core.LossFunction#correct}.
     *
     * @param outputs {@code n x classes} scores, row-major
     * @param targets {@code n} class labels
     */
    public static double argmaxCorrect(int n, int classes, double[] outputs, double[] targets) {
        int correct = 0;
        for (int r = 0; r < n; r++) {
            int best = 0;
            for (int j = 1; j < classes; j++) {
                if (outputs[r * classes + j] > outputs[r * classes + best]) {
                    best = j;
                }
            }
            if (best == (int) targets[r]) {
                correct++;
            }
        }
        return correct;
    }

    /**
     * Number of rows among {@code n} whose single logit has the sign of its binary label (a
     * positive logit predicts 1, a target above ½ is a 1), for
     * {@link org.descent.core.LossFunction#correct}; {@code NaN} when the data has more than one
     * target column, where accuracy per row is not defined.
     */
    public static double binaryCorrect(int n, DataShape shape, double[] logits, double[] targets) {
        if (shape.targetDim() != 1) {
            return Double.NaN;
        }
        int correct = 0;
        for (int r = 0; r < n; r++) {
            if ((logits[r] > 0) == (targets[r] > 0.5)) {
                correct++;
            }
        }
        return correct;
    }
}
