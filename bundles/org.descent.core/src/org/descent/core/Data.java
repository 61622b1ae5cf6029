package org.descent.core;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A data set in memory: inputs and targets as row-major arrays. Class targets are stored as
 * whole numbers {@code 0..classes-1} in a single target column.
 *
 * @since 0.1.0
 */
public final class Data {

    private final String name;
    private final DataShape shape;
    private final double[] inputs;
    private final double[] targets;
    private final List<String> inputNames;
    private final @Nullable Vocabulary vocabulary;

    /**
     * @throws IllegalArgumentException when the arrays do not match the shape
     */
    public Data(String name, DataShape shape, double[] inputs, double[] targets, List<String> inputNames) {
        this(name, shape, inputs, targets, inputNames, null);
    }

    /**
     * Data of token indices with the vocabulary they index.
     *
     * @throws IllegalArgumentException when the arrays do not match the shape
     */
    public Data(String name, DataShape shape, double[] inputs, double[] targets, List<String> inputNames,
            @Nullable Vocabulary vocabulary) {
        if (inputs.length != (long) shape.rows() * shape.inputDim()) {
            throw new IllegalArgumentException(name + ": " + inputs.length + " input values do not make "
                    + shape.rows() + " rows of " + shape.inputDim());
        }
        if (targets.length != (long) shape.rows() * shape.targetDim()) {
            throw new IllegalArgumentException(name + ": " + targets.length + " target values do not make "
                    + shape.rows() + " rows of " + shape.targetDim());
        }
        if (shape.classes() > 0 && shape.targetDim() != 1) {
            throw new IllegalArgumentException(name + ": class targets need exactly one target column");
        }
        this.name = name;
        this.shape = shape;
        this.inputs = inputs;
        this.targets = targets;
        this.inputNames = List.copyOf(inputNames);
        this.vocabulary = vocabulary;
    }

    /** The vocabulary when inputs or targets are token indices, otherwise null. */
    public @Nullable Vocabulary vocabulary() {
        return vocabulary;
    }

    public String name() {
        return name;
    }

    public DataShape shape() {
        return shape;
    }

    public int rows() {
        return shape.rows();
    }

    /** The inputs, row-major (not copied: do not modify). */
    public double[] inputs() {
        return inputs;
    }

    /** The targets, row-major (not copied: do not modify). */
    public double[] targets() {
        return targets;
    }

    public List<String> inputNames() {
        return inputNames;
    }

    /** A new data set of the given rows, in that order. */
    public Data rows(int[] rows, String newName) {
        int d = shape.inputDim();
        int t = shape.targetDim();
        double[] x = new double[rows.length * d];
        double[] y = new double[rows.length * t];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(inputs, rows[i] * d, x, i * d, d);
            System.arraycopy(targets, rows[i] * t, y, i * t, t);
        }
        return new Data(newName, new DataShape(rows.length, d, t, shape.classes()), x, y, inputNames, vocabulary);
    }
}
