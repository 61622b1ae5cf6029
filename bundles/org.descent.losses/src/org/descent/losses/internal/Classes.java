package org.descent.losses.internal;

import org.descent.core.DataShape;

/** Helpers for losses over class labels. */
final class Classes {

    private Classes() {
    }

    /** Checks that the data has class labels and returns the number of classes. */
    static int require(String loss, DataShape shape) {
        if (!shape.isClassification()) {
            throw new IllegalArgumentException(loss + " needs class labels as targets; this data set has "
                    + shape.targetDim() + " real-valued target column(s) (use mse, l1 or huber)");
        }
        return shape.classes();
    }

    /** The class index stored in a target value, checked. */
    static int label(double target, int classes, int row) {
        int c = (int) target;
        if (c != target || c < 0 || c >= classes) {
            throw new IllegalArgumentException("target of row " + row + " is " + target + ", not a class in 0.."
                    + (classes - 1));
        }
        return c;
    }

    /** Number of rows whose largest output is at the labelled class. */
    static double argmaxCorrect(int n, int classes, double[] outputs, double[] targets) {
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
}
