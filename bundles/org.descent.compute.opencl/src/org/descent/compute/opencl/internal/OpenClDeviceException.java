package org.descent.compute.opencl.internal;

import org.descent.compute.ComputeException;
import org.jocl.CL;
import org.jocl.CLException;

/**
 * An OpenCL device failed while running an operation (out of memory, a lost device, kernels that
 * would not build): the message names the device, the operation and the OpenCL status.
 */
public final class OpenClDeviceException extends ComputeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public OpenClDeviceException(String device, String operation, int status, String detail) {
        super("OpenCL device " + device + " failed in " + operation + ": " + detail);
        this.status = status;
    }

    /** From JOCL's exception (the OpenCL status: CL_OUT_OF_RESOURCES...). */
    static OpenClDeviceException of(String device, String operation, CLException e) {
        OpenClDeviceException failure = new OpenClDeviceException(device, operation, e.getStatus(),
                CL.stringFor_errorCode(e.getStatus()) + " (" + e.getStatus() + ")" + hint(e.getStatus()));
        failure.initCause(e);
        return failure;
    }

    private static String hint(int status) {
        return switch (status) {
        case CL.CL_MEM_OBJECT_ALLOCATION_FAILURE, CL.CL_OUT_OF_RESOURCES, CL.CL_OUT_OF_HOST_MEMORY,
                CL.CL_INVALID_BUFFER_SIZE -> ": the device ran out of memory (try a smaller batch)";
        case CL.CL_DEVICE_NOT_AVAILABLE -> ": the device is no longer available";
        default -> "";
        };
    }

    /** The OpenCL status code (negative), or 0 when the failure did not come from an OpenCL call. */
    public int status() {
        return status;
    }
}
