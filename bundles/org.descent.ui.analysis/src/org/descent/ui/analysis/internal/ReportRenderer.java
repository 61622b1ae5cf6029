package org.descent.ui.analysis.internal;

import java.io.IOException;

import org.descent.ui.analysis.AnalysisRenderer;
import org.descent.ui.analysis.AnalysisTabs;
import org.descent.ui.analysis.StoredAnalysis;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Composite;

/** Any analysis: its report text and every table, one tab each. */
public final class ReportRenderer implements AnalysisRenderer {

    @Override
    public void render(Composite parent, StoredAnalysis result) throws IOException {
        CTabFolder tabs = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        AnalysisTabs.addReportAndTables(tabs, result);
        tabs.setSelection(0);
    }
}
