package org.descent.ui.analysis.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.descent.ui.analysis.AnalysisRenderer;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;

/**
 * The renderers contributed to {@value #POINT}, by analysis id. A broken contribution (no
 * analysis id, a class that cannot be created, a second renderer for one id) is logged with
 * its bundle and left out; its analysis is then shown by the {@link ReportRenderer}.
 */
public final class Renderers {

    public static final String POINT = "org.descent.ui.analysis.renderers";

    private final Map<String, IConfigurationElement> byAnalysis = new LinkedHashMap<>();

    /** Reads the extension registry. */
    public Renderers() {
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(POINT)) {
            String id = e.getAttribute("analysis");
            String bundle = e.getContributor().getName();
            if (id == null || id.isBlank()) {
                log("a renderer in " + bundle + " names no analysis id; left out");
            } else if (byAnalysis.containsKey(id)) {
                log("a second renderer for analysis '" + id + "' in " + bundle + " (the first is in "
                        + byAnalysis.get(id).getContributor().getName() + "); left out");
            } else {
                byAnalysis.put(id, e);
            }
        }
    }

    /** The analysis ids that have a renderer. */
    public java.util.Set<String> analyses() {
        return byAnalysis.keySet();
    }

    /** The renderer for an analysis, or the report-and-tables renderer. */
    public AnalysisRenderer rendererFor(String analysis) {
        IConfigurationElement e = byAnalysis.get(analysis);
        if (e != null) {
            try {
                Object o = e.createExecutableExtension("class");
                if (o instanceof AnalysisRenderer r) {
                    return r;
                }
                log("renderer for '" + analysis + "' in " + e.getContributor().getName() + " is "
                        + o.getClass().getName() + ", not an AnalysisRenderer");
            } catch (CoreException ex) {
                log("renderer for '" + analysis + "' in " + e.getContributor().getName() + " cannot be created: "
                        + ex.getStatus().getMessage());
            }
        }
        return new ReportRenderer();
    }

    private static void log(String message) {
        ILog.of(Renderers.class).log(new Status(IStatus.WARNING, "org.descent.ui.analysis", message));
    }
}
