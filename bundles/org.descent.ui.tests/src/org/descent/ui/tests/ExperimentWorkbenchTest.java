package org.descent.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.RunFolder;
import org.descent.experiment.model.Experiment;
import org.descent.testing.ui.Widgets;
import org.descent.ui.forms.HyperparameterForm;
import org.descent.ui.internal.DescentPreferencePage;
import org.descent.ui.internal.DescentPreferences;
import org.descent.ui.internal.ExperimentEditor;
import org.descent.ui.internal.ExperimentEditorInput;
import org.descent.ui.internal.NavigatorView;
import org.descent.ui.internal.NewExperimentHandler;
import org.descent.ui.internal.Perspectives;
import org.descent.ui.internal.RunJob;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The experiment editor, the run navigator, the perspectives and the preferences, driven as a
 * user would in Descent's workbench under Xvfb: the sample opened on the first start, edits with
 * markers and undo, real training runs (done and cancelled), save and reopen, rename and delete.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentWorkbenchTest {

    private static IWorkbenchWindow window;
    private static IWorkbenchPage page;
    private static Path runs;

    @BeforeAll
    static void workbench() throws Exception {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window");
        page = window.getActivePage();
        runs = Files.createTempDirectory("descent-ui-runs");
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).put(DescentPreferences.RUN_STORE, runs.toString());
        // the pointer away from the widgets, so that no tooltip covers the screenshots
        window.getShell().getDisplay().setCursorLocation(0, 1020);
        Widgets.spin(300);
    }

    @AfterAll
    static void closeEditors() throws Exception {
        page.closeAllEditors(false);
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).remove(DescentPreferences.RUN_STORE);
        for (RunFolder f : DescentPreferences.runStore().runs()) {
            assertFalse(f.dir().startsWith(runs), "the run store preference is still set");
        }
    }

    private static void spinUntil(BooleanSupplier condition, long timeoutMs, String what) {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < end, "timed out waiting until " + what);
            Widgets.spin(20);
        }
    }

    private static ExperimentEditor sampleEditor() {
        for (IEditorReference ref : page.getEditorReferences()) {
            IEditorPart e = ref.getEditor(true);
            if (e instanceof ExperimentEditor x && x.file().getFileName().toString().equals("gaussian-mle.descent")) {
                return x;
            }
        }
        throw new AssertionError("the sample experiment is not open");
    }

    private static NavigatorView navigator() throws Exception {
        return assertInstanceOf(NavigatorView.class, page.showView(NavigatorView.ID));
    }

    /** The navigator's rows under a category: name, status, steps, loss. */
    private static List<List<String>> rows(int category) throws Exception {
        NavigatorView n = navigator();
        n.viewer().expandAll();
        TreeItem root = n.viewer().getTree().getItem(category);
        List<List<String>> out = new ArrayList<>();
        for (TreeItem i : root.getItems()) {
            out.add(List.of(i.getText(0), i.getText(1), i.getText(2), i.getText(3)));
        }
        return out;
    }

    private static List<String> row(RunFolder f) throws Exception {
        String name = NavigatorView.label(f);
        return rows(1).stream().filter(r -> r.get(0).equals(name)).findFirst().orElse(List.of());
    }

    private static void type(HyperparameterForm form, String name, String text) {
        ((Text) form.control(name)).setText(text);
    }

    private static void maximize(IWorkbenchPartReference ref, boolean max) {
        page.setPartState(ref, max ? IWorkbenchPage.STATE_MAXIMIZED : IWorkbenchPage.STATE_RESTORED);
        Widgets.spin(200);
    }

    @Test
    @Order(1)
    void firstStartOpensTheSampleInTheExperimentPerspective() throws Exception {
        assertEquals(Perspectives.EXPERIMENT, page.getPerspective().getId());
        ExperimentEditor editor = sampleEditor();
        Path sample = DescentPreferences.experimentsFolder().resolve("gaussian-mle.descent");
        assertEquals(sample, editor.file());
        assertTrue(Files.isRegularFile(sample));
        assertTrue(InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).getBoolean(DescentPreferences.SAMPLE_OPENED,
                false), "the first start is not remembered");
        assertEquals("Ready to run.", editor.message());
        assertTrue(editor.combo("optimizer").getText().startsWith("adam"), editor.combo("optimizer").getText());
        assertEquals("0.05", ((Text) editor.form("optimizer").control("lr")).getText());
        assertEquals("500", ((Text) editor.trainingForm().control("steps")).getText());
        assertFalse(editor.isDirty());
        assertTrue(rows(0).stream().anyMatch(r -> r.get(0).equals("gaussian-mle")), rows(0).toString());
        ImageData image = Widgets.screenshot(window.getShell(), "editor-sample-first-start.png");
        assertTrue(Widgets.distinctPixels(image) > 8);
    }

    @Test
    @Order(2)
    void invalidValueIsMarkedAndUndoRestoresIt() throws Exception {
        ExperimentEditor editor = sampleEditor();
        page.activate(editor);
        HyperparameterForm adam = editor.form("optimizer");
        type(adam, "lr", "-0.1");
        String problem = "optimizer 'adam': hyperparameter 'lr': '-0.1' is not valid, expected a value in (0,inf)";
        assertEquals(problem, adam.problems().get("lr"));
        assertTrue(editor.message().contains(problem), editor.message());
        assertTrue(editor.isDirty());
        assertEquals("-0.1", editor.experiment().getOptimizer().getSettings().get(0).getValue());
        maximize(page.getReference(editor), true);
        Widgets.screenshot(window.getShell(), "editor-invalid-value.png");
        maximize(page.getReference(editor), false);

        // Edit > Undo as the workbench runs it (Ctrl+Z)
        window.getService(IHandlerService.class).executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
        Widgets.spin(50);
        assertEquals("0.05", ((Text) adam.control("lr")).getText());
        assertTrue(adam.problems().isEmpty(), adam.problems().toString());
        assertEquals("Ready to run.", editor.message());
        assertFalse(editor.isDirty());
        editor.redoAction().run();
        assertEquals("-0.1", ((Text) adam.control("lr")).getText());
        editor.undoAction().run();
        assertEquals("0.05", ((Text) adam.control("lr")).getText());

        // another optimizer: its own form, lr kept; undo brings adam back
        Combo optimizer = editor.combo("optimizer");
        int sgd = Arrays.asList(optimizer.getItems()).indexOf(Arrays.stream(optimizer.getItems())
                .filter(i -> i.startsWith("sgd ")).findFirst().orElseThrow());
        optimizer.select(sgd);
        optimizer.notifyListeners(SWT.Selection, null);
        HyperparameterForm sgdForm = editor.form("optimizer");
        assertEquals("0.05", ((Text) sgdForm.control("lr")).getText());
        assertInstanceOf(Button.class, sgdForm.control("nesterov"));
        assertEquals("sgd", editor.experiment().getOptimizer().getId());
        editor.undoAction().run();
        assertEquals("adam", editor.experiment().getOptimizer().getId());
        assertTrue(editor.combo("optimizer").getText().startsWith("adam"));

        // a budget that is not a number is marked and blocks the run, naming the field
        type(editor.trainingForm(), "steps", "many");
        assertTrue(editor.message().contains("hyperparameter 'steps': 'many' is not valid, expected a whole number"),
                editor.message());
        List<String> shown = new ArrayList<>();
        editor.setProblemDialog((title, message) -> shown.add(title + ": " + message));
        assertNull(editor.run());
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).contains("'steps'"), shown.get(0));
        type(editor.trainingForm(), "steps", "500");
        assertEquals("Ready to run.", editor.message());
        assertFalse(editor.isDirty());
    }

    @Test
    @Order(3)
    void aRunShowsAsRunningThenDone() throws Exception {
        ExperimentEditor editor = sampleEditor();
        type(editor.form("dataset"), "n", "2000");
        type(editor.form("dataset"), "n2", "1000");
        type(editor.trainingForm(), "steps", "3000");
        long start = System.currentTimeMillis();
        RunJob job = editor.run();
        assertNotNull(job);
        RunFolder folder = job.folder();
        assertTrue(folder.dir().startsWith(runs), folder.dir().toString());
        List<String> statuses = new ArrayList<>();
        spinUntil(() -> {
            try {
                List<String> r = row(folder);
                if (!r.isEmpty() && (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(r.get(1)))) {
                    statuses.add(r.get(1));
                }
                return job.outcome() != null && "done".equals(r.isEmpty() ? "" : r.get(1));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 60_000, "the run is done in the navigator");
        long ms = System.currentTimeMillis() - start;
        assertEquals("running", statuses.get(0), statuses + " after " + ms + " ms");
        assertEquals("done", statuses.get(statuses.size() - 1), statuses.toString());
        assertEquals(RunStatus.DONE, job.outcome().status());
        List<String> r = row(folder);
        assertEquals("3000", r.get(2));
        double loss = Double.parseDouble(r.get(3));
        assertTrue(loss > 1.5 && loss < 2.5, "final NLL " + loss);
        spinUntil(() -> editor.lastRunText().contains("done after 3000 steps"), 5000, "the editor reports the run");
        navigator().viewer().setSelection(new StructuredSelection(folder), true);
        Widgets.spin(100);
        Widgets.screenshot(window.getShell(), "navigator-run-done.png");
    }

    @Test
    @Order(4)
    void aLongRunIsCancelled() throws Exception {
        ExperimentEditor editor = sampleEditor();
        type(editor.trainingForm(), "steps", "100000000");
        RunJob job = editor.run();
        assertNotNull(job);
        spinUntil(() -> {
            try {
                List<String> r = row(job.folder());
                return !r.isEmpty() && r.get(1).equals("running") && !r.get(2).equals("0");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 30_000, "the long run trains");
        navigator().viewer().setSelection(new StructuredSelection(job.folder()), true);
        Widgets.screenshot(window.getShell(), "navigator-run-live.png");
        Button cancel = Widgets.findAll(window.getShell(), Button.class).stream()
                .filter(b -> b.getText().equals("&Cancel runs")).findFirst().orElseThrow();
        assertTrue(cancel.isEnabled());
        cancel.notifyListeners(SWT.Selection, null);
        spinUntil(() -> {
            try {
                List<String> r = row(job.folder());
                return job.outcome() != null && r.get(1).equals("cancelled");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 30_000, "the run shows as cancelled");
        assertEquals(RunStatus.CANCELLED, job.outcome().status());
        assertTrue(job.outcome().summary().contains("cancelled at step"), job.outcome().summary());
        spinUntil(() -> editor.lastRunText().contains("cancelled"), 5000, "the editor reports the cancellation");
        assertTrue(editor.activeJobs().isEmpty());
        type(editor.trainingForm(), "steps", "500");
        type(editor.form("dataset"), "n", "");
        type(editor.form("dataset"), "n2", "");
        assertTrue(editor.experiment().getDataset().getSettings().isEmpty(), "emptied fields take their defaults");
    }

    @Test
    @Order(5)
    void saveAsSaveAndReopenKeepTheValues() throws Exception {
        ExperimentEditor editor = sampleEditor();
        Path copy = DescentPreferences.experimentsFolder().resolve("saved-by-test.descent");
        Files.deleteIfExists(copy);
        assertTrue(editor.saveAs(copy));
        assertEquals(copy, editor.file());
        type(editor.form("optimizer"), "lr", "0.02");
        type(editor.trainingForm(), "seed", "7");
        ((Button) editor.form("optimizer").control("amsgrad")).setSelection(true);
        editor.form("optimizer").control("amsgrad").notifyListeners(SWT.Selection, null);
        Button addProbe = Widgets.findAll(window.getShell(), Button.class).stream()
                .filter(b -> b.getText().equals("Add probe")).findFirst().orElseThrow();
        addProbe.notifyListeners(SWT.Selection, null);
        assertEquals(1, editor.experiment().getProbes().size());
        String probe = editor.experiment().getProbes().get(0).getId();
        assertTrue(editor.isDirty());
        editor.doSave(null);
        assertFalse(editor.isDirty());
        Experiment saved = ExperimentFiles.loadExperiment(copy);
        assertEquals(7, saved.getSeed());
        page.closeEditor(editor, false);
        ExperimentEditor reopened = assertInstanceOf(ExperimentEditor.class,
                page.openEditor(new ExperimentEditorInput(copy), ExperimentEditor.ID));
        assertEquals("0.02", ((Text) reopened.form("optimizer").control("lr")).getText());
        assertTrue(((Button) reopened.form("optimizer").control("amsgrad")).getSelection());
        assertEquals("7", ((Text) reopened.trainingForm().control("seed")).getText());
        assertEquals(probe, reopened.experiment().getProbes().get(0).getId());
        assertEquals("Ready to run.", reopened.message());
        page.closeEditor(reopened, false);
        page.openEditor(new ExperimentEditorInput(DescentPreferences.experimentsFolder().resolve("gaussian-mle.descent")),
                ExperimentEditor.ID);
        assertEquals("0.05", ((Text) sampleEditor().form("optimizer").control("lr")).getText(), "the sample is untouched");
    }

    @Test
    @Order(6)
    void aRunOpensReadOnly() throws Exception {
        RunFolder run = DescentPreferences.runStore().runs().get(0);
        ExperimentEditor editor = assertInstanceOf(ExperimentEditor.class,
                page.openEditor(new ExperimentEditorInput(run.runFile()), ExperimentEditor.ID));
        assertTrue(editor.isReadOnly());
        assertTrue(editor.getPartName().endsWith("(read-only)"), editor.getPartName());
        assertFalse(editor.combo("optimizer").isEnabled());
        assertFalse(editor.form("optimizer").control("lr").isEnabled());
        maximize(page.getReference(editor), true);
        Widgets.screenshot(window.getShell(), "editor-run-read-only.png");
        maximize(page.getReference(editor), false);
        page.closeEditor(editor, false);
    }

    @Test
    @Order(7)
    void renameAndDeleteAskFirst() throws Exception {
        NavigatorView navigator = navigator();
        Path file = DescentPreferences.experimentsFolder().resolve("to-rename.descent");
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling("renamed.descent"));
        ExperimentFiles.save(NewExperimentHandler.newExperiment("to-rename"), file);
        navigator.refresh();
        navigator.viewer().setSelection(new StructuredSelection(file), true);
        navigator.setNameInput((title, question, initial) -> "renamed");
        navigator.rename();
        assertFalse(Files.exists(file));
        Path renamed = file.resolveSibling("renamed.descent");
        assertTrue(Files.isRegularFile(renamed));
        assertTrue(rows(0).stream().anyMatch(r -> r.get(0).equals("renamed")), rows(0).toString());

        List<String> questions = new ArrayList<>();
        RunFolder run = DescentPreferences.runStore().runs().get(0);
        assertTrue(Files.isDirectory(run.dir().resolve("checkpoints")));
        navigator.viewer().setSelection(new StructuredSelection(run), true);
        navigator.setConfirmation((title, question) -> {
            questions.add(question);
            return false;
        });
        navigator.deleteAction().run();
        assertEquals(1, questions.size());
        assertTrue(questions.get(0).contains("Delete run " + NavigatorView.label(run)), questions.get(0));
        assertTrue(questions.get(0).contains(run.dir().toString()), questions.get(0));
        assertTrue(Files.isDirectory(run.dir()), "answered no, yet deleted");
        navigator.setConfirmation((title, question) -> {
            questions.add(question);
            return true;
        });
        navigator.deleteAction().run();
        assertEquals(2, questions.size());
        assertFalse(Files.exists(run.dir()), "the run folder is still there");
        assertTrue(row(run).isEmpty(), "the navigator still lists the deleted run");

        navigator.viewer().setSelection(new StructuredSelection(renamed), true);
        navigator.deleteAction().run();
        assertFalse(Files.exists(renamed));
    }

    @Test
    @Order(8)
    void fourPerspectivesAndThePreferencePage() throws Exception {
        List<String> ids = List.of(Perspectives.EXPERIMENT, Perspectives.MONITOR, Perspectives.ANALYSIS,
                Perspectives.PROFILER);
        List<String> labels = new ArrayList<>();
        for (String id : ids) {
            PlatformUI.getWorkbench().showPerspective(id, window);
            Widgets.spin(200);
            assertEquals(id, page.getPerspective().getId());
            assertNotNull(page.findView(NavigatorView.ID), "no navigator in " + id);
            labels.add(page.getPerspective().getLabel());
            Widgets.screenshot(window.getShell(), "perspective-" + id.substring(id.lastIndexOf('.') + 1) + ".png");
        }
        assertEquals(List.of("Experiment", "Monitor", "Analysis", "Profiler"), labels);
        assertEquals(ids, Arrays.stream(page.getOpenPerspectives()).map(p -> p.getId()).sorted(
                (a, b) -> ids.indexOf(a) - ids.indexOf(b)).toList());
        PlatformUI.getWorkbench().showPerspective(Perspectives.EXPERIMENT, window);

        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(), DescentPreferencePage.ID,
                new String[] { DescentPreferencePage.ID }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Widgets.spin(300);
            List<String> texts = Widgets.findAll(dialog.getShell(), Text.class).stream().map(Text::getText).toList();
            assertTrue(texts.contains(DescentPreferences.experimentsFolder().toString()), texts.toString());
            assertTrue(texts.contains(runs.toString()), texts.toString());
            Widgets.screenshot(dialog.getShell(), "preferences.png");
        } finally {
            dialog.close();
        }
    }
}
