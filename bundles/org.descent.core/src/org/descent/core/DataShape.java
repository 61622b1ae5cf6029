package org.descent.core;

/**
 * The shape of a data set as a model and a loss see it.
 *
 * @param rows number of examples
 * @param inputDim values per input row
 * @param targetDim values per target row (1 for a class index)
 * @param classes number of classes when the target is a class index, otherwise 0
 *
 * @since 0.1.0
 */
public record DataShape(int rows, int inputDim, int targetDim, int classes) {

    /** Whether targets are class indices {@code 0..classes-1}. */
    public boolean isClassification() {
        return classes > 0;
    }
}
