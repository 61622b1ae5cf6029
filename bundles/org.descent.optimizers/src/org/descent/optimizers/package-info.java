/**
 * Descent's optimizers and learning-rate schedules, each following PyTorch 1.13's
 * {@code torch.optim} definitions exactly (checked against 50-step PyTorch trajectories), and
 * the base class {@link org.descent.optimizers.ElementwiseOptimizer} for third-party optimizers
 * whose update is elementwise.
 */
@NonNullByDefault
package org.descent.optimizers;

import org.eclipse.jdt.annotation.NonNullByDefault;
