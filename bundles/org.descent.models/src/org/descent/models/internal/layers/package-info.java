/**
 * Layers for fp64 networks built from parts (dense, convolution, pooling, batch normalization,
 * dropout, residual blocks, binary layers): each layer computes its forward and backward pass on
 * a batch of examples stored row-major, one example after the other, channels x height x width.
 */
@NonNullByDefault
package org.descent.models.internal.layers;

import org.eclipse.jdt.annotation.NonNullByDefault;
