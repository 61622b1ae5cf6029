/**
 * Descent's data sets: files (CSV, NumPy .npy/.npz, MNIST's IDX), the bundled 8x8 digits, and
 * seeded synthetic problems (bimodal sample, blobs, moons, spirals, xor, linear
 * regression, token sequences).
 */
@NonNullByDefault
package org.descent.data.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
