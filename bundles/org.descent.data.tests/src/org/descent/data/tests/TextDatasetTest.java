package org.descent.data.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.core.Data;
import org.descent.core.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text data set: the bundled Austen novels, words and paragraphs, the vocabulary, exact pairs
 * with a fixed window, the C tool's subsampling rate and dynamic window, and bad files.
 */
class TextDatasetTest {

    @TempDir
    Path dir;

    static Data load(Map<String, ?> options) throws IOException {
        return DatasetTest.load("text", options);
    }

    Path file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    Path file(byte[] content) throws IOException {
        Path f = dir.resolve("corpus.txt");
        Files.write(f, content);
        return f;
    }

    /** The rows as "center>context" words. */
    static List<String> pairs(Data d) {
        Vocabulary v = d.vocabulary();
        return java.util.stream.IntStream.range(0, d.rows())
                .mapToObj(i -> v.token((int) d.inputs()[i]) + ">" + v.token((int) d.targets()[i])).toList();
    }

    @Test
    void bundledNovelsGiveAVocabularyMostFrequentFirst() throws IOException {
        Data d = load(Map.of());
        Vocabulary v = d.vocabulary();
        assertEquals("text (austen.txt)", d.name());
        assertEquals(1, d.shape().inputDim());
        assertEquals(1, d.shape().targetDim());
        assertEquals(v.size(), d.shape().classes());
        long words = 0;
        for (int i = 0; i < v.size(); i++) {
            assertTrue(v.count(i) >= 5, "min_count 5: " + v.token(i));
            assertTrue(i == 0 || v.count(i) <= v.count(i - 1), "most frequent first at " + i);
            words += v.count(i);
        }
        System.out.printf("text: %d words kept, vocabulary %d, %d pairs; top %s%n", words, v.size(), d.rows(),
                v.tokens().subList(0, 10));
        assertTrue(v.size() > 3000 && v.size() < 5000, "vocabulary of words seen 5 times: " + v.size());
        assertTrue(words > 300_000, "three novels: " + words);
        assertEquals(0, (int) v.indexOf("the").orElseThrow() / 3, "'the' among the three most frequent words");
        for (String w : List.of("elizabeth", "darcy", "elinor", "marianne", "anne", "wentworth", "mr", "mrs",
                "elizabeth's")) {
            assertTrue(v.indexOf(w).isPresent(), w);
        }
        assertFalse(v.indexOf("Elizabeth").isPresent(), "lowercased");
        for (int i = 0; i < d.rows(); i++) {
            double x = d.inputs()[i];
            double y = d.targets()[i];
            assertTrue(x >= 0 && x < v.size() && y >= 0 && y < v.size() && x == Math.rint(x) && y == Math.rint(y));
        }
        Data again = load(Map.of());
        assertArrayEquals(d.inputs(), again.inputs(), "same seed, same pairs");
        assertArrayEquals(d.targets(), again.targets());
        Data other = load(Map.of("seed", "1"));
        assertEquals(v.tokens(), other.vocabulary().tokens(), "the vocabulary does not depend on the seed");
        assertFalse(java.util.Arrays.equals(d.inputs(), other.inputs()), "another seed subsamples differently");
    }

    @Test
    void fixedWindowGivesEveryNeighbourWithinAParagraph() throws IOException {
        Path f = file("A b, a c.\n\n  \nb\u2019s 'a' B\n");
        Data d = load(Map.of("path", f.toString(), "min_count", "1", "window", "1", "subsample", "0"));
        assertEquals(List.of("a", "b", "b's", "c"), d.vocabulary().tokens());
        assertEquals(3, d.vocabulary().count(0));
        assertEquals(2, d.vocabulary().count(1));
        assertEquals(List.of("a>b", "b>a", "b>a", "a>b", "a>c", "c>a", "b's>a", "a>b's", "a>b", "b>a"), pairs(d),
                "window 1 inside each paragraph; the blank lines end the first");
        Data cased = load(Map.of("path", f.toString(), "min_count", "1", "window", "1", "subsample", "0", "lowercase",
                "false"));
        assertEquals(List.of("a", "A", "B", "b", "b's", "c"), cased.vocabulary().tokens(),
                "case kept; equal counts in alphabetical order");
        Data top = load(Map.of("path", f.toString(), "min_count", "1", "window", "1", "subsample", "0",
                "max_vocabulary", "2"));
        assertEquals(List.of("a", "b"), top.vocabulary().tokens());
        assertEquals(List.of("a>b", "b>a", "b>a", "a>b", "a>b", "b>a"), pairs(top), "dropped words leave the text");
    }

