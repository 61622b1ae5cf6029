/** Descent Monitor and Run Comparison: implementation. Not API. */
@NonNullByDefault
package org.descent.ui.monitor.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
