package org.descent.analysis.precision;

import java.util.List;

import org.descent.core.ParameterBlock;

/**
 * What rounding a (scaled) gradient to a low-precision format does to each parameter block: how
 * many entries were non-zero before, how many of those became zero (underflow) and how many
 * became infinite or NaN (overflow). Buffer blocks (running statistics) take no gradient and are
 * left out.
 *
 * @param blocks the parameter blocks counted, in order (buffers left out)
 * @param nonZero per block, the entries that were non-zero before rounding
 * @param underflow per block, the non-zero entries that rounded to zero
 * @param overflow per block, the entries that are infinite or NaN after rounding
 *
 * @since 0.1.0
 */
public record GradientRounding(List<ParameterBlock> blocks, long[] nonZero, long[] underflow, long[] overflow) {

    /** Counts, without changing {@code gradient}, what rounding it to {@code format} would do. */
    public static GradientRounding count(FloatFormat format, List<ParameterBlock> blocks, double[] gradient) {
        return compare(format, blocks, gradient, gradient);
    }

    /**
     * Counts what a low-precision computation did to a gradient: entries non-zero in the
     * {@code reference} (the fp64 gradient, or the same values before rounding) that are zero in
     * {@code computed} after rounding it to the format (underflow, inside the pass or at the end),
     * and entries of {@code computed} that round to infinity or NaN (overflow).
     */
    public static GradientRounding compare(FloatFormat format, List<ParameterBlock> blocks, double[] reference,
            double[] computed) {
        List<ParameterBlock> counted = blocks.stream().filter(b -> !b.buffer()).toList();
        long[] nonZero = new long[counted.size()];
        long[] underflow = new long[counted.size()];
        long[] overflow = new long[counted.size()];
        for (int k = 0; k < counted.size(); k++) {
            ParameterBlock b = counted.get(k);
            int end = b.offset() + b.size();
            if (end > reference.length || end > computed.length) {
                throw new IllegalArgumentException("parameter block " + b.name() + " ends at " + end
                        + " but the gradient has " + Math.min(reference.length, computed.length) + " entries");
            }
            for (int i = b.offset(); i < end; i++) {
                if (reference[i] == 0) {
                    continue;
                }
                nonZero[k]++;
                double r = format.round(computed[i]);
                if (r == 0) {
                    underflow[k]++;
                } else if (!Double.isFinite(r)) {
                    overflow[k]++;
                }
            }
        }
        return new GradientRounding(counted, nonZero, underflow, overflow);
    }

    /** Whether any entry is infinite or NaN after rounding: the step must be skipped. */
    public boolean overflowed() {
        for (long o : overflow) {
            if (o > 0) {
                return true;
            }
        }
        return false;
    }

    /** The fraction of block k's non-zero entries that underflowed to zero (0 when none is non-zero). */
    public double underflowFraction(int k) {
        return nonZero[k] == 0 ? 0 : (double) underflow[k] / nonZero[k];
    }

    /** The fraction of block k's non-zero entries that overflowed (0 when none is non-zero). */
    public double overflowFraction(int k) {
        return nonZero[k] == 0 ? 0 : (double) overflow[k] / nonZero[k];
    }

    /** The fraction of all non-zero entries that underflowed to zero. */
    public double underflowFraction() {
        long n = 0;
        long u = 0;
        for (int k = 0; k < nonZero.length; k++) {
            n += nonZero[k];
            u += underflow[k];
        }
        return n == 0 ? 0 : (double) u / n;
    }

    /** The names of the blocks with overflowed entries and their counts: {@code "fc1.weight (3)"}. */
    public String overflowedBlocks() {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < overflow.length; k++) {
            if (overflow[k] > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(blocks.get(k).name()).append(" (").append(overflow[k])
                        .append(overflow[k] == 1 ? " entry)" : " entries)");
            }
        }
        return s.toString();
    }
}
