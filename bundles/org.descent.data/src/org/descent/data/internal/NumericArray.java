package org.descent.data.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * An n-dimensional array read from a binary file: its shape and its elements in C order
 * (row-major) as doubles, every one finite.
 */
final class NumericArray {

    /** The most elements a Java array holds. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The file (and member) it came from, for messages. */
    final String source;
    final long[] shape;
    final ElementType type;
    final double[] values;

    private NumericArray(String source, long[] shape, ElementType type, double[] values) {
        for (long d : shape) {
            if (d == 0) {
                throw new IllegalArgumentException(source + ": shape " + shapeText(shape)
                        + " holds no values; expected at least one row of at least one value");
            }
        }
        this.source = source;
        this.shape = shape;
        this.type = type;
        this.values = values;
    }

    /** The length of the first dimension (1 for a 0-d array). */
    int rows() {
        return shape.length == 0 ? 1 : (int) shape[0];
    }

    /** The number of elements per row: the product of every dimension after the first. */
    int width() {
        return rows() == 0 ? 0 : values.length / rows();
    }

    /**
     * Decodes an array that occupies the bytes from {@code offset} to the end of {@code data}.
     *
     * @param typeName the element type as the file spells it, for messages
     * @throws IllegalArgumentException naming the source and byte offset when the bytes after
     *             {@code offset} are fewer or more than the shape needs, or an element is NaN or
     *             infinite
     */
    static NumericArray decode(String source, ByteBuffer data, int offset, ElementType type, String typeName, long[] shape,
            IProgressMonitor monitor) {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(source + ": shape " + shapeText(shape) + " has a negative dimension");
            }
            count = d == 0 ? 0 : count > MAX_ELEMENTS / d ? MAX_ELEMENTS + 1 : count * d;
        }
        if (count > MAX_ELEMENTS || shape.length > 0 && shape[0] > MAX_ELEMENTS) {
            throw new IllegalArgumentException(source + ": shape " + shapeText(shape) + " is too large: at most "
                    + MAX_ELEMENTS + " elements fit one array");
        }
        long bytes = count * type.size;
        long end = offset + bytes;
        String promise = "the header promises shape " + shapeText(shape) + " of " + typeName + " (" + bytes
                + " bytes from byte " + offset + " to byte " + end + ")";
        if (data.limit() < end) {
            throw new IllegalArgumentException(source + ": truncated: " + promise + ", but the data ends at byte "
                    + data.limit());
        }
        if (data.limit() > end) {
            throw new IllegalArgumentException(source + ", byte " + end + ": " + (data.limit() - end)
                    + " bytes too many: " + promise + ", but the data goes on to byte " + data.limit());
        }
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            int at = offset + i * type.size;
            double v = type.read(data, at);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(source + ", byte " + at + ": element " + indexText(i, shape) + " is "
                        + v + "; the data must be finite (remove or impute missing values first)");
            }
            values[i] = v;
            if ((i & 0xFFFFF) == 0xFFFFF && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
        }
        return new NumericArray(source, shape, type, values);
    }

    /** A shape as Python writes it: {@code (6,)}, {@code (6, 3)}. */
    static String shapeText(long[] shape) {
        List<String> parts = new ArrayList<>();
        for (long d : shape) {
            parts.add(Long.toString(d));
        }
        return "(" + String.join(", ", parts) + (shape.length == 1 ? ",)" : ")");
    }

    /** The C-order index of element {@code flat}, as {@code [2, 1]}. */
    static String indexText(long flat, long[] shape) {
        long[] index = new long[shape.length];
        long rest = flat;
        for (int k = shape.length - 1; k >= 0; k--) {
            index[k] = rest % shape[k];
            rest /= shape[k];
        }
        List<String> parts = new ArrayList<>();
        for (long i : index) {
            parts.add(Long.toString(i));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
