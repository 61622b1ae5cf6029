package org.descent.data.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.descent.core.Data;
import org.descent.core.Vocabulary;
import org.junit.jupiter.api.Test;

/** The copy, reverse and sort sequence tasks: layout, targets, distinct rows, padding, seeds. */
class SequenceDatasetTest {

    static Data load(Map<String, ?> options) throws IOException {
        return DatasetTest.load("sequences", options);
    }

    static double[] row(double[] values, int width, int i) {
        return Arrays.copyOfRange(values, i * width, (i + 1) * width);
    }

    @Test
    void reverseRowsAreDistinctDigitSequencesAndTheirReversal() throws IOException {
        Data d = load(Map.of());
        assertEquals(10000, d.rows());
        assertEquals(5, d.shape().inputDim());
        assertEquals(5, d.shape().targetDim());
        assertEquals(0, d.shape().classes());
        assertEquals(List.of("token1", "token2", "token3", "token4", "token5"), d.inputNames());
        Vocabulary v = d.vocabulary();
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), v.tokens());
        long total = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.rows(); i++) {
            double[] x = row(d.inputs(), 5, i);
            double[] y = row(d.targets(), 5, i);
            for (int t = 0; t < 5; t++) {
                assertEquals(x[4 - t], y[t], "row " + i + " reversed");
                assertTrue(x[t] == Math.rint(x[t]) && x[t] >= 0 && x[t] <= 9, "a digit");
            }
            assertTrue(seen.add(Arrays.toString(x)), "row " + i + " repeats an earlier sequence");
        }
        for (int k = 0; k < 10; k++) {
            total += v.count(k);
            assertTrue(Math.abs(v.count(k) - 5000) < 300, "digit " + k + " drawn uniformly: " + v.count(k));
        }
        assertEquals(50000, total, "counts are the source tokens");
    }

    @Test
    void copyAndSortKeepTheTokens() throws IOException {
        Data copy = load(Map.of("task", "copy", "n", "200", "length", "7", "vocabulary", "4", "seed", "3"));
        assertArrayEquals(copy.inputs(), copy.targets(), 0);
        assertEquals(7, copy.shape().inputDim());
        assertEquals(4, copy.vocabulary().size());
        Data sort = load(Map.of("task", "sort", "n", "200", "length", "7", "vocabulary", "4", "seed", "3"));
        assertArrayEquals(copy.inputs(), sort.inputs(), 0, "the same seed draws the same sources");
        for (int i = 0; i < 200; i++) {
            double[] x = row(sort.inputs(), 7, i);
            Arrays.sort(x);
            assertArrayEquals(x, row(sort.targets(), 7, i), 0, "row " + i + " sorted");
        }
    }

    @Test
    void variableLengthsArePaddedWithTheEndToken() throws IOException {
        Data d = load(Map.of("min_length", "2", "length", "6", "n", "3000"));
        Vocabulary v = d.vocabulary();
        assertEquals(11, v.size());
        assertEquals("<end>", v.token(10));
        assertEquals("sequences (reverse, length 2..6)", d.name());
        int[] lengths = new int[7];
        for (int i = 0; i < d.rows(); i++) {
            double[] x = row(d.inputs(), 6, i);
            double[] y = row(d.targets(), 6, i);
            int l = 0;
            while (l < 6 && x[l] != 10) {
                l++;
            }
            lengths[l]++;
            for (int t = 0; t < 6; t++) {
                if (t < l) {
                    assertEquals(x[l - 1 - t], y[t], "row " + i + ": real tokens reversed");
                    assertTrue(x[t] < 10);
                } else {
                    assertEquals(10, x[t], "row " + i + ": padding after the end");
                    assertEquals(10, y[t], "row " + i + ": target padded alike");
                }
            }
        }
        assertEquals(0, lengths[0] + lengths[1], "no sequence shorter than min_length");
        assertTrue(lengths[2] > 0 && lengths[2] <= 100, "at most the 100 sequences of length 2: " + lengths[2]);
        for (int l = 3; l <= 6; l++) {
            assertTrue(lengths[l] > 500, "length " + l + " drawn often: " + Arrays.toString(lengths));
        }
    }

    @Test
    void seedsAndDistinctness() throws IOException {
        Data a = load(Map.of("n", "500", "seed", "8"));
        Data b = load(Map.of("n", "500", "seed", "8"));
        Data c = load(Map.of("n", "500", "seed", "9"));
        assertArrayEquals(a.inputs(), b.inputs(), 0);
        assertTrue(!Arrays.equals(a.inputs(), c.inputs()), "another seed, other sequences");
        Data all = load(Map.of("n", "1000", "length", "3"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(Arrays.toString(row(all.inputs(), 3, i)));
        }
        assertEquals(1000, seen.size(), "n equal to the 10^3 possible sequences draws each once");
        Data repeats = load(Map.of("n", "2000", "length", "3", "distinct", "false"));
        assertEquals(2000, repeats.rows(), "without distinct, sequences may repeat");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("n", "1001", "length", "3")));
        assertTrue(e.getMessage().contains("only 1000 sequences of length 3 over 10 tokens"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load(Map.of("min_length", "6")));
        assertTrue(e.getMessage().contains("min_length 6 exceeds length 5"), e.getMessage());
    }
}
