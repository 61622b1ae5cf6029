package org.example.descent.lion.ui;

import java.io.IOException;

import org.descent.core.AnalysisResult;
import org.descent.ui.analysis.AnalysisRenderer;
import org.descent.ui.analysis.AnalysisTabs;
import org.descent.ui.analysis.StoredAnalysis;
import org.descent.ui.charts.LineChart;
import org.descent.ui.charts.XYData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Composite;

/**
 * Draws a sign-agreement result: one line per layer over the run's steps (the {@code steps}
 * table), the 0.5 of coin flips dashed for reference; then Descent's report and table tabs.
 */
public final class SignAgreementRenderer implements AnalysisRenderer {

    @Override
    public void render(Composite parent, StoredAnalysis result) throws IOException {
        CTabFolder tabs = new CTabFolder(parent, SWT.BORDER | SWT.BOTTOM);
        AnalysisResult.Table steps = result.table("steps");
        LineChart chart = new LineChart(AnalysisTabs.chartTab(tabs, "Sign agreement"),
                String.format(java.util.Locale.ROOT, "Update sign agreement per layer (overall %.3f)",
                        result.number("agreement")),
                "step", "share of coordinates keeping their update's sign");
        double[] step = steps.column("step");
        java.util.List<?> names = result.values().get("block_names") instanceof java.util.List<?> l ? l : java.util.List.of();
        for (int b = 1; b < steps.columns().size(); b++) {
            String label = b - 1 < names.size() ? String.valueOf(names.get(b - 1)) : steps.columns().get(b);
            chart.setSeries(steps.columns().get(b), label, XYData.of(step, steps.column(steps.columns().get(b))),
                    LineChart.color(b - 1), LineChart.Style.LINE);
        }
        if (step.length > 0) {
            chart.setSeries("chance", "0.5 (independent signs)",
                    XYData.of(new double[] { step[0], step[step.length - 1] }, new double[] { 0.5, 0.5 }),
                    LineChart.color(7), LineChart.Style.DASHED);
        }
        AnalysisTabs.addReportAndTables(tabs, result);
        tabs.setSelection(0);
    }
}
