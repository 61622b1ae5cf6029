package org.descent.compute.cpu.internal;

import org.descent.compute.Conv2dShape;

/**
 * How the cpu backend schedules one convolution pass (im2col and a GEMM per chunk of examples):
 * over how many host threads the examples are split, and how many values the unfolded columns of
 * one chunk may hold. Every plan computes the same sums; the blocking changes only the GEMMs'
 * widths and so the order of their additions.
 *
 * @param threads the most host threads the examples are split over
 * @param blockValues the most values of one chunk's unfolded columns (at least one example a chunk)
 */
record ConvPlan(int threads, int blockValues) {

    /** The fixed default: every thread, 2^19 values a chunk (about 4 MB in fp64, so that they stay in cache). */
    static ConvPlan standard(int threads) {
        return new ConvPlan(threads, 1 << 19);
    }

    /** The candidates {@link Tuner} measures: three blockings, with every thread and with one. */
    static ConvPlan[] candidates(int threads) {
        int[] blocks = { 1 << 19, 1 << 17, 1 << 21 };
        ConvPlan[] plans = new ConvPlan[threads > 1 ? 2 * blocks.length : blocks.length];
        int i = 0;
        for (int t : threads > 1 ? new int[] { threads, 1 } : new int[] { 1 }) {
            for (int b : blocks) {
                plans[i++] = new ConvPlan(t, b);
            }
        }
        return plans;
    }

    /** {@code im2col-512k/2t}: the blocking in Ki values and the threads. */
    String id() {
        return "im2col-" + (blockValues >> 10) + "k/" + threads + "t";
    }

    /** Parts the {@code n} examples of a pass of {@code cost} multiply-adds are split into. */
    int parts(CpuDevice device, int n, long cost) {
        return device.parts(n, cost, threads);
    }

    /** Examples per im2col chunk: as many as keep the unfolded columns within {@link #blockValues}. */
    int chunk(Conv2dShape s, int n) {
        int cols = s.inChannels() * s.kernel() * s.kernel();
        int positions = s.outHeight() * s.outWidth();
        return Math.max(1, Math.min(n, blockValues / Math.max(1, cols * positions)));
    }
}
