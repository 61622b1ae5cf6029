/**
 * Descent's data sets: files (CSV, NumPy .npy/.npz, MNIST's IDX, plain text as word2vec pairs
 * with bundled Austen novels), the bundled 8x8 digits, and
 * seeded synthetic problems (bimodal sample, blobs, moons, spirals, xor, linear
 * regression, token sequences).
 */
@NonNullByDefault
package org.descent.data.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
