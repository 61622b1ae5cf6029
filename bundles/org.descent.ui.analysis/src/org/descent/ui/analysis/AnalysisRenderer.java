package org.descent.ui.analysis;

import org.eclipse.swt.widgets.Composite;

/**
 * Draws one analysis' stored result in the Analysis view. Contributed for an analysis id through
 * the extension point {@code org.descent.ui.analysis.renderers}; analyses without one are shown
 * by the report-and-tables renderer. Called on the UI thread; a renderer creates its controls
 * in {@code parent} (which has a {@code FillLayout}) and keeps no state between calls.
 *
 * @since 0.1.0
 */
public interface AnalysisRenderer {

    /**
     * Creates the controls that show {@code result}.
     *
     * @throws java.io.IOException when a table file cannot be read (the view shows the message)
     */
    void render(Composite parent, StoredAnalysis result) throws java.io.IOException;
}
