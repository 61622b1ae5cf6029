package org.descent.headless.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.descent.core.ContributionRegistry;
import org.descent.core.Data;
import org.descent.core.ParameterBlock;
import org.descent.core.Vocabulary;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.model.Run;
import org.descent.headless.UsageException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * The word vectors of a run: the rows of its model's {@code input.weight [V, dim]} block at the
 * run's latest checkpoint, with the vocabulary of its data set, which is loaded again from the
 * run's recorded settings (a text data set's vocabulary depends on the text and the word options,
 * not on the seed). Vectors are kept normalised to unit length, so a dot product is a cosine.
 */
final class WordVectors {

    /** The name of the block holding the word vectors. */
    static final String BLOCK = "input.weight";

    /** A word and its cosine similarity to a query. */
    record Neighbour(String word, double cosine) {
    }

    private final Vocabulary vocabulary;
    private final int dim;
    private final long step;
    private final double[] unit;

    WordVectors(Vocabulary vocabulary, double[] vectors, int offset, int dim, long step) {
        this.vocabulary = vocabulary;
        this.dim = dim;
        this.step = step;
        int v = vocabulary.size();
        unit = new double[v * dim];
        for (int w = 0; w < v; w++) {
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                double x = vectors[offset + w * dim + i];
                norm += x * x;
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int i = 0; i < dim; i++) {
                unit[w * dim + i] = vectors[offset + w * dim + i] * scale;
            }
        }
    }

    /**
     * Reads a run's word vectors.
     *
     * @throws UsageException when the folder is no run, has no checkpoint, or its model or data has
     *             no word vectors or vocabulary
     */
    static WordVectors load(Path dir, ContributionRegistry registry) throws UsageException, IOException {
        RunFolder folder = new RunFolder(dir);
        if (!folder.isRun()) {
            throw new UsageException(dir + " is not a run folder (it has no " + RunFolder.RUN_FILE + ")");
        }
        Run run;
        ResolvedExperiment plan;
        try {
            run = folder.readRun();
            plan = ResolvedExperiment.resolve(EcoreUtil.copy(run.getExperiment()), registry, folder.runFile());
        } catch (ExperimentException e) {
            throw new UsageException(e.problems().get(0));
        }
        Optional<Checkpoint> checkpoint = folder.latestCheckpoint();
        if (checkpoint.isEmpty()) {
            throw new UsageException(dir + " has no checkpoint to read word vectors from");
        }
        String datasetId = plan.dataset().contribution().id();
        String modelId = plan.model().contribution().id();
        Data data;
        try {
            data = plan.dataset().implementation().load(new NullProgressMonitor());
        } catch (IllegalArgumentException e) {
            throw new UsageException("the run's data set '" + datasetId + "' no longer loads: " + e.getMessage());
        }
        Vocabulary vocabulary = data.vocabulary();
        if (vocabulary == null) {
            throw new UsageException("the run's data set '" + datasetId + "' has no vocabulary: descent words reads"
                    + " word2vec runs on --dataset text");
        }
        Optional<List<String>> saved = folder.readVocabularyTokens();
        if (saved.isPresent()) {
            List<String> tokens = saved.get();
            for (int i = 0; i < Math.max(tokens.size(), vocabulary.size()); i++) {
                String was = i < tokens.size() ? tokens.get(i) : "(none)";
                String now = i < vocabulary.size() ? vocabulary.token(i) : "(none)";
                if (!was.equals(now)) {
                    throw new UsageException("the run's data set '" + datasetId + "' changed since the run: word " + (i + 1)
                            + " of the vocabulary was '" + was + "' (" + folder.vocabularyFile() + ") and is '" + now + "' now");
                }
            }
        }
        List<ParameterBlock> blocks;
        try {
            blocks = plan.model().implementation().bind(data.shape(), plan.loss().implementation());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ParameterBlock vectors = blocks.stream().filter(b -> b.name().equals(BLOCK)).findFirst().orElse(null);
        if (vectors == null || vectors.shape().length != 2 || vectors.shape()[0] != vocabulary.size()) {
            throw new UsageException("the run's model '" + modelId + "' has no word vectors (a block " + BLOCK
                    + " with one row per word of the " + vocabulary.size() + "-word vocabulary): descent words reads"
                    + " word2vec runs");
        }
        double[] parameters = checkpoint.get().parameters();
        if (parameters.length != ParameterBlock.total(blocks)) {
            throw new UsageException(dir + ": the checkpoint holds " + parameters.length + " parameters but model '"
                    + modelId + "' on the reloaded data has " + ParameterBlock.total(blocks)
                    + ": the data set changed since the run");
        }
        return new WordVectors(vocabulary, parameters, vectors.offset(), vectors.shape()[1], checkpoint.get().step());
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    int dim() {
        return dim;
    }

    /** The optimizer step of the checkpoint the vectors come from. */
    long step() {
        return step;
    }

    /**
     * The index of a word, or else of its lowercase form.
     *
     * @throws UsageException naming the word and its close matches when it is not in the vocabulary
     */
    int index(String word) throws UsageException {
        Optional<Integer> i = vocabulary.indexOf(word).or(() -> vocabulary.indexOf(word.toLowerCase(Locale.ROOT)));
        if (i.isPresent()) {
            return i.get();
        }
        List<String> close = closeMatches(word, 5);
        throw new UsageException("'" + word + "' is not in the run's vocabulary of " + vocabulary.size() + " words; "
                + (close.isEmpty() ? "no close matches" : "close matches: " + String.join(", ", close)));
    }

    /** The {@code k} words most similar to {@code word}, itself left out. */
    List<Neighbour> nearest(int word, int k) {
        return best(unit, word * dim, k, List.of(word));
    }

    /**
     * The C tool's word analogy, a is to b as c is to ?: the {@code k} words nearest to the unit
     * vector along {@code b - a + c} (of unit vectors), leaving out a, b and c.
     */
    List<Neighbour> analogy(int a, int b, int c, int k) {
        double[] q = new double[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            q[i] = unit[b * dim + i] - unit[a * dim + i] + unit[c * dim + i];
            norm += q[i] * q[i];
        }
        for (int i = 0; i < dim; i++) {
            q[i] = norm > 0 ? q[i] / Math.sqrt(norm) : 0;
        }
        return best(q, 0, k, List.of(a, b, c));
    }

    /** Cosine similarity of two words. */
    double cosine(int a, int b) {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            s += unit[a * dim + i] * unit[b * dim + i];
        }
        return s;
    }

    private List<Neighbour> best(double[] query, int offset, int k, List<Integer> excluded) {
        int v = vocabulary.size();
        double[] cos = new double[v];
        List<Integer> candidates = new ArrayList<>();
        for (int w = 0; w < v; w++) {
            if (excluded.contains(w)) {
                continue;
            }
            double s = 0;
            for (int i = 0; i < dim; i++) {
                s += query[offset + i] * unit[w * dim + i];
            }
            cos[w] = s;
            candidates.add(w);
        }
        candidates.sort(Comparator.comparingDouble((Integer w) -> -cos[w]).thenComparingInt(w -> w));
        List<Neighbour> out = new ArrayList<>();
        for (int w : candidates.subList(0, Math.min(k, candidates.size()))) {
            out.add(new Neighbour(vocabulary.token(w), cos[w]));
        }
        return out;
    }

    /** Vocabulary words within edit distance 2 of a word, closest and then most frequent first. */
    List<String> closeMatches(String word, int max) {
        record Match(String word, int distance, int rank) {
        }
        List<Match> matches = new ArrayList<>();
        String lower = word.toLowerCase(Locale.ROOT);
        for (int w = 0; w < vocabulary.size(); w++) {
            String t = vocabulary.token(w);
            if (Math.abs(t.length() - lower.length()) <= 2) {
                int d = CommandLine.distance(lower, t.toLowerCase(Locale.ROOT));
                if (d <= 2) {
                    matches.add(new Match(t, d, w));
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::distance).thenComparingInt(Match::rank));
        return matches.stream().limit(max).map(Match::word).toList();
    }
}
