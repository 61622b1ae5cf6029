package org.descent.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.descent.core.Hyperparameter;
import org.descent.core.Hyperparameter.Range;
import org.descent.core.Hyperparameter.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HyperparameterTest {

    private static Hyperparameter lr() {
        return new Hyperparameter("lr", Type.DOUBLE, "0.01", Range.parse("(0,inf)"), List.of(), "Learning rate.");
    }

    @Test
    void rangeNotation() {
        Range r = Range.parse("[0, 1)");
        assertTrue(r.contains(0));
        assertTrue(r.contains(0.999));
        assertFalse(r.contains(1));
        assertFalse(r.contains(-1e-12));
        assertEquals("[0,1)", r.toString());
        Range open = Range.parse("(0,inf)");
        assertFalse(open.contains(0));
        assertTrue(open.contains(Double.MAX_VALUE));
        assertEquals("(-inf,2.5]", Range.parse("(-inf,2.5]").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "0,1", "[0,1", "[a,1]", "[1,0]", "[0,1,2]", "[0;1]" })
    void badRangeIsRejectedWithTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Range.parse(text));
        assertTrue(e.getMessage().startsWith("range '" + text + "'"), e.getMessage());
    }

    @Test
    void parsesTypedValues() {
        assertEquals(0.5, lr().parse("0.5"));
        assertEquals(0.01, lr().defaultValue());
        Hyperparameter steps = new Hyperparameter("steps", Type.INTEGER, "10", Range.parse("[1,100]"), List.of(), "");
        assertEquals(42L, steps.parse(" 42 "));
        Hyperparameter flag = new Hyperparameter("nesterov", Type.BOOLEAN, "false", null, List.of(), "");
        assertEquals(Boolean.TRUE, flag.parse("TRUE"));
        Hyperparameter clip = new Hyperparameter("clip", Type.CHOICE, "none", null, List.of("none", "norm"), "");
        assertEquals("norm", clip.parse("norm"));
    }

    @Test
    void invalidValuesNameTheParameterTheTextAndWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lr().parse("fast"));
        assertEquals("hyperparameter 'lr': 'fast' is not valid, expected a number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lr().parse("0"));
        assertEquals("hyperparameter 'lr': '0' is not valid, expected a value in (0,inf)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lr().parse("NaN"));
        assertTrue(e.getMessage().contains("NaN is not allowed"), e.getMessage());
        Hyperparameter steps = new Hyperparameter("steps", Type.INTEGER, "10", null, List.of(), "");
        e = assertThrows(IllegalArgumentException.class, () -> steps.parse("1.5"));
        assertEquals("hyperparameter 'steps': '1.5' is not valid, expected a whole number", e.getMessage());
        Hyperparameter clip = new Hyperparameter("clip", Type.CHOICE, "none", null, List.of("none", "norm"), "");
        e = assertThrows(IllegalArgumentException.class, () -> clip.parse("value"));
        assertEquals("hyperparameter 'clip': 'value' is not valid, expected one of none, norm", e.getMessage());
    }

    @Test
    void inconsistentDeclarationsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Hyperparameter("lr", Type.DOUBLE, "-1", Range.parse("(0,inf)"), List.of(), ""));
        // the name once, then what is wrong with the default
        assertEquals("hyperparameter 'lr': the default '-1' is not valid, expected a value in (0,inf)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Hyperparameter("c", Type.CHOICE, "a", null, List.of(), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new Hyperparameter("s", Type.STRING, "a", Range.parse("[0,1]"), List.of(), ""));
    }

    @Test
    void summaryForHelp() {
        assertEquals("lr (double in (0,inf), default 0.01): Learning rate.", lr().summary());
    }
}
