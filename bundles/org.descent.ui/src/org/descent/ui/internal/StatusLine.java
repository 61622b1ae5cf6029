package org.descent.ui.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** Messages in the status line of every workbench window, from any thread; errors are logged too. */
final class StatusLine {

    private StatusLine() {
    }

    static void show(String text, boolean error) {
        if (error) {
            ILog.of(StatusLine.class).log(Status.warning(text));
        }
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> {
            for (IWorkbenchWindow w : PlatformUI.getWorkbench().getWorkbenchWindows()) {
                IStatusLineManager m = manager(w);
                if (m != null) {
                    m.setErrorMessage(error ? text : null);
                    m.setMessage(error ? null : text);
                }
            }
        });
    }

    private static @Nullable IStatusLineManager manager(IWorkbenchWindow w) {
        IWorkbenchPage page = w.getActivePage();
        IWorkbenchPart part = page == null ? null : page.getActivePart();
        if (part instanceof IViewPart v) {
            return v.getViewSite().getActionBars().getStatusLineManager();
        }
        if (part instanceof IEditorPart e) {
            return e.getEditorSite().getActionBars().getStatusLineManager();
        }
        return null;
    }
}
