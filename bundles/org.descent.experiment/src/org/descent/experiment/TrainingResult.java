package org.descent.experiment;

import java.util.Map;

import org.descent.core.RunStatus;

/**
 * How a training run ended.
 *
 * @param folder the run folder
 * @param status done, diverged, cancelled or failed
 * @param message why it ended ("budget of 1000 steps reached", "diverged at step 12: loss is NaN")
 * @param steps steps taken in total
 * @param epoch the epoch of the last step (0-based)
 * @param finalLoss the loss of the last step (before its update)
 * @param metrics final metrics: train_loss (full training set at the final parameters),
 *            val_loss, accuracy, val_accuracy where they apply
 * @param wallSeconds training time, over all sessions of a resumed run
 * @param parameters parameter values by block name, for models with at most 100 parameters
 *            (empty otherwise)
 *
 * @since 0.1.0
 */
public record TrainingResult(RunFolder folder, RunStatus status, String message, long steps, int epoch,
        double finalLoss, Map<String, Double> metrics, double wallSeconds, Map<String, double[]> parameters) {
}
