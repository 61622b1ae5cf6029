/**
 * The Lion optimizer, the sigmoid focal loss and the update-sign-agreement analysis: an example
 * of a third-party plugin that contributes to Descent's three most used extension points, built
 * against the Descent SDK only.
 */
@NonNullByDefault
package org.example.descent.lion;

import org.eclipse.jdt.annotation.NonNullByDefault;
