package org.descent.ui.analysis.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.descent.core.Contribution;
import org.descent.experiment.RunFolder;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * The command {@code org.descent.ui.analysis.commands.analyzeRun} (parameters {@code analysis}: an
 * analysis id, {@code run}: a run folder): shows the Analysis view on the run and runs the analysis
 * there with its default options, in a job, as the view's Run analysis… does. Other bundles (Help &gt;
 * Getting Started) reach the view through it.
 */
public final class AnalyzeRunHandler extends AbstractHandler {

    /** The perspective org.descent.ui declares for the Analysis view. */
    static final String ANALYSIS_PERSPECTIVE = "org.descent.ui.perspectives.analysis";

    @Override
    public @Nullable Object execute(ExecutionEvent event) throws ExecutionException {
        String id = event.getParameter("analysis");
        String dir = event.getParameter("run");
        if (id == null || dir == null) {
            throw new ExecutionException("analyzeRun needs the parameters 'analysis' and 'run'");
        }
        Path folder = Path.of(dir);
        if (!Files.isRegularFile(folder.resolve(RunFolder.RUN_FILE))) {
            throw new ExecutionException(folder + " is not a run folder (it has no " + RunFolder.RUN_FILE + ")");
        }
        try {
            IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
            // the Analysis perspective gives the view the room of the editor area
            window.getWorkbench().showPerspective(ANALYSIS_PERSPECTIVE, window);
            IViewPart part = window.getActivePage().showView(AnalysisView.ID);
            MPart model = part.getSite().getService(MPart.class);
            if (!(model != null && model.getObject() instanceof AnalysisView view)) {
                throw new ExecutionException("the Analysis view did not open");
            }
            Contribution c = view.runAnalyses().stream().filter(a -> a.id().equals(id)).findFirst()
                    .orElseThrow(() -> new ExecutionException("no analysis of runs with the id '" + id + "' is installed"));
            view.refreshRuns();
            view.setRun(new RunFolder(folder));
            return view.runAnalysis(c, Map.of());
        } catch (WorkbenchException e) {
            throw new ExecutionException("Cannot open the Analysis view", e);
        }
    }
}
