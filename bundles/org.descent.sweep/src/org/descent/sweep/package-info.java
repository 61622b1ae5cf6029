/**
 * Sweeps: many runs as one study. A search space over the declared hyperparameters of an
 * experiment's contributions and its training settings ({@link org.descent.sweep.SearchSpace}),
 * trials drawn from it reproducibly, run in parallel through the same
 * {@link org.descent.experiment.Trainer} as one run, stopped early by ASHA
 * ({@link org.descent.sweep.Asha}), and kept as a folder of the run store that links its trials'
 * runs ({@link org.descent.sweep.SweepFolder}), which can be resumed after a kill.
 */
@NonNullByDefault
package org.descent.sweep;

import org.eclipse.jdt.annotation.NonNullByDefault;
