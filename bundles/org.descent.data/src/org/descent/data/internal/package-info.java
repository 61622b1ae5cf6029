/**
 * Descent's data sets: CSV files, the bundled 8x8 digits, and the source material's seeded
 * bimodal sample.
 */
@NonNullByDefault
package org.descent.data.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
