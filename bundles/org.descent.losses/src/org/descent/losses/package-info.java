/**
 * Public helpers for losses, for Descent's own and for third-party plugins: checking that a
 * data set has class labels, reading a label from a target value with a message that names the
 * row, and counting correct predictions for {@link org.descent.core.LossFunction#correct}.
 * <p>
 * API since 0.1.0; the package version follows semantic versioning (a minor step adds, a major
 * step breaks). The loss implementations themselves are in {@code org.descent.losses.internal}
 * and are not API.
 *
 * @since 0.1.0
 */
@NonNullByDefault
package org.descent.losses;

import org.eclipse.jdt.annotation.NonNullByDefault;
