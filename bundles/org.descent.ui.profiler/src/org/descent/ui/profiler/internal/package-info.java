/** Descent Profiler Views: implementation. Not API. */
@NonNullByDefault
package org.descent.ui.profiler.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
