package org.descent.compute.opencl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.descent.core.Precision;

/**
 * The OpenCL C program of every operation: the bundle's {@code kernels/*.cl} files after a prelude
 * that types {@code real} as the precision's float type, turns off contraction into fused
 * multiply-adds (so fp64 element-wise results are the host's bits) and sizes the work-groups.
 * One program per device and precision holds every kernel.
 */
final class KernelSource {

    /** The kernel files, in the order they are joined (reduce.cl before batchnorm.cl and transport.cl, which use it). */
    static final List<String> FILES = List.of("elementwise.cl", "activation.cl", "reduce.cl", "batchnorm.cl",
            "gemm.cl", "conv.cl", "pool.cl", "softmax.cl", "dropout.cl", "optimizer.cl", "transport.cl");

    /**
     * Work-group sizes the kernels are compiled for: the reductions' group (a power of two), and
     * GEMM's block of C per work-group (gemmTile square), its depth per step (gemmDepth) and the
     * outputs per work-item (gemmWorkPerItem square).
     */
    record Sizes(int reduceGroup, int gemmTile, int gemmDepth, int gemmWorkPerItem) {

        /** Work-items per side of a GEMM work-group. */
        int gemmThreads() {
            return gemmTile / gemmWorkPerItem;
        }
    }

    private KernelSource() {
    }

    /** The OpenCL C type of {@code real} in a precision's program. */
    static String type(Precision precision) {
        return switch (precision) {
        case FP32 -> "float";
        case FP64 -> "double";
        default -> throw new IllegalArgumentException("OpenCL kernels compute in fp32 or fp64, not " + precision.id());
        };
    }

    /** The program's source for a precision. */
    static String program(Precision precision, Sizes sizes) {
        StringBuilder s = new StringBuilder();
        if (precision == Precision.FP64) {
            s.append("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n");
        }
        s.append("#pragma OPENCL FP_CONTRACT OFF\n");
        s.append("typedef ").append(type(precision)).append(" real;\n");
        s.append("#define REDUCE_WG ").append(sizes.reduceGroup()).append('\n');
        s.append("#define GEMM_TS ").append(sizes.gemmTile()).append('\n');
        s.append("#define GEMM_TK ").append(sizes.gemmDepth()).append('\n');
        s.append("#define GEMM_WPT ").append(sizes.gemmWorkPerItem()).append('\n');
        for (String file : FILES) {
            s.append("/* ---- ").append(file).append(" ---- */\n").append(read(file)).append('\n');
        }
        return s.toString();
    }

    /**
     * The compiler options: fp32 programs take unsuffixed constants as float (no fp64 needed) and
     * divide and take square roots correctly rounded, as the host does.
     */
    static String options(Precision precision) {
        return precision == Precision.FP32
                ? "-cl-std=CL1.2 -cl-single-precision-constant -cl-fp32-correctly-rounded-divide-sqrt"
                : "-cl-std=CL1.2";
    }

    private static String read(String file) {
        try (InputStream in = KernelSource.class.getResourceAsStream("/kernels/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the OpenCL kernel file kernels/" + file
                        + " is missing from bundle org.descent.compute.opencl");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading kernels/" + file + " of org.descent.compute.opencl", e);
        }
    }
}
