package org.descent.compute.opencl.internal;

import org.descent.compute.Backend;
import org.descent.compute.Device;
import org.descent.compute.DeviceKind;
import org.descent.compute.Ops;
import org.descent.compute.Tensor;
import org.descent.core.Precision;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One OpenCL device as a compute {@link Device}: it is opened (context, queue) at the first
 * allocation, and its kernels are compiled per precision at first use.
 */
public final class OpenClDevice implements Device {

    private final OpenClBackend backend;
    private final ClDeviceInfo info;
    private final ProgramCache cache;
    private @Nullable ClContext context;

    OpenClDevice(OpenClBackend backend, ClDeviceInfo info, ProgramCache cache) {
        this.backend = backend;
        this.info = info;
        this.cache = cache;
    }

    public ClDeviceInfo info() {
        return info;
    }

    /** The opened device (opened now if it is not yet). */
    synchronized ClContext context() {
        ClContext c = context;
        if (c == null) {
            c = new ClContext(info, cache);
            context = c;
        }
        return c;
    }

    /** Compiles (or loads from the cache) the kernels of a precision now, and says how. */
    public ProgramBuild prepare(Precision precision) {
        checkSupported(precision);
        return context().prepare(precision);
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public String name() {
        return info.name();
    }

    /** {@code Portable Computing Language, OpenCL 3.0 PoCL ..., driver 3.1+debian}. */
    @Override
    public String driver() {
        return info.platform() + ", " + info.version() + ", driver " + info.driver();
    }

    @Override
    public DeviceKind kind() {
        return info.kind();
    }

    @Override
    public long memoryBytes() {
        return info.globalMemory();
    }

    @Override
    public int computeUnits() {
        return info.computeUnits();
    }

    /** The device schedules its own parallelism. */
    @Override
    public int threads() {
        return 0;
    }

    @Override
    public Device withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return this;
    }

    @Override
    public boolean supports(Precision precision) {
        return precision == Precision.FP32 || precision == Precision.FP64 && info.fp64();
    }

    private void checkSupported(Precision precision) {
        if (!supports(precision)) {
            throw new IllegalArgumentException("OpenCL device " + info.label() + " does not compute in "
                    + precision.id() + (precision == Precision.FP64 ? " (it has no cl_khr_fp64)" : ""));
        }
    }

    @Override
    public Tensor allocate(Precision precision, int... shape) {
        checkSupported(precision);
        int size = ClTensor.size(shape);
        return new ClTensor(this, precision, context().allocate(size, precision, true, "allocating a tensor"), 0, shape,
                true);
    }

    @Override
    public Ops ops(Precision precision) {
        checkSupported(precision);
        return new ClOps(this, precision);
    }

    /** Releases the device's context (the backend's close). */
    synchronized void close() {
        ClContext c = context;
        context = null;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return info.label();
    }
}
