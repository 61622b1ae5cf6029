/**
 * Charts for Descent's views (API, stable): {@link org.descent.ui.charts.LineChart} (line and
 * scatter charts on SWTChart with a title, titled axes, a legend, a logarithmic y axis that counts
 * the values it cannot show, PNG and CSV export from the context menu or from code),
 * {@link org.descent.ui.charts.Heatmap} (a grid of values in colour with a colour scale, titled
 * axes, contour lines and polylines over it in data coordinates),
 * {@link org.descent.ui.charts.Decimation} (min/max decimation to about two points per pixel),
 * {@link org.descent.ui.charts.GrowingSeries} (a series appended by one thread while drawn,
 * decimated incrementally) and {@link org.descent.ui.charts.SeriesCsv} (the CSV that charts
 * export). {@link org.descent.ui.charts.XYData}, {@code Decimation}, {@code GrowingSeries} and
 * {@code SeriesCsv} use no SWT.
 */
@NonNullByDefault
package org.descent.ui.charts;

import org.eclipse.jdt.annotation.NonNullByDefault;
