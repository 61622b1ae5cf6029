package org.descent.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.descent.core.RunStatus;
import org.descent.experiment.RunFolder;
import org.descent.experiment.model.Run;
import org.descent.p2.internal.Installer;
import org.descent.testing.P2Repository;
import org.descent.testing.ui.Widgets;
import org.descent.ui.internal.DescentPreferences;
import org.descent.ui.internal.ExperimentEditor;
import org.descent.ui.internal.ExperimentEditorInput;
import org.descent.ui.internal.ExperimentInputFactory;
import org.descent.ui.internal.GettingStartedView;
import org.descent.ui.internal.InstallDialog;
import org.descent.ui.internal.InstallationDetailsDialog;
import org.descent.ui.internal.Perspectives;
import org.descent.ui.internal.RunJob;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.XMLMemento;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Eclipse users expect of a workbench: the Error Log and Progress views, editors restored
 * after a restart (their input saved in the workbench's memento), Run, Cancel, Save and Refresh on
 * the keys Eclipse uses, and Help &gt; Getting Started whose examples open and run in one click.
 */
class WorkbenchConventionsTest {

    private static final long TIMEOUT_MS = 60_000;

    private static IWorkbenchWindow window;
    private static IWorkbenchPage page;
    private static Path runs;
    private static Path experiments;

    @BeforeAll
    static void workbench() throws Exception {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window");
        page = window.getActivePage();
        runs = Files.createTempDirectory("descent-conventions-runs");
        experiments = Files.createTempDirectory("descent-conventions-experiments");
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).put(DescentPreferences.RUN_STORE, runs.toString());
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).put(DescentPreferences.EXPERIMENTS,
                experiments.toString());
    }

    @AfterAll
    static void resetPreferences() {
        page.closeAllEditors(false);
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).remove(DescentPreferences.RUN_STORE);
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).remove(DescentPreferences.EXPERIMENTS);
    }

    /** The keys bound to a command in the active scheme (whatever shell is active). */
    private static List<String> keys(String commandId) {
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        String scheme = bindings.getActiveScheme().getId();
        return Arrays.stream(bindings.getBindings())
                .filter(b -> b.getSchemeId().equals(scheme) && b.getParameterizedCommand() != null
                        && b.getParameterizedCommand().getId().equals(commandId) && b.getPlatform() == null)
                .map(b -> b.getTriggerSequence().format()).toList();
    }

    @Test
    void theErrorLogShowsWhatTheWorkbenchLogs() throws Exception {
        IViewPart log = page.showView(Perspectives.ERROR_LOG_VIEW);
        assertEquals("org.eclipse.ui.internal.views.log.LogView", log.getClass().getName(),
                "the platform's Error Log, not an error part");
        String message = "Descent conventions test: an entry for the Error Log " + System.nanoTime();
        ILog.of(WorkbenchConventionsTest.class).log(Status.error(message, new IllegalStateException("the cause")));
        Widgets.spinUntil(() -> Widgets.findAll(window.getShell(), Tree.class).stream()
                .flatMap(t -> Arrays.stream(t.getItems())).map(TreeItem::getText).anyMatch(s -> s.contains(message)),
                TIMEOUT_MS, "the logged error in the Error Log's table");
        Widgets.screenshot(window.getShell(), "error-log.png");
        page.hideView(log);
    }

    @Test
    void theProgressViewOpensUnderItsPlatformId() throws Exception {
        IViewPart progress = page.showView(Perspectives.PROGRESS_VIEW);
        assertEquals("org.eclipse.ui.internal.progress.ProgressView", progress.getClass().getName());
        assertEquals("Progress", progress.getTitle());
        page.hideView(progress);
    }

    @Test
    void runCancelSaveAndRefreshAreOnEclipsesKeys() {
        assertTrue(keys("org.descent.ui.commands.run").contains("Ctrl+F11"), keys("org.descent.ui.commands.run").toString());
        assertTrue(keys("org.descent.ui.commands.cancel").contains("Ctrl+F2"), keys("org.descent.ui.commands.cancel").toString());
        assertTrue(keys(IWorkbenchCommandConstants.FILE_SAVE).contains("Ctrl+S"), keys(IWorkbenchCommandConstants.FILE_SAVE).toString());
        assertTrue(keys(IWorkbenchCommandConstants.FILE_REFRESH).contains("F5"), keys(IWorkbenchCommandConstants.FILE_REFRESH).toString());
    }

    @Test
    void theRunAndCancelCommandsDriveTheActiveEditor() throws Exception {
        Path file = experiments.resolve("keys.descent");
        // long enough that the cancel always comes before the end
        Files.writeString(file, Files.readString(sample()).replace("steps=\"500\"", "steps=\"100000000\""));
        ExperimentEditor editor = assertInstanceOf(ExperimentEditor.class,
                page.openEditor(new ExperimentEditorInput(file), ExperimentEditor.ID));
        page.activate(editor);
        IHandlerService handlers = window.getService(IHandlerService.class);
        RunJob job = assertInstanceOf(RunJob.class, handlers.executeCommand("org.descent.ui.commands.run", null));
        assertEquals(List.of(job), editor.activeJobs());
        handlers.executeCommand("org.descent.ui.commands.cancel", null);
        Widgets.spinUntil(() -> job.outcome() != null, TIMEOUT_MS, "the cancelled run to end");
        assertEquals(RunStatus.CANCELLED, job.outcome().status(), job.outcome().summary());
        Widgets.spinUntil(() -> editor.activeJobs().isEmpty(), TIMEOUT_MS, "the editor to forget the cancelled run");
        page.closeEditor(editor, false);
    }

    @Test
    void anEditorsInputIsSavedAndRestoredAcrossARestart() throws Exception {
        Path file = experiments.resolve("restored.descent");
        Files.copy(sample(), file);
        ExperimentEditorInput input = new ExperimentEditorInput(file);
        IPersistableElement persistable = input.getPersistable();
        assertNotNull(persistable);
        XMLMemento memento = XMLMemento.createWriteRoot("editor");
        persistable.saveState(memento);
        // what the workbench writes into workbench.xmi and reads back at the next start
        java.io.StringWriter text = new java.io.StringWriter();
        memento.save(text);
        XMLMemento read = XMLMemento.createReadRoot(new java.io.StringReader(text.toString()));
        assertEquals(input, new ExperimentInputFactory().createElement(read));
        Files.delete(file);
        assertNull(new ExperimentInputFactory().createElement(read), "a file that is gone is not reopened");
    }

    @Test
    void gettingStartedOpensAndRunsTheMaximumLikelihoodExample() throws Exception {
        IHandlerService handlers = window.getService(IHandlerService.class);
        handlers.executeCommand("org.descent.ui.commands.gettingStarted", null);
        GettingStartedView view = assertInstanceOf(GettingStartedView.class, page.findView(GettingStartedView.ID));
        assertEquals(4, GettingStartedView.EXAMPLES.size());
        Widgets.screenshot(window.getShell(), "getting-started.png");
        view.start(0);
        IEditorPart active = page.getActiveEditor();
        ExperimentEditor editor = assertInstanceOf(ExperimentEditor.class, active);
        assertEquals(experiments.resolve("gaussian-mle.descent"),
                ((ExperimentEditorInput) editor.getEditorInput()).file());
        Widgets.spinUntil(() -> !view.status(0).isEmpty() && !view.status(0).startsWith("Training"),
                TIMEOUT_MS, () -> "the example's run to end; status: " + view.status(0));
        List<RunFolder> done = DescentPreferences.runStore().runs();
        assertEquals(1, done.size(), "one run in the run store");
        Run run = done.get(0).readRun();
        assertEquals(RunStatus.DONE, run.getStatus());
        double[] theta = done.get(0).latestCheckpoint().orElseThrow().parameters();
        // the maximum-likelihood estimate of N(mu, sigma^2) on 10000 N(0,1) and 5000 N(3,1) draws:
        // the sample mean (1 in expectation) and standard deviation (sqrt 3)
        assertEquals(1.0, theta[0], 0.05, "mu");
        assertEquals(Math.sqrt(3), theta[1], 0.05, "sigma");
        page.closeEditor(editor, false);
    }

    @Test
    void installNewSoftwareInstallsFromARepositoryAndInstallationDetailsUninstalls() throws Exception {
        Path repo = P2Repository.write(Files.createTempDirectory("descent-p2-repo"));
        Path plugins = Files.createTempDirectory("descent-plugins");
        System.setProperty("descent.plugins", plugins.toString());
        try {
            InstallDialog install = new InstallDialog(window.getShell(), Installer.standard());
            install.setBlockOnOpen(false);
            install.open();
            install.load(repo.toString());
            Widgets.spinUntil(() -> install.listed().size() == 3, TIMEOUT_MS, () -> "the repository's three bundles listed: "
                    + install.listed());
            assertEquals(List.of(P2Repository.BASE + "  1.0.0", P2Repository.ORPHAN + "  0.1.0", P2Repository.TOP + "  1.2.0"),
                    install.listed());
            Widgets.screenshot(install.getShell(), "install-new-software.png");
            install.checkOnly(P2Repository.TOP);
            install.install();
            Widgets.spinUntil(() -> install.outcome() != null, TIMEOUT_MS, "the install to end");
            assertTrue(install.outcome().startsWith("Installed " + P2Repository.TOP + " 1.2.0 into " + plugins),
                    install.outcome());
            assertTrue(Files.isRegularFile(plugins.resolve(P2Repository.TOP + "_1.2.0.jar")));
            assertTrue(Files.isRegularFile(plugins.resolve(P2Repository.BASE + "_1.0.0.jar")), "what it requires too");
            install.close();

            InstallationDetailsDialog details = new InstallationDetailsDialog(window.getShell(), Installer.standard());
            details.setBlockOnOpen(false);
            details.open();
            Widgets.spinUntil(() -> details.units().equals(List.of(P2Repository.TOP)), TIMEOUT_MS,
                    () -> "the installed unit listed: " + details.units());
            details.select(P2Repository.TOP);
            details.uninstallSelected();
            Widgets.spinUntil(() -> details.units().isEmpty() && details.status().startsWith("Uninstalled"), TIMEOUT_MS,
                    () -> "the unit uninstalled: " + details.status());
            assertFalse(Files.exists(plugins.resolve(P2Repository.TOP + "_1.2.0.jar")));
            assertFalse(Files.exists(plugins.resolve(P2Repository.BASE + "_1.0.0.jar")));
            details.close();
        } finally {
            System.clearProperty("descent.plugins");
        }
    }

    private static Path sample() throws Exception {
        java.net.URL url = org.osgi.framework.FrameworkUtil.getBundle(ExperimentEditor.class)
                .getEntry("samples/gaussian-mle.descent");
        Path tmp = Files.createTempFile("sample", ".descent");
        try (java.io.InputStream in = url.openStream()) {
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }
}
