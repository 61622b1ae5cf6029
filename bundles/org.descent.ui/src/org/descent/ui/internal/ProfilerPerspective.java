package org.descent.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Where the time goes: the threading profiler above, the live JVM below. */
public final class ProfilerPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        Perspectives.common(layout, 0.2f);
        IFolderLayout main = Perspectives.main(layout, "org.descent.ui.folders.profiler.main");
        main.addView(Perspectives.PROFILER_VIEW);
        IFolderLayout bottom = layout.createFolder("org.descent.ui.folders.profiler.bottom", IPageLayout.BOTTOM, 0.6f,
                "org.descent.ui.folders.profiler.main");
        bottom.addView(Perspectives.JVM_VIEW);
    }
}
