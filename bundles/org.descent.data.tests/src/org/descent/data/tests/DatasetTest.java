package org.descent.data.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.descent.core.Data;
import org.descent.core.Dataset;
import org.descent.core.SplitMix64;
import org.descent.testing.Contributions;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data sets of the engine issue: CSV (and its errors), the bundled digits, the bimodal sample. */
class DatasetTest {

    @TempDir
    Path dir;

    static Data load(String id, Map<String, ?> options) throws IOException {
        return Contributions.create("datasets", id, options, Dataset.class).load(new NullProgressMonitor());
    }

    Path csv(String content) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void digitsAreTheRealSet() throws IOException {
        Data d = load("digits", Map.of());
        assertEquals(1797, d.rows());
        assertEquals(64, d.shape().inputDim());
        assertEquals(10, d.shape().classes());
        int[] perClass = new int[10];
        double max = 0;
        for (int r = 0; r < d.rows(); r++) {
            perClass[(int) d.targets()[r]]++;
        }
        for (double v : d.inputs()) {
            max = Math.max(max, v);
        }
        // scikit-learn's load_digits: 178 zeros, 182 ones, ..., pixels 0..16 (scaled to [0,1] here)
        assertArrayEquals(new int[] { 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 }, perClass);
        assertEquals(1.0, max, 0);
        double rawMax = 0;
        for (double v : load("digits", Map.of("scale", false)).inputs()) {
            rawMax = Math.max(rawMax, v);
        }
        assertEquals(16.0, rawMax, 0);
    }

    @Test
    void bimodalFollowsTheRecipe() throws IOException {
        Data d = load("bimodal", Map.of());
        assertEquals(15000, d.rows());
        double first = 0;
        double second = 0;
        for (int i = 0; i < 10000; i++) {
            first += d.inputs()[i];
        }
        for (int i = 10000; i < 15000; i++) {
            second += d.inputs()[i];
        }
        assertEquals(0, first / 10000, 0.04);
        assertEquals(3, second / 5000, 0.05);
        assertArrayEquals(d.inputs(), d.targets(), "density data: the target is the input");
        assertArrayEquals(d.inputs(), load("bimodal", Map.of()).inputs(), "same seed, same sample");
        assertTrue(d.inputs()[0] != load("bimodal", Map.of("seed", 1)).inputs()[0], "another seed, another sample");
    }

    @Test
    void splitMix64MatchesItsSpecification() {
        // First outputs for seed 0 of the reference SplitMix64 (Vigna's splitmix64.c).
        SplitMix64 r = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, r.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, r.nextLong());
        int[] p = new SplitMix64(5).permutation(10);
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, sorted);
    }

    @Test
    void csvWithHeaderAndLabel() throws IOException {
        Path f = csv("a,b,y\n1,2,0\n3,4,1\n5,6,1\n");
        Data d = load("csv", Map.of("path", f.toString(), "label", "y"));
        assertEquals(3, d.rows());
        assertEquals(2, d.shape().inputDim());
        assertEquals(2, d.shape().classes());
        assertArrayEquals(new double[] { 1, 2, 3, 4, 5, 6 }, d.inputs());
        Data regression = load("csv", Map.of("path", f.toString(), "label", "a", "task", "regression"));
        assertEquals(0, regression.shape().classes());
        assertArrayEquals(new double[] { 1, 3, 5 }, regression.targets());
    }

    @Test
    void csvStandardizes() throws IOException {
        Path f = csv("a,y\n1,0\n3,1\n");
        Data d = load("csv", Map.of("path", f.toString(), "standardize", true));
        assertArrayEquals(new double[] { -1, 1 }, d.inputs(), 1e-15);
    }

    @Test
    void raggedRowIsNamedWithFileAndLine() throws IOException {
        Path f = csv("a,b,y\n1,2,0\n3,4\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("csv", Map.of("path", f.toString())));
        assertEquals(f + ":3: 2 cells, but the header has 3", e.getMessage());
    }

    @Test
    void nonNumericCellIsNamed() throws IOException {
        Path f = csv("a,b,y\n1,2,0\n3,x,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("csv", Map.of("path", f.toString())));
        assertEquals(f + ":3: column 2 (b): 'x' is not a number", e.getMessage());
    }

    @Test
    void nanIsRefused() throws IOException {
        Path f = csv("a,y\nNaN,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("csv", Map.of("path", f.toString())));
        assertTrue(e.getMessage().startsWith(f + ":2: column 1 (a): NaN is not allowed"), e.getMessage());
    }

    @Test
    void emptyFileAndMissingFileAndLabel() throws IOException {
        Path f = csv("");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("csv", Map.of("path", f.toString())));
        assertEquals(f + ": no data rows (the file is empty)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("csv", Map.of("path", dir.resolve("none.csv").toString())));
        assertTrue(e.getMessage().endsWith("none.csv: no such file"), e.getMessage());
        Path g = csv("a,y\n1,0\n");
        e = assertThrows(IllegalArgumentException.class, () -> load("csv", Map.of("path", g.toString(), "label", "z")));
        assertTrue(e.getMessage().contains("label=z") && e.getMessage().contains("columns are a, y"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("csv", Map.of()));
        assertEquals("dataset 'csv' needs path=FILE (csv:path=data.csv,label=y)", e.getMessage());
    }

    @Test
    void quotedCellsAndHeadersReadAsTheirText() throws IOException {
        Path f = csv("\"a, first\",\"y\"\n\"1\",\"0\"\n 3 , 1\n");
        Data d = load("csv", Map.of("path", f.toString(), "label", "y"));
        assertArrayEquals(new double[] { 1, 3 }, d.inputs(), 0);
        assertArrayEquals(new double[] { 0, 1 }, d.targets(), 0);
        assertEquals(java.util.List.of("a, first"), d.inputNames());
    }

    @Test
    void oneColumnIsASample() throws IOException {
        Path f = csv("x\n1.5\n-2\n4\n");
        Data d = load("csv", Map.of("path", f.toString()));
        assertEquals(3, d.rows());
        assertEquals(1, d.shape().inputDim());
        assertEquals(0, d.shape().classes());
        assertArrayEquals(new double[] { 1.5, -2, 4 }, d.targets(), 0);
        assertArrayEquals(new double[] { 1.5, -2, 4 }, d.inputs(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("csv", Map.of("path", f.toString(), "task", "classification")));
        assertTrue(e.getMessage().contains("has one column"), e.getMessage());
    }

    @Test
    void invalidUtf8AndFoldersAreNamed() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] { 'a', ',', 'y', '\n', '1', ',', '0', '\n', (byte) 0xe9, ',', '1', '\n' });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("csv", Map.of("path", f.toString())));
        assertTrue(e.getMessage().startsWith(f + ":3: not UTF-8 text"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("csv", Map.of("path", dir.toString())));
        assertEquals("csv: path=" + dir + ": is a folder; expected a file", e.getMessage());
    }
}
