/**
 * The profiler's per-thread timeline: a zoomable canvas of coloured state bars per thread and
 * the SWT-free time range it shows. Not API.
 */
@NonNullByDefault
package org.descent.ui.profiler.timeline;

import org.eclipse.jdt.annotation.NonNullByDefault;
