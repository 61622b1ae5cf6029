package org.descent.compute.cpu.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.compute.Conv2dShape;
import org.descent.compute.HostConvolution;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How the cpu backend schedules one convolution pass (im2col and a GEMM per chunk of examples):
 * over how many host threads the examples are split, and how many values the unfolded columns of
 * one chunk may hold. Every plan computes the same sums; the blocking changes only the GEMMs'
 * widths and so the order of their additions.
 *
 * A plan may instead hand the pass to a library's convolution (ND4J's), which schedules itself.
 *
 * @param threads the most host threads the examples are split over
 * @param blockValues the most values of one chunk's unfolded columns (at least one example a chunk)
 * @param library the library that computes the pass instead, or null
 */
record ConvPlan(int threads, int blockValues, @Nullable HostConvolution library) {

    /** The fixed default: every thread, 2^19 values a chunk (about 4 MB in fp64, so that they stay in cache). */
    static ConvPlan standard(int threads) {
        return new ConvPlan(threads, 1 << 19, null);
    }

    /**
     * The candidates {@link Tuner} measures: three blockings on every thread; then the libraries'
     * convolutions (forward passes only: that is what they offer). Plans that kept the examples on
     * one thread of a 2-thread device measured faster alone (16x16x32x32 backward data 37.8 against
     * 25.9 GFLOP/s) and made ResNet-20 train slower than the fixed default (batch 16: 4.8-5.0
     * against 6.2-6.9 steps/s), so they are no candidates.
     */
    static List<ConvPlan> candidates(int threads, boolean forward, List<HostConvolution> libraries) {
        List<ConvPlan> plans = new ArrayList<>();
        for (int b : new int[] { 1 << 19, 1 << 17, 1 << 21 }) {
            plans.add(new ConvPlan(threads, b, null));
        }
        if (forward) {
            for (HostConvolution l : libraries) {
                plans.add(new ConvPlan(threads, 0, l));
            }
        }
        return plans;
    }

    /** {@code im2col-512k/2t}: the blocking in Ki values and the threads; or the library's id. */
    String id() {
        HostConvolution l = library;
        return l != null ? l.id() : "im2col-" + (blockValues >> 10) + "k/" + threads + "t";
    }

    /** Parts the {@code n} examples of a pass of {@code cost} multiply-adds are split into. */
    int parts(CpuDevice device, int n, long cost) {
        return device.parts(n, cost, threads);
    }

    /** Examples per im2col chunk: as many as keep the unfolded columns within {@link #blockValues}. */
    int chunk(Conv2dShape s, int n) {
        if (library != null) {
            return n;
        }
        int cols = s.inChannels() * s.kernel() * s.kernel();
        int positions = s.outHeight() * s.outWidth();
        return Math.max(1, Math.min(n, blockValues / Math.max(1, cols * positions)));
    }
}
