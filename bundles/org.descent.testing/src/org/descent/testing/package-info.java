/**
 * Support for Descent's test bundles: reading committed JSON fixtures, and finite-difference
 * gradient checks. Not part of the product.
 */
@NonNullByDefault
package org.descent.testing;

import org.eclipse.jdt.annotation.NonNullByDefault;
