package org.descent.testing.ui;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Opening the workbench's e4 views in UI tests (needs the workbench). */
public final class WorkbenchViews {

    private WorkbenchViews() {
    }

    /** The active workbench window. */
    public static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null) {
            throw new AssertionError("no workbench window");
        }
        return window;
    }

    /** Opens a view maximized and returns its e4 object (the class named in plugin.xml). */
    public static <T> T open(String id, Class<T> type) throws PartInitException {
        IWorkbenchPage page = window().getActivePage();
        IViewPart view = page.showView(id);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Widgets.spin(300);
        MPart part = window().getService(EPartService.class).findPart(id);
        if (part == null) {
            throw new AssertionError("no part " + id);
        }
        return type.cast(part.getObject());
    }
}
