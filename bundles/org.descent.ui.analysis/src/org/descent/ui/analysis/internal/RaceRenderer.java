package org.descent.ui.analysis.internal;

import java.io.IOException;

import org.descent.ui.analysis.AnalysisRenderer;
import org.descent.ui.analysis.AnalysisTabs;
import org.descent.ui.analysis.StoredAnalysis;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;

/** {@code race}: the contour plot with every trajectory, then the report and the tables. */
public final class RaceRenderer implements AnalysisRenderer {

    @Override
    public void render(org.eclipse.swt.widgets.Composite parent, StoredAnalysis result) throws IOException {
        CTabFolder tabs = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        new RacePlot(AnalysisTabs.chartTab(tabs, "Race"), SWT.NONE).show(result);
        AnalysisTabs.addReportAndTables(tabs, result);
        tabs.setSelection(0);
    }
}
