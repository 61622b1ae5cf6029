/**
 * Information measures (entropy, cross-entropy, Kullback–Leibler and Jensen–Shannon divergences)
 * and optimal transport (exact network simplex, Sinkhorn in kernel and log domain, the 1-D closed
 * form) on plain {@code double[]} arrays, for analyses and for other bundles (a Sinkhorn loss).
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.analysis.distributions;
