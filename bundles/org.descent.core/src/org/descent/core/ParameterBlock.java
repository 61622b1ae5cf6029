package org.descent.core;

import java.util.Arrays;

/**
 * A named block of a model's parameters ({@code layer1.weight}, {@code mu}) inside the flat
 * parameter vector: its shape and where it starts.
 *
 * @param name the block's name, unique within the model
 * @param shape the block's shape, row-major; {@code [out, in]} for a dense layer's weight
 * @param offset index of the block's first value in the flat vector
 * @param buffer whether the block is state the model updates itself during training passes
 *            (batch normalization's running mean and variance) rather than a trainable parameter:
 *            its gradient is zero, optimizers and regularizers leave it alone, and it is saved
 *            and restored with the parameters
 *
 * @since 0.1.0
 */
public record ParameterBlock(String name, int[] shape, int offset, boolean buffer) {

    public ParameterBlock {
        shape = shape.clone();
    }

    /** A trainable block. */
    public ParameterBlock(String name, int[] shape, int offset) {
        this(name, shape, offset, false);
    }

    /** Number of values in the block. */
    public int size() {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Total number of values in a layout. */
    public static int total(Iterable<ParameterBlock> blocks) {
        int n = 0;
        for (ParameterBlock b : blocks) {
            n += b.size();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterBlock b && name.equals(b.name) && offset == b.offset && buffer == b.buffer
                && Arrays.equals(shape, b.shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape) + offset;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + (buffer ? " (buffer)" : "");
    }
}
