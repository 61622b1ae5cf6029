package org.descent.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Follow runs as they train and compare them: live monitor above, comparison table and sweeps below. */
public final class MonitorPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        Perspectives.common(layout, 0.3f);
        IFolderLayout main = Perspectives.main(layout, "org.descent.ui.folders.monitor.main");
        main.addView(Perspectives.MONITOR_VIEW);
        IFolderLayout bottom = layout.createFolder("org.descent.ui.folders.monitor.bottom", IPageLayout.BOTTOM, 0.66f,
                "org.descent.ui.folders.monitor.main");
        bottom.addView(Perspectives.COMPARISON_VIEW);
        bottom.addView(Perspectives.SWEEP_VIEW);
    }
}
