package org.descent.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One declared hyperparameter (or option) of a contribution: name, type, default, range and
 * documentation. The declaration is made once, in the contributing bundle's plugin.xml, and
 * drives command-line parsing, validation, the editor form, provenance and help.
 * <p>
 * Values travel as text, exactly as typed on the command line or stored in an experiment
 * file; {@link #parse(String)} turns text into a typed value or says what is wrong with it.
 *
 * @since 0.1.0
 */
public final class Hyperparameter {

    /** The value types a hyperparameter can have. */
    public enum Type {
        DOUBLE, INTEGER, BOOLEAN, STRING, CHOICE, DOUBLES;

        /** The type as written in plugin.xml ({@code double}, {@code integer}, ...). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type for a plugin.xml name, or {@code null} if there is none. */
        public static @Nullable Type fromId(String id) {
            for (Type t : values()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
            return null;
        }
    }

    private final String name;
    private final Type type;
    private final String defaultText;
    private final @Nullable Range range;
    private final List<String> choices;
    private final String doc;

    /**
     * Creates a declaration and checks that it is consistent: the default must satisfy the
     * type, range and choices.
     *
     * @throws IllegalArgumentException naming the hyperparameter and what is wrong
     */
    public Hyperparameter(String name, Type type, String defaultText, @Nullable Range range, List<String> choices,
            String doc) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("hyperparameter without a name");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type);
        this.defaultText = defaultText;
        this.range = range;
        this.choices = List.copyOf(choices);
        this.doc = doc;
        if (range != null && type != Type.DOUBLE && type != Type.INTEGER && type != Type.DOUBLES) {
            throw new IllegalArgumentException("hyperparameter '" + name
                    + "': a range is only allowed for double, doubles and integer, not " + type.id());
        }
        if (type == Type.CHOICE && this.choices.isEmpty()) {
            throw new IllegalArgumentException("hyperparameter '" + name + "': type choice needs a 'choices' list");
        }
        if (type != Type.CHOICE && !this.choices.isEmpty()) {
            throw new IllegalArgumentException(
                    "hyperparameter '" + name + "': 'choices' is only allowed for type choice, not " + type.id());
        }
        String problem = problem(defaultText);
        if (problem != null) {
            // problem() leaves the name out, so that it is said once
            throw new IllegalArgumentException(prefix() + "the default " + problem);
        }
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** The default value as text. */
    public String defaultText() {
        return defaultText;
    }

    /** The default value, typed as {@link #parse(String)} would return it. */
    public Object defaultValue() {
        return parse(defaultText);
    }

    public @Nullable Range range() {
        return range;
    }

    public List<String> choices() {
        return choices;
    }

    public String doc() {
        return doc;
    }

    /**
     * Parses a value given as text.
     *
     * @return a {@link Double}, {@link Long}, {@link Boolean}, {@link String} or {@code double[]}
     *         (type {@code doubles}: {@code [1,2.5]}, or one number) according to the type
     * @throws IllegalArgumentException with a message naming this hyperparameter, the text and
     *             what was expected
     */
    public Object parse(String text) {
        String t = text.strip();
        switch (type) {
        case DOUBLE: {
            double v;
            try {
                v = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw invalid(text, "a number");
            }
            if (Double.isNaN(v)) {
                throw invalid(text, "a number (NaN is not allowed)");
            }
            checkRange(text, v);
            return v;
        }
        case INTEGER: {
            long v;
            try {
                v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw invalid(text, "a whole number");
            }
            checkRange(text, v);
            return v;
        }
        case BOOLEAN:
            if (t.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (t.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw invalid(text, "true or false");
        case CHOICE:
            if (choices.contains(t)) {
                return t;
            }
            throw invalid(text, "one of " + String.join(", ", choices));
        case DOUBLES: {
            String inner = t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1) : t;
            String[] parts = inner.split(",", -1);
            double[] values = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    values[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw invalid(text, "a number or a list of numbers such as [1,2.5]");
                }
                if (Double.isNaN(values[i])) {
                    throw invalid(text, "numbers (NaN is not allowed)");
                }
                checkRange(text, values[i]);
            }
            return values;
        }
        case STRING:
        default:
            return text;
        }
    }

    /**
     * What is wrong with a value given as text, without naming this hyperparameter, for callers
     * that name the value themselves (a command-line option): {@code 'x' is not valid, expected
     * a number}.
     *
     * @return the problem, or {@code null} when {@link #parse(String)} accepts the text
     */
    public @Nullable String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            String prefix = prefix();
            return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
        }
    }

    private String prefix() {
        return "hyperparameter '" + name + "': ";
    }

    private void checkRange(String text, double v) {
        Range r = range;
        if (r != null && !r.contains(v)) {
            throw invalid(text, "a value in " + r);
        }
    }

    private IllegalArgumentException invalid(String text, String expected) {
        return new IllegalArgumentException(prefix() + "'" + text + "' is not valid, expected " + expected);
    }

    /** A one-line summary for help texts: {@code lr (double in (0,inf), default 0.01): Learning rate.} */
    public String summary() {
        StringBuilder sb = new StringBuilder(name).append(" (").append(type.id());
        Range r = range;
        if (r != null) {
            sb.append(" in ").append(r);
        }
        if (type == Type.CHOICE) {
            sb.append(": ").append(String.join("|", choices));
        }
        sb.append(", default ").append(defaultText).append(')');
        if (!doc.isBlank()) {
            sb.append(": ").append(doc);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Hyperparameter h && name.equals(h.name) && type == h.type
                && defaultText.equals(h.defaultText) && Objects.equals(range, h.range) && choices.equals(h.choices)
                && doc.equals(h.doc);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultText, range, choices, doc);
    }

    /**
     * An interval of allowed values in interval notation, {@code [0,1)} or {@code (0,inf)}.
     *
     * @param low lower bound, {@code -Infinity} for none
     * @param lowInclusive whether the lower bound is allowed
     * @param high upper bound, {@code Infinity} for none
     * @param highInclusive whether the upper bound is allowed
     */
    public record Range(double low, boolean lowInclusive, double high, boolean highInclusive) {

        public Range {
            if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
                throw new IllegalArgumentException("range bounds are not ordered: " + low + ", " + high);
            }
        }

        /**
         * Parses interval notation: brackets include a bound, parentheses exclude it, {@code inf}
         * and {@code -inf} leave a side open.
         *
         * @throws IllegalArgumentException saying what is wrong with the text
         */
        public static Range parse(String text) {
            String t = text.strip();
            if (t.length() < 5 || "[(".indexOf(t.charAt(0)) < 0 || "])".indexOf(t.charAt(t.length() - 1)) < 0) {
                throw new IllegalArgumentException(
                        "range '" + text + "' is not in interval notation such as [0,1) or (0,inf)");
            }
            String[] parts = t.substring(1, t.length() - 1).split(",", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("range '" + text + "' must have exactly two bounds");
            }
            double low = bound(parts[0], text);
            double high = bound(parts[1], text);
            if (low > high) {
                throw new IllegalArgumentException("range '" + text + "': the lower bound is above the upper bound");
            }
            return new Range(low, t.charAt(0) == '[', high, t.charAt(t.length() - 1) == ']');
        }

        private static double bound(String s, String text) {
            String b = s.strip();
            switch (b) {
            case "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(b);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("range '" + text + "': bound '" + b + "' is not a number");
                }
            }
        }

        /** Whether the value lies in the interval. */
        public boolean contains(double v) {
            boolean aboveLow = lowInclusive ? v >= low : v > low;
            boolean belowHigh = highInclusive ? v <= high : v < high;
            return aboveLow && belowHigh;
        }

        @Override
        public String toString() {
            return (lowInclusive ? "[" : "(") + format(low) + "," + format(high) + (highInclusive ? "]" : ")");
        }

        private static String format(double v) {
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
