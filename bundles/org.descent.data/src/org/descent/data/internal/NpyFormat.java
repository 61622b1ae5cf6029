package org.descent.data.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads one array in NumPy's .npy format, versions 1.0, 2.0 and 3.0 (numpy/lib/format.py): the
 * magic string {@code \x93NUMPY}, a major and minor version byte, the header length (2 bytes
 * little-endian in 1.0, 4 bytes in 2.0 and 3.0), then the header, a Python dict literal
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (6, 3), }} (Latin-1, UTF-8 in 3.0),
 * then the data. Simple dtypes only, in C order.
 */
final class NpyFormat {

    private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };

    static final String SUPPORTED = "one of f8 f4 f2 i8 i4 i2 i1 u4 u2 u1 b1 with byte order < or > (| or none for"
            + " single bytes), e.g. <f8, <i8 or |u1";

    private NpyFormat() {
    }

    /** Whether the bytes start with the NPY magic string. */
    static boolean hasMagic(ByteBuffer b) {
        if (b.limit() < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the array held by {@code b} (from its index 0 to its limit, nothing after the data).
     *
     * @param source the file (and archive member) for messages
     * @throws IllegalArgumentException naming the source, the byte offset and what was expected
     */
    static NumericArray read(String source, ByteBuffer b, IProgressMonitor monitor) {
        if (b.limit() == 0) {
            throw new IllegalArgumentException(source + ": the file is empty (0 bytes); expected an NPY array starting with"
                    + " the magic string \\x93NUMPY");
        }
        if (!hasMagic(b)) {
            throw new IllegalArgumentException(source + ", byte 0: expected the NPY magic string \\x93NUMPY (93 4e 55 4d"
                    + " 50 59), found " + hex(b, 0, MAGIC.length));
        }
        if (b.limit() < 8) {
            throw new IllegalArgumentException(source + ": truncated after " + b.limit()
                    + " bytes: expected the NPY version at bytes 6 and 7");
        }
        int major = b.get(6) & 0xFF;
        int minor = b.get(7) & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new IllegalArgumentException(source + ", byte 6: NPY format version " + major + "." + minor
                    + " is not supported; expected 1.0, 2.0 or 3.0");
        }
        int headerStart = major == 1 ? 10 : 12;
        if (b.limit() < headerStart) {
            throw new IllegalArgumentException(source + ": truncated after " + b.limit() + " bytes: expected the "
                    + (headerStart - 8) + "-byte header length at byte 8");
        }
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? Short.toUnsignedInt(le.getShort(8)) : Integer.toUnsignedLong(le.getInt(8));
        long dataStart = headerStart + headerLength;
        if (dataStart > b.limit()) {
            throw new IllegalArgumentException(source + ": truncated: the header length at byte 8 is " + headerLength
                    + " bytes, to byte " + dataStart + ", but the file ends at byte " + b.limit());
        }
        byte[] raw = new byte[(int) headerLength];
        b.get(headerStart, raw);
        String header = new String(raw, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, @Nullable Object> dict = new Literal(source, header, headerStart).header();

        int descrAt = headerStart + header.indexOf("descr");
        Object descr = dict.get("descr");
        if (!(descr instanceof String d)) {
            throw new IllegalArgumentException(source + ", byte " + descrAt + ": dtype " + Literal.python(descr)
                    + " is not supported (a structured or object dtype); expected " + SUPPORTED);
        }
        char order = d.isEmpty() ? '?' : d.charAt(0);
        String code = "<>|=".indexOf(order) >= 0 ? d.substring(1) : d;
        ElementType type = ElementType.ofNumpy(code);
        if (type == null || order == '|' && type.size > 1) {
            throw new IllegalArgumentException(source + ", byte " + descrAt + ": dtype '" + d + "' is not supported; expected "
                    + SUPPORTED);
        }
        ByteOrder byteOrder = order == '>' ? ByteOrder.BIG_ENDIAN
                : order == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.nativeOrder();

        int fortranAt = headerStart + header.indexOf("fortran_order");
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean f)) {
            throw new IllegalArgumentException(source + ", byte " + fortranAt + ": fortran_order is "
                    + Literal.python(fortran) + "; expected True or False");
        }
        if (f) {
            throw new IllegalArgumentException(source + ", byte " + fortranAt + ": fortran_order is True: the array is"
                    + " stored in Fortran (column-major) order; expected C order: save np.ascontiguousarray(a) instead");
        }

        int shapeAt = headerStart + header.indexOf("shape");
        Object shapeValue = dict.get("shape");
        if (!(shapeValue instanceof List<?> dims) || !dims.stream().allMatch(Long.class::isInstance)) {
            throw new IllegalArgumentException(source + ", byte " + shapeAt + ": shape is " + Literal.python(shapeValue)
                    + "; expected a tuple of whole numbers such as (6, 3)");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (Long) dims.get(i);
        }
        return NumericArray.decode(source, b.duplicate().order(byteOrder), (int) dataStart, type, d, shape, monitor);
    }

    /** Up to {@code n} bytes from {@code from} in hex, or a note that there are none. */
    static String hex(ByteBuffer b, int from, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < Math.min(b.limit(), from + n); i++) {
            s.append(s.isEmpty() ? "" : " ").append(String.format("%02x", b.get(i) & 0xFF));
        }
        return s.isEmpty() ? "nothing (the file ends)" : s.toString();
    }

    /**
     * The Python literals of an NPY header: a dict of strings, booleans, whole numbers, tuples
     * and lists, as numpy's {@code safe_eval} reads them.
     */
    private static final class Literal {

        private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

        private final String source;
        private final String text;
        private final int base;
        private int pos;

        Literal(String source, String text, int base) {
            this.source = source;
            this.text = text;
            this.base = base;
        }

        Map<String, @Nullable Object> header() {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '{') {
                throw error("expected the header dict '{'");
            }
            Object v = value();
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the header dict");
            }
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> dict = (Map<String, @Nullable Object>) v;
            if (!dict.keySet().equals(KEYS)) {
                throw new IllegalArgumentException(source + ", byte " + base + ": NPY header has the keys "
                        + String.join(", ", dict.keySet()) + "; expected exactly descr, fortran_order and shape");
            }
            return dict;
        }

        private @Nullable Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("the header ends where a value was expected");
            }
            char c = text.charAt(pos);
            if (c == '{') {
                pos++;
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                while (!closes('}')) {
                    int keyAt = pos;
                    if (!(value() instanceof String key)) {
                        pos = keyAt;
                        throw error("expected a quoted key");
                    }
                    skipSpace();
                    expect(':');
                    if (map.containsKey(key)) {
                        pos = keyAt;
                        throw error("the key '" + key + "' appears twice");
                    }
                    map.put(key, value());
                    separator('}');
                }
                return map;
            }
            if (c == '(' || c == '[') {
                char close = c == '(' ? ')' : ']';
                pos++;
                List<@Nullable Object> list = new ArrayList<>();
                while (!closes(close)) {
                    list.add(value());
                    separator(close);
                }
                return list;
            }
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, pos + 1);
                if (end < 0) {
                    throw error("unterminated string");
                }
                String s = text.substring(pos + 1, end);
                pos = end + 1;
                return s;
            }
            int start = pos;
            if (c == '-' || Character.isDigit(c)) {
                pos++;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                String digits = text.substring(start, pos);
                if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
                    pos++;
                }
                try {
                    return Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("'" + digits + "' is not a whole number that fits 64 bits");
                }
            }
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            return switch (text.substring(start, pos)) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            default -> {
                pos = start;
                throw error("unexpected '" + c + "'");
            }
            };
        }

        /** Skips space; true (and consumes it) when the next character is {@code close}. */
        private boolean closes(char close) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == close) {
                pos++;
                return true;
            }
            return false;
        }

        /** After an item: a comma, or the closing bracket (left to {@link #closes}). */
        private void separator(char close) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos >= text.length() || text.charAt(pos) != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(source + ", byte " + (base + pos) + ": NPY header: " + what + " in "
                    + python(text.strip()));
        }

        /** A value as Python would print it, for messages. */
        static String python(@Nullable Object v) {
            if (v == null) {
                return "None";
            }
            if (v instanceof String s) {
                return "'" + s + "'";
            }
            if (v instanceof Boolean f) {
                return f ? "True" : "False";
            }
            if (v instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                list.forEach(x -> parts.add(python(x)));
                return "(" + String.join(", ", parts) + ")";
            }
            if (v instanceof Map<?, ?> map) {
                List<String> parts = new ArrayList<>();
                map.forEach((k, x) -> parts.add(python(k) + ": " + python(x)));
                return "{" + String.join(", ", parts) + "}";
            }
            return v.toString();
        }
    }
}
