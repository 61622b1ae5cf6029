package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.descent.experiment.RunFolder;
import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * word2vec on the bundled Austen novels, trained with the README's command line, and queried with
 * descent words: the similarity fixture (fixtures/word2vec-neighbours.json) holds for the trained
 * vectors and fails for the random initial ones, and holds but for at most two pairs with
 * hierarchical softmax; analogies, JSON, and the messages for unknown words and bad options.
 */
class WordsCommandTest {

    @TempDir
    static Path dir;
    static Path trained;
    static Path untrained;

    /**
     * {@code descent train --dataset text --model word2vec:dim=50 --loss cross-entropy
     * --optimizer gd:lr=20 --schedule linear:start_factor=1,end_factor=0,total_iters=3657
     * --batch 1024 --epochs 3 --validation 0.01}: 1247668 training pairs make 1219 steps an epoch,
     * so the rate falls linearly to 0 over the three epochs, as in the C tool. With the mean loss
     * over 1024 pairs, lr 20 is about the C tool's 0.02 per pair.
     */
    @BeforeAll
    static void train() throws Exception {
        CommandLineTest.service();
        trained = dir.resolve("w2v");
        Result r = run("train", "--dataset", "text", "--model", "word2vec:dim=50", "--loss", "cross-entropy",
                "--optimizer", "gd:lr=20", "--schedule", "linear:start_factor=1,end_factor=0,total_iters=3657", "--batch",
                "1024", "--epochs", "3", "--validation", "0.01", "--out", trained.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = (Map<?, ?>) Fixture.parse(r.out()).root();
        assertEquals(3657, ((Number) json.get("steps")).intValue(), "three epochs of 1219 steps");
        System.out.println("word2vec training: " + json);
        // Output vectors start at zero, so one step leaves the input vectors at their random initial values.
        untrained = dir.resolve("untrained");
        Result u = run("train", "--dataset", "text", "--model", "word2vec:dim=50", "--loss", "cross-entropy",
                "--optimizer", "gd:lr=20", "--batch", "1024", "--steps", "1", "--out", untrained.toString());
        assertEquals(0, u.code(), u.err());
    }

    /** Each word's {@code top} nearest words, through descent words --json. */
    static Map<String, List<String>> nearest(Path run, Set<String> words, int top) {
        Result r = run("words", run.toString(), "--nearest", String.join(",", words), "--top", Integer.toString(top),
                "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = (Map<?, ?>) Fixture.parse(r.out()).root();
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Object q : (List<?>) json.get("nearest")) {
            Map<?, ?> m = (Map<?, ?>) q;
            out.put((String) m.get("word"),
                    ((List<?>) m.get("neighbours")).stream().map(n -> (String) ((Map<?, ?>) n).get("word")).toList());
        }
        return out;
    }

    /** The fixture's pairs that are not among each other's nearest words. */
    static List<String> failedPairs(Path run) throws Exception {
        Map<String, Object> f = Fixture.load(WordsCommandTest.class, "fixtures/word2vec-neighbours.json").object();
        int top = ((Number) f.get("top")).intValue();
        Set<String> words = new LinkedHashSet<>();
        List<List<?>> pairs = new ArrayList<>();
        for (Object p : (List<?>) f.get("pairs")) {
            pairs.add((List<?>) p);
            words.add((String) ((List<?>) p).get(0));
            words.add((String) ((List<?>) p).get(1));
        }
        Map<String, List<String>> near = nearest(run, words, top);
        List<String> failed = new ArrayList<>();
        for (List<?> p : pairs) {
            String a = (String) p.get(0);
            String b = (String) p.get(1);
            if (!near.get(a).contains(b) || !near.get(b).contains(a)) {
                failed.add(a + "/" + b);
            }
        }
        assertEquals(12, pairs.size());
        return failed;
    }

    @Test
    void trainedVectorsPassTheSimilarityFixtureAndRandomOnesDoNot() throws Exception {
        List<String> failed = failedPairs(trained);
        assertTrue(failed.isEmpty(), "pairs not among each other's 10 nearest words: " + failed);
        List<String> failedUntrained = failedPairs(untrained);
        System.out.println("word2vec fixture: untrained vectors fail " + failedUntrained.size() + " of 12 pairs");
        assertTrue(failedUntrained.size() >= 11, "random vectors pass " + (12 - failedUntrained.size()) + " pairs");
    }

    /**
     * The nearest words are the largest cosines of the run's input vectors, computed here from the
     * checkpoint and the saved vocabulary (block input.weight [V, 50] at offset 0, then
     * output.weight [V, 50], as the word2vec model declares its blocks).
     */
    @Test
    void nearestWordsAreTheLargestCosinesOfTheCheckpointsVectors() throws Exception {
        RunFolder folder = new RunFolder(trained);
        List<String> vocabulary = folder.readVocabularyTokens().orElseThrow();
        double[] theta = folder.latestCheckpoint().orElseThrow().parameters();
        int v = vocabulary.size();
        int dim = 50;
        assertEquals(2L * v * dim, theta.length, "input and output vectors, one of each per word");
        String query = "elizabeth";
        int q = vocabulary.indexOf(query);
        double[] cosine = new double[v];
        for (int w = 0; w < v; w++) {
            double dot = 0;
            double nq = 0;
            double nw = 0;
            for (int k = 0; k < dim; k++) {
                double a = theta[q * dim + k];
                double b = theta[w * dim + k];
                dot += a * b;
                nq += a * a;
                nw += b * b;
            }
            cosine[w] = dot / Math.sqrt(nq * nw);
        }
        List<Integer> expected = java.util.stream.IntStream.range(0, v).filter(w -> w != q).boxed()
                .sorted((a, b) -> Double.compare(cosine[b], cosine[a])).limit(5).toList();
        Result r = run("words", trained.toString(), "--nearest", query, "--top", "5", "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) ((Map<?, ?>) Fixture.parse(r.out()).root()).get("nearest")).get(0);
        List<?> neighbours = (List<?>) first.get("neighbours");
        assertEquals(expected.stream().map(vocabulary::get).toList(),
                neighbours.stream().map(n -> (String) ((Map<?, ?>) n).get("word")).toList());
        for (int i = 0; i < 5; i++) {
            assertEquals(cosine[expected.get(i)], ((Number) ((Map<?, ?>) neighbours.get(i)).get("cosine")).doubleValue(),
                    1e-9, vocabulary.get(expected.get(i)));
        }
    }

    @Test
    void hierarchicalSoftmaxLearnsTheSamePairs() throws Exception {
        Path hs = dir.resolve("hs");
        Result r = run("train", "--dataset", "text", "--model", "word2vec:dim=50,objective=hierarchical-softmax", "--loss",
                "cross-entropy", "--optimizer", "gd:lr=20", "--schedule",
                "linear:start_factor=1,end_factor=0,total_iters=3657", "--batch", "1024", "--epochs", "3", "--validation",
                "0.01", "--out", hs.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        System.out.println("word2vec hierarchical softmax: " + Fixture.parse(r.out()).root());
        List<String> failed = failedPairs(hs);
        System.out.println("word2vec fixture, hierarchical softmax: fails " + failed);
        // Hierarchical softmax learns less sharply in three epochs (here mr/mrs misses; in stand-alone trials with other
        // seeds it ranked 2 to 18): at least 10 of the 12 pairs, where random vectors hold at most one.
        assertTrue(failed.size() <= 2, "pairs not among each other's 10 nearest words: " + failed);
    }

    @Test
    void nearestAndAnalogyAsText() {
        Result r = run("words", trained.toString(), "--nearest", "elizabeth,two,mother", "--top", "5");
        assertEquals(0, r.code(), r.err());
        System.out.println(r.out());
        assertTrue(r.out().startsWith("Nearest to 'elizabeth' by cosine (run " + trained + ", step 3657; "), r.out());
        assertTrue(r.out().contains("Nearest to 'two'"), r.out());
        assertTrue(r.out().contains("   1  three "), "'three' is nearest to 'two': " + r.out());
        Result a = run("words", trained.toString(), "--analogy", "he:she::his:?", "--top", "3");
        assertEquals(0, a.code(), a.err());
        System.out.println(a.out());
        assertTrue(a.out().startsWith("he : she :: his : ?   (nearest to she - he + his; "), a.out());
        assertTrue(a.out().contains("   1  her "), "he is to she as his is to her: " + a.out());
        Result comma = run("words", trained.toString(), "--analogy", "he,she,his", "--top", "3", "--json");
        assertEquals(0, comma.code(), comma.err());
        Map<?, ?> json = (Map<?, ?>) Fixture.parse(comma.out()).root();
        assertEquals(Map.of("a", "he", "b", "she", "c", "his"), json.get("analogy"));
        List<?> answers = (List<?>) json.get("answers");
        assertEquals(3, answers.size());
        assertEquals("her", ((Map<?, ?>) answers.get(0)).get("word"));
        assertEquals(3657, ((Number) json.get("step")).intValue());
        assertEquals(50, ((Number) json.get("dim")).intValue());
        Result upper = run("words", trained.toString(), "--nearest", "Darcy", "--top", "1", "--json");
        assertEquals(0, upper.code(), upper.err());
        assertTrue(upper.out().contains("\"word\": \"darcy\""), "a capitalised query finds the lowercased word");
    }

    /** The run keeps its vocabulary; vectors are never read against a vocabulary that changed. */
    @Test
    void aChangedVocabularyIsRefused() throws Exception {
        Path saved = untrained.resolve("vocabulary.tsv");
        List<String> lines = Files.readAllLines(saved);
        Path copy = dir.resolve("changed");
        Files.createDirectories(copy);
        try (var files = Files.walk(untrained)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(untrained.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        List<String> swapped = new ArrayList<>(lines);
        java.util.Collections.swap(swapped, 0, 1);
        Files.write(copy.resolve("vocabulary.tsv"), swapped);
        Result r = run("words", copy.toString(), "--nearest", "he");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("changed since the run: word 1 of the vocabulary was '"
                + swapped.get(0).split("\t")[0] + "'"), r.err());
    }

    @Test
    void unknownWordsAndBadOptionsExitWith2() {
        Result typo = run("words", trained.toString(), "--nearest", "he,elizabth");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("descent words: 'elizabth' is not in the run's vocabulary of "), typo.err());
        assertTrue(typo.err().contains("words; close matches: elizabeth"), typo.err());
        System.out.println(typo.err());
        Result none = run("words", trained.toString(), "--analogy", "qqqqqqq:he::she:?");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("'qqqqqqq' is not in the run's vocabulary") && none.err().contains("no close matches"),
                none.err());
        Result neither = run("words", trained.toString());
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("give one of --nearest WORD[,WORD...] and --analogy A:B::C:?"), neither.err());
        Result top = run("words", trained.toString(), "--nearest", "he", "--top", "0");
        assertEquals(2, top.code());
        assertTrue(top.err().contains("option '--top': '0' is not valid, expected a whole number >= 1"), top.err());
        Result analogy = run("words", trained.toString(), "--analogy", "he:she");
        assertEquals(2, analogy.code());
        assertTrue(analogy.err().contains("option '--analogy': 'he:she' is not A:B::C:? or A,B,C"), analogy.err());
        Result notRun = run("words", dir.toString(), "--nearest", "he");
        assertEquals(2, notRun.code());
        assertTrue(notRun.err().contains("is not a run folder"), notRun.err());
        Path gaussian = dir.resolve("gaussian");
        assertEquals(0, run("train", "--dataset", "bimodal", "--model", "gaussian", "--loss", "gaussian-nll", "--optimizer",
                "gd:lr=0.1", "--steps", "2", "--out", gaussian.toString()).code());
        Result plain = run("words", gaussian.toString(), "--nearest", "he");
        assertEquals(2, plain.code());
        assertTrue(plain.err().contains("the run's data set 'bimodal' has no vocabulary: descent words reads word2vec runs"),
                plain.err());
    }
}
