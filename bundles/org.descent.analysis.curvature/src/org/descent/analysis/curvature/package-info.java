/**
 * Curvature of a training objective: Hessian-vector products, the exact Hessian of small
 * models, a symmetric eigensolver and the Lanczos method. Used by the {@code hessian} and
 * {@code hessian-density} analyses and by other bundles (landscapes along eigenvectors).
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.analysis.curvature;
