package org.descent.ui.internal;

import org.descent.p2.internal.Installer;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help &gt; Install New Software… and Help &gt; Installation Details. */
public final class InstallHandlers {

    private InstallHandlers() {
    }

    /** Opens {@link InstallDialog}. */
    public static final class Install extends AbstractHandler {
        @Override
        public @Nullable Object execute(ExecutionEvent event) throws ExecutionException {
            new InstallDialog(HandlerUtil.getActiveShellChecked(event), Installer.standard()).open();
            return null;
        }
    }

    /** Opens {@link InstallationDetailsDialog}. */
    public static final class Details extends AbstractHandler {
        @Override
        public @Nullable Object execute(ExecutionEvent event) throws ExecutionException {
            new InstallationDetailsDialog(HandlerUtil.getActiveShellChecked(event), Installer.standard()).open();
            return null;
        }
    }
}
