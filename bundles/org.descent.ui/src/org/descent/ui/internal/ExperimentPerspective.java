package org.descent.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Set up and start experiments: navigator, editor, and below it the live monitor and the contributions catalog. */
public final class ExperimentPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        Perspectives.common(layout, 0.32f);
        IFolderLayout bottom = layout.createFolder("org.descent.ui.folders.experiment.bottom", IPageLayout.BOTTOM,
                0.72f, layout.getEditorArea());
        bottom.addView(Perspectives.CONTRIBUTIONS_VIEW);
        bottom.addPlaceholder(Perspectives.MONITOR_VIEW);
        bottom.addPlaceholder(Perspectives.PROGRESS_VIEW);
        bottom.addPlaceholder(Perspectives.ERROR_LOG_VIEW);
    }
}
