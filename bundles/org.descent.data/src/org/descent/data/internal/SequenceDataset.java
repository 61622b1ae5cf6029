package org.descent.data.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Dataset;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.descent.core.Vocabulary;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * The copy, reverse and sort tasks of sequence-to-sequence learning, seeded. Each row is a source
 * sequence of tokens {@code 0..vocabulary-1} and its target: the same tokens (copy), in reverse
 * order (reverse) or in ascending order (sort).
 * <p>
 * Layout: inputs are the {@code length} source tokens of a row as whole numbers, targets the
 * {@code length} target tokens, so the shape is {@code DataShape(n, length, length, 0)} and the
 * data carries a {@link Vocabulary} ("0".."9" for ten digits). With {@code min_length < length}
 * a row's length is drawn uniformly from {@code min_length..length}, and both sequences are padded
 * to {@code length} with an end token, the last entry of the vocabulary ({@code <end>}, index
 * {@code vocabulary}): only the real tokens are copied, reversed or sorted.
 * <p>
 * Draws: for each row, its length (only when lengths vary) and then its tokens, uniform, from
 * {@code SplitMix64(seed)}. With {@code distinct} (the default) a sequence already drawn is drawn
 * again, so every row is a different sequence and the engine's validation split holds only
 * sequences never trained on; {@code n} may then not exceed the number of possible sequences.
 * (A redraw draws its length again, so when short lengths have few sequences, as 100 of two
 * digits, the longer ones fill their share.)
 */
public final class SequenceDataset implements Dataset {

    private String task = "reverse";
    private int length = 5;
    private int minLength = 5;
    private int vocabulary = 10;
    private int n = 10000;
    private long seed;
    private boolean distinct = true;

    @Override
    public void configure(Settings s) {
        task = s.getString("task");
        length = s.getInt("length");
        minLength = s.getInt("min_length") == 0 ? length : s.getInt("min_length");
        vocabulary = s.getInt("vocabulary");
        n = s.getInt("n");
        seed = s.getLong("seed");
        distinct = s.getBoolean("distinct");
        if (minLength > length) {
            throw new IllegalArgumentException(s.owner() + ": min_length " + minLength + " exceeds length " + length);
        }
        if (distinct) {
            double possible = possible();
            if (n > possible) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: n=%d distinct sequences asked for, but only %.0f sequences of length %s over %d tokens"
                                + " exist: lower n, lengthen the sequences or set distinct=false",
                        s.owner(), n, possible, minLength == length ? Integer.toString(length)
                                : minLength + ".." + length,
                        vocabulary));
            }
        }
    }

    /** The number of different sequences the options allow. */
    private double possible() {
        double count = 0;
        for (int l = minLength; l <= length; l++) {
            count += Math.pow(vocabulary, l);
        }
        return count;
    }

    @Override
    public Data load(IProgressMonitor monitor) {
        boolean padded = minLength < length;
        int end = vocabulary;
        SplitMix64 r = new SplitMix64(seed);
        int values = DataSizes.values("dataset 'sequences'", "n", n, "length", length);
        double[] x = new double[values];
        double[] y = new double[values];
        Set<Key> seen = distinct ? new HashSet<>() : Set.of();
        int[] tokens = new int[length];
        long[] counts = new long[padded ? vocabulary + 1 : vocabulary];
        for (int row = 0; row < n; row++) {
            if (row % 4096 == 0 && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            int l;
            do {
                l = padded ? minLength + (int) Long.remainderUnsigned(r.nextLong(), length - minLength + 1) : length;
                Arrays.fill(tokens, end);
                for (int t = 0; t < l; t++) {
                    tokens[t] = (int) Long.remainderUnsigned(r.nextLong(), vocabulary);
                }
            } while (distinct && !seen.add(new Key(tokens.clone())));
            int[] target = target(tokens, l);
            for (int t = 0; t < length; t++) {
                x[row * length + t] = tokens[t];
                y[row * length + t] = target[t];
                counts[tokens[t]]++;
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < vocabulary; i++) {
            names.add(Integer.toString(i));
        }
        if (padded) {
            names.add("<end>");
        }
        List<String> columns = new ArrayList<>();
        for (int t = 1; t <= length; t++) {
            columns.add("token" + t);
        }
        String name = "sequences (" + task + ", length " + (padded ? minLength + ".." : "") + length + ")";
        return new Data(name, new DataShape(n, length, length, 0), x, y, columns, new Vocabulary(names, counts));
    }

    /** The target of a source whose first {@code l} tokens are real; the rest keep the end token. */
    private int[] target(int[] source, int l) {
        int[] out = source.clone();
        if (task.equals("reverse")) {
            for (int t = 0; t < l; t++) {
                out[t] = source[l - 1 - t];
            }
        } else if (task.equals("sort")) {
            Arrays.sort(out, 0, l);
        }
        return out;
    }

    /** A sequence as a set member. */
    private record Key(int[] tokens) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(tokens, k.tokens);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tokens);
        }

        @Override
        public String toString() {
            return Arrays.toString(tokens);
        }
    }
}
