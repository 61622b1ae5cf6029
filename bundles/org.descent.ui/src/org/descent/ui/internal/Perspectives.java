package org.descent.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;

/** The ids of Descent's perspectives and views, and what every perspective shares. */
public final class Perspectives {

    public static final String EXPERIMENT = "org.descent.ui.perspectives.experiment";
    public static final String MONITOR = "org.descent.ui.perspectives.monitor";
    public static final String ANALYSIS = "org.descent.ui.perspectives.analysis";
    public static final String PROFILER = "org.descent.ui.perspectives.profiler";

    public static final String NAVIGATOR_VIEW = "org.descent.ui.views.navigator";
    public static final String CONTRIBUTIONS_VIEW = "org.descent.ui.views.contributions";
    public static final String MONITOR_VIEW = "org.descent.ui.monitor.views.monitor";
    public static final String COMPARISON_VIEW = "org.descent.ui.monitor.views.comparison";
    public static final String SWEEP_VIEW = "org.descent.ui.monitor.views.sweep";
    public static final String ANALYSIS_VIEW = "org.descent.ui.analysis.views.analysis";
    public static final String RACE_VIEW = "org.descent.ui.analysis.views.race";
    public static final String PROFILER_VIEW = "org.descent.ui.profiler.views.profiler";
    public static final String JVM_VIEW = "org.descent.ui.profiler.views.jvm";
    /** The platform's Error Log (bundle org.eclipse.ui.views.log): the workbench's log as a table. */
    public static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";
    /** The platform's Progress view (declared by this bundle; the product has no org.eclipse.ui.ide). */
    public static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";

    private static final String[] ALL = { EXPERIMENT, MONITOR, ANALYSIS, PROFILER };
    private static final String[] VIEWS = { NAVIGATOR_VIEW, CONTRIBUTIONS_VIEW, MONITOR_VIEW, COMPARISON_VIEW,
            SWEEP_VIEW, ANALYSIS_VIEW, RACE_VIEW, PROFILER_VIEW, JVM_VIEW, PROGRESS_VIEW, ERROR_LOG_VIEW };

    private Perspectives() {
    }

    /** The navigator on the left, and the shortcuts to every perspective and view. */
    static void common(IPageLayout layout, float navigatorRatio) {
        layout.addView(NAVIGATOR_VIEW, IPageLayout.LEFT, navigatorRatio, layout.getEditorArea());
        for (String p : ALL) {
            layout.addPerspectiveShortcut(p);
        }
        for (String v : VIEWS) {
            layout.addShowViewShortcut(v);
        }
    }

    /** A folder filling the editor area's place (the editor area hidden). */
    static IFolderLayout main(IPageLayout layout, String id) {
        layout.setEditorAreaVisible(false);
        return layout.createFolder(id, IPageLayout.RIGHT, 0.99f, layout.getEditorArea());
    }
}
