package org.descent.ui.analysis.internal;

import java.io.IOException;

import org.descent.ui.analysis.AnalysisRenderer;
import org.descent.ui.analysis.StoredAnalysis;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.jface.resource.JFaceResources;

/** Any analysis: its report text and every table, one tab each. */
public final class ReportRenderer implements AnalysisRenderer {

    @Override
    public void render(Composite parent, StoredAnalysis result) throws IOException {
        CTabFolder tabs = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        addReportAndTables(tabs, result);
        tabs.setSelection(0);
    }

    /** Adds the report's tab and one tab per table. */
    public static void addReportAndTables(CTabFolder tabs, StoredAnalysis result) throws IOException {
        addReport(tabs, result);
        for (String name : result.tableNames()) {
            CTabItem item = new CTabItem(tabs, SWT.NONE);
            item.setText(name + " (" + result.table(name).rows().size() + ")");
            item.setControl(Tables.of(tabs, result.table(name)));
        }
    }

    /** A tab folder whose first tab, titled {@code title}, holds a composite (FillLayout) for a chart. */
    public static Composite chartTab(CTabFolder tabs, String title) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        Composite c = new Composite(tabs, SWT.NONE);
        c.setLayout(new org.eclipse.swt.layout.FillLayout());
        item.setControl(c);
        return c;
    }

    /** A tab with the report in a fixed-width font. */
    public static void addReport(CTabFolder tabs, StoredAnalysis result) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText("Report");
        Text text = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        Font mono = JFaceResources.getTextFont();
        text.setFont(mono);
        text.setText(result.report());
        item.setControl(text);
    }
}
