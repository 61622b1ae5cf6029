/** Charts for Descent's views: line charts with labelled axes, heatmaps, decimation, PNG and CSV export. API. */
@NonNullByDefault
package org.descent.ui.charts;

import org.eclipse.jdt.annotation.NonNullByDefault;
