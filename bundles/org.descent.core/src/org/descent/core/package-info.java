/**
 * Descent's public core API: the contribution registry and the hyperparameter declarations
 * that every optimizer, loss, model, data set, analysis and probe makes once.
 * <p>
 * This package knows no SWT, no EMF edit and no ND4J.
 */
@NonNullByDefault
package org.descent.core;

import org.eclipse.jdt.annotation.NonNullByDefault;
