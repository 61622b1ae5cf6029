/**
 * Descent's loss functions and regularizers. Each loss is the mean over a batch (PyTorch's
 * {@code reduction='mean'}, or {@code 'batchmean'} for KL), with its gradient with respect to
 * the model's outputs; values and gradients are checked against PyTorch 1.13 fixtures and
 * finite differences.
 */
@NonNullByDefault
package org.descent.losses.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
