/**
 * Descent's threading profiler: runs a workload (the GIL article's countdown loop, a blocking wait,
 * a CPU-bound thread beside an I/O-bound one, or the engine's own training step) in several
 * execution modes side by side — sequential, JVM platform and virtual threads, an emulated global
 * interpreter lock with Python 2's or Python 3's policy, child JVM processes and live CPython — and
 * measures wall and CPU time, lock hand-offs, waits and a per-thread timeline.
 * <p>
 * Entry point: {@link org.descent.profiler.GilBench}; options: {@link org.descent.profiler.GilOptions};
 * results: {@link org.descent.profiler.GilReport}, one {@link org.descent.profiler.ModeResult} per row.
 */
@NonNullByDefault
package org.descent.profiler;

import org.eclipse.jdt.annotation.NonNullByDefault;
