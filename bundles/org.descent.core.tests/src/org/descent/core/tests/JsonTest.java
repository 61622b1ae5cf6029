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

    /** RFC 8259, section 13: the two examples, read as written. */
    @Test
    void readsTheRfcExamples() {
        String image = """
                {
                  "Image": {
                    "Width":  800,
                    "Height": 600,
                    "Title":  "View from 15th Floor",
                    "Thumbnail": {
                      "Url":    "http://www.example.com/image/481989943",
                      "Height": 125,
                      "Width":  100
                    },
                    "Animated" : false,
                    "IDs": [116, 943, 234, 38793]
                  }
                }""";
        Map<?, ?> i = (Map<?, ?>) ((Map<?, ?>) Json.parse(image)).get("Image");
        assertEquals(800.0, i.get("Width"));
        assertEquals("View from 15th Floor", i.get("Title"));
        assertEquals(List.of(116.0, 943.0, 234.0, 38793.0), i.get("IDs"));
        assertEquals(Boolean.FALSE, i.get("Animated"));
        assertEquals(125.0, ((Map<?, ?>) i.get("Thumbnail")).get("Height"));
        String places = """
                [
                  {
                     "precision": "zip",
                     "Latitude":  37.7668,
                     "Longitude": -122.3959,
                     "Address":   "",
                     "City":      "SAN FRANCISCO",
                     "State":     "CA",
                     "Zip":       "94107",
                     "Country":   "US"
                  },
                  {
                     "precision": "zip",
                     "Latitude":  37.371991,
                     "Longitude": -122.026020,
                     "Address":   "",
                     "City":      "SUNNYVALE",
                     "State":     "CA",
                     "Zip":       "94085",
                     "Country":   "US"
                  }
                ]""";
        List<?> p = (List<?>) Json.parse(places);
        assertEquals(2, p.size());
        assertEquals(-122.02602, ((Map<?, ?>) p.get(1)).get("Longitude"));
        assertEquals("", ((Map<?, ?>) p.get(0)).get("Address"));
        assertEquals("Hello world!", Json.parse("\"Hello world!\""));
        assertEquals(3.0, Json.parse("3"));
        assertEquals(Boolean.TRUE, Json.parse("true"));
    }

    @Test
    void numbersFollowTheGrammar() {
        assertEquals(0.0, Json.parse("0"));
        assertEquals(-0.0, Json.parse("-0"));
        assertEquals(1.5e10, Json.parse("1.5e10"));
        assertEquals(1.5e10, Json.parse("1.5E+10"));
        assertEquals(2.5e-3, Json.parse("25e-4"));
        assertEquals(-0.125, Json.parse("-0.125"));
        assertEquals("JSON offset 0: a number with a leading zero (JSON writes 7, not 07)", error("07"));
        assertEquals("JSON offset 1: a number with a leading zero (JSON writes 7, not 07)", error("[-012]"));
        assertEquals("JSON offset 0: expected a value", error("+1"));
        assertEquals("JSON offset 1: expected a value", error("[.5]"));
        assertEquals("JSON offset 2: expected a digit after the decimal point", error("1."));
        assertEquals("JSON offset 2: expected a digit after the decimal point", error("1.e3"));
        assertEquals("JSON offset 2: expected a digit in the exponent", error("1e"));
        assertEquals("JSON offset 3: expected a digit in the exponent", error("1e+"));
        assertEquals("JSON offset 0: expected a value", error("-"));
        assertEquals("JSON offset 1: expected the end of the document", error("0x1F"), "hex is not JSON");
    }

    @Test
    void nonFiniteNumbersOnlyAsPythonWritesThem() {
        assertEquals(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                Json.parse("[NaN,Infinity,-Infinity]"));
        assertEquals("JSON offset 0: expected null", error("nan"));
        assertEquals("JSON offset 0: expected Infinity", error("Inf"));
        assertEquals("JSON offset 0: expected a value", error("+Infinity"));
        assertEquals("JSON offset 0: expected a value", error("-inf"));
        assertEquals("JSON offset 0: expected a value", error("infinity"));
    }

    @Test
    void escapesAreCheckedWithTheirOffset() {
        assertEquals("\" \\ / \b \f \n \r \t \u00e9 \ud83d\ude00",
                Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00E9 \\ud83d\\ude00\""));
        assertEquals("JSON offset 3: invalid escape '\\x' in a string (expected one of \\\" \\\\ \\/ \\b \\f \\n"
                + " \\r \\t \\uXXXX)", error("\"ab\\x41\""));
        assertEquals("JSON offset 1: truncated escape '\\u12' (\\u needs four hex digits)", error("\"\\u12"));
        assertEquals("JSON offset 2: truncated escape '\\u12' (\\u needs four hex digits)", error("[\"\\u12\"]"));
        assertEquals("JSON offset 1: truncated escape '\\u' (\\u needs four hex digits)", error("\"\\u\uff11234\""),
                "only ASCII hex digits");
        assertEquals("JSON offset 3: expected the end of a string", error("\"a\\"));
        assertEquals("JSON offset 3: expected the end of a string", error("\"ab"));
    }

    @Test
    void controlCharactersInStringsAreRefused() {
        assertEquals("JSON offset 2: control character U+000A in a string (write it as an escape)",
                error("\"a\nb\""));
        assertEquals("JSON offset 1: control character U+0000 in a string (write it as an escape)", error("\"\u0000\""));
        assertEquals("JSON offset 3: control character U+001F in a string (write it as an escape)",
                error("[\"x\u001f\"]"));
        assertEquals("\u007f", Json.parse("\"\u007f\""), "DEL is not a control character in JSON");
    }

    @Test
    void trailingTextAndOtherWhitespaceAreRefused() {
        assertEquals("JSON offset 3: expected the end of the document", error("{} {}"));
        assertEquals("JSON offset 2: expected the end of the document", error("1 2"));
        assertEquals("JSON offset 4: expected the end of the document", error("true,"));
        assertEquals("JSON offset 0: expected a value", error("\u00a0 1"), "no-break space is not JSON whitespace");
        assertEquals("JSON offset 0: expected a value", error("\u000b1"), "vertical tab is not JSON whitespace");
        assertEquals(1.0, Json.parse(" \t\r\n1\n"));
        assertEquals("JSON offset 0: expected a value", error(""));
        assertEquals("JSON offset 3: expected a value", error("[1,]"));
        assertEquals("JSON offset 7: expected a member name", error("{\"a\":1,}"));
    }

    @Test
    void nestingIsLimited() {
        String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Object v = Json.parse(deepest);
        for (int i = 1; i < Json.MAX_DEPTH; i++) {
            v = ((List<?>) v).get(0);
        }
        assertEquals(List.of(), v);
        String tooDeep = "{\"a\":".repeat(Json.MAX_DEPTH) + "[1]" + "}".repeat(Json.MAX_DEPTH);
        assertEquals("JSON offset " + (5 * Json.MAX_DEPTH) + ": arrays and objects nest deeper than 512 levels",
                error(tooDeep));
        assertEquals("JSON offset 512: arrays and objects nest deeper than 512 levels",
                error("[".repeat(1_000_000)), "no stack overflow");
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Json.parse(text), text).getMessage();
    }
}
