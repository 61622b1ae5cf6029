package org.descent.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Json;
import org.junit.jupiter.api.Test;

/** What {@link Json#write(Object)} writes, {@link Json#parse(String)} reads back. */
class JsonTest {

    @Test
    void roundTripKeepsOrderTypesAndEscapes() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1.5);
        inner.put("a", "line\nbreak \"quoted\" tab\t back\\slash é");
        List<Object> list = new ArrayList<>(Arrays.asList(1.0, -2.5e-300, true, false, null, List.of(), Map.of()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("values", list);
        root.put("inner", inner);
        root.put("nan", Double.NaN);
        Object parsed = Json.parse(Json.write(root));
        Map<String, Object> expected = new LinkedHashMap<>(root);
        expected.put("nan", null);
        assertEquals(expected, parsed);
        assertEquals(List.of("values", "inner", "nan"), List.copyOf(((Map<?, ?>) parsed).keySet()));
    }

    @Test
    void scalarsAndWhitespace() {
        assertEquals(42.0, Json.parse(" 42 "));
        assertEquals("\u00e9", Json.parse("\"\\u00e9\""));
        assertNull(Json.parse("null"));
        assertEquals(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                Json.parse("[NaN, Infinity, -Infinity]"));
    }

    @Test
    void badDocumentsNameTheOffsetAndWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
        assertEquals("JSON offset 5: expected ':'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2] x"));
        assertTrue(e.getMessage().contains("the end of the document"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": tru}"));
        assertEquals("JSON offset 6: expected true", e.getMessage());
    }
}
