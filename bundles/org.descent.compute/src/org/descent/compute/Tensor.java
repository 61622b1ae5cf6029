package org.descent.compute;

import org.descent.core.Precision;

/**
 * A dense row-major array of fp32 or fp64 values in a device's memory. Values reach it from the
 * host and come back only through {@link #write} and {@link #read}; {@link Ops} compute on it in
 * place. A tensor is used by one thread at a time.
 * <p>
 * <b>Views.</b> {@link #view} gives a tensor that shares a contiguous range of this one's
 * storage (a layer's weights inside the flat parameter vector, one example of a batch); ops and
 * copies on a view touch only that range. Closing a view releases nothing; closing the tensor
 * that owns the storage invalidates its views.
 * <p>
 * <b>Ordering.</b> Operations may run asynchronously, but always in the order they were called on
 * one {@link Ops} object; {@link #read} waits for every operation queued before it, and
 * {@link #write} never overtakes an operation queued before it that reads the tensor.
 *
 * @since 0.1.0
 */
public interface Tensor extends AutoCloseable {

    /** The device that holds the values. */
    Device device();

    /** fp32 or fp64. */
    Precision precision();

    /** The shape (a copy), outermost dimension first. */
    int[] shape();

    /** Number of values: the product of the shape. */
    int size();

    /**
     * A tensor sharing {@code size(shape)} values of this one's storage from {@code offset} on
     * (relative to this tensor's first value).
     *
     * @throws IllegalArgumentException when the range does not lie inside this tensor
     */
    Tensor view(int offset, int... shape);

    /**
     * Copies {@code count} host values from {@code src[srcOffset..]} into this tensor's values
     * {@code [tensorOffset, tensorOffset + count)}. An fp64 tensor holds them exactly; an fp32 one
     * holds {@code (float) value}.
     *
     * @throws IllegalArgumentException when a range is out of bounds
     */
    void write(float[] src, int srcOffset, int tensorOffset, int count);

    /** As {@link #write(float[], int, int, int)}, from doubles: fp32 tensors hold {@code (float) value}. */
    void write(double[] src, int srcOffset, int tensorOffset, int count);

    /**
     * Copies this tensor's values {@code [tensorOffset, tensorOffset + count)} into
     * {@code dst[dstOffset..]}, after every operation queued before; fp64 values are rounded to
     * float ({@code (float) value}).
     *
     * @throws IllegalArgumentException when a range is out of bounds
     */
    void read(int tensorOffset, float[] dst, int dstOffset, int count);

    /** As {@link #read(int, float[], int, int)}, into doubles (exact for both precisions). */
    void read(int tensorOffset, double[] dst, int dstOffset, int count);

    /** Writes the whole tensor from {@code src[0..size())}. */
    default void write(float[] src) {
        write(src, 0, 0, size());
    }

    /** Writes the whole tensor from {@code src[0..size())}. */
    default void write(double[] src) {
        write(src, 0, 0, size());
    }

    /** The whole tensor as a new host array. */
    default double[] toDoubles() {
        double[] d = new double[size()];
        read(0, d, 0, d.length);
        return d;
    }

    /** The whole tensor as a new host array of floats. */
    default float[] toFloats() {
        float[] f = new float[size()];
        read(0, f, 0, f.length);
        return f;
    }

    /**
     * Frees the device memory (views: nothing). Idempotent. Using a closed tensor throws
     * {@link IllegalStateException}.
     */
    @Override
    void close();
}
