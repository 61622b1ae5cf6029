/**
 * The {@code cpu} compute backend: tensors are Java arrays, matrix products go to the
 * {@link org.descent.core.Blas} service (OpenBLAS) when installed and to plain loops otherwise,
 * convolutions are im2col and GEMM over cache-sized chunks of the batch, and work is split over
 * {@code threads} host threads by examples or channels in a fixed partition (so a thread count
 * gives the same bits on every run).
 */
@NonNullByDefault
package org.descent.compute.cpu.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
