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
 *
 * @since 0.1.0
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

    /** How deep arrays and objects may nest in a document {@link #parse(String)} reads. */
    public static final int MAX_DEPTH = 512;

    /**
     * Parses a JSON document (RFC 8259) as {@link #write(Object)} writes it: objects as ordered
     * maps, arrays as lists, numbers as Double, and strings, booleans and null. One extension:
     * Python's {@code NaN}, {@code Infinity} and {@code -Infinity}, which json.dumps writes for
     * non-finite floats. Everything else is strict: the number grammar (no leading zeros, no
     * '+', no '.5' or '1.'), the escapes, no control characters in strings, no trailing text, and
     * at most {@value #MAX_DEPTH} nested arrays and objects.
     *
     * @throws IllegalArgumentException naming the offset and what was expected (or found) there
     */
    public static @Nullable Object parse(String text) {
        Reader r = new Reader(text);
        Object v = r.value(0);
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
            return error(pos, "expected " + expected);
        }

        private IllegalArgumentException error(int at, String what) {
            return new IllegalArgumentException("JSON offset " + at + ": " + what);
        }

        private boolean at(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        /** JSON's whitespace: space, tab, line feed and carriage return, nothing else. */
        private void space() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private @Nullable Object value(int depth) {
            space();
            if (pos >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(pos);
            switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            case 'N':
                return literal("NaN", Double.NaN);
            case 'I':
                return literal("Infinity", Double.POSITIVE_INFINITY);
            default:
                if (text.startsWith("-Infinity", pos)) {
                    return literal("-Infinity", Double.NEGATIVE_INFINITY);
                }
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

        private void enter(int depth) {
            if (depth > MAX_DEPTH) {
                throw error(pos, "arrays and objects nest deeper than " + MAX_DEPTH + " levels");
            }
        }

        private Map<String, Object> object(int depth) {
            enter(depth);
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            space();
            if (at('}')) {
                pos++;
                return m;
            }
            while (true) {
                space();
                if (!at('"')) {
                    throw error("a member name");
                }
                String key = string();
                space();
                if (!at(':')) {
                    throw error("':'");
                }
                pos++;
                m.put(key, value(depth));
                space();
                if (at(',')) {
                    pos++;
                } else if (at('}')) {
                    pos++;
                    return m;
                } else {
                    throw error("',' or '}'");
                }
            }
        }

        private List<@Nullable Object> array(int depth) {
            enter(depth);
            List<@Nullable Object> l = new ArrayList<>();
            pos++;
            space();
            if (at(']')) {
                pos++;
                return l;
            }
            while (true) {
                l.add(value(depth));
                space();
                if (at(',')) {
                    pos++;
                } else if (at(']')) {
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
                char c = text.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error(pos, String.format("control character U+%04X in a string (write it as an escape)",
                            (int) c));
                }
                if (c != '\\') {
                    sb.append(c);
                    pos++;
                    continue;
                }
                int escape = pos;
                if (pos + 1 >= text.length()) {
                    pos = text.length();
                    break;
                }
                char e = text.charAt(pos + 1);
                pos += 2;
                switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4(escape));
                default -> throw error(escape, "invalid escape '\\" + e
                        + "' in a string (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
                }
            }
            throw error("the end of a string");
        }

        /** The four hex digits after the backslash-u escape that starts at {@code escape}. */
        private char hex4(int escape) {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int d = pos < text.length() ? hex(text.charAt(pos)) : -1;
                if (d < 0) {
                    throw error(escape, "truncated escape '" + text.substring(escape, Math.min(pos, text.length()))
                            + "' (\\u needs four hex digits)");
                }
                value = value * 16 + d;
                pos++;
            }
            return (char) value;
        }

        /** RFC 8259's number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
        private Double number() {
            int start = pos;
            if (at('-')) {
                pos++;
            }
            if (at('0')) {
                pos++;
                if (digit()) {
                    throw error(start, "a number with a leading zero (JSON writes 7, not 07)");
                }
            } else if (digit()) {
                digits();
            } else {
                throw error(start, "expected a value");
            }
            if (at('.')) {
                pos++;
                if (!digit()) {
                    throw error("a digit after the decimal point");
                }
                digits();
            }
            if (at('e') || at('E')) {
                pos++;
                if (at('+') || at('-')) {
                    pos++;
                }
                if (!digit()) {
                    throw error("a digit in the exponent");
                }
                digits();
            }
            return Double.valueOf(text.substring(start, pos));
        }

        private static int hex(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }

        private boolean digit() {
            return pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9';
        }

        private void digits() {
            while (digit()) {
                pos++;
            }
        }
    }
}
