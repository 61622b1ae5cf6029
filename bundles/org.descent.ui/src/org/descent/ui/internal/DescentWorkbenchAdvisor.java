package org.descent.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPreferenceConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Opens the workbench in the Experiment perspective, hands the preferences to the engine, and
 * on the first start copies the sample experiment into the experiments folder and opens it.
 */
final class DescentWorkbenchAdvisor extends WorkbenchAdvisor {

    /** The sample experiment inside this bundle. */
    static final String SAMPLE = "samples/gaussian-mle.descent";

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
        // the perspective switcher shows the perspectives' names (they have no icons)
        PlatformUI.getPreferenceStore().setDefault(IWorkbenchPreferenceConstants.SHOW_TEXT_ON_PERSPECTIVE_BAR, true);
        DescentPreferences.applyToEngine(true);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return Perspectives.EXPERIMENT;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new DescentWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        // background work of the start (the lookup of the compute devices for the editor and About,
        // the views' first reads) starts once the window is drawn: the first runnable the display
        // runs after the start
        AfterStartup.run(Services.get(DeviceCatalog.class)::lookUp);
        PlatformUI.getWorkbench().getDisplay().asyncExec(AfterStartup::open);
        if (DescentPreferences.sampleOpened()) {
            return;
        }
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page == null) {
            return;
        }
        Path target = DescentPreferences.experimentsFolder().resolve(Path.of(SAMPLE).getFileName());
        try {
            copySample(SAMPLE, target);
            page.openEditor(new ExperimentEditorInput(target), ExperimentEditor.ID);
            DescentPreferences.setSampleOpened();
        } catch (IOException | PartInitException | BackingStoreException e) {
            ILog.of(DescentWorkbenchAdvisor.class).log(Status.error("Cannot open the sample experiment " + target, e));
            StatusLine.show("The sample experiment could not be opened: " + e.getMessage()
                    + " (check the experiments folder in Window > Preferences > Descent)", true);
        }
    }

    /** Copies a bundled sample unless a file of that name is there already. */
    static void copySample(String sample, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        URL url = FrameworkUtil.getBundle(DescentWorkbenchAdvisor.class).getEntry(sample);
        if (url == null) {
            throw new IOException("the bundle org.descent.ui has no " + sample);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = url.openStream()) {
            Files.copy(in, target);
        }
    }
}
