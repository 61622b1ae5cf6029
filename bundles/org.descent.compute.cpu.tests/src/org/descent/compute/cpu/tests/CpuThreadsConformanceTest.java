package org.descent.compute.cpu.tests;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.compute.cpu.internal.CpuDevice;
import org.descent.compute.testing.DeviceConformance;

/**
 * The conformance suite with three threads splitting every operation, however small (more threads
 * than the examples of some tests, so that parts are uneven or empty), and without a BLAS service
 * (the plain-loop GEMM).
 */
public class CpuThreadsConformanceTest extends DeviceConformance {

    @Override
    protected Device device() {
        Device cpu = Backends.resolve(Backends.find(CpuThreadsConformanceTest.class), "cpu");
        return new CpuDevice(cpu.backend(), null, 3, 0);
    }
}
