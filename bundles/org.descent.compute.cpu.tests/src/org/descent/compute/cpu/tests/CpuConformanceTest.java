package org.descent.compute.cpu.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.compute.cpu.internal.CpuDevice;
import org.descent.compute.testing.DeviceConformance;

/** The conformance suite on the cpu backend's device with one thread and the installed BLAS (OpenBLAS). */
public class CpuConformanceTest extends DeviceConformance {

    @Override
    protected Device device() {
        Device d = Backends.resolve(Backends.find(CpuConformanceTest.class), "cpu").withThreads(1);
        assertNotNull(((CpuDevice) d).blas(), "org.descent.nd4j offers no Blas service");
        return d;
    }
}
