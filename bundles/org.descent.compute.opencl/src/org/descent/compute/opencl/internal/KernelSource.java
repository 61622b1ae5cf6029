package org.descent.compute.opencl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OpenCL C program of every operation: the bundle's {@code kernels/*.cl} files after a prelude
 * that types {@code real} as the precision's float type and sizes the work-groups. One program per
 * device and precision holds every kernel.
 */
final class KernelSource {

    /** The kernel files, in the order they are joined (reduce.cl before batchnorm.cl, which uses it). */
    static final List<String> FILES = List.of("elementwise.cl", "activation.cl", "reduce.cl", "batchnorm.cl",
            "gemm.cl", "conv.cl", "pool.cl", "softmax.cl", "dropout.cl", "optimizer.cl");

    /** Work-group sizes the kernels are compiled for. */
    record Sizes(int reduceGroup, int gemmTile, int gemmWorkPerItem) {
    }

    private KernelSource() {
    }

    /** The program's source for {@code real} = {@code element}'s type. */
    static String program(Element element, Sizes sizes) {
        StringBuilder s = new StringBuilder();
        if (element == Element.DOUBLE) {
            s.append("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n");
        }
        s.append("typedef ").append(element.type()).append(" real;\n");
        s.append("#define REDUCE_WG ").append(sizes.reduceGroup()).append('\n');
        s.append("#define GEMM_TILE ").append(sizes.gemmTile()).append('\n');
        s.append("#define GEMM_WPT ").append(sizes.gemmWorkPerItem()).append('\n');
        for (String file : FILES) {
            s.append("/* ---- ").append(file).append(" ---- */\n").append(read(file)).append('\n');
        }
        return s.toString();
    }

    /** The compiler options: fp32 programs take unsuffixed constants as float (no fp64 needed). */
    static String options(Element element) {
        return element == Element.FLOAT ? "-cl-std=CL1.2 -cl-single-precision-constant" : "-cl-std=CL1.2";
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
