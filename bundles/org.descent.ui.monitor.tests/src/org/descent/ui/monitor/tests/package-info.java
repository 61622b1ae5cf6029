/** Tests of the chart API (org.descent.ui.charts), the monitor's data and the Monitor and Run Comparison views. */
@NonNullByDefault
package org.descent.ui.monitor.tests;

import org.eclipse.jdt.annotation.NonNullByDefault;
