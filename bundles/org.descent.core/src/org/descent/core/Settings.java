package org.descent.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The resolved hyperparameter values of one contribution: every declared hyperparameter has a
 * value, given or default, parsed and checked against its declaration. Immutable.
 */
public final class Settings {

    private final String owner;
    private final Map<String, Object> values;
    private final Map<String, String> texts;

    private Settings(String owner, Map<String, Object> values, Map<String, String> texts) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(values);
        this.texts = Collections.unmodifiableMap(texts);
    }

    /**
     * Resolves values given as text against a contribution's declarations.
     *
     * @throws IllegalArgumentException naming the contribution, the hyperparameter and what was
     *             expected; an unknown name lists the known ones
     */
    public static Settings resolve(Contribution contribution, Map<String, String> given) {
        String owner = contribution.kind() + " '" + contribution.id() + "'";
        return resolve(owner, contribution.hyperparameters(), given);
    }

    /** Resolves values against a list of declarations; {@code owner} names them in messages. */
    public static Settings resolve(String owner, List<Hyperparameter> declared, Map<String, String> given) {
        Map<String, Hyperparameter> byName = new LinkedHashMap<>();
        declared.forEach(h -> byName.put(h.name(), h));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(owner + " has no hyperparameter '" + name + "'; "
                        + (byName.isEmpty() ? "it takes none" : "it takes " + String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Hyperparameter h : declared) {
            String text = given.getOrDefault(h.name(), h.defaultText());
            try {
                values.put(h.name(), h.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
            }
            texts.put(h.name(), text);
        }
        return new Settings(owner, values, texts);
    }

    /** Settings from plain values, for tests and programmatic use (no declarations checked). */
    public static Settings of(String owner, Map<String, ?> values) {
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, String> t = new LinkedHashMap<>();
        values.forEach((k, x) -> {
            Object value = x instanceof Integer i ? Long.valueOf(i) : x;
            v.put(k, value);
            t.put(k, value instanceof double[] d ? toText(d) : String.valueOf(value));
        });
        return new Settings(owner, v, t);
    }

    private static String toText(double[] d) {
        List<String> parts = new ArrayList<>();
        for (double x : d) {
            parts.add(Double.toString(x));
        }
        return "[" + String.join(",", parts) + "]";
    }

    /** Who these settings belong to, e.g. {@code optimizer 'adam'}, for messages. */
    public String owner() {
        return owner;
    }

    /** Every value as text, in declaration order (defaults filled in): for provenance. */
    public Map<String, String> texts() {
        return texts;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(owner + " declares no hyperparameter '" + name + "'");
        }
        return v;
    }

    public double getDouble(String name) {
        Object v = get(name);
        return v instanceof Long l ? l.doubleValue() : (Double) v;
    }

    public double getDouble(String name, double otherwise) {
        return has(name) ? getDouble(name) : otherwise;
    }

    public long getLong(String name) {
        Object v = get(name);
        return v instanceof Double d ? d.longValue() : (Long) v;
    }

    /** An integer value that must fit an {@code int}. */
    public int getInt(String name) {
        long v = getLong(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(owner + ": hyperparameter '" + name + "' is too large: " + v);
        }
        return (int) v;
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public boolean getBoolean(String name, boolean otherwise) {
        return has(name) ? getBoolean(name) : otherwise;
    }

    public String getString(String name) {
        return get(name).toString();
    }

    /** A {@code doubles} value (a copy). */
    public double[] getDoubles(String name) {
        Object v = get(name);
        return v instanceof double[] d ? d.clone() : new double[] { getDouble(name) };
    }

    /** The value as text, or {@code null} if undeclared. */
    public @Nullable String text(String name) {
        return texts.get(name);
    }

    @Override
    public String toString() {
        return owner + " " + texts;
    }
}
