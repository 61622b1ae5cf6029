package org.descent.analysis.precision;

import org.descent.core.Precision;

/**
 * A simulated low-precision binary floating-point format (IEEE 754 layout: sign, biased
 * exponent, significand with a hidden bit, subnormals, infinities, NaN). Values stay doubles:
 * {@link #round(double)} maps a double to the nearest value the format can represent, in one
 * rounding from the double (round to nearest, ties to even), as a cast from float64 in hardware
 * or NumPy would. Magnitudes at or above {@link #max()} plus half an ulp become infinite, NaN
 * stays NaN, and the sign of zero is kept.
 *
 * @since 0.1.0
 */
public enum FloatFormat {

    /** IEEE binary16: 11 significand bits (10 stored), 5 exponent bits, max 65504. */
    FP16("fp16", 11, 5),
    /** bfloat16: 8 significand bits (7 stored), 8 exponent bits (the range of fp32). */
    BF16("bf16", 8, 8);

    private static final int DOUBLE_FRACTION_BITS = 52;
    private static final long DOUBLE_SIGN = 0x8000_0000_0000_0000L;

    private final String id;
    private final int significandBits;
    private final int exponentBits;
    private final int bias;
    private final int minExponent;
    private final double max;
    private final double minNormal;
    private final double minSubnormal;
    private final double overflowThreshold;
    /** Double fraction bits dropped when rounding a value in the normal range. */
    private final int dropped;

    FloatFormat(String id, int significandBits, int exponentBits) {
        this.id = id;
        this.significandBits = significandBits;
        this.exponentBits = exponentBits;
        this.bias = (1 << (exponentBits - 1)) - 1;
        this.minExponent = 1 - bias;
        this.max = (2 - Math.scalb(1.0, 1 - significandBits)) * Math.scalb(1.0, bias);
        this.minNormal = Math.scalb(1.0, minExponent);
        this.minSubnormal = Math.scalb(1.0, minExponent - (significandBits - 1));
        this.overflowThreshold = max + Math.scalb(1.0, bias - significandBits);
        this.dropped = DOUBLE_FRACTION_BITS - (significandBits - 1);
    }

    /** The short name used in files and probe names: {@code fp16}, {@code bf16}. */
    public String id() {
        return id;
    }

    /** Significand bits including the hidden one (11 for fp16, 8 for bf16). */
    public int significandBits() {
        return significandBits;
    }

    /** Exponent bits (5 for fp16, 8 for bf16). */
    public int exponentBits() {
        return exponentBits;
    }

    /** The largest finite value (65504 for fp16, about 3.39e38 for bf16). */
    public double max() {
        return max;
    }

    /** The smallest positive normal value (2^-14 for fp16, 2^-126 for bf16). */
    public double minNormal() {
        return minNormal;
    }

    /** The smallest positive subnormal value (2^-24 for fp16, 2^-133 for bf16). */
    public double minSubnormal() {
        return minSubnormal;
    }

    /** The distance from 1 to the next larger value (2^-10 for fp16, 2^-7 for bf16). */
    public double epsilon() {
        return Math.scalb(1.0, 1 - significandBits);
    }

    /**
     * The smallest magnitude that rounds to infinity: {@link #max()} plus half an ulp (a tie,
     * which rounds to the even neighbour, infinity). 65520 for fp16.
     */
    public double overflowThreshold() {
        return overflowThreshold;
    }

    /** The format that a mixed precision computes in. */
    public static FloatFormat of(Precision precision) {
        return switch (precision) {
        case MIXED_FP16 -> FP16;
        case MIXED_BF16 -> BF16;
        default -> throw new IllegalArgumentException("precision " + precision.id()
                + " is not a simulated mixed precision: expected mixed-fp16 or mixed-bf16");
        };
    }

    /** The format for its id ({@code fp16}, {@code bf16}). */
    public static FloatFormat fromId(String id) {
        for (FloatFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("format '" + id + "': expected fp16 or bf16");
    }

    /** The nearest representable value of this format (ties to even), as a double. */
    public double round(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long magnitude = bits & ~DOUBLE_SIGN;
        double a = Double.longBitsToDouble(magnitude);
        if (Double.isNaN(a)) {
            return x;
        }
        if (a >= minNormal) {
            if (a >= overflowThreshold) {
                return Math.copySign(Double.POSITIVE_INFINITY, x);
            }
            // round the double's fraction to the format's: carries reach the exponent by themselves
            long unit = 1L << dropped;
            long rest = magnitude & (unit - 1);
            long kept = magnitude - rest;
            long half = unit >>> 1;
            if (rest > half || (rest == half && (kept & unit) != 0)) {
                kept += unit;
            }
            return Double.longBitsToDouble(kept | (bits & DOUBLE_SIGN));
        }
        // subnormal range: a multiple of the smallest subnormal (both scalings are exact)
        return Math.copySign(Math.rint(a / minSubnormal) * minSubnormal, x);
    }

    /** Rounds {@code values[from, to)} in place. */
    public void round(double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            values[i] = round(values[i]);
        }
    }

    /**
     * The format's 16-bit pattern of the value nearest to x: sign, exponent, stored significand;
     * NaN becomes the quiet NaN with the sign of x.
     */
    public int encode(double x) {
        double r = round(x);
        int sign = (Double.doubleToRawLongBits(r) & DOUBLE_SIGN) != 0 ? 1 << (exponentBits + significandBits - 1) : 0;
        int fractionBits = significandBits - 1;
        int infinity = ((1 << exponentBits) - 1) << fractionBits;
        double a = Math.abs(r);
        if (Double.isNaN(r)) {
            return sign | infinity | (1 << (fractionBits - 1));
        }
        if (Double.isInfinite(r)) {
            return sign | infinity;
        }
        if (a < minNormal) {
            return sign | (int) (a / minSubnormal);
        }
        int e = Math.getExponent(a);
        int fraction = (int) (Math.scalb(a, fractionBits - e) - (1 << fractionBits));
        return sign | ((e + bias) << fractionBits) | fraction;
    }

    /** The value of a 16-bit pattern of this format. */
    public double decode(int pattern) {
        int fractionBits = significandBits - 1;
        int exponentMask = (1 << exponentBits) - 1;
        double sign = ((pattern >>> (exponentBits + fractionBits)) & 1) != 0 ? -1 : 1;
        int e = (pattern >>> fractionBits) & exponentMask;
        int fraction = pattern & ((1 << fractionBits) - 1);
        if (e == exponentMask) {
            return fraction == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (e == 0) {
            return sign * fraction * minSubnormal;
        }
        return sign * Math.scalb((double) ((1 << fractionBits) | fraction), e - bias - fractionBits);
    }
}
