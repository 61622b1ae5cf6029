/**
 * What the workbench's own JVM is doing while it trains, from Java Flight Recorder streaming and
 * thread-state sampling: per-thread states, contention, CPU and allocation, and the JVM's
 * allocation rate, GC pauses and CPU load over time. Free of SWT so that it can be tested and
 * reused headless. Not API.
 */
@NonNullByDefault
package org.descent.ui.profiler.jvm;

import org.eclipse.jdt.annotation.NonNullByDefault;
