/** Descent Analysis: Optimizer Race: implementation. Not API. */
@NonNullByDefault
package org.descent.analysis.race.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
