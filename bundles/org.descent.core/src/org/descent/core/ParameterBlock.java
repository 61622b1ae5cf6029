package org.descent.core;

import java.util.Arrays;

/**
 * A named block of a model's parameters ({@code layer1.weight}, {@code mu}) inside the flat
 * parameter vector: its shape and where it starts.
 *
 * @param name the block's name, unique within the model
 * @param shape the block's shape, row-major; {@code [out, in]} for a dense layer's weight
 * @param offset index of the block's first value in the flat vector
 */
public record ParameterBlock(String name, int[] shape, int offset) {

    public ParameterBlock {
        shape = shape.clone();
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
        return o instanceof ParameterBlock b && name.equals(b.name) && offset == b.offset && Arrays.equals(shape, b.shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape) + offset;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
