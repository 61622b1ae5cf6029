package org.descent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.descent.core.Json;
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

    /** Parses JSON text ({@link Json#parse(String)}). */
    public static Fixture parse(String json) {
        Object v = Json.parse(json);
        if (v == null) {
            throw new IllegalArgumentException("the fixture is null");
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
}
