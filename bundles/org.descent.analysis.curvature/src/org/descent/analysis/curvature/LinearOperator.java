package org.descent.analysis.curvature;

/**
 * A symmetric linear map on R^n, given by its products with vectors (a Hessian, a block of it).
 *
 * @since 0.1.0
 */
public interface LinearOperator {

    /** The dimension n. */
    int dimension();

    /**
     * Computes {@code out = A v}.
     *
     * @param v a vector of length n (not modified)
     * @param out receives the product (overwritten)
     */
    void apply(double[] v, double[] out);
}
