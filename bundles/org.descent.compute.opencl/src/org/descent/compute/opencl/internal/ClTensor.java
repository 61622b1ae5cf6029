package org.descent.compute.opencl.internal;

import java.util.Arrays;

import org.descent.compute.Device;
import org.descent.compute.Tensor;
import org.descent.core.Precision;
import org.jocl.cl_mem;

/**
 * A tensor in an OpenCL device's global memory: a buffer ({@link Storage}, shared with views) and
 * the offset of the tensor's first value in it. Kernels take the pair, so a view of a layer's
 * weights inside the parameter vector needs no copy and no aligned sub-buffer.
 */
final class ClTensor implements Tensor {

    /** A buffer and its values' type; released once, by the tensor that allocated it. */
    static final class Storage {

        final cl_mem memory;
        final long count;
        private boolean released;

        Storage(cl_mem memory, long count) {
            this.memory = memory;
            this.count = count;
        }

        synchronized boolean released() {
            return released;
        }

        synchronized boolean release() {
            boolean was = released;
            released = true;
            return !was;
        }
    }

    private final OpenClDevice device;
    private final Precision precision;
    private final Storage storage;
    private final long offset;
    private final int[] shape;
    private final int size;
    private final boolean owner;

    ClTensor(OpenClDevice device, Precision precision, Storage storage, long offset, int[] shape, boolean owner) {
        this.device = device;
        this.precision = precision;
        this.storage = storage;
        this.offset = offset;
        this.shape = shape.clone();
        this.size = size(shape);
        this.owner = owner;
    }

    /** The number of values of a shape, checked: at least one dimension, each at least 1, at most 2^31-1 in all. */
    static int size(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a tensor needs at least one dimension");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("tensor shape " + Arrays.toString(shape) + " has a dimension below 1");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor shape " + Arrays.toString(shape) + " holds more than "
                        + Integer.MAX_VALUE + " values");
            }
        }
        return (int) n;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int size() {
        return size;
    }

    /** The buffer, checked open. */
    cl_mem memory() {
        if (storage.released()) {
            throw new IllegalStateException("a closed tensor " + Arrays.toString(shape) + " on " + device.id()
                    + " was used");
        }
        return storage.memory;
    }

    boolean closed() {
        return storage.released();
    }

    /** The offset of the first value in the buffer, in values. */
    long offset() {
        return offset;
    }

    @Override
    public Tensor view(int from, int... viewShape) {
        int n = size(viewShape);
        if (from < 0 || (long) from + n > size) {
            throw new IllegalArgumentException("a view of " + n + " values from " + from + " does not lie inside a tensor of "
                    + size + " values");
        }
        memory();
        return new ClTensor(device, precision, storage, offset + from, viewShape, false);
    }

    private void range(String what, int tensorOffset, int hostOffset, int hostLength, int count) {
        if (count < 0 || tensorOffset < 0 || (long) tensorOffset + count > size || hostOffset < 0
                || (long) hostOffset + count > hostLength) {
            throw new IllegalArgumentException(what + ": " + count + " values at tensor offset " + tensorOffset
                    + " (size " + size + ") and host offset " + hostOffset + " (length " + hostLength + ")");
        }
    }

    @Override
    public void write(float[] src, int srcOffset, int tensorOffset, int count) {
        range("tensor write", tensorOffset, srcOffset, src.length, count);
        device.context().write(this, tensorOffset, src, srcOffset, count);
    }

    @Override
    public void write(double[] src, int srcOffset, int tensorOffset, int count) {
        range("tensor write", tensorOffset, srcOffset, src.length, count);
        device.context().write(this, tensorOffset, src, srcOffset, count);
    }

    @Override
    public void read(int tensorOffset, float[] dst, int dstOffset, int count) {
        range("tensor read", tensorOffset, dstOffset, dst.length, count);
        device.context().read(this, tensorOffset, dst, dstOffset, count);
    }

    @Override
    public void read(int tensorOffset, double[] dst, int dstOffset, int count) {
        range("tensor read", tensorOffset, dstOffset, dst.length, count);
        device.context().read(this, tensorOffset, dst, dstOffset, count);
    }

    @Override
    public void close() {
        if (owner && storage.release()) {
            device.context().release(storage);
        }
    }

    @Override
    public String toString() {
        return precision.id() + Arrays.toString(shape) + " on " + device.id();
    }
}
