package org.descent.compute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Precision;

/**
 * One device of a {@link Backend}: it allocates {@link Tensor}s and runs {@link Ops} on them.
 * A device object is safe to share between threads for allocation and description; an
 * {@link Ops} object and the tensors it works on are used by one thread at a time.
 *
 * @since 0.1.0
 */
public interface Device {

    /** The backend that owns this device. */
    Backend backend();

    /**
     * The device's id as {@code --device} accepts it: {@code cpu}, or {@code <backend>:<index>}
     * such as {@code opencl:0}, the index into {@link Backend#devices()}.
     */
    String id();

    /** The device's name, e.g. {@code AMD EPYC 7B13 (2 cores)} or {@code NVIDIA H100 80GB HBM3}. */
    String name();

    /**
     * The driver or library and its version, e.g. {@code OpenBLAS 0.3.19} or
     * {@code NVIDIA CUDA 12.4 / OpenCL 3.0, driver 550.54}.
     */
    String driver();

    /** What kind of processor it is. */
    DeviceKind kind();

    /** Memory available to tensors, in bytes (the host's maximum heap for the CPU backend). */
    long memoryBytes();

    /** Parallel compute units (cores for a CPU, streaming multiprocessors or compute units for a GPU). */
    int computeUnits();

    /**
     * Host threads the device's operations use: the CPU backend's thread count; 0 for devices that
     * schedule their own parallelism (GPUs).
     */
    int threads();

    /**
     * This device using {@code threads} host threads (at least 1) where the backend uses host
     * threads; devices that schedule their own parallelism return themselves.
     *
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    Device withThreads(int threads);

    /**
     * Whether the device computes in this precision: fp32 always; fp64 where the hardware has it
     * (OpenCL devices without {@code cl_khr_fp64} do not). Mixed precisions are never supported.
     */
    boolean supports(Precision precision);

    /**
     * A new zero-filled tensor of this shape and precision on the device.
     *
     * @throws IllegalArgumentException when the precision is not {@linkplain #supports supported},
     *         the shape is empty or has a dimension below 1, or it holds more than
     *         {@code Integer.MAX_VALUE} values
     * @throws ComputeException when the device has not the memory
     */
    Tensor allocate(Precision precision, int... shape);

    /**
     * The operations in one precision on this device, working on tensors of that precision
     * allocated here.
     *
     * @throws IllegalArgumentException when the precision is not {@linkplain #supports supported}
     */
    Ops ops(Precision precision);

    /**
     * Whether the device autotunes: measures its candidate implementations of an operation the
     * first time it meets a shape class and keeps the fastest (see {@link Tuning}). Devices without
     * candidates return false.
     */
    default boolean autotune() {
        return false;
    }

    /**
     * This device with autotuning on, or off ({@code --autotune off}: every operation uses the
     * backend's fixed default implementation). Devices without candidates return themselves.
     */
    default Device withAutotune(boolean on) {
        return this;
    }

    /**
     * The tuning decisions this device's operations have used so far, in the order first used:
     * what a run records in its provenance and {@code descent tune} prints. Empty for devices
     * without candidates.
     */
    default List<Tuning> tunings() {
        return List.of();
    }

    /**
     * What a run records about the device it computed on: {@code backend}, {@code device} (the
     * id), {@code name}, {@code driver} and {@code threads}, in this order.
     */
    default Map<String, String> provenance() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("backend", backend().id());
        m.put("device", id());
        m.put("name", name());
        m.put("driver", driver());
        m.put("threads", Integer.toString(threads()));
        return m;
    }
}
