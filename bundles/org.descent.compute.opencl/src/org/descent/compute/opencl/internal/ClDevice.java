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
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clGetProgramInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clSetKernelArg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
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
 * One OpenCL device opened for computing: its context, one in-order command queue, and the
 * program of every kernel per precision, built at first use (or loaded from the
 * {@link ProgramCache}). Kernels are launched in order on the queue; host copies ({@link #write},
 * {@link #read}) are the only points that wait. Every OpenCL failure becomes an
 * {@link OpenClDeviceException} naming the device and the operation. Launches are serialised on
 * this object (kernel arguments are per kernel object), so several threads may share a device.
 */
public final class ClDevice implements AutoCloseable {

    /** How a program came to be: compiled from source or loaded from the cache, and how long it took. */
    public record Build(Element element, boolean cached, long millis, Path file) {
    }

    private record Program(cl_program program, Map<String, cl_kernel> kernels, Build build) {
    }

    private final ClDeviceInfo info;
    private final ProgramCache cache;
    private final cl_context context;
    private final cl_command_queue queue;
    private final KernelSource.Sizes sizes;
    private final int localSize;
    private final Map<Element, Program> programs = new EnumMap<>(Element.class);
    private final Map<Element, ClBuffer> placeholders = new EnumMap<>(Element.class);
    private boolean closed;

    private ClDevice(ClDeviceInfo info, ProgramCache cache) {
        this.info = info;
        this.cache = cache;
        try {
            this.context = clCreateContext(null, 1, new cl_device_id[] { info.deviceId() }, null, null, null);
            this.queue = clCreateCommandQueue(context, info.deviceId(), 0, null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), "opening the device", e);
        }
        long group = Math.min(256, info.maxWorkGroup());
        this.localSize = Integer.highestOneBit((int) Math.max(1, group));
        boolean wide = info.maxWorkGroup() >= 128 && info.localMemory() >= 2L * 32 * 33 * Sizeof.cl_double;
        this.sizes = new KernelSource.Sizes(localSize, wide ? 32 : 16, wide ? 8 : Math.max(1, 16 * 16 / localSize));
    }

    /** Opens a device with the standard program cache. */
    public static ClDevice open(ClDeviceInfo info) {
        return open(info, ProgramCache.standard());
    }

    static ClDevice open(ClDeviceInfo info, ProgramCache cache) {
        return new ClDevice(info, cache);
    }

    public ClDeviceInfo info() {
        return info;
    }

    KernelSource.Sizes sizes() {
        return sizes;
    }

    /** Work-items per group of the element-wise kernels (a power of two). */
    int localSize() {
        return localSize;
    }

    /** Whether this device computes in {@code element} (fp64 needs {@code cl_khr_fp64}). */
    public boolean supports(Element element) {
        return element != Element.DOUBLE || info.fp64();
    }

    /** Builds (or loads) the program for a precision now, and says how. */
    public synchronized Build prepare(Element element) {
        return program(element, "compiling the kernels").build();
    }

    private Program program(Element element, String operation) {
        Program p = programs.get(element);
        if (p != null) {
            return p;
        }
        if (element == Element.INT || !supports(element)) {
            throw new OpenClDeviceException(info.label(), operation, 0,
                    element == Element.INT ? "no kernels compute in int" : "the device has no fp64 (cl_khr_fp64)");
        }
        long start = System.nanoTime();
        String source = KernelSource.program(element, sizes);
        String options = KernelSource.options(element);
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
        p = new Program(program, new HashMap<>(),
                new Build(element, cached, (System.nanoTime() - start) / 1_000_000, file));
        programs.put(element, p);
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
                    "the kernels did not compile (" + org.jocl.CL.stringFor_errorCode(e.getStatus()) + "):\n" + log);
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

    /** A buffer of {@code count} values (its contents undefined until written). */
    public ClBuffer allocate(long count, Element element, String operation) {
        if (count <= 0) {
            throw new IllegalArgumentException(operation + ": a buffer of " + count + " values on " + info.id());
        }
        long bytes = count * element.bytes();
        if (bytes > info.maxAllocation()) {
            throw new OpenClDeviceException(info.label(), operation, 0, "a buffer of " + bytes
                    + " bytes exceeds the device's largest allocation (" + info.maxAllocation() + " bytes)");
        }
        try {
            cl_mem memory = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, null, null);
            return new ClBuffer(this, memory, count, element);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), operation, e);
        }
    }

    /** A one-value buffer passed for an absent optional argument (kernels do not read it). */
    synchronized ClBuffer placeholder(Element element) {
        return placeholders.computeIfAbsent(element, e -> allocate(1, e, "allocating a placeholder"));
    }

    /** Copies host values into {@code to} from its start (converted to its precision), waiting until done. */
    public void write(ClBuffer to, double[] from, int offset, int count, String operation) {
        Pointer data = switch (to.element()) {
        case DOUBLE -> Pointer.to(from).withByteOffset((long) offset * Sizeof.cl_double);
        case FLOAT -> {
            float[] f = new float[count];
            for (int i = 0; i < count; i++) {
                f[i] = (float) from[offset + i];
            }
            yield Pointer.to(f);
        }
        case INT -> throw new IllegalArgumentException(operation + ": doubles written to an int buffer");
        };
        write(to, data, count, operation);
    }

    public void write(ClBuffer to, float[] from, int offset, int count, String operation) {
        Pointer data = switch (to.element()) {
        case FLOAT -> Pointer.to(from).withByteOffset((long) offset * Sizeof.cl_float);
        case DOUBLE -> {
            double[] d = new double[count];
            for (int i = 0; i < count; i++) {
                d[i] = from[offset + i];
            }
            yield Pointer.to(d);
        }
        case INT -> throw new IllegalArgumentException(operation + ": floats written to an int buffer");
        };
        write(to, data, count, operation);
    }

    public void write(ClBuffer to, int[] from, int offset, int count, String operation) {
        if (to.element() != Element.INT) {
            throw new IllegalArgumentException(operation + ": ints written to a " + to.element().type() + " buffer");
        }
        write(to, Pointer.to(from).withByteOffset((long) offset * Sizeof.cl_int), count, operation);
    }

    private void write(ClBuffer to, Pointer data, int count, String operation) {
        checkCount(to, count, operation);
        try {
            clEnqueueWriteBuffer(queue, to.memory(), true, 0, (long) count * to.element().bytes(), data, 0, null, null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), operation, e);
        }
    }

    /** Copies the first {@code count} values of {@code from} into host memory, after every queued command. */
    public void read(ClBuffer from, double[] to, int offset, int count, String operation) {
        checkCount(from, count, operation);
        switch (from.element()) {
        case DOUBLE -> read(from, Pointer.to(to).withByteOffset((long) offset * Sizeof.cl_double), count, operation);
        case FLOAT -> {
            float[] f = new float[count];
            read(from, Pointer.to(f), count, operation);
            for (int i = 0; i < count; i++) {
                to[offset + i] = f[i];
            }
        }
        case INT -> throw new IllegalArgumentException(operation + ": an int buffer read as doubles");
        }
    }

    public void read(ClBuffer from, float[] to, int offset, int count, String operation) {
        checkCount(from, count, operation);
        switch (from.element()) {
        case FLOAT -> read(from, Pointer.to(to).withByteOffset((long) offset * Sizeof.cl_float), count, operation);
        case DOUBLE -> {
            double[] d = new double[count];
            read(from, Pointer.to(d), count, operation);
            for (int i = 0; i < count; i++) {
                to[offset + i] = (float) d[i];
            }
        }
        case INT -> throw new IllegalArgumentException(operation + ": an int buffer read as floats");
        }
    }

    public void read(ClBuffer from, int[] to, int offset, int count, String operation) {
        if (from.element() != Element.INT) {
            throw new IllegalArgumentException(operation + ": a " + from.element().type() + " buffer read as ints");
        }
        checkCount(from, count, operation);
        read(from, Pointer.to(to).withByteOffset((long) offset * Sizeof.cl_int), count, operation);
    }

    private void read(ClBuffer from, Pointer data, int count, String operation) {
        try {
            clEnqueueReadBuffer(queue, from.memory(), true, 0, (long) count * from.element().bytes(), data, 0, null, null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), operation, e);
        }
    }

    private void checkCount(ClBuffer buffer, int count, String operation) {
        if (buffer.device() != this) {
            throw new IllegalArgumentException(operation + ": a buffer of " + buffer.device().info().id() + " used on " + info.id());
        }
        if (count < 0 || count > buffer.count()) {
            throw new IllegalArgumentException(operation + ": " + count + " values copied with a buffer of " + buffer.count());
        }
    }

    /**
     * Queues one kernel of the {@code element} program over {@code global} work-items (rounded up
     * to whole groups of {@code local}; null: the element-wise group size, one dimension). Arguments:
     * {@link ClBuffer}, {@link Integer} (int), {@link Long} (long), {@link Boolean} (int 0/1),
     * {@link Double} (the program's real).
     */
    synchronized void launch(String operation, Element element, String kernel, long[] global, long @Nullable [] local,
            Object... args) {
        if (closed) {
            throw new IllegalStateException(operation + ": device " + info.id() + " was closed");
        }
        Program program = program(element, operation);
        try {
            cl_kernel k = program.kernels().get(kernel);
            if (k == null) {
                k = clCreateKernel(program.program(), kernel, null);
                program.kernels().put(kernel, k);
            }
            for (int i = 0; i < args.length; i++) {
                setArg(k, i, args[i], element, operation);
            }
            long[] groups = local != null ? local : new long[] { localSize };
            long[] size = new long[global.length];
            for (int d = 0; d < global.length; d++) {
                long g = d < groups.length ? groups[d] : 1;
                size[d] = Math.max(g, (global[d] + g - 1) / g * g);
            }
            long[] groupSizes = new long[global.length];
            for (int d = 0; d < global.length; d++) {
                groupSizes[d] = d < groups.length ? groups[d] : 1;
            }
            clEnqueueNDRangeKernel(queue, k, global.length, null, size, groupSizes, 0, null, null);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), operation, e);
        }
    }

    private void setArg(cl_kernel kernel, int index, Object arg, Element element, String operation) {
        if (arg instanceof ClBuffer b) {
            if (b.device() != this) {
                throw new IllegalArgumentException(operation + ": a buffer of " + b.device().info().id() + " used on " + info.id());
            }
            clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(b.memory()));
        } else if (arg instanceof Integer i) {
            clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] { i }));
        } else if (arg instanceof Boolean flag) {
            clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] { flag ? 1 : 0 }));
        } else if (arg instanceof Long l) {
            clSetKernelArg(kernel, index, Sizeof.cl_long, Pointer.to(new long[] { l }));
        } else if (arg instanceof Double d) {
            if (element == Element.DOUBLE) {
                clSetKernelArg(kernel, index, Sizeof.cl_double, Pointer.to(new double[] { d }));
            } else {
                clSetKernelArg(kernel, index, Sizeof.cl_float, Pointer.to(new float[] { d.floatValue() }));
            }
        } else {
            throw new IllegalArgumentException(operation + ": kernel argument " + index + " of type " + arg.getClass());
        }
    }

    /** Waits until every queued command has run (a failure names {@code operation}). */
    public void finish(String operation) {
        try {
            clFinish(queue);
        } catch (CLException e) {
            throw OpenClDeviceException.of(info.label(), operation, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clFinish(queue);
        } catch (CLException e) {
            // a lost device: release what can be released
        }
        for (ClBuffer b : placeholders.values()) {
            b.close();
        }
        for (Program p : programs.values()) {
            for (cl_kernel k : p.kernels().values()) {
                clReleaseKernel(k);
            }
            clReleaseProgram(p.program());
        }
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }
}
