package org.descent.core;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/** Writes JSON (for {@code --json} output and result files): maps, lists, strings, numbers (non-finite ones as null), booleans and null. */
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
}
