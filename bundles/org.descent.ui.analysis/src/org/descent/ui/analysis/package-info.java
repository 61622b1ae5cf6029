/**
 * Descent Analysis Views: API for renderers of stored analysis results, contributed through the
 * extension point {@code org.descent.ui.analysis.renderers}.
 */
@NonNullByDefault
package org.descent.ui.analysis;

import org.eclipse.jdt.annotation.NonNullByDefault;
