package org.descent.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Descent perspective: the Contributions view, with room for the views to come. */
public final class DescentPerspective implements IPerspectiveFactory {

    public static final String ID = "org.descent.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        IFolderLayout main = layout.createFolder("org.descent.ui.folders.main", IPageLayout.LEFT, 0.99f,
                layout.getEditorArea());
        main.addView(ContributionsView.ID);
        layout.addShowViewShortcut(ContributionsView.ID);
        layout.addPerspectiveShortcut(ID);
    }
}
