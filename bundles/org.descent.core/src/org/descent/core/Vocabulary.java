package org.descent.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens of a data set of token indices, in index order (text data sets put the most
 * frequent first), with their counts in the corpus. Data sets
 * of token indices (word2vec pairs, sequences) carry one so that models can read frequencies
 * (subsampling, negative sampling, Huffman trees) and tools can turn indices back into words.
 *
 * @since 0.1.0
 */
public final class Vocabulary {

    private final List<String> tokens;
    private final long[] counts;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @throws IllegalArgumentException when the lists differ in length or a token repeats
     */
    public Vocabulary(List<String> tokens, long[] counts) {
        if (tokens.size() != counts.length) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + counts.length + " counts");
        }
        this.tokens = List.copyOf(tokens);
        this.counts = counts.clone();
        for (int i = 0; i < tokens.size(); i++) {
            if (index.put(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + tokens.get(i) + "' appears twice in the vocabulary");
            }
        }
    }

    public int size() {
        return tokens.size();
    }

    public String token(int i) {
        return tokens.get(i);
    }

    public List<String> tokens() {
        return tokens;
    }

    /** How often token {@code i} occurs in the corpus. */
    public long count(int i) {
        return counts[i];
    }

    /** The index of a token, if it is in the vocabulary. */
    public Optional<Integer> indexOf(String token) {
        return Optional.ofNullable(index.get(token));
    }
}
