package org.descent.compute.cpu.internal;

import java.util.Arrays;

import org.descent.compute.Device;
import org.descent.compute.Tensor;
import org.descent.core.Precision;
import org.eclipse.jdt.annotation.Nullable;

/** A tensor in a Java array: a range {@code [offset, offset + size)} of its storage's array. */
public final class CpuTensor implements Tensor {

    /** The array a tensor and its views share, and whether its owner has been closed. */
    static final class Storage {
        final float @Nullable [] f;
        final double @Nullable [] d;
        boolean closed;

        Storage(float @Nullable [] f, double @Nullable [] d) {
            this.f = f;
            this.d = d;
        }
    }

    private final CpuDevice device;
    private final Precision precision;
    private final Storage storage;
    private final int offset;
    private final int[] shape;
    private final int size;
    private final boolean owner;

    private CpuTensor(CpuDevice device, Precision precision, Storage storage, int offset, int[] shape, boolean owner) {
        this.device = device;
        this.precision = precision;
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        this.size = size(shape);
        this.owner = owner;
    }

    static CpuTensor allocate(CpuDevice device, Precision precision, int[] shape) {
        int n = size(shape);
        Storage s = precision == Precision.FP32 ? new Storage(new float[n], null) : new Storage(null, new double[n]);
        return new CpuTensor(device, precision, s, 0, shape.clone(), true);
    }

    static int size(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a tensor needs at least one dimension");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("tensor dimensions must be at least 1: " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape)
                        + " holds more than " + Integer.MAX_VALUE + " values");
            }
        }
        return (int) n;
    }

    @Override
    public Device device() {
        return device;
    }

    CpuDevice cpuDevice() {
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

    /** Index of the first value in the array. */
    public int offset() {
        return offset;
    }

    /** The fp32 array (check the precision first). */
    public float[] f() {
        check();
        float[] a = storage.f;
        if (a == null) {
            throw new IllegalStateException("not an fp32 tensor");
        }
        return a;
    }

    /** The fp64 array (check the precision first). */
    public double[] d() {
        check();
        double[] a = storage.d;
        if (a == null) {
            throw new IllegalStateException("not an fp64 tensor");
        }
        return a;
    }

    boolean closed() {
        return storage.closed;
    }

    private void check() {
        if (storage.closed) {
            throw new IllegalStateException("the tensor is closed");
        }
    }

    @Override
    public Tensor view(int from, int... viewShape) {
        check();
        int n = size(viewShape);
        if (from < 0 || from + (long) n > size) {
            throw new IllegalArgumentException("a view of " + n + " values from " + from + " does not fit a tensor of "
                    + size + " values");
        }
        return new CpuTensor(device, precision, storage, offset + from, viewShape.clone(), false);
    }

    private void range(int tensorOffset, int count, int hostOffset, int hostLength) {
        if (count < 0 || tensorOffset < 0 || tensorOffset + (long) count > size || hostOffset < 0
                || hostOffset + (long) count > hostLength) {
            throw new IllegalArgumentException("cannot copy " + count + " values between host array [" + hostOffset
                    + ", " + hostLength + ") and tensor values from " + tensorOffset + " of " + size);
        }
    }

    @Override
    public void write(float[] src, int srcOffset, int tensorOffset, int count) {
        check();
        range(tensorOffset, count, srcOffset, src.length);
        if (storage.f != null) {
            System.arraycopy(src, srcOffset, storage.f, offset + tensorOffset, count);
        } else {
            double[] d = d();
            for (int i = 0; i < count; i++) {
                d[offset + tensorOffset + i] = src[srcOffset + i];
            }
        }
    }

    @Override
    public void write(double[] src, int srcOffset, int tensorOffset, int count) {
        check();
        range(tensorOffset, count, srcOffset, src.length);
        if (storage.d != null) {
            System.arraycopy(src, srcOffset, storage.d, offset + tensorOffset, count);
        } else {
            float[] f = f();
            for (int i = 0; i < count; i++) {
                f[offset + tensorOffset + i] = (float) src[srcOffset + i];
            }
        }
    }

    @Override
    public void read(int tensorOffset, float[] dst, int dstOffset, int count) {
        check();
        range(tensorOffset, count, dstOffset, dst.length);
        if (storage.f != null) {
            System.arraycopy(storage.f, offset + tensorOffset, dst, dstOffset, count);
        } else {
            double[] d = d();
            for (int i = 0; i < count; i++) {
                dst[dstOffset + i] = (float) d[offset + tensorOffset + i];
            }
        }
    }

    @Override
    public void read(int tensorOffset, double[] dst, int dstOffset, int count) {
        check();
        range(tensorOffset, count, dstOffset, dst.length);
        if (storage.d != null) {
            System.arraycopy(storage.d, offset + tensorOffset, dst, dstOffset, count);
        } else {
            float[] f = f();
            for (int i = 0; i < count; i++) {
                dst[dstOffset + i] = f[offset + tensorOffset + i];
            }
        }
    }

    @Override
    public void close() {
        if (owner) {
            storage.closed = true;
        }
    }

    @Override
    public String toString() {
        return precision.id() + Arrays.toString(shape) + " on " + device.id();
    }
}