    @Test
    void dynamicWindowDrawsOneToWindowWordsEachSide() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            text.append("w").append((char) ('a' + i % 20)).append(' ');
        }
        Data d = load(Map.of("path", file(text.toString()).toString(), "min_count", "1", "window", "4", "subsample", "0"));
        // Interior words pair with 2b neighbours, b uniform in 1..4: 5 per word on average.
        double perWord = d.rows() / 4000.0;
        assertEquals(5.0, perWord, 0.1, "mean pairs per word");
    }

    @Test
    void subsamplingKeepsAWordWithTheCToolsProbability() throws IOException {
        // Words a, b, c with frequencies 0.6, 0.3, 0.1; window 1, so a kept word away from the ends
        // is the center of two pairs.
        String[] cycle = { "a", "b", "a", "c", "a", "b", "a", "b", "a", "a" };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append(cycle[i % 10]).append(' ');
        }
        double t = 0.01;
        Data d = load(Map.of("path", file(text.toString()).toString(), "min_count", "1", "window", "1", "subsample",
                Double.toString(t)));
        long[] centers = new long[3];
        for (int i = 0; i < d.rows(); i++) {
            centers[(int) d.inputs()[i]]++;
        }
        double[] f = { 0.6, 0.3, 0.1 };
        for (int w = 0; w < 3; w++) {
            double keep = Math.sqrt(t / f[w]) + t / f[w];
            double expected = 100_000 * f[w] * keep;
            double kept = centers[w] / 2.0;
            assertEquals(expected, kept, 4 * Math.sqrt(expected) + 2, d.vocabulary().token(w) + " kept with probability "
                    + keep);
        }
    }

    @Test
    void badFilesAreNamed() throws IOException {
        Path missing = dir.resolve("nope.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("path", missing.toString())));
        assertTrue(e.getMessage().contains("nope.txt: no such file"), e.getMessage());
        Path empty = file("");
        e = assertThrows(IllegalArgumentException.class, () -> load(Map.of("path", empty.toString())));
        assertTrue(e.getMessage().contains("corpus.txt is empty"), e.getMessage());
        Path numbers = file("12 34, 56!\n-- 7 --\n");
        e = assertThrows(IllegalArgumentException.class, () -> load(Map.of("path", numbers.toString())));
        assertTrue(e.getMessage().contains("corpus.txt (19 bytes) contains no words"), e.getMessage());
        Path latin1 = file(new byte[] { 'c', 'a', 'f', (byte) 0xE9, ' ', 'n', 'o', 'i', 'r' });
        e = assertThrows(IllegalArgumentException.class, () -> load(Map.of("path", latin1.toString())));
        assertTrue(e.getMessage().contains("corpus.txt is not UTF-8 text: the byte at offset 3 (0xE9)"), e.getMessage());
        Path rare = file("one two three two\n");
        e = assertThrows(IllegalArgumentException.class, () -> load(Map.of("path", rare.toString(), "min_count", "3")));
        assertTrue(e.getMessage().contains("none of its 3 distinct words occurs at least min_count=3 times (the most"
                + " frequent, 'two', occurs 2 times)"), e.getMessage());
        Path lonely = file("a\n\nb\n\na\n");
        e = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("path", lonely.toString(), "min_count", "1")));
        assertTrue(e.getMessage().contains("gives no (center, context) pairs"), e.getMessage());
    }
}
