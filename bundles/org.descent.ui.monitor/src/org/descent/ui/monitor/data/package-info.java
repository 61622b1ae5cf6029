/**
 * The monitor's and the comparison's data, without SWT: the series of a run
 * ({@link org.descent.ui.monitor.data.RunSeries}) recorded from a live run
 * ({@link org.descent.ui.monitor.data.LiveRecorder}) or followed in its files
 * ({@link org.descent.ui.monitor.data.CsvFollower}), the runs a monitor shows
 * ({@link org.descent.ui.monitor.data.MonitorModel}, which also writes their CSV) and the
 * comparison's rows, columns, sorting, filtering and difference
 * ({@link org.descent.ui.monitor.data.RunTable}). Not API.
 */
@NonNullByDefault
package org.descent.ui.monitor.data;

import org.eclipse.jdt.annotation.NonNullByDefault;
