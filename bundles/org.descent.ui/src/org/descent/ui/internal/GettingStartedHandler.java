package org.descent.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help &gt; Getting Started: opens the {@link GettingStartedView}. */
public final class GettingStartedHandler extends AbstractHandler {

    @Override
    public @Nullable Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
            page.showView(GettingStartedView.ID);
            // the whole window to read it; an example restores the layout when it opens what it runs
            page.setPartState(page.findViewReference(GettingStartedView.ID), IWorkbenchPage.STATE_MAXIMIZED);
        } catch (PartInitException e) {
            throw new ExecutionException("Cannot open Getting Started", e);
        }
        return null;
    }
}
