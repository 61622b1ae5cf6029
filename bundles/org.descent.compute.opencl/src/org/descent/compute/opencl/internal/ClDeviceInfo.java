package org.descent.compute.opencl.internal;

import org.descent.compute.DeviceKind;
import org.jocl.cl_device_id;

/**
 * One OpenCL device as the system reports it.
 *
 * @param index the device's place among every platform's devices, in platform order ({@code opencl:N})
 * @param platform the platform's name ("Portable Computing Language", "NVIDIA CUDA")
 * @param platformVersion the platform's version string
 * @param name the device's name
 * @param driver the driver version
 * @param version the device's OpenCL version ("OpenCL 3.0 ...")
 * @param globalMemory bytes of global memory
 * @param maxAllocation the largest buffer the device allocates, in bytes
 * @param computeUnits compute units (cores for a CPU device, SMs or CUs for a GPU)
 * @param maxWorkGroup the largest work-group
 * @param localMemory bytes of local memory per work-group
 * @param fp64 whether the device computes in double precision ({@code cl_khr_fp64})
 * @param kind CPU, GPU or another accelerator
 * @param deviceId JOCL's handle of the device
 */
public record ClDeviceInfo(int index, String platform, String platformVersion, String name, String driver,
        String version, long globalMemory, long maxAllocation, int computeUnits, long maxWorkGroup, long localMemory,
        boolean fp64, DeviceKind kind, cl_device_id deviceId) {

    /** The device's id on the command line: {@code opencl:N}. */
    public String id() {
        return OpenClPlatform.BACKEND_ID + ":" + index;
    }

    /** {@code opencl:0 (pthread-skylake..., Portable Computing Language)} for messages. */
    public String label() {
        return id() + " (" + name + ", " + platform + ")";
    }
}
