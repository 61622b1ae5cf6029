/**
 * Descent's compute backend API: {@link org.descent.compute.Backend}s (contributed as OSGi
 * services, so a third party can add one) see {@link org.descent.compute.Device}s; a device holds
 * {@link org.descent.compute.Tensor}s in fp32 or fp64 and runs the {@link org.descent.compute.Ops}
 * that the layer framework and the optimizers need on them. {@link org.descent.compute.Backends}
 * lists the installed backends and resolves a {@code --device} value.
 * <p>
 * Conventions for every operation: tensors are dense and row-major (images NCHW); values move
 * between the host and a device only through {@link org.descent.compute.Tensor#write} and
 * {@link org.descent.compute.Tensor#read}, so a training step copies at its edges only.
 * <p>
 * This package knows no SWT, no EMF and no ND4J.
 */
@NonNullByDefault
package org.descent.compute;

import org.eclipse.jdt.annotation.NonNullByDefault;
