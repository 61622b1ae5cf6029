package org.descent.experiment.tests;

import static org.descent.experiment.tests.Experiments.assertResumesBitIdentically;
import static org.descent.experiment.tests.Experiments.experiment;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.descent.experiment.RunFolder;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * word2vec trained by the engine on the 300 most frequent words of the bundled text, with both
 * objectives: the negatives come from the step's seed, so a cancelled run resumes bit-identically,
 * and the validation loss (the model's own objective) ends below the first step's loss.
 */
class Word2VecTrainingTest {

    @TempDir
    Path dir;

    static Experiment small(String objective) {
        Experiment e = experiment("text:max_vocabulary=300", "word2vec:dim=16,objective=" + objective, "cross-entropy",
                "gd:lr=20", 60);
        e.setBatchSize(1024);
        e.setValidationFraction(0.01);
        e.setCheckpointEvery(20);
        return e;
    }

    @Test
    void negativeSamplingResumesBitIdentically() throws Exception {
        resumesAndLearns("negative-sampling");
    }

    @Test
    void hierarchicalSoftmaxResumesBitIdentically() throws Exception {
        resumesAndLearns("hierarchical-softmax");
    }

    private void resumesAndLearns(String objective) throws Exception {
        TrainingResult whole = assertResumesBitIdentically(() -> small(objective), dir, 30).whole();
        List<String> rows = Files.readAllLines(dir.resolve("whole").resolve(RunFolder.METRICS_FILE), StandardCharsets.UTF_8);
        int column = List.of(rows.get(0).split(",")).indexOf("loss");
        double first = Double.parseDouble(rows.get(1).split(",")[column]);
        double val = whole.metrics().get("val_loss");
        System.out.printf("word2vec %s, 60 steps on 300 words: first step's loss %.4f, validation loss %.4f%n", objective,
                first, val);
        // Negative sampling starts at (1 + k)·log 2 with its zero output vectors and falls fast. Hierarchical softmax
        // starts at the context word's Huffman code length times log 2 (5.69 nats here), which already encodes the word
        // frequencies, and gains what the center word adds: 0.23 nats in these 60 steps.
        double gain = objective.equals("negative-sampling") ? 1.0 : 0.1;
        assertTrue(val < first - gain, "validation loss " + val + " against the first step's " + first);
    }
}
