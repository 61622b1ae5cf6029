package org.descent.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Writes JSON (for {@code --json} output and result files): maps, lists, strings, numbers
 * (non-finite ones as null), booleans and null; and reads it back ({@link #parse(String)}).
 */
public final class Json {

    private Json() {
    }

    /** Pretty-printed JSON with two-space indentation. */
    public static String write(@Nullable Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, @Nullable Object value, int indent) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(sb, s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            sb.append(value);
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (value instanceof Map<?, ?> map) {
            writeContainer(sb, '{', '}', map.entrySet().iterator(), indent, (e, i) -> {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
                quote(sb, String.valueOf(entry.getKey()));
                sb.append(": ");
                write(sb, entry.getValue(), i);
            });
        } else if (value instanceof List<?> list) {
            writeContainer(sb, '[', ']', list.iterator(), indent, (e, i) -> write(sb, e, i));
        } else {
            quote(sb, value.toString());
        }
    }

    private interface ElementWriter {
        void write(@Nullable Object element, int indent);
    }

    private static void writeContainer(StringBuilder sb, char open, char close, Iterator<?> it, int indent,
            ElementWriter writer) {
        sb.append(open);
        if (!it.hasNext()) {
            sb.append(close);
            return;
        }
        while (it.hasNext()) {
            sb.append('\n').append("  ".repeat(indent + 1));
            writer.write(it.next(), indent + 1);
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        sb.append('\n').append("  ".repeat(indent)).append(close);
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
            case '"' -> sb.append("\\\"");
            case '\\' -> sb.append("\\\\");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> {
                if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            }
        }
        sb.append('"');
    }

    /**
     * Parses a JSON document as {@link #write(Object)} writes it: objects as ordered maps, arrays
     * as lists, numbers as Double, and strings, booleans and null; also Python's {@code NaN},
     * {@code Infinity} and {@code -Infinity} (json.dumps writes them).
     *
     * @throws IllegalArgumentException naming the offset and what was expected there
     */
    public static @Nullable Object parse(String text) {
        Reader r = new Reader(text);
        Object v = r.value();
        r.space();
        if (r.pos != text.length()) {
            throw r.error("the end of the document");
        }
        return v;
    }

    /** A recursive-descent reader over one document. */
    private static final class Reader {

        private final String text;
        private int pos;

        private Reader(String text) {
            this.text = text;
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("JSON offset " + pos + ": expected " + expected);
        }

        private void space() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
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
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
            }
        }

        private @Nullable Object literal(String word, @Nullable Object value) {
            if (!text.startsWith(word, pos)) {
                throw error(word);
            }
            pos += word.length();
            return value;
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            space();
            if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                space();
                if (pos >= text.length() || text.charAt(pos) != '"') {
                    throw error("a member name");
                }
                String key = string();
                space();
                if (pos >= text.length() || text.charAt(pos) != ':') {
                    throw error("':'");
                }
                pos++;
                m.put(key, value());
                space();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == '}') {
                    pos++;
                    return m;
                } else {
                    throw error("',' or '}'");
                }
            }
        }

        private List<@Nullable Object> array() {
            List<@Nullable Object> l = new ArrayList<>();
            pos++;
            space();
            if (pos < text.length() && text.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                space();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == ']') {
                    pos++;
                    return l;
                } else {
                    throw error("',' or ']'");
                }
            }
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (pos >= text.length()) {
                        break;
                    }
                    char e = text.charAt(pos++);
                    switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("four hex digits");
                        }
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw error("the end of a string");
        }

        private Double number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eEInfinityNa".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String t = text.substring(start, pos);
            try {
                return Double.valueOf(t);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("a number");
            }
        }
    }
}
