package org.descent.compute;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a device's autotuning decided for one operation and shape class: each candidate
 * implementation's measured speed and the one it keeps. A backend measures its candidates the
 * first time an operation meets a shape (after Halide: the algorithm is fixed, its schedule is
 * chosen by measurement) and remembers the choice per machine, so later runs load it.
 *
 * @param operation the operation, as named in {@link Ops} ({@code conv2dForward}, {@code gemm})
 * @param shape the shape class, e.g. {@code 128x16x32x32 k3 s1 p1 -> 16, fp32, 2 threads}
 * @param gflops each candidate's measured GFLOP/s (2 per multiply-add), in the order tried;
 *        empty when the choice was not measured (autotuning off, or a single candidate)
 * @param choice the candidate the device uses
 * @param cached whether the choice was loaded from the machine's tuning cache rather than measured
 *        by this process
 * @since 0.1.0
 */
public record Tuning(String operation, String shape, Map<String, Double> gflops, String choice, boolean cached) {

    public Tuning {
        gflops = Collections.unmodifiableMap(new LinkedHashMap<>(gflops));
    }

    /** {@code operation shape: choice}, as a run's provenance records it. */
    @Override
    public String toString() {
        return operation + " " + shape + ": " + choice;
    }
}
