package org.descent.compute.opencl.internal;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_PROGRAM_BINARIES;
import static org.jocl.CL.CL_PROGRAM_BINARY_SIZES;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.CL_SUCCESS;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithBinary;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clGetProgramInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clSetKernelArg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.descent.core.Precision;
import org.eclipse.jdt.annotation.Nullable;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * One OpenCL device opened for computing: its context, one in-order command queue, and the program
 * of every kernel per precision, built at first use or loaded from the {@link ProgramCache}.
 * Kernels run in call order on the queue; host copies are the only points that wait. Every OpenCL
 * failure becomes an {@link OpenClDeviceException} naming the device and the operation. Launches
 * are serialised on this object (kernel arguments belong to the kernel object), so threads may
 * share a device.
 */
final class ClContext {

    private record Program(cl_program program, Map<String, cl_kernel> kernels, ProgramBuild build) {
    }

    private final ClDeviceInfo info;
    private final ProgramCache cache;
    private final cl_context context;
    private final cl_command_queue queue;
    private final KernelSource.Sizes sizes;
    private final int localSize;
    private final Map<Precision, Program> programs = new EnumMap<>(Precision.class);
    private final Map<Precision, ClTensor.Storage> placeholders = new EnumMap<>(Precision.class);

    ClContext(ClDeviceInfo info, ProgramCache cache) {
        this.info = info;
        this.cache = cache;
        try {
            this.context = clCreateContext(null, 1, new cl_device_id[] { info.deviceId() }, null, null, null);
            this.queue = clCreateCommandQueue(context, info.deviceId(), 0, null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), "opening the device", e);
        }
        this.localSize = Integer.highestOneBit((int) Math.max(1, Math.min(256, info.maxWorkGroup())));
        // GEMM: 64x64 blocks of C by 16x16 work-items, or 32x32 by 8x8 where groups of 256 or the
        // local memory for two 16x65 double tiles are not available
        boolean wide = info.maxWorkGroup() >= 256 && info.localMemory() >= 2L * 16 * 65 * Sizeof.cl_double;
        this.sizes = new KernelSource.Sizes(localSize, wide ? 64 : 32, 16, 4);
    }

    ClDeviceInfo info() {
        return info;
    }

    KernelSource.Sizes sizes() {
        return sizes;
    }

    /** Work-items per group of the element-wise and reduction kernels (a power of two). */
    int localSize() {
        return localSize;
    }

    /** Builds (or loads) the program of a precision now, and says how. */
    synchronized ProgramBuild prepare(Precision precision) {
        return program(precision, "compiling the " + precision.id() + " kernels").build();
    }

    private Program program(Precision precision, String operation) {
        Program p = programs.get(precision);
        if (p != null) {
            return p;
        }
        long start = System.nanoTime();
        String source = KernelSource.program(precision, sizes);
        String options = KernelSource.options(precision);
        Path file = cache.file(info, options, source);
        cl_program program = null;
        boolean cached = false;
        byte[] binary = cache.load(file);
        if (binary != null) {
            program = fromBinary(binary, options);
            cached = program != null;
        }
        if (program == null) {
            program = fromSource(source, options, operation);
            byte[] built = binaryOf(program);
            if (built != null) {
                cache.store(file, built);
            }
        }
        p = new Program(program, new HashMap<>(), new ProgramBuild(precision, cached, (System.nanoTime() - start) / 1_000_000, file));
        programs.put(precision, p);
        return p;
    }

    private @Nullable cl_program fromBinary(byte[] binary, String options) {
        cl_program program = null;
        try {
            int[] status = new int[1];
            program = clCreateProgramWithBinary(context, 1, new cl_device_id[] { info.deviceId() },
                    new long[] { binary.length }, new byte[][] { binary }, status, null);
            if (status[0] != CL_SUCCESS) {
                clReleaseProgram(program);
                return null;
            }
            clBuildProgram(program, 1, new cl_device_id[] { info.deviceId() }, options, null, null);
            return program;
        } catch (CLException e) {
            if (program != null) {
                clReleaseProgram(program);
            }
            return null;
        }
    }

    private cl_program fromSource(String source, String options, String operation) {
        cl_program program;
        try {
            program = clCreateProgramWithSource(context, 1, new String[] { source }, null, null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), operation, e);
        }
        try {
            clBuildProgram(program, 1, new cl_device_id[] { info.deviceId() }, options, null, null);
            return program;
        } catch (CLException e) {
            String log = buildLog(program);
            clReleaseProgram(program);
            throw new OpenClDeviceException(info.label(), operation, e.getStatus(),
                    "the kernels did not compile (" + CL.stringFor_errorCode(e.getStatus()) + "):\n" + log);
        }
    }

    private String buildLog(cl_program program) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(program, info.deviceId(), CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] log = new byte[(int) size[0]];
            clGetProgramBuildInfo(program, info.deviceId(), CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
            return new String(log, StandardCharsets.UTF_8).trim();
        } catch (CLException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }

    private static byte @Nullable [] binaryOf(cl_program program) {
        try {
            long[] size = new long[1];
            clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, Sizeof.size_t, Pointer.to(size), null);
            if (size[0] <= 0) {
                return null;
            }
            byte[] binary = new byte[(int) size[0]];
            clGetProgramInfo(program, CL_PROGRAM_BINARIES, Sizeof.POINTER, Pointer.to(Pointer.to(binary)), null);
            return binary;
        } catch (CLException e) {
            return null;
        }
    }

    /** A buffer of {@code count} values, zero-filled when {@code zero} (else undefined: work buffers). */
    ClTensor.Storage allocate(long count, Precision precision, boolean zero, String operation) {
        long bytes = count * bytes(precision);
        if (bytes > info.maxAllocation()) {
            throw new OpenClDeviceException(info.label(), operation, CL.CL_INVALID_BUFFER_SIZE, "a buffer of " + bytes
                    + " bytes exceeds the device's largest allocation (" + info.maxAllocation() + " bytes)");
        }
        cl_mem memory;
        try {
            memory = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, null, null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), operation, e);
        }
        if (zero) {
            try {
                clEnqueueFillBuffer(queue, memory, Pointer.to(new int[] { 0 }), Sizeof.cl_int, 0, bytes, 0, null, null);
            } catch (CLException e) {
                clReleaseMemObject(memory);
                throw OpenClDeviceException.of(info.label(), operation, e);
            }
        }
        return new ClTensor.Storage(memory, count);
    }

    void release(ClTensor.Storage storage) {
        try {
            clReleaseMemObject(storage.memory);
        } catch (CLException e) {
            // a lost device: nothing left to release
        }
    }

    /** A one-value buffer passed for an absent optional argument (kernels do not read it). */
    synchronized ClTensor.Storage placeholder(Precision precision) {
        ClTensor.Storage s = placeholders.get(precision);
        if (s == null) {
            s = allocate(1, precision, true, "allocating a placeholder");
            placeholders.put(precision, s);
        }
        return s;
    }

    static int bytes(Precision precision) {
        return precision == Precision.FP64 ? Sizeof.cl_double : Sizeof.cl_float;
    }

    void write(ClTensor to, int at, double[] from, int offset, int count) {
        if (count == 0) {
            return;
        }
        Pointer data;
        if (to.precision() == Precision.FP64) {
            data = Pointer.to(from).withByteOffset((long) offset * Sizeof.cl_double);
        } else {
            float[] f = new float[count];
            for (int i = 0; i < count; i++) {
                f[i] = (float) from[offset + i];
            }
            data = Pointer.to(f);
        }
        write(to, at, data, count);
    }

    void write(ClTensor to, int at, float[] from, int offset, int count) {
        if (count == 0) {
            return;
        }
        Pointer data;
        if (to.precision() == Precision.FP32) {
            data = Pointer.to(from).withByteOffset((long) offset * Sizeof.cl_float);
        } else {
            double[] d = new double[count];
            for (int i = 0; i < count; i++) {
                d[i] = from[offset + i];
            }
            data = Pointer.to(d);
        }
        write(to, at, data, count);
    }

    private void write(ClTensor to, int at, Pointer data, int count) {
        int b = bytes(to.precision());
        try {
            clEnqueueWriteBuffer(queue, to.memory(), true, (to.offset() + at) * b, (long) count * b, data, 0, null, null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), "copying to the device", e);
        }
    }

    void read(ClTensor from, int at, double[] to, int offset, int count) {
        if (count == 0) {
            return;
        }
        if (from.precision() == Precision.FP64) {
            read(from, at, Pointer.to(to).withByteOffset((long) offset * Sizeof.cl_double), count);
        } else {
            float[] f = new float[count];
            read(from, at, Pointer.to(f), count);
            for (int i = 0; i < count; i++) {
                to[offset + i] = f[i];
            }
        }
    }

    void read(ClTensor from, int at, float[] to, int offset, int count) {
        if (count == 0) {
            return;
        }
        if (from.precision() == Precision.FP32) {
            read(from, at, Pointer.to(to).withByteOffset((long) offset * Sizeof.cl_float), count);
        } else {
            double[] d = new double[count];
            read(from, at, Pointer.to(d), count);
            for (int i = 0; i < count; i++) {
                to[offset + i] = (float) d[i];
            }
        }
    }

    private void read(ClTensor from, int at, Pointer data, int count) {
        int b = bytes(from.precision());
        try {
            clEnqueueReadBuffer(queue, from.memory(), true, (from.offset() + at) * b, (long) count * b, data, 0, null,
                    null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), "copying from the device (after the operations before it)", e);
        }
    }

    /**
     * Queues one kernel of the precision's program over {@code global} work-items (rounded up to
     * whole groups of {@code local}; null: the element-wise group size, one dimension). Arguments:
     * a {@link ClTensor} passes its buffer and its offset (two kernel arguments), a
     * {@link ClTensor.Storage} its buffer and offset 0; {@link Integer} and {@link Boolean} (0/1)
     * pass an int, {@link Long} a long, {@link Double} the program's real (rounded once to fp32 in
     * fp32 programs).
     */
    synchronized void launch(String operation, Precision precision, String kernel, long[] global, long @Nullable [] local,
            Object... args) {
        Program program = program(precision, operation);
        try {
            cl_kernel k = program.kernels().get(kernel);
            if (k == null) {
                k = clCreateKernel(program.program(), kernel, null);
                program.kernels().put(kernel, k);
            }
            int index = 0;
            for (Object arg : args) {
                index = setArg(k, index, arg, precision, operation);
            }
            long[] group = new long[global.length];
            long[] size = new long[global.length];
            for (int d = 0; d < global.length; d++) {
                group[d] = local != null ? local[d] : d == 0 ? localSize : 1;
                size[d] = Math.max(group[d], (global[d] + group[d] - 1) / group[d] * group[d]);
            }
            clEnqueueNDRangeKernel(queue, k, global.length, null, size, group, 0, null, null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), operation, e);
        }
    }

    private static int setArg(cl_kernel kernel, int index, Object arg, Precision precision, String operation) {
        if (arg instanceof ClTensor t) {
            clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(t.memory()));
            clSetKernelArg(kernel, index + 1, Sizeof.cl_long, Pointer.to(new long[] { t.offset() }));
            return index + 2;
        }
        if (arg instanceof ClTensor.Storage s) {
            clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(s.memory));
            clSetKernelArg(kernel, index + 1, Sizeof.cl_long, Pointer.to(new long[] { 0 }));
            return index + 2;
        }
        if (arg instanceof Integer i) {
            clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] { i }));
        } else if (arg instanceof Boolean flag) {
            clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] { flag ? 1 : 0 }));
        } else if (arg instanceof Long l) {
            clSetKernelArg(kernel, index, Sizeof.cl_long, Pointer.to(new long[] { l }));
        } else if (arg instanceof Double d) {
            if (precision == Precision.FP64) {
                clSetKernelArg(kernel, index, Sizeof.cl_double, Pointer.to(new double[] { d }));
            } else {
                clSetKernelArg(kernel, index, Sizeof.cl_float, Pointer.to(new float[] { d.floatValue() }));
            }
        } else {
            throw new IllegalArgumentException(operation + ": kernel argument " + index + " of type " + arg.getClass());
        }
        return index + 1;
    }

    /** Waits until every queued command has run (a failure names {@code operation}). */
    void finish(String operation) {
        try {
            clFinish(queue);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), operation, e);
        }
    }

    /** Releases the programs, queue and context (the tensors' buffers are released by their owners). */
    synchronized void close() {
        try {
            clFinish(queue);
        } catch (CLException e) {
            // a lost device: release what can be released
        }
        for (ClTensor.Storage s : placeholders.values()) {
            release(s);
        }
        placeholders.clear();
        for (Program p : programs.values()) {
            for (cl_kernel k : p.kernels().values()) {
                clReleaseKernel(k);
            }
            clReleaseProgram(p.program());
        }
        programs.clear();
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }
}
