package org.descent.compute.opencl.tests;

import org.descent.compute.Device;
import org.descent.compute.testing.DeviceConformance;

/**
 * The conformance suite on the first OpenCL device: PoCL on a machine prepared by
 * {@code ./descent test}, a GPU where bench/gpu-check runs it. It fails (never skips) when no
 * OpenCL platform is found. The device and its compiled programs are shared by every test of the
 * class (the backend service holds them), so PoCL compiles each precision's program once.
 */
public class OpenClConformanceTest extends DeviceConformance {

    @Override
    protected Device device() {
        return OpenClBackendTest.firstDevice();
    }
}
