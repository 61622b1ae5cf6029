package org.descent.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resolved hyperparameter values of one contribution: every declared hyperparameter has a
 * value, given or default, parsed and checked against its declaration. Reading a name the
 * contribution does not declare is an error, never a silent default: a class that serves several
 * contributions asks {@link #has(String)} first. Immutable.
 *
 * @since 0.1.0
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

    /** Who these settings belong to, e.g. {@code optimizer 'adam'}, for messages. */
    public String owner() {
        return owner;
    }

    /** Every value as text, in declaration order (defaults filled in): for provenance. */
    public Map<String, String> texts() {
        return texts;
    }

    /**
     * Whether the contribution declares a hyperparameter: lets one class serve contributions that
     * declare different ones (gd and sgd).
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * @throws IllegalArgumentException naming the contribution and the name when the contribution
     *             does not declare it
     */
    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(owner + " declares no hyperparameter '" + name + "'; it declares "
                    + (values.isEmpty() ? "none" : String.join(", ", values.keySet())));
        }
        return v;
    }

    public double getDouble(String name) {
        Object v = get(name);
        return v instanceof Long l ? l.doubleValue() : (Double) v;
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

    public String getString(String name) {
        return get(name).toString();
    }

    /** A {@code doubles} value (a copy). */
    public double[] getDoubles(String name) {
        Object v = get(name);
        return v instanceof double[] d ? d.clone() : new double[] { getDouble(name) };
    }

    /** The value as text, as given or declared by default. */
    public String text(String name) {
        get(name);
        return Objects.requireNonNull(texts.get(name));
    }

    @Override
    public String toString() {
        return owner + " " + texts;
    }
}
