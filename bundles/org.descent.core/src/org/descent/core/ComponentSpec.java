package org.descent.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contribution chosen by id with hyperparameter values as text, as written on the command
 * line: {@code adam:lr=1e-3,amsgrad=true} or {@code mixture:k=2,mu=[1,2]}. Commas inside
 * square brackets belong to a list value.
 *
 * @param id the contribution's id
 * @param values hyperparameter values as text, in the order given
 *
 * @since 0.1.0
 */
public record ComponentSpec(String id, Map<String, String> values) {

    public ComponentSpec {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A spec without values. */
    public static ComponentSpec of(String id) {
        return new ComponentSpec(id, Map.of());
    }

    /**
     * Parses {@code ID[:k=v,...]}.
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static ComponentSpec parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String id = (colon < 0 ? t : t.substring(0, colon)).strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' does not start with an id (expected ID[:name=value,...])");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (colon >= 0) {
            String rest = t.substring(colon + 1);
            if (rest.isBlank()) {
                throw new IllegalArgumentException("'" + text + "' has nothing after ':' (expected name=value,...)");
            }
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= rest.length(); i++) {
                char c = i < rest.length() ? rest.charAt(i) : ',';
                if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                    if (depth < 0) {
                        throw new IllegalArgumentException("'" + text + "' has an unmatched ']'");
                    }
                } else if (c == ',' && depth == 0) {
                    addPair(text, rest.substring(start, i), values);
                    start = i + 1;
                }
            }
            if (depth != 0) {
                throw new IllegalArgumentException("'" + text + "' has an unclosed '['");
            }
        }
        return new ComponentSpec(id, values);
    }

    private static void addPair(String text, String pair, Map<String, String> values) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(
                    "'" + pair.strip() + "' in '" + text + "' is not name=value");
        }
        String name = pair.substring(0, eq).strip();
        if (values.put(name, pair.substring(eq + 1).strip()) != null) {
            throw new IllegalArgumentException("'" + name + "' is given twice in '" + text + "'");
        }
    }

    @Override
    public String toString() {
        if (values.isEmpty()) {
            return id;
        }
        StringBuilder sb = new StringBuilder(id).append(':');
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append(','));
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
