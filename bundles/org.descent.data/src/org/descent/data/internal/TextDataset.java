package org.descent.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Dataset;
import org.descent.core.InputFile;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.descent.core.Vocabulary;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A plain UTF-8 text as skip-gram training pairs for word2vec: every row is one (center word,
 * context word) pair of vocabulary indices, input the center and target the context, so the data
 * is a {@code V}-class classification ({@code DataShape(pairs, 1, 1, V)}) carrying its
 * {@link Vocabulary} (most frequent first, with counts).
 * <p>
 * Words are maximal runs of letters and apostrophes (’ read as '), with apostrophes at either end
 * dropped, lowercased unless {@code lowercase=false}. Words occurring fewer than {@code min_count}
 * times, or beyond the {@code max_vocabulary} most frequent, are dropped from the text. Ties in
 * frequency are ordered alphabetically. Paragraphs (separated by blank lines) bound the windows.
 * <p>
 * Then, as Mikolov's word2vec C tool does, with one {@code SplitMix64(seed)} stream in text order:
 * each occurrence of a word of frequency {@code f} (its count over the number of kept words) is
 * kept with probability {@code sqrt(t/f) + t/f} (the C tool's subsampling; the paper's discard
 * probability is {@code 1 - sqrt(t/f)}), one uniform draw per occurrence whose probability is
 * below 1; {@code t = subsample}, 0 keeps everything. In the subsampled paragraph, each word draws
 * its window {@code b = window - (next % window)} (1..window, the C tool's dynamic window, which
 * weights near words more) and pairs with the up to {@code 2b} words around it. Unlike the C tool,
 * which redraws them every epoch, the subsampling and windows are drawn once, when the data is
 * loaded.
 */
public final class TextDataset implements Dataset {

    static final String RESOURCE = "data/austen.txt";
    /** More pairs than this would not fit the engine's arrays comfortably. */
    private static final long MAX_ROWS = 200_000_000L;

    private String path = "";
    private boolean lowercase = true;
    private int minCount = 5;
    private int window = 5;
    private double subsample = 1e-3;
    private int maxVocabulary;
    private long seed;

    @Override
    public void configure(Settings s) {
        path = s.getString("path");
        lowercase = s.getBoolean("lowercase");
        minCount = s.getInt("min_count");
        window = s.getInt("window");
        subsample = s.getDouble("subsample");
        maxVocabulary = s.getInt("max_vocabulary");
        seed = s.getLong("seed");
    }

    @Override
    public Data load(IProgressMonitor monitor) throws IOException {
        String name;
        byte[] bytes;
        if (path.isBlank()) {
            name = RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1);
            bytes = bundled();
        } else {
            Path file = InputFile.check(Path.of(path), "text: path=" + path);
            name = file.getFileName().toString();
            bytes = Files.readAllBytes(file);
        }
        return pairs(path.isBlank() ? name : path, name, bytes, monitor);
    }

    private static byte[] bundled() throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(TextDataset.class);
        URL url = bundle != null ? bundle.getEntry(RESOURCE) : TextDataset.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IOException("text: " + RESOURCE + " is missing from bundle org.descent.data");
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    /** The text split into words and paragraphs. */
    private record Words(List<String> words, int[] paragraphStarts) {
    }

    /**
     * Turns a text into training pairs.
     *
     * @param where the file as messages name it
     * @param name the data set's short name
     */
    private Data pairs(String where, String name, byte[] bytes, IProgressMonitor monitor) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException(where + " is empty (0 bytes): the text data set needs text");
        }
        String text = decode(where, bytes);
        Words w = words(text, monitor);
        if (w.words().isEmpty()) {
            throw new IllegalArgumentException(where + " (" + bytes.length + " bytes) contains no words: a word is a run"
                    + " of letters and apostrophes");
        }
        Vocabulary vocabulary = vocabulary(where, w.words());
        int[] ids = new int[w.words().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.indexOf(w.words().get(i)).orElse(-1);
        }
        long kept = 0;
        for (int i = 0; i < vocabulary.size(); i++) {
            kept += vocabulary.count(i);
        }
        double[] keep = new double[vocabulary.size()];
        for (int i = 0; i < keep.length; i++) {
            double f = vocabulary.count(i) / (double) kept;
            keep[i] = subsample > 0 ? Math.sqrt(subsample / f) + subsample / f : 1;
        }
        SplitMix64 random = new SplitMix64(seed);
        IntList centers = new IntList();
        IntList contexts = new IntList();
        int[] sentence = new int[ids.length];
        int[] starts = w.paragraphStarts();
        for (int p = 0; p < starts.length; p++) {
            if (p % 256 == 0 && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            int end = p + 1 < starts.length ? starts[p + 1] : ids.length;
            int n = 0;
            for (int i = starts[p]; i < end; i++) {
                int id = ids[i];
                if (id >= 0 && (keep[id] >= 1 || random.nextDouble() < keep[id])) {
                    sentence[n++] = id;
                }
            }
            for (int i = 0; i < n; i++) {
                int b = window - (int) Long.remainderUnsigned(random.nextLong(), window);
                for (int j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++) {
                    if (j != i) {
                        centers.add(sentence[i]);
                        contexts.add(sentence[j]);
                    }
                }
                if (centers.size > MAX_ROWS) {
                    throw new IllegalArgumentException(where + " gives more than " + MAX_ROWS + " (center, context) pairs:"
                            + " raise subsample's effect (a smaller t), shrink the window or use a shorter text");
                }
            }
        }
        if (centers.size == 0) {
            throw new IllegalArgumentException(where + " gives no (center, context) pairs: no paragraph keeps two words"
                    + " of the vocabulary after subsampling (min_count=" + minCount + ", subsample=" + subsample + ")");
        }
        double[] x = new double[centers.size];
        double[] y = new double[centers.size];
        for (int i = 0; i < x.length; i++) {
            x[i] = centers.values[i];
            y[i] = contexts.values[i];
        }
        return new Data("text (" + name + ")", new DataShape(x.length, 1, 1, vocabulary.size()), x, y, List.of("center"),
                vocabulary);
    }

    /** Strict UTF-8; a leading byte-order mark is dropped. */
    private static String decode(String where, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is not UTF-8 text: the byte at offset %d (0x%02X) does not continue a valid UTF-8 sequence;"
                            + " convert the file to UTF-8",
                    where, at, bytes[Math.min(at, bytes.length - 1)] & 0xFF));
        }
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private Words words(String text, IProgressMonitor monitor) {
        List<String> words = new ArrayList<>();
        IntList starts = new IntList();
        starts.add(0);
        StringBuilder word = new StringBuilder();
        boolean blankLine = true;
        for (int i = 0; i < text.length(); i++) {
            if (i % (1 << 20) == 0 && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '\'' || c == '\u2019') {
                word.append(c == '\u2019' ? '\'' : c);
                blankLine = false;
                continue;
            }
            add(word, words);
            if (c == '\n') {
                if (blankLine && starts.values[starts.size - 1] < words.size()) {
                    starts.add(words.size());
                }
                blankLine = true;
            } else if (!Character.isWhitespace(c)) {
                blankLine = false;
            }
        }
        add(word, words);
        return new Words(words, Arrays.copyOf(starts.values, starts.size));
    }

    private void add(StringBuilder word, List<String> words) {
        int from = 0;
        int to = word.length();
        while (from < to && word.charAt(from) == '\'') {
            from++;
        }
        while (to > from && word.charAt(to - 1) == '\'') {
            to--;
        }
        if (from < to) {
            String w = word.substring(from, to);
            words.add(lowercase ? w.toLowerCase(Locale.ROOT) : w);
        }
        word.setLength(0);
    }

    private Vocabulary vocabulary(String where, List<String> words) {
        Map<String, long[]> counts = new HashMap<>();
        for (String w : words) {
            counts.computeIfAbsent(w, k -> new long[1])[0]++;
        }
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        List<String> tokens = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        for (Map.Entry<String, long[]> e : entries) {
            if (e.getValue()[0] < minCount || (maxVocabulary > 0 && tokens.size() == maxVocabulary)) {
                break;
            }
            tokens.add(e.getKey());
            kept.add(e.getValue()[0]);
        }
        Map.Entry<String, long[]> top = entries.get(0);
        if (tokens.size() < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %s of its %d distinct words occurs at least min_count=%d times (the most frequent, '%s', occurs"
                            + " %d times); word2vec needs a vocabulary of at least two words: lower min_count",
                    where, tokens.isEmpty() ? "none" : "only one", entries.size(), minCount, top.getKey(), top.getValue()[0]));
        }
        long[] c = new long[kept.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = kept.get(i);
        }
        return new Vocabulary(tokens, c);
    }

    /** A growable array of ints. */
    private static final class IntList {
        int[] values = new int[1024];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }
    }
}
