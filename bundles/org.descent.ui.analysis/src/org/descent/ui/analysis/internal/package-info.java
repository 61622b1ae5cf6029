/** Descent Analysis Views: implementation. Not API. */
@NonNullByDefault
package org.descent.ui.analysis.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
