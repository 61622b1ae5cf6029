package org.descent.compute;

import org.eclipse.jdt.annotation.Nullable;

/**
 * An {@link org.descent.core.Optimizer} whose update, as configured, is one of the fused
 * {@link UpdateRule}s, with the same state arrays (names, layout, step count) as its
 * {@link org.descent.core.Optimizer.State}. The engine then keeps the parameters and this state on
 * the device between steps ({@link ResidentTraining}) and moves the state through
 * {@code saveState}/{@code restoreState} at the run's edges. Optional: any other optimizer updates
 * host copies of the parameters.
 *
 * @since 0.1.0
 */
public interface DeviceOptimizer {

    /** The update as configured, or null when this configuration has no fused rule. */
    @Nullable
    UpdateRule updateRule();
}
