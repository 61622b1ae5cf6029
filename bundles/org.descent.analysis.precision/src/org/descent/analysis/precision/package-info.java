/**
 * Simulated low-precision formats (fp16, bf16) and the mixed-precision training policy built on
 * them: parameters rounded onto the format's grid, loss scaling, and per-block statistics of the
 * gradient entries that underflow to zero or overflow.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.analysis.precision;
