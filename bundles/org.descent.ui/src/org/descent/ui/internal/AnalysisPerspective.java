package org.descent.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Dissect finished runs: the analyses of the selected run, and the optimizer race. */
public final class AnalysisPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        Perspectives.common(layout, 0.3f);
        IFolderLayout main = Perspectives.main(layout, "org.descent.ui.folders.analysis.main");
        main.addView(Perspectives.ANALYSIS_VIEW);
        main.addView(Perspectives.RACE_VIEW);
    }
}
