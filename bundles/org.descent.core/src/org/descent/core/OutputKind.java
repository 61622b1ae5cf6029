package org.descent.core;

/**
 * What a model's output row means to the loss that reads it.
 *
 * @since 0.1.0
 */
public enum OutputKind {
    /** Real values compared with real targets (MSE, L1, Huber). */
    VALUES,
    /** Unnormalised class scores (cross-entropy, hinge) or log-odds (binary cross-entropy). */
    LOGITS,
    /** Log-probabilities over classes (KL divergence). */
    LOG_PROBABILITIES,
    /** A Gaussian per target: mean and variance. */
    GAUSSIAN,
    /** A k-component 1-D Gaussian mixture: k logits, k means, k standard deviations. */
    MIXTURE
}
