package org.descent.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What an analysis is given: a model at a point with its data ({@link #subject()}), named input
 * files ({@code a}, {@code b}, {@code weights-a}, {@code weights-b}), or both.
 *
 * @param subject the model at a point, when a run or an experiment was given
 * @param files input files by option name
 *
 * @since 0.1.0
 */
public record AnalysisInput(Optional<Subject> subject, Map<String, Path> files) {

    public AnalysisInput {
        files = Map.copyOf(files);
    }

    /** The subject, or an {@link IllegalArgumentException} saying the analysis needs one. */
    public Subject requireSubject(String analysis) {
        return subject.orElseThrow(() -> new IllegalArgumentException(
                "analysis '" + analysis + "' needs a model: give --run DIR or --experiment FILE"));
    }

    /** A named file, or an {@link IllegalArgumentException} naming the missing option. */
    public Path requireFile(String analysis, String name) {
        Path p = files.get(name);
        if (p == null) {
            throw new IllegalArgumentException("analysis '" + analysis + "' needs --" + name + " FILE");
        }
        return p;
    }
}
