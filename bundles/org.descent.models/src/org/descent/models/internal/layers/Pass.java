package org.descent.models.internal.layers;

import org.descent.core.SplitMix64;

/**
 * What a forward pass is for: training (dropout active, batch statistics used and running
 * statistics updated) or evaluation, and the random numbers it may draw.
 *
 * @param training whether this is a training pass
 * @param random the pass's random numbers (seeded from the batch)
 */
public record Pass(boolean training, SplitMix64 random) {
}
