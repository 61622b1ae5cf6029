package org.descent.compute.cpu.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.descent.compute.Backends;
import org.descent.compute.Conv2dShape;
import org.descent.compute.Device;
import org.descent.compute.Tuning;
import org.descent.compute.cpu.internal.CpuDevice;
import org.descent.compute.cpu.internal.Tuner;
import org.descent.compute.testing.DeviceConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every candidate implementation the autotuner may choose passes the conformance checks of its
 * operation against the fp64 references: the convolution blockings, the GEMMs on every thread or
 * one, and ND4J's convolution (the nd4j bundle's HostConvolution
 * service). Each device here forces the i-th candidate of every operation.
 */
public class CpuCandidatesConformanceTest {

    /** The most candidates an operation has (three blockings, and ND4J's). */
    private static final int CANDIDATES = 4;

    private static Device forcing(int index) {
        Device cpu = Backends.resolve(Backends.find(CpuCandidatesConformanceTest.class), "cpu");
        CpuDevice host = (CpuDevice) cpu;
        return new CpuDevice(cpu.backend(), host.blas(), 3, 0, Tuner.forcing(index), host.libraries(), true);
    }

    /** The conformance suite's products and convolutions on a device forcing candidate {@code index}. */
    private static final class Forced extends DeviceConformance {
        final Device device;

        Forced(int index) {
            device = forcing(index);
        }

        @Override
        protected Device device() {
            return device;
        }

        /** Adds a batch and images large enough that the blockings cut them differently. */
        @Override
        protected List<Conv2dShape> convolutions() {
            List<Conv2dShape> shapes = new ArrayList<>(super.convolutions());
            shapes.add(new Conv2dShape(6, 16, 32, 32, 8, 3, 1, 1));
            shapes.add(new Conv2dShape(5, 8, 17, 17, 4, 3, 2, 0));
            return shapes;
        }
    }

    @TestFactory
    List<DynamicTest> everyCandidatePassesTheConformanceChecksOfItsOperation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            Forced f = new Forced(i);
            tests.add(DynamicTest.dynamicTest("candidate " + i + ": gemm", f::gemmWithTransposesAlphaBetaAndLeadingDimensions));
            tests.add(DynamicTest.dynamicTest("candidate " + i + ": gemmBatched", f::gemmBatchedWithStridesAndASharedMatrix));
            tests.add(DynamicTest.dynamicTest("candidate " + i + ": convolutions", f::conv2dForwardAndBothBackwardPasses));
        }
        return tests;
    }

    /** The forced devices above reach every candidate of the convolutions (what the test factory relies on). */
    @Test
    public void theForcedDevicesCoverEveryConvolutionCandidate() {
        Set<String> chosen = new TreeSet<>();
        for (int i = 0; i < CANDIDATES; i++) {
            Forced f = new Forced(i);
            f.conv2dForwardAndBothBackwardPasses();
            for (Tuning t : f.device().tunings()) {
                if (t.operation().equals("conv2dForward") && t.shape().startsWith("fp32 6x16x32x32")) {
                    chosen.add(t.choice());
                }
            }
        }
        assertEquals(Set.of("im2col-128k/3t", "im2col-512k/3t", "im2col-2048k/3t", "nd4j"), chosen);
    }
}
