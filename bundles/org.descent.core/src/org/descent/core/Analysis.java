package org.descent.core;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * An analysis contribution: reads a model at a point of its training (a run's checkpoint, or an
 * experiment's initial parameters) or two samples given as files, and returns an
 * {@link AnalysisResult}. Configured once from its declared hyperparameters, which are also its
 * command-line options ({@code descent analyze ID --k 5}).
 * <p>
 * An analysis writes nothing itself: the caller stores the result (in the run folder, or where
 * {@code --out} says) and renders it (text, JSON, views).
 *
 * @since 0.1.0
 */
public interface Analysis extends Configurable {

    /**
     * Runs the analysis.
     *
     * @param input what to analyse: a {@link Subject} or sample files, as the contribution's
     *            {@code needs} attribute declares
     * @param monitor progress; checked regularly, and a cancelled monitor ends the analysis with
     *            {@link org.eclipse.core.runtime.OperationCanceledException}
     * @throws IllegalArgumentException when the input or the options do not fit (k larger than
     *             the number of parameters, mismatched weights); the message names what and where
     * @throws IOException when an input file cannot be read
     */
    AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) throws IOException;
}
