package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.Test;

/** Files as a user gets them wrong: their encoding, quoting, XML, folders for files; each says what and where. */
class FileErrorsTest extends InRunStore {

    private static void assertNoClassNames(String err) {
        assertFalse(err.contains("Exception") || err.contains("org.xml") || err.contains("java."), err);
    }

    private static Result trainGaussian(String dataset, String... more) {
        String[] base = { "train", "--dataset", dataset, "--model", "gaussian:mu=1,sigma=1", "--loss", "gaussian-nll",
                "--optimizer", "gd:lr=0.05", "--steps", "3000", "--grad-tol", "1e-10", "--json" };
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void invalidUtf8InACsvExits2NamingFileAndLine() throws Exception {
        Path f = Files.write(dir.resolve("latin1.csv"), new byte[] { 'x', '\n', '1', '\n', '2', (byte) 0xe9, '\n', '3', '\n' });
        Result r = trainGaussian("csv:path=" + f);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(f + ":3: not UTF-8 text"), r.err());
        assertFalse(r.err().contains("Input length"), r.err());
    }

    @Test
    void quotedCellsTrainAndAreReadTheSameByTheTransportAnalysis() throws Exception {
        Path f = Files.writeString(dir.resolve("quoted.csv"), "\"x\",\"y\"\n\"1\",\"0\"\n\"2\",\"1\"\n\"3\",\"1\"\n");
        Result train = run("train", "--dataset", "csv:path=" + f + ",task=regression", "--model", "linear", "--loss", "mse",
                "--optimizer", "gd", "--steps", "2");
        assertEquals(0, train.code(), train.err());
        Path shifted = Files.writeString(dir.resolve("plain.csv"), "x,y\n2,0\n3,1\n4,1\n");
        Result w = run("analyze", "wasserstein", "--a", f.toString(), "--b", shifted.toString(), "--json");
        assertEquals(0, w.code(), w.err());
        Map<?, ?> values = assertInstanceOf(Map.class, Fixture.parse(w.out()).root());
        assertEquals(1.0, ((Number) values.get("cost")).doubleValue(), 1e-12, "a translation by (1,0) costs 1");
    }

    @Test
    void gaussianOnAOneColumnCsvReachesTheSampleMeanAndStandardDeviation() throws Exception {
        // x = 1, 2, 3, 4, 10: mean 4, maximum-likelihood σ = √(Σ(x−4)²/5) = √(50/5) = √10
        Path f = Files.writeString(dir.resolve("sample.csv"), "x\n1\n2\n3\n4\n10\n");
        Result r = trainGaussian("csv:path=" + f);
        assertEquals(0, r.code(), r.err());
        Map<?, ?> params = assertInstanceOf(Map.class, ((Map<?, ?>) Fixture.parse(r.out()).root()).get("parameters"));
        assertEquals(4.0, ((Number) params.get("mu")).doubleValue(), 1e-4);
        assertEquals(Math.sqrt(10), ((Number) params.get("sigma")).doubleValue(), 1e-4);
    }

    @Test
    void xmlErrorsSayWhatAndWhereInWords() throws Exception {
        Path f = Files.writeString(dir.resolve("broken.descent"), "<?xml version=\"1.0\"?>\n"
                + "<descent:Experiment xmlns:descent=\"http://descent.org/experiment/1.0\" name=\"x\">\n"
                + "  <dataset id=\"bimodal\">\n</descent:Experiment>\n", StandardCharsets.UTF_8);
        Result r = run("run", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(f + ":4:"), r.err());
        assertTrue(r.err().contains("dataset"), r.err());
        assertNoClassNames(r.err());
        assertFalse(r.err().contains("publicId") || r.err().contains("lineNumber:"), r.err());
    }

    @Test
    void aFolderWhereAFileIsExpectedSaysSo() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("data"));
        Result csv = trainGaussian("csv:path=" + folder);
        assertEquals(2, csv.code(), csv.err());
        assertTrue(csv.err().contains("csv: path=" + folder + ": is a folder; expected a file"), csv.err());
        Result experiment = run("run", folder.toString());
        assertEquals(2, experiment.code(), experiment.err());
        assertTrue(experiment.err().contains(folder + ": is a folder; expected a file"), experiment.err());
        Result samples = run("analyze", "wasserstein", "--a", folder.toString(), "--b", folder.toString());
        assertEquals(2, samples.code(), samples.err());
        assertTrue(samples.err().contains("option '--a': " + folder + ": is a folder; expected a file"), samples.err());
    }

    @Test
    void showOnAFolderThatIsNoRunExits2LikeResume() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("not-a-run"));
        Result show = run("show", folder.toString());
        assertEquals(2, show.code(), show.err());
        assertTrue(show.err().contains(folder + ": not a run folder"), show.err());
        assertEquals(2, run("resume", folder.toString()).code());
    }

    @Test
    void aContributionIsNamedOnce() {
        Result r = run("train", "--dataset", "bimodal", "--model", "mlp:hidden=abc", "--loss", "mse", "--optimizer", "gd");
        assertEquals(2, r.code(), r.err());
        int first = r.err().indexOf("model 'mlp'");
        assertTrue(first >= 0, r.err());
        assertEquals(-1, r.err().indexOf("model 'mlp'", first + 1), r.err());
    }

    @Test
    void outThatCannotBeCreatedSaysWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result r = trainGaussian("bimodal", "--out", file.resolve("run").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("option '--out': cannot create the folder " + file.resolve("run") + ": " + file
                + " is a file, not a folder"), r.err());
        Path p = Files.writeString(dir.resolve("p.csv"), "0\n1\n");
        Result a = run("analyze", "wasserstein", "--a", p.toString(), "--b", p.toString(), "--out", file.resolve("w").toString());
        assertEquals(2, a.code(), a.err());
        assertTrue(a.err().contains("cannot create the folder") && a.err().contains(file + " is a file, not a folder"), a.err());
    }
}
