package org.descent.ui.analysis;

import java.io.IOException;

import org.descent.ui.analysis.internal.Tables;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * The tabs every analysis renderer shows, for renderers of Descent and of third-party plugins
 * alike: a chart tab first ({@link #chartTab}), then the report and one tab per table
 * ({@link #addReportAndTables}). Called on the UI thread.
 *
 * @since 0.1.0
 */
public final class AnalysisTabs {

    private AnalysisTabs() {
    }

    /** Adds the report's tab and one tab per table (read from its CSV file if stored). */
    public static void addReportAndTables(CTabFolder tabs, StoredAnalysis result) throws IOException {
        addReport(tabs, result);
        for (String name : result.tableNames()) {
            CTabItem item = new CTabItem(tabs, SWT.NONE);
            item.setText(name + " (" + result.table(name).rows().size() + ")");
            item.setControl(Tables.of(tabs, result.table(name)));
        }
    }

    /** Adds a tab titled {@code title} holding a composite (FillLayout) for a chart, and returns the composite. */
    public static Composite chartTab(CTabFolder tabs, String title) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        Composite c = new Composite(tabs, SWT.NONE);
        c.setLayout(new FillLayout());
        item.setControl(c);
        return c;
    }

    /** Adds a tab with the report in a fixed-width font. */
    public static void addReport(CTabFolder tabs, StoredAnalysis result) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText("Report");
        Text text = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setText(result.report());
        item.setControl(text);
    }
}
