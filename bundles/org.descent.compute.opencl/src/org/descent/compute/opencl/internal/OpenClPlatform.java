package org.descent.compute.opencl.internal;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_NOT_FOUND;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.CL_PLATFORM_VERSION;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.descent.compute.DeviceKind;
import org.eclipse.jdt.annotation.Nullable;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * What the system's OpenCL offers: every platform's devices, or why there are none. JOCL's
 * native library loads the unversioned {@code libOpenCL.so} (Debian: {@code ocl-icd-opencl-dev})
 * once per JVM; when that fails, or no driver (ICD) is installed, the backend is unavailable and
 * {@link #problem()} says why. Nothing here throws to the caller.
 */
public final class OpenClPlatform {

    /** The backend's id, and the prefix of its devices' ids ({@code opencl:0}). */
    public static final String BACKEND_ID = "opencl";

    /** The message when the library loads but reports no platform (no ICD installed). */
    public static final String NO_PLATFORM = "OpenCL: no platform found: install ocl-icd-libopencl1 and a driver";

    /** OpenCL's status for "no platform" from the ICD loader (cl_khr_icd). */
    private static final int PLATFORM_NOT_FOUND_KHR = -1001;

    private @Nullable List<ClDeviceInfo> devices;
    private @Nullable String problem;

    /** Probes the system (once; later calls answer from the first). */
    private synchronized void probe() {
        if (devices != null) {
            return;
        }
        List<ClDeviceInfo> found = new ArrayList<>();
        String why = null;
        try {
            CL.setExceptionsEnabled(true);
            found = enumerate();
            if (found.isEmpty()) {
                why = NO_PLATFORM;
            }
        } catch (LinkageError e) {
            why = "OpenCL: the OpenCL library libOpenCL.so could not be loaded: install ocl-icd-libopencl1,"
                    + " ocl-icd-opencl-dev and a driver (" + e.getMessage() + ")";
        } catch (CLException e) {
            why = e.getStatus() == PLATFORM_NOT_FOUND_KHR ? NO_PLATFORM
                    : "OpenCL: listing the platforms failed: " + CL.stringFor_errorCode(e.getStatus());
        } catch (RuntimeException e) {
            why = "OpenCL: listing the platforms failed: " + e;
        }
        devices = List.copyOf(found);
        problem = why;
    }

    /** Every device of every platform, in platform order; empty when none. */
    public List<ClDeviceInfo> devices() {
        probe();
        List<ClDeviceInfo> d = devices;
        return d == null ? List.of() : d;
    }

    /** Why the backend is unavailable, or {@code null} when it has devices. */
    public @Nullable String problem() {
        probe();
        return problem;
    }

    public boolean available() {
        return problem() == null;
    }

    private static List<ClDeviceInfo> enumerate() {
        int[] count = new int[1];
        clGetPlatformIDs(0, null, count);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        if (count[0] > 0) {
            clGetPlatformIDs(count[0], platforms, null);
        }
        List<ClDeviceInfo> found = new ArrayList<>();
        for (cl_platform_id platform : platforms) {
            String platformName = platformString(platform, CL_PLATFORM_NAME);
            String platformVersion = platformString(platform, CL_PLATFORM_VERSION);
            cl_device_id[] ids;
            try {
                int[] n = new int[1];
                clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, n);
                ids = new cl_device_id[n[0]];
                clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, n[0], ids, null);
            } catch (CLException e) {
                if (e.getStatus() == CL_DEVICE_NOT_FOUND) {
                    continue;
                }
                throw e;
            }
            for (cl_device_id id : ids) {
                boolean fp64 = deviceString(id, CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64");
                found.add(new ClDeviceInfo(found.size(), platformName, platformVersion, deviceString(id, CL_DEVICE_NAME),
                        deviceString(id, CL_DRIVER_VERSION),
                        deviceString(id, CL_DEVICE_VERSION), deviceLong(id, CL_DEVICE_GLOBAL_MEM_SIZE),
                        deviceLong(id, CL_DEVICE_MAX_MEM_ALLOC_SIZE), deviceInt(id, CL_DEVICE_MAX_COMPUTE_UNITS),
                        deviceSize(id, CL_DEVICE_MAX_WORK_GROUP_SIZE), deviceLong(id, CL_DEVICE_LOCAL_MEM_SIZE), fp64,
                        kind(deviceLong(id, CL_DEVICE_TYPE)), id));
            }
        }
        return found;
    }

    private static DeviceKind kind(long type) {
        if ((type & CL_DEVICE_TYPE_GPU) != 0) {
            return DeviceKind.GPU;
        }
        return (type & CL_DEVICE_TYPE_CPU) != 0 ? DeviceKind.CPU : DeviceKind.ACCELERATOR;
    }

    private static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(platform, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetPlatformInfo(platform, param, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(device, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetDeviceInfo(device, param, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    private static long deviceLong(cl_device_id device, int param) {
        long[] value = new long[1];
        clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }

    private static int deviceInt(cl_device_id device, int param) {
        int[] value = new int[1];
        clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(value), null);
        return value[0];
    }

    private static long deviceSize(cl_device_id device, int param) {
        long[] value = new long[1];
        clGetDeviceInfo(device, param, Sizeof.size_t, Pointer.to(value), null);
        return value[0];
    }

    /** A C string without its terminating NUL, trimmed. */
    private static String text(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
    }
}
