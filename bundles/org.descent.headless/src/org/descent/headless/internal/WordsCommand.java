package org.descent.headless.internal;

import org.descent.core.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;

/**
 * {@code descent words RUN --nearest WORD[,WORD...] | --analogy A:B::C:? [--top K] [--json]}:
 * nearest neighbours and analogies by cosine similarity of the word vectors of a word2vec run
 * (its model's input vectors at the latest checkpoint; the vocabulary from its data set loaded
 * again).
 */
public final class WordsCommand implements Command {

    static final int DEFAULT_TOP = 10;

    @Override
    public int run(CommandContext c) throws Exception {
        if (c.arguments().isEmpty()) {
            throw new UsageException("needs a run folder: descent words RUN --nearest WORD or --analogy A:B::C:?");
        }
        if (c.has("nearest") == c.has("analogy")) {
            throw new UsageException("give one of --nearest WORD[,WORD...] and --analogy A:B::C:?");
        }
        int top = top(c);
        Path dir = Path.of(c.arguments().get(0));
        WordVectors vectors = WordVectors.load(dir, c.registry());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", dir.toString());
        json.put("step", vectors.step());
        json.put("words", vectors.vocabulary().size());
        json.put("dim", vectors.dim());
        String about = String.format(Locale.ROOT, "run %s, step %d; %d words, %d dimensions", dir, vectors.step(),
                vectors.vocabulary().size(), vectors.dim());
        if (c.has("nearest")) {
            List<String> words = words(c.options().get("nearest"), "nearest");
            List<Integer> indices = new ArrayList<>();
            for (String w : words) {
                indices.add(vectors.index(w));
            }
            List<Object> results = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String word = vectors.vocabulary().token(indices.get(i));
                List<WordVectors.Neighbour> n = vectors.nearest(indices.get(i), top);
                if (!c.has("json")) {
                    c.out().println((i == 0 ? "" : System.lineSeparator()) + "Nearest to '" + word + "' by cosine ("
                            + about + "):");
                    print(n, c);
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("word", word);
                r.put("neighbours", toJson(n));
                results.add(r);
            }
            json.put("nearest", results);
        } else {
            String text = c.options().get("analogy");
            List<String> words = analogy(text);
            int a = vectors.index(words.get(0));
            int b = vectors.index(words.get(1));
            int d = vectors.index(words.get(2));
            List<WordVectors.Neighbour> n = vectors.analogy(a, b, d, top);
            String[] w = { vectors.vocabulary().token(a), vectors.vocabulary().token(b), vectors.vocabulary().token(d) };
            if (!c.has("json")) {
                c.out().println(w[0] + " : " + w[1] + " :: " + w[2] + " : ?   (nearest to " + w[1] + " - " + w[0] + " + "
                        + w[2] + "; " + about + "):");
                print(n, c);
            }
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("a", w[0]);
            q.put("b", w[1]);
            q.put("c", w[2]);
            json.put("analogy", q);
            json.put("answers", toJson(n));
        }
        if (c.has("json")) {
            c.out().println(Json.write(json));
        }
        return OK;
    }

    private static int top(CommandContext c) throws UsageException {
        String text = c.option("top").orElse(Integer.toString(DEFAULT_TOP));
        try {
            int k = Integer.parseInt(text.strip());
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option '--top': '" + text + "' is not valid, expected a whole number >= 1");
    }

    private static List<String> words(String text, String option) throws UsageException {
        List<String> out = new ArrayList<>();
        for (String w : text.split(",")) {
            if (!w.isBlank()) {
                out.add(w.strip());
            }
        }
        if (out.isEmpty()) {
            throw new UsageException("option '--" + option + "' names no word");
        }
        return out;
    }

    /** {@code a:b::c:?} (or {@code a:b::c}) or {@code a,b,c}: a is to b as c is to ?. */
    static List<String> analogy(String text) throws UsageException {
        String t = text.strip();
        List<String> parts = new ArrayList<>();
        if (t.contains("::")) {
            String[] sides = t.split("::", -1);
            if (sides.length == 2) {
                String[] left = sides[0].split(":", -1);
                String[] right = sides[1].split(":", -1);
                if (left.length == 2 && (right.length == 1 || (right.length == 2 && right[1].strip().equals("?")))) {
                    parts.addAll(List.of(left[0].strip(), left[1].strip(), right[0].strip()));
                }
            }
        } else {
            String[] comma = t.split(",", -1);
            if (comma.length == 3) {
                for (String s : comma) {
                    parts.add(s.strip());
                }
            }
        }
        if (parts.size() != 3 || parts.stream().anyMatch(String::isEmpty)) {
            throw new UsageException("option '--analogy': '" + text + "' is not A:B::C:? or A,B,C (a is to b as c is"
                    + " to ?, e.g. man:woman::he:?)");
        }
        return parts;
    }

    private static void print(List<WordVectors.Neighbour> neighbours, CommandContext c) {
        int width = neighbours.stream().mapToInt(n -> n.word().length()).max().orElse(4);
        for (int i = 0; i < neighbours.size(); i++) {
            WordVectors.Neighbour n = neighbours.get(i);
            c.out().printf(Locale.ROOT, "%4d  %-" + width + "s  %.4f%n", i + 1, n.word(), n.cosine());
        }
    }

    private static List<Object> toJson(List<WordVectors.Neighbour> neighbours) {
        List<Object> out = new ArrayList<>();
        for (WordVectors.Neighbour n : neighbours) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("word", n.word());
            m.put("cosine", n.cosine());
            out.add(m);
        }
        return out;
    }
}
