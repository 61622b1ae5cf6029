/** Descent Threading Profiler: implementation. Not API. */
@NonNullByDefault
package org.descent.profiler.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
