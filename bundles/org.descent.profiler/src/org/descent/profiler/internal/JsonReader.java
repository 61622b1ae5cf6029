package org.descent.profiler.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads the JSON that the CPython script prints: objects (as maps), arrays (lists), numbers
 * (Double), strings, true, false and null.
 */
final class JsonReader {

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value in {@code text}; IllegalArgumentException naming the offset where it is not JSON. */
    static @Nullable Object parse(String text) {
        JsonReader r = new JsonReader(text);
        Object v = r.value();
        r.space();
        if (r.pos != text.length()) {
            throw r.error("end of input");
        }
        return v;
    }

    private @Nullable Object value() {
        space();
        if (pos >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        switch (c) {
        case '{':
            return object();
        case '[':
            return array();
        case '"':
            return string();
        case 't':
            return word("true", Boolean.TRUE);
        case 'f':
            return word("false", Boolean.FALSE);
        case 'n':
            return word("null", null);
        default:
            return number();
        }
    }

    private Map<String, @Nullable Object> object() {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        pos++;
        space();
        if (peek('}')) {
            return m;
        }
        do {
            space();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("a string key");
            }
            String key = string();
            space();
            expect(':');
            m.put(key, value());
            space();
        } while (peek(','));
        expect('}');
        return m;
    }

    private List<@Nullable Object> array() {
        List<@Nullable Object> l = new ArrayList<>();
        pos++;
        space();
        if (peek(']')) {
            return l;
        }
        do {
            l.add(value());
            space();
        } while (peek(','));
        expect(']');
        return l;
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("four hex digits");
                    }
                    b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw error("the end of a string");
    }

    private Double number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.valueOf(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a value");
        }
    }

    private @Nullable Object word(String w, @Nullable Object v) {
        if (!text.startsWith(w, pos)) {
            throw error(w);
        }
        pos += w.length();
        return v;
    }

    private boolean peek(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "'");
        }
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("not JSON at offset " + pos + ": expected " + expected);
    }
}
