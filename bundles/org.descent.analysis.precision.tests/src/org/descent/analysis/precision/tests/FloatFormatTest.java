package org.descent.analysis.precision.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.analysis.precision.FloatFormat;
import org.descent.core.Precision;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * fp16 and bf16 rounding against fixtures/numpy_formats.json (NumPy float16 and an exact
 * rational reference for bf16): the 16-bit pattern must match bit for bit.
 */
class FloatFormatTest {

    @Test
    void fp16MatchesNumpyBitForBit() throws Exception {
        assertMatchesFixture(FloatFormat.FP16, "fp16");
    }

    @Test
    void bf16MatchesTheExactReferenceBitForBit() throws Exception {
        assertMatchesFixture(FloatFormat.BF16, "bf16");
    }

    @SuppressWarnings("unchecked")
    private static void assertMatchesFixture(FloatFormat format, String key) throws Exception {
        Map<String, Object> fixture = Fixture.load(FloatFormatTest.class, "fixtures/numpy_formats.json").object();
        List<Object> cases = (List<Object>) Fixture.get(fixture, key);
        assertTrue(cases.size() > 5000, "thousands of cases: " + cases.size());
        List<String> wrong = new ArrayList<>();
        int ties = 0;
        int subnormals = 0;
        int overflows = 0;
        for (Object o : cases) {
            List<Object> c = (List<Object>) o;
            double x = Double.longBitsToDouble(Long.parseUnsignedLong((String) c.get(0), 16));
            int expected = ((Number) c.get(1)).intValue();
            double r = format.round(x);
            if (expected < 0) {
                if (!Double.isNaN(r) || !Double.isNaN(format.decode(format.encode(x)))) {
                    wrong.add(x + " -> " + r + ", expected NaN");
                }
                continue;
            }
            int bits = format.encode(x);
            double expectedValue = format.decode(expected);
            if (bits != expected || Double.doubleToRawLongBits(r) != Double.doubleToRawLongBits(expectedValue)) {
                wrong.add(String.format(Locale.ROOT, "%s (%s) -> %04x %s, expected %04x %s", x, c.get(0), bits, r,
                        expected, expectedValue));
            }
            double a = Math.abs(x);
            if (a != 0 && a < format.minNormal() && expectedValue != 0) {
                subnormals++;
            }
            if (Double.isInfinite(expectedValue) && Double.isFinite(x)) {
                overflows++;
            }
            if (Double.isFinite(expectedValue) && a > 0 && isTie(format, a)) {
                ties++;
            }
        }
        assertEquals(List.of(), wrong.size() > 20 ? wrong.subList(0, 20) : wrong, wrong.size() + " of " + cases.size()
                + " " + key + " cases differ");
        assertTrue(ties > 500, "ties covered: " + ties);
        assertTrue(subnormals > 100, "subnormal results covered: " + subnormals);
        assertTrue(overflows > 10, "overflow to infinity covered: " + overflows);
    }

    /** Whether a (positive, finite after rounding) lies exactly halfway between two neighbours of the format. */
    private static boolean isTie(FloatFormat format, double a) {
        double r = format.round(a);
        if (r == a) {
            return false;
        }
        double down = r < a ? r : format.decode(format.encode(r) - 1);
        double up = r < a ? format.decode(format.encode(r) + 1) : r;
        return a - down == up - a;
    }

    @Test
    void constantsAreTheFormats() {
        assertEquals(65504.0, FloatFormat.FP16.max());
        assertEquals(Math.scalb(1.0, -14), FloatFormat.FP16.minNormal());
        assertEquals(Math.scalb(1.0, -24), FloatFormat.FP16.minSubnormal());
        assertEquals(Math.scalb(1.0, -10), FloatFormat.FP16.epsilon());
        assertEquals(65520.0, FloatFormat.FP16.overflowThreshold());
        assertEquals(3.3895313892515355e38, FloatFormat.BF16.max());
        assertEquals((double) Float.MIN_NORMAL, FloatFormat.BF16.minNormal());
        assertEquals(Math.scalb(1.0, -133), FloatFormat.BF16.minSubnormal());
        assertEquals(Math.scalb(1.0, -7), FloatFormat.BF16.epsilon());
    }

    @Test
    void roundingEdges() {
        FloatFormat h = FloatFormat.FP16;
        assertEquals(Double.POSITIVE_INFINITY, h.round(65520.0), "the tie above max rounds to even: infinity");
        assertEquals(65504.0, h.round(Math.nextDown(65520.0)));
        assertEquals(Double.NEGATIVE_INFINITY, h.round(-1e6));
        assertEquals(0.0, h.round(Math.scalb(1.0, -25)), "half the smallest subnormal ties to zero");
        assertEquals(Math.scalb(1.0, -24), h.round(Math.nextUp(Math.scalb(1.0, -25))));
        assertEquals(Math.scalb(2.0, -24), h.round(Math.scalb(1.5, -24)), "1.5 subnormal units tie to 2");
        assertEquals(1.0, h.round(1 + Math.scalb(1.0, -11)), "1 + eps/2 ties to 1 (even)");
        assertEquals(1 + 2 * Math.scalb(1.0, -10), h.round(1 + 3 * Math.scalb(1.0, -11)), "1 + 3eps/2 ties up");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(h.round(-1e-30)), "sign of zero kept");
        assertTrue(Double.isNaN(h.round(Double.NaN)));
        assertEquals(1.0f + 0x1p-7f, (float) FloatFormat.BF16.round(1.0 + 0x1p-7 + 0x1p-9));
    }

    @Test
    void formatOfAPrecision() {
        assertEquals(FloatFormat.FP16, FloatFormat.of(Precision.MIXED_FP16));
        assertEquals(FloatFormat.BF16, FloatFormat.of(Precision.MIXED_BF16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FloatFormat.of(Precision.FP32));
        assertTrue(e.getMessage().contains("fp32"), e.getMessage());
    }
}
