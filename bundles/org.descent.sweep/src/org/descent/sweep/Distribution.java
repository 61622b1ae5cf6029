package org.descent.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.descent.core.Hyperparameter;

/**
 * Where one swept parameter takes its values from, as Ray Tune's search space: a random draw
 * ({@code loguniform(a,b)}, {@code uniform(a,b)}, {@code choice(x,y,...)}) or every value in
 * turn ({@code grid(x,y,...)}, a factor of the cartesian product).
 */
public sealed interface Distribution {

    /** The kinds {@link #parse} takes, as their texts begin: a form offers them. */
    List<String> KINDS = List.of("loguniform", "uniform", "choice", "grid");

    /** How the command line writes it: {@code loguniform(0.0001,0.1)}. */
    String text();

    /** Draws a value as text, for a parameter of the given type (integers are rounded). */
    String draw(SplittableRandom random, Hyperparameter.Type type);

    /** {@code loguniform(a,b)}: log-uniform in [a, b], 0 < a < b. */
    record LogUniform(double low, double high) implements Distribution {
        @Override
        public String text() {
            return "loguniform(" + low + "," + high + ")";
        }

        @Override
        public String draw(SplittableRandom random, Hyperparameter.Type type) {
            double v = Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
            return number(Math.min(high, Math.max(low, v)), type);
        }
    }

    /** {@code uniform(a,b)}: uniform in [a, b], a < b. */
    record Uniform(double low, double high) implements Distribution {
        @Override
        public String text() {
            return "uniform(" + low + "," + high + ")";
        }

        @Override
        public String draw(SplittableRandom random, Hyperparameter.Type type) {
            return number(low + random.nextDouble() * (high - low), type);
        }
    }

    /** {@code choice(x,y,...)}: one of the values, each as likely. */
    record Choice(List<String> values) implements Distribution {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public String text() {
            return "choice(" + String.join(",", values) + ")";
        }

        @Override
        public String draw(SplittableRandom random, Hyperparameter.Type type) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** {@code grid(x,y,...)}: every value, crossed with the other grids. */
    record Grid(List<String> values) implements Distribution {
        public Grid {
            values = List.copyOf(values);
        }

        @Override
        public String text() {
            return "grid(" + String.join(",", values) + ")";
        }

        /** A grid is not drawn: {@link SearchSpace} crosses its values. */
        @Override
        public String draw(SplittableRandom random, Hyperparameter.Type type) {
            throw new UnsupportedOperationException("a grid is crossed, not drawn");
        }
    }

    /** The values the distribution's text lists (both bounds of a range). */
    default List<String> listed() {
        return switch (this) {
        case LogUniform l -> List.of(Double.toString(l.low()), Double.toString(l.high()));
        case Uniform u -> List.of(Double.toString(u.low()), Double.toString(u.high()));
        case Choice c -> c.values();
        case Grid g -> g.values();
        };
    }

    private static String number(double v, Hyperparameter.Type type) {
        return type == Hyperparameter.Type.INTEGER ? Long.toString(Math.round(v)) : Double.toString(v);
    }

    /**
     * Parses {@code loguniform(a,b)}, {@code uniform(a,b)}, {@code choice(x,y,...)} or
     * {@code grid(x,y,...)}.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    static Distribution parse(String text) {
        String t = text.strip();
        int open = t.indexOf('(');
        if (open < 0 || !t.endsWith(")")) {
            throw new IllegalArgumentException("'" + text + "' is not a distribution, expected loguniform(a,b), uniform(a,b),"
                    + " choice(x,y,...) or grid(x,y,...)");
        }
        String kind = t.substring(0, open).strip().toLowerCase(Locale.ROOT);
        List<String> args = new ArrayList<>();
        for (String a : t.substring(open + 1, t.length() - 1).split(",", -1)) {
            if (a.isBlank()) {
                throw new IllegalArgumentException("'" + text + "' has an empty value");
            }
            args.add(a.strip());
        }
        switch (kind) {
        case "loguniform", "uniform": {
            if (args.size() != 2) {
                throw new IllegalArgumentException("'" + text + "': " + kind + " takes two bounds (a,b), not " + args.size()
                        + " value(s)");
            }
            double a = bound(text, args.get(0));
            double b = bound(text, args.get(1));
            if (!(a < b)) {
                throw new IllegalArgumentException("'" + text + "': the lower bound " + args.get(0)
                        + " must be below the upper bound " + args.get(1));
            }
            if (kind.equals("loguniform")) {
                if (a <= 0) {
                    throw new IllegalArgumentException("'" + text + "': loguniform needs bounds > 0, not " + args.get(0));
                }
                return new LogUniform(a, b);
            }
            return new Uniform(a, b);
        }
        case "choice", "grid": {
            if (args.stream().distinct().count() != args.size()) {
                throw new IllegalArgumentException("'" + text + "' lists a value twice");
            }
            return kind.equals("choice") ? new Choice(args) : new Grid(args);
        }
        default:
            throw new IllegalArgumentException("'" + kind + "' is not a distribution, expected loguniform(a,b),"
                    + " uniform(a,b), choice(x,y,...) or grid(x,y,...)");
        }
    }

    private static double bound(String text, String value) {
        try {
            double v = Double.parseDouble(value);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + text + "': '" + value + "' is not a finite number");
    }
}
