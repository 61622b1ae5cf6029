package org.descent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A JSON fixture committed beside the script that made it, read from the test bundle. Values
 * are {@code Map<String,Object>}, {@code List<Object>}, {@code Double}, {@code String},
 * {@code Boolean} or null. Accessors convert to arrays.
 */
public final class Fixture {

    private final Object root;

    private Fixture(Object root) {
        this.root = root;
    }

    /** Reads {@code path} from the bundle that holds {@code testClass}. */
    public static Fixture load(Class<?> testClass, String path) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(testClass);
        URL url = bundle == null ? testClass.getClassLoader().getResource(path) : bundle.getEntry(path);
        if (url == null) {
            throw new IOException("fixture " + path + " not found in " + (bundle == null ? testClass : bundle.getSymbolicName()));
        }
        try (InputStream in = url.openStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Parses JSON text. */
    public static Fixture parse(String json) {
        Parser p = new Parser(json);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != json.length()) {
            throw p.error("trailing text");
        }
        return new Fixture(v);
    }

    /** The root value. */
    public Object root() {
        return root;
    }

    /** The root as an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
        return (Map<String, Object>) root;
    }

    /** A member of an object, which must exist. */
    @SuppressWarnings("unchecked")
    public static Object get(Object object, String key) {
        Map<String, Object> m = (Map<String, Object>) object;
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException("fixture has no '" + key + "' in " + m.keySet());
        }
        return m.get(key);
    }

    /** A list of numbers as an array. */
    public static double[] doubles(Object list) {
        List<?> l = (List<?>) list;
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((Number) l.get(i)).doubleValue();
        }
        return a;
    }

    /** A list of lists of numbers as a matrix. */
    public static double[][] matrix(Object list) {
        List<?> l = (List<?>) list;
        double[][] a = new double[l.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = doubles(l.get(i));
        }
        return a;
    }

    /** A list of lists of numbers flattened row by row. */
    public static double[] flat(Object list) {
        List<?> l = (List<?>) list;
        if (l.isEmpty() || !(l.get(0) instanceof List)) {
            return doubles(list);
        }
        List<Double> out = new ArrayList<>();
        for (Object row : l) {
            for (double v : flat(row)) {
                out.add(v);
            }
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        @Nullable
        Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
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

        @Nullable
        Object literal(String word, @Nullable Object v) {
            if (!s.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
            return v;
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                if (s.charAt(pos++) != ':') {
                    throw error("expected ':'");
                }
                m.put(key, value());
                skipSpace();
                char c = s.charAt(pos++);
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            skipSpace();
            if (s.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                skipSpace();
                char c = s.charAt(pos++);
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        String string() {
            if (s.charAt(pos) != '"') {
                throw error("expected a string");
            }
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(pos++);
                    switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        Double number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eEInfinityNa".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String t = s.substring(start, pos);
            try {
                return Double.valueOf(t);
            } catch (NumberFormatException e) {
                throw error("bad number '" + t + "'");
            }
        }
    }
}
