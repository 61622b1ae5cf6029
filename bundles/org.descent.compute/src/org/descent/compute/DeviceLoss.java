package org.descent.compute;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A {@link org.descent.core.LossFunction} whose configuration a device computes with one of the
 * fused {@link LossRule}s. Optional: a device evaluator computes any other loss on the host from
 * the downloaded outputs.
 *
 * @since 0.1.0
 */
public interface DeviceLoss {

    /** The loss as configured, as a fused device loss, or null when this configuration has none. */
    @Nullable
    LossRule lossRule();
}
