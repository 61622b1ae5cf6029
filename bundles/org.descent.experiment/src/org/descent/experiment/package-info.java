/**
 * Experiments and runs: loading and saving {@code .descent} files (XMI of the EMF model in
 * {@link org.descent.experiment.model}), resolving an experiment against the contributions,
 * the run store ({@code <root>/<run>/} with run.descent, metrics.csv and checkpoints), and the
 * training engine that runs an experiment into a run folder and can resume it bit for bit.
 */
@NonNullByDefault
package org.descent.experiment;

import org.eclipse.jdt.annotation.NonNullByDefault;
