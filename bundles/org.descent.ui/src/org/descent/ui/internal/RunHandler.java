package org.descent.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Run (Ctrl+F11) and Cancel Runs (Ctrl+F2) for the active experiment editor, the keys Eclipse
 * users know from Run and Terminate. plugin.xml activates them while an experiment editor is active.
 */
public final class RunHandler {

    private RunHandler() {
    }

    private static @Nullable ExperimentEditor editor(ExecutionEvent event) {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        return part instanceof ExperimentEditor e ? e : null;
    }

    /** Trains the active editor's experiment, as its Run button does. */
    public static final class Run extends AbstractHandler {
        @Override
        public @Nullable Object execute(ExecutionEvent event) {
            ExperimentEditor e = editor(event);
            return e == null ? null : e.run();
        }
    }

    /** Cancels the runs the active editor started, as its Cancel button does. */
    public static final class Cancel extends AbstractHandler {
        @Override
        public @Nullable Object execute(ExecutionEvent event) {
            ExperimentEditor e = editor(event);
            if (e != null) {
                e.cancelRuns();
            }
            return null;
        }
    }
}
