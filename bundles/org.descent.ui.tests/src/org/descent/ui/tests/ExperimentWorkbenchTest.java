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
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.descent.core.ContributionRegistry;
import org.descent.core.ExtensionPoints;
import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.model.Experiment;
import org.descent.testing.ui.ScreenFit;
import org.descent.testing.BrokenBundle;
import org.descent.testing.broken.ThrowingStep;
import org.descent.testing.ui.Widgets;
import org.descent.ui.forms.HyperparameterForm;
import org.descent.ui.internal.ContributionsView;
import org.descent.ui.internal.DescentPreferencePage;
import org.descent.ui.internal.DescentPreferences;
import org.descent.ui.internal.ExperimentEditor;
import org.descent.ui.internal.ExperimentEditorInput;
import org.descent.ui.internal.NavigatorView;
import org.descent.ui.internal.NewExperimentHandler;
import org.descent.ui.internal.Perspectives;
import org.descent.ui.internal.RunJob;
import org.descent.ui.internal.SweepSection;
import org.eclipse.core.runtime.IStatus;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The experiment editor, the run navigator, the perspectives and the preferences, driven as a
 * user would in Descent's workbench under Xvfb: the sample opened on the first start, edits with
 * markers and undo, real training runs (done and cancelled), save and reopen, rename and delete.
 * Each test edits its own copy of the sample and trains its own runs, so that the tests hold in
 * any order; waits are on state (a condition polled while the event loop runs, with a timeout).
 */
class ExperimentWorkbenchTest {

    private static final long TIMEOUT_MS = 60_000;

    private static IWorkbenchWindow window;
    private static IWorkbenchPage page;
    private static Path runs;
    private static ContributionRegistry registry;
    private static LiveRuns liveRuns;
    private final List<IEditorPart> opened = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    @BeforeAll
    static void workbench() throws Exception {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window");
        page = window.getActivePage();
        runs = Files.createTempDirectory("descent-ui-runs");
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).put(DescentPreferences.RUN_STORE, runs.toString());
        registry = service(ContributionRegistry.class);
        liveRuns = service(LiveRuns.class);
        // the pointer away from the widgets, so that no tooltip covers the screenshots
        window.getShell().getDisplay().setCursorLocation(0, 1020);
    }

    @AfterAll
    static void resetPreferences() throws Exception {
        InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).remove(DescentPreferences.RUN_STORE);
        for (RunFolder f : DescentPreferences.runStore().runs()) {
            assertFalse(f.dir().startsWith(runs), "the run store preference is still set");
        }
    }

    @AfterEach
    void closeWhatThisTestOpened() throws Exception {
        for (IEditorPart e : opened) {
            page.closeEditor(e, false);
        }
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        PlatformUI.getWorkbench().showPerspective(Perspectives.EXPERIMENT, window);
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(ExperimentWorkbenchTest.class).getBundleContext(), type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(service, "no OSGi service " + type.getName());
        return service;
    }

    /** Waits on a condition; a timeout says what the navigator showed then. */
    private static void spinUntil(BooleanSupplier condition, long timeoutMs, String what) {
        try {
            Widgets.spinUntil(condition, timeoutMs, what);
        } catch (AssertionError e) {
            StringBuilder sb = new StringBuilder(e.getMessage());
            try {
                sb.append("\nnavigator shows ").append(navigator().snapshot()).append(rows(1));
            } catch (Exception x) {
                sb.append(x);
            }
            throw new AssertionError(sb.toString(), e);
        }
    }

    private static Path sample() {
        return DescentPreferences.experimentsFolder().resolve("gaussian-mle.descent");
    }

    private static ExperimentEditor sampleEditor() {
        for (IEditorReference ref : page.getEditorReferences()) {
            IEditorPart e = ref.getEditor(true);
            if (e instanceof ExperimentEditor x && x.file().equals(sample())) {
                return x;
            }
        }
        throw new AssertionError("the sample experiment is not open");
    }

    /** A copy of the sample in the experiments folder, opened in an editor; both go after the test. */
    private ExperimentEditor openCopy(String name) throws Exception {
        Path copy = DescentPreferences.experimentsFolder().resolve(name + ".descent");
        files.add(copy);
        Files.copy(sample(), copy, StandardCopyOption.REPLACE_EXISTING);
        ExperimentEditor editor = assertInstanceOf(ExperimentEditor.class,
                page.openEditor(new ExperimentEditorInput(copy), ExperimentEditor.ID));
        opened.add(editor);
        settled(editor);
        return editor;
    }

    /** Waits until the editor's header shows the validation of the experiment as it is now. */
    private static void settled(ExperimentEditor editor) {
        spinUntil(editor::isValidated, TIMEOUT_MS, "the experiment is validated");
    }

    /** A short run of the sample trained straight through the engine, in this test's run store. */
    private static RunFolder trainedRun(String label) throws Exception {
        Experiment x = ExperimentFiles.loadExperiment(sample());
        x.setSteps(20);
        RunFolder folder = DescentPreferences.runStore().newRun(label);
        new Trainer().train(ResolvedExperiment.resolve(x, registry, null), folder, null);
        return folder;
    }

    /** The navigator, showing a snapshot read after this call. */
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

    private static List<String> row(RunFolder f) {
        String name = NavigatorView.label(f);
        try {
            return rows(1).stream().filter(r -> r.get(0).equals(name)).findFirst().orElse(List.of());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean hasExperiment(String name) {
        try {
            return rows(0).stream().anyMatch(r -> r.get(0).equals(name));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void type(HyperparameterForm form, String name, String text) {
        ((Text) form.control(name)).setText(text);
    }

    /** The visible button with a label (the active editor's, not a hidden one's). */
    private static Button button(String text) {
        return Widgets.findAll(window.getShell(), Button.class).stream()
                .filter(b -> b.getText().equals(text) && b.isVisible()).findFirst().orElseThrow();
    }

    private static void maximize(IWorkbenchPartReference ref, boolean max) {
        page.setPartState(ref, max ? IWorkbenchPage.STATE_MAXIMIZED : IWorkbenchPage.STATE_RESTORED);
        Widgets.spin(200);
    }

    @Test
    void firstStartOpensTheSampleInTheExperimentPerspective() throws Exception {
        assertEquals(Perspectives.EXPERIMENT, page.getPerspective().getId());
        ExperimentEditor editor = sampleEditor();
        assertTrue(Files.isRegularFile(sample()));
        assertTrue(InstanceScope.INSTANCE.getNode(DescentPreferences.NODE).getBoolean(DescentPreferences.SAMPLE_OPENED,
                false), "the first start is not remembered");
        settled(editor);
        assertEquals("Ready to run.", editor.message());
        assertTrue(editor.combo("optimizer").getText().startsWith("adam"), editor.combo("optimizer").getText());
        assertEquals("0.05", ((Text) editor.form("optimizer").control("lr")).getText());
        assertEquals("500", ((Text) editor.trainingForm().control("steps")).getText());
        assertFalse(editor.isDirty());
        spinUntil(() -> hasExperiment("gaussian-mle"), TIMEOUT_MS, "the navigator lists the sample");
        page.activate(editor);
        Widgets.spin(100);
        ScreenFit.atBothSizes(window.getShell(), "editor-sample-first-start", size -> {
            for (String role : List.of("dataset", "model", "loss", "optimizer")) {
                HyperparameterForm form = editor.form(role);
                if (form != null) {
                    assertEquals(List.of(), ScreenFit.cutLabels(form.getControl()), role + " form at " + size);
                }
            }
            assertEquals(List.of(), ScreenFit.cutLabels(editor.trainingForm().getControl()), "training form at " + size);
            org.eclipse.swt.widgets.Tree navigator = Widgets.findAll(window.getShell(), org.eclipse.swt.widgets.Tree.class)
                    .stream().filter(t -> t.getColumnCount() > 1 && t.getColumn(1).getText().equals("Status")).findFirst()
                    .orElseThrow(() -> new AssertionError("no navigator tree"));
            assertEquals(List.of(), ScreenFit.cutColumns(navigator), "navigator at " + size);
        });
        ImageData image = Widgets.capture(window.getShell());
        assertTrue(Widgets.distinctPixels(image) > 8);
    }

    /**
     * The Training section's device field offers auto and the devices the workbench found (the cpu
     * backend's here), sets the experiment's device, and an unknown device typed in is named in
     * the header with the devices there are.
     */
    @Test
    void deviceFieldOffersTheDevicesFound() throws Exception {
        ExperimentEditor editor = openCopy("device-by-test");
        page.activate(editor);
        Combo device = assertInstanceOf(Combo.class, editor.trainingForm().control("device"));
        spinUntil(() -> device.getItemCount() >= 2, TIMEOUT_MS, "the device field lists the devices found");
        List<String> items = Arrays.asList(device.getItems());
        assertTrue(items.get(0).startsWith("auto - "), items.toString());
        int cpu = 0;
        while (cpu < items.size() && !items.get(cpu).startsWith("cpu - ")) {
            cpu++;
        }
        assertTrue(cpu < items.size(), items.toString());
        assertTrue(device.getText().startsWith("auto - "), "the sample's device: " + device.getText());
        device.select(cpu);
        device.notifyListeners(SWT.Modify, new org.eclipse.swt.widgets.Event());
        assertEquals("cpu", editor.experiment().getDevice());
        settled(editor);
        assertEquals("Ready to run.", editor.message());
        device.setText("tpu:0");
        assertEquals("tpu:0", editor.experiment().getDevice());
        settled(editor);
        assertTrue(editor.message().contains("device: unknown device 'tpu:0': expected auto or one of the backends cpu"
                + " (available)"), editor.message());
        device.select(cpu);
        device.notifyListeners(SWT.Modify, new org.eclipse.swt.widgets.Event());
        settled(editor);
        maximize(page.getReference(editor), true);
        editor.reveal(editor.trainingForm().getControl().getParent());
        Widgets.spin(100);
        Widgets.screenshot(window.getShell(), "editor-device.png");
        maximize(page.getReference(editor), false);
    }

    @Test
    void invalidValueIsMarkedAndUndoRestoresIt() throws Exception {
        ExperimentEditor editor = openCopy("undo-by-test");
        page.activate(editor);
        HyperparameterForm adam = editor.form("optimizer");
        type(adam, "lr", "-0.1");
        String problem = "optimizer 'adam': hyperparameter 'lr': '-0.1' is not valid, expected a value in (0,inf)";
        assertEquals(problem, adam.problems().get("lr"), "marked as typed, on the UI thread");
        settled(editor);
        assertTrue(editor.message().contains(problem), editor.message());
        assertTrue(editor.isDirty());
        assertEquals("-0.1", editor.experiment().getOptimizer().getSettings().get(0).getValue());
        maximize(page.getReference(editor), true);
        Widgets.screenshot(window.getShell(), "editor-invalid-value.png");
        maximize(page.getReference(editor), false);

        // Edit > Undo as the workbench runs it (Ctrl+Z)
        window.getService(IHandlerService.class).executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
        assertEquals("0.05", ((Text) adam.control("lr")).getText());
        assertTrue(adam.problems().isEmpty(), adam.problems().toString());
        settled(editor);
        assertEquals("Ready to run.", editor.message());
        assertFalse(editor.isDirty());
        editor.redoAction().run();
        assertEquals("-0.1", ((Text) adam.control("lr")).getText());
        editor.undoAction().run();
        assertEquals("0.05", ((Text) adam.control("lr")).getText());

        // another optimizer: its own form, from its own defaults (adam's lr 0.05 was set against adam's
        // default 0.001; sgd's default is 0.01, so the value does not carry over); undo brings adam back
        Combo optimizer = editor.combo("optimizer");
        int sgd = Arrays.asList(optimizer.getItems()).indexOf(Arrays.stream(optimizer.getItems())
                .filter(i -> i.startsWith("sgd ")).findFirst().orElseThrow());
        optimizer.select(sgd);
        optimizer.notifyListeners(SWT.Selection, null);
        HyperparameterForm sgdForm = editor.form("optimizer");
        Text lr = (Text) sgdForm.control("lr");
        assertEquals("", lr.getText(), "not set: sgd's default applies");
        assertEquals("default 0.01", lr.getMessage());
        assertTrue(editor.experiment().getOptimizer().getSettings().isEmpty(),
                "nothing set: " + editor.experiment().getOptimizer().getSettings());
        assertEquals(registry.find(ExtensionPoints.OPTIMIZERS, "sgd").orElseThrow().description(),
                editor.description("optimizer"), "the whole description, not its first sentence");
        assertInstanceOf(Button.class, sgdForm.control("nesterov"));
        assertEquals("sgd", editor.experiment().getOptimizer().getId());
        editor.undoAction().run();
        assertEquals("adam", editor.experiment().getOptimizer().getId());
        assertTrue(editor.combo("optimizer").getText().startsWith("adam"));

        // a budget that is not a number is marked and blocks the run, naming the field
        type(editor.trainingForm(), "steps", "many");
        settled(editor);
        assertTrue(editor.message().contains("hyperparameter 'steps': 'many' is not valid, expected a whole number"),
                editor.message());
        List<String> shown = new ArrayList<>();
        editor.setProblemDialog((title, message) -> shown.add(title + ": " + message));
        assertNull(editor.run());
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).contains("'steps'"), shown.get(0));
        type(editor.trainingForm(), "steps", "500");
        settled(editor);
        assertEquals("Ready to run.", editor.message());
        assertFalse(editor.isDirty());
    }

    /** Checks or unchecks a check box, or presses a button, as a click does. */
    private static void click(Button b, boolean selection) {
        b.setSelection(selection);
        b.notifyListeners(SWT.Selection, null);
    }

    /**
     * The Sweep section: parameters chosen from the chosen optimizer's declared hyperparameters
     * (and the training settings), bad bounds named as they are typed, the sweep saved in the
     * file as the study descent sweep runs, and Run sweep as a job whose cancel keeps the trials
     * that finished (two trials of 20 steps end, the third of 10^8 steps is cancelled as it
     * trains, the fourth never starts).
     */
    @Test
    void aSweepIsChosenValidatedSavedRunAndCancelled() throws Exception {
        ExperimentEditor editor = openCopy("sweep-by-test");
        SweepSection sweep = editor.sweepSection();
        click(sweep.enabledButton(), true);
        settled(editor);
        org.descent.experiment.model.Sweep model = editor.experiment().getSweep();
        assertNotNull(model);
        assertEquals("none", model.getScheduler(), "the sample's budget is in steps: ASHA cannot compare epochs");
        org.descent.core.Contribution adam = registry.find(ExtensionPoints.OPTIMIZERS, "adam").orElseThrow();
        List<String> offered = Arrays.asList(sweep.nameCombo(0).getItems());
        for (org.descent.core.Hyperparameter h : adam.hyperparameters()) {
            assertTrue(offered.contains("optimizer." + h.name()), "adam's " + h.name() + " is offered: " + offered);
        }
        assertTrue(offered.containsAll(List.of("model.sigma", "optimizer", "seed", "batch")), offered.toString());
        // the optimizer's first hyperparameter, log-uniform over a decade either side of its declared default
        String lr = adam.hyperparameters().get(0).name();
        assertEquals("optimizer." + lr, model.getParameters().get(0).getName());
        double d = Double.parseDouble(adam.hyperparameters().get(0).defaultText());
        org.descent.sweep.Distribution.LogUniform start = assertInstanceOf(org.descent.sweep.Distribution.LogUniform.class,
                org.descent.sweep.Distribution.parse(model.getParameters().get(0).getDistribution()));
        assertEquals(d / 10, start.low(), 1e-3 * d);
        assertEquals(d * 10, start.high(), 1e-2 * d);
        assertEquals("loguniform", sweep.kindCombo(0).getText());

        // bounds the wrong way round are named as they are typed; a run of the experiment is not blocked
        sweep.valuesText(0).setText("0.1, 0.001");
        settled(editor);
        assertEquals("sweep parameter 'optimizer." + lr + "': 'loguniform(0.1, 0.001)': the lower bound 0.1 must be"
                + " below the upper bound 0.001", sweep.problemsText());
        assertEquals("Ready to run.", editor.message());
        sweep.valuesText(0).setText("0.001, 0.1");
        // a second parameter: the budget, 20 steps or 10^8 (cancelled below), and two seeds
        click(sweep.addButton(), true);
        Combo name = sweep.nameCombo(1);
        name.select(Arrays.asList(name.getItems()).indexOf(Arrays.stream(name.getItems())
                .filter(i -> i.equals("steps")).findFirst().orElseThrow()));
        name.notifyListeners(SWT.Selection, null);
        assertEquals("steps", model.getParameters().get(1).getName());
        assertEquals("grid", sweep.kindCombo(1).getText(), "a whole number starts as a grid");
        sweep.valuesText(1).setText("20, 100000000");
        type(sweep.form(), "seeds", "0..1");
        settled(editor);
        assertEquals("Ready to sweep: 4 trials.", sweep.problemsText(), "2 budgets x 2 seeds, one draw each");
        // edits are commands: undo takes the seeds back, redo brings them
        editor.undoAction().run();
        settled(editor);
        assertEquals("", ((Text) sweep.form().control("seeds")).getText());
        assertEquals("Ready to sweep: 2 trials.", sweep.problemsText());
        editor.redoAction().run();
        settled(editor);
        assertEquals("0..1", ((Text) sweep.form().control("seeds")).getText());
        assertEquals("Ready to sweep: 4 trials.", sweep.problemsText());

        maximize(page.getReference(editor), true);
        ScreenFit.atBothSizes(window.getShell(), "editor-sweep", size -> {
            editor.reveal(sweep.control());
            Widgets.spin(100);
            assertEquals(List.of(), ScreenFit.cutLabels(sweep.control()), "sweep section at " + size);
        });
        maximize(page.getReference(editor), false);

        // saved in the file: the study descent sweep --experiment runs
        editor.doSave(null);
        Experiment saved = ExperimentFiles.loadExperiment(editor.file());
        org.descent.sweep.Study study = org.descent.sweep.SweepSettings.study(saved.getSweep(), saved);
        assertEquals(List.of("optimizer." + lr + "=loguniform(0.001,0.1)", "steps=grid(20,100000000)", "seed=grid(0,1)"),
                study.space().parameters().stream().map(org.descent.sweep.SearchSpace.Parameter::text).toList());
        assertEquals(1, study.samples());
        assertNull(study.asha());

        // Run sweep; cancel once the first two trials are done and the third trains
        org.descent.ui.internal.SweepJob job = editor.runSweep();
        assertNotNull(job);
        spinUntil(() -> {
            org.descent.sweep.SweepFolder f = job.folder();
            if (f == null) {
                return false;
            }
            try {
                // the sweep file's statuses (a run of this process reads as interrupted to its own process)
                List<String> t = ((List<?>) f.read().get("trials")).stream().map(o -> String.valueOf(((Map<?, ?>) o)
                        .get("status"))).toList();
                return t.get(0).equals("done") && t.get(1).equals("done") && t.get(2).equals("running")
                        && f.trial(2).isRun();
            } catch (java.io.IOException | RuntimeException e) {
                return false;
            }
        }, TIMEOUT_MS, "two trials done and the third training");
        assertTrue(sweep.cancelButton().isEnabled());
        click(sweep.cancelButton(), false);
        spinUntil(() -> job.outcome() != null && job.getResult() != null, TIMEOUT_MS, "the sweep stops");
        org.descent.ui.internal.SweepJob.Outcome outcome = job.outcome();
        assertEquals("cancelled", outcome.outcome().status());
        assertEquals(Map.of("done", 2, "cancelled", 1, "pending", 1), outcome.outcome().counts());
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        org.descent.sweep.SweepFolder folder = job.folder();
        for (int i = 0; i < 2; i++) {
            org.descent.experiment.model.Run run = folder.trial(i).readRun();
            assertEquals(RunStatus.DONE, run.getStatus(), "trial " + i + " is kept");
            assertEquals(20, run.getStep());
        }
        assertEquals(RunStatus.CANCELLED, folder.trial(2).readRun().getStatus());
        assertEquals("cancelled", folder.summary().get("status"));
        spinUntil(() -> sweep.statusText().contains(": cancelled (1 cancelled, 2 done, 1 pending)"), TIMEOUT_MS,
                "the editor says how the sweep ended");
        assertFalse(sweep.cancelButton().isEnabled());
    }

    /** Chooses a contribution in a component's combo, as the user does. */
    private static void choose(ExperimentEditor editor, String kind, String id) {
        Combo combo = editor.combo(kind);
        int index = Arrays.asList(combo.getItems()).indexOf(Arrays.stream(combo.getItems())
                .filter(i -> i.startsWith(id + " ")).findFirst().orElseThrow());
        combo.select(index);
        combo.notifyListeners(SWT.Selection, null);
    }

    @Test
    void brokenContributionsAreNotOfferedAndTheEditorSaysWhy() throws Exception {
        try (BrokenBundle broken = BrokenBundle.install()) {
            ExperimentEditor editor = openCopy("broken-by-test");
            List<String> items = Arrays.asList(editor.combo("optimizer").getItems());
            assertTrue(items.stream().anyMatch(i -> i.startsWith(BrokenBundle.STEP + " ")), "usable until used: " + items);
            for (String id : List.of(BrokenBundle.MISSING, BrokenBundle.WRONG_TYPE)) {
                assertTrue(items.stream().noneMatch(i -> i.startsWith(id)), id + " is offered: " + items);
            }
            assertEquals(registry.find(ExtensionPoints.OPTIMIZERS, "adam").orElseThrow().description(),
                    editor.description("optimizer"), "the whole description, not its first sentence");
            String overview = ContributionsView.overview(registry);
            assertTrue(overview.contains("org.example.broken: org.descent.core.optimizers: optimizer 'broken-missing': class "
                    + BrokenBundle.MISSING_CLASS + " is not found in bundle org.example.broken"), overview);

            // an experiment file that names a broken one is told why
            Path file = DescentPreferences.experimentsFolder().resolve("names-broken-by-test.descent");
            files.add(file);
            Files.writeString(file, Files.readString(sample()).replace("<optimizer id=\"adam\">",
                    "<optimizer id=\"" + BrokenBundle.WRONG_TYPE + "\">"));
            ExperimentEditor named = assertInstanceOf(ExperimentEditor.class,
                    page.openEditor(new ExperimentEditorInput(file), ExperimentEditor.ID));
            opened.add(named);
            settled(named);
            assertTrue(named.message().contains("optimizer 'broken-type': installed by bundle org.example.broken but left"
                    + " out: class org.descent.testing.broken.NotAnOptimizer is not an implementation of"
                    + " org.descent.core.Optimizer"), named.message());
        }
    }

    @Test
    void aPluginThatThrowsWhileTrainingFailsItsRunAndTheWorkbenchGoesOn() throws Exception {
        try (BrokenBundle broken = BrokenBundle.install()) {
            ExperimentEditor editor = openCopy("throwing-by-test");
            choose(editor, "optimizer", BrokenBundle.STEP);
            settled(editor);
            assertEquals("Ready to run.", editor.message());
            RunJob job = editor.run();
            assertNotNull(job);
            spinUntil(() -> job.outcome() != null, TIMEOUT_MS, "the run ends");
            assertEquals(RunStatus.FAILED, job.outcome().status());
            assertTrue(job.outcome().summary().contains("failed at step " + ThrowingStep.FAILING_STEP
                    + ": optimizer 'broken-step' (org.example.broken) failed in step: IllegalStateException: "
                    + ThrowingStep.MESSAGE), job.outcome().summary());
            spinUntil(() -> row(job.folder()).size() == 4 && "failed".equals(row(job.folder()).get(1)), TIMEOUT_MS,
                    "the navigator shows it failed");
            // the workbench goes on: the same editor trains with adam
            choose(editor, "optimizer", "adam");
            settled(editor);
            RunJob next = editor.run();
            assertNotNull(next);
            spinUntil(() -> next.outcome() != null, TIMEOUT_MS, "the next run ends");
            assertEquals(RunStatus.DONE, next.outcome().status(), next.outcome().summary());
        }
    }

    @Test
    void aRunShowsAsRunningThenDone() throws Exception {
        ExperimentEditor editor = openCopy("run-by-test");
        // the run waits at its first step until the navigator has shown it running
        CountDownLatch shownRunning = new CountDownLatch(1);
        RunJob job;
        AutoCloseable gate = liveRuns.observe(f -> new RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double gradientNorm, double learningRate,
                    Map<String, Double> probes) {
                // the run folder is named after the experiment: yyyyMMdd-HHmmss-run-by-test
                if (f.dir().getFileName().toString().endsWith("-run-by-test")) {
                    try {
                        shownRunning.await(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        try {
            job = editor.run();
            assertNotNull(job);
            assertTrue(job.folder().dir().startsWith(runs), job.folder().dir().toString());
            spinUntil(() -> row(job.folder()).size() == 4 && row(job.folder()).get(1).equals("running"), TIMEOUT_MS,
                    "the navigator shows the run running");
            navigator().viewer().setSelection(new StructuredSelection(job.folder()), true);
            Widgets.spin(100);
            Widgets.screenshot(window.getShell(), "navigator-run-live.png");
        } finally {
            shownRunning.countDown();
            gate.close();
        }
        RunFolder folder = job.folder();
        spinUntil(() -> job.outcome() != null && "done".equals(row(folder).get(1)), TIMEOUT_MS,
                "the run is done in the navigator");
        assertEquals(RunStatus.DONE, job.outcome().status());
        spinUntil(() -> job.getResult() != null, TIMEOUT_MS, "the job ends");
        assertEquals(IStatus.OK, job.getResult().getSeverity());
        List<String> r = row(folder);
        assertEquals("500", r.get(2));
        double loss = Double.parseDouble(r.get(3));
        assertTrue(loss > 1.5 && loss < 2.5, "final NLL " + loss);
        spinUntil(() -> editor.lastRunText().contains("done after 500 steps"), TIMEOUT_MS, "the editor reports the run");
        navigator().viewer().setSelection(new StructuredSelection(folder), true);
        Widgets.spin(100);
        Widgets.screenshot(window.getShell(), "navigator-run-done.png");
    }

    @Test
    void aLongRunIsCancelled() throws Exception {
        ExperimentEditor editor = openCopy("cancel-by-test");
        type(editor.trainingForm(), "steps", "100000000");
        RunJob job = editor.run();
        assertNotNull(job);
        spinUntil(() -> {
            List<String> r = row(job.folder());
            return !r.isEmpty() && r.get(1).equals("running") && !r.get(2).equals("0");
        }, TIMEOUT_MS, "the long run trains");
        Button cancel = button("&Cancel runs");
        assertTrue(cancel.isEnabled());
        cancel.notifyListeners(SWT.Selection, null);
        spinUntil(() -> job.outcome() != null && row(job.folder()).get(1).equals("cancelled"), TIMEOUT_MS,
                "the run shows as cancelled");
        assertEquals(RunStatus.CANCELLED, job.outcome().status());
        spinUntil(() -> job.getResult() != null, TIMEOUT_MS, "the job ends");
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        assertTrue(job.outcome().summary().contains("cancelled at step"), job.outcome().summary());
        spinUntil(() -> editor.lastRunText().contains("cancelled"), TIMEOUT_MS, "the editor reports the cancellation");
        assertTrue(editor.activeJobs().isEmpty());
        type(editor.form("dataset"), "n", "2000");
        type(editor.form("dataset"), "n", "");
        assertTrue(editor.experiment().getDataset().getSettings().isEmpty(), "emptied fields take their defaults");
    }

    @Test
    void saveAsSaveAndReopenKeepTheValues() throws Exception {
        ExperimentEditor editor = openCopy("original-by-test");
        Path original = editor.file();
        Path copy = DescentPreferences.experimentsFolder().resolve("saved-by-test.descent");
        files.add(copy);
        Files.deleteIfExists(copy);
        assertTrue(editor.saveAs(copy));
        assertEquals(copy, editor.file());
        type(editor.form("optimizer"), "lr", "0.02");
        type(editor.trainingForm(), "seed", "7");
        ((Button) editor.form("optimizer").control("amsgrad")).setSelection(true);
        editor.form("optimizer").control("amsgrad").notifyListeners(SWT.Selection, null);
        button("Add probe").notifyListeners(SWT.Selection, null);
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
        opened.add(reopened);
        assertEquals("0.02", ((Text) reopened.form("optimizer").control("lr")).getText());
        assertTrue(((Button) reopened.form("optimizer").control("amsgrad")).getSelection());
        assertEquals("7", ((Text) reopened.trainingForm().control("seed")).getText());
        assertEquals(probe, reopened.experiment().getProbes().get(0).getId());
        settled(reopened);
        assertEquals("Ready to run.", reopened.message());
        assertEquals("0.05", ExperimentFiles.loadExperiment(original).getOptimizer().getSettings().stream()
                .filter(x -> x.getName().equals("lr")).findFirst().orElseThrow().getValue(),
                "the file saved from is untouched");
    }

    @Test
    void aRunOpensReadOnly() throws Exception {
        RunFolder run = trainedRun("read-only");
        ExperimentEditor editor = assertInstanceOf(ExperimentEditor.class,
                page.openEditor(new ExperimentEditorInput(run.runFile()), ExperimentEditor.ID));
        opened.add(editor);
        assertTrue(editor.isReadOnly());
        assertTrue(editor.getPartName().endsWith("(read-only)"), editor.getPartName());
        assertFalse(editor.combo("optimizer").isEnabled());
        assertFalse(editor.form("optimizer").control("lr").isEnabled());
        settled(editor);
        assertTrue(editor.message().contains("read-only"), editor.message());
        maximize(page.getReference(editor), true);
        Widgets.screenshot(window.getShell(), "editor-run-read-only.png");
        maximize(page.getReference(editor), false);
    }

    @Test
    void renameAndDeleteAskFirst() throws Exception {
        NavigatorView navigator = navigator();
        Path file = DescentPreferences.experimentsFolder().resolve("to-rename.descent");
        Path renamed = file.resolveSibling("renamed.descent");
        files.add(file);
        files.add(renamed);
        Files.deleteIfExists(file);
        Files.deleteIfExists(renamed);
        ExperimentFiles.save(NewExperimentHandler.newExperiment("to-rename"), file);
        navigator.refresh();
        spinUntil(() -> hasExperiment("to-rename"), TIMEOUT_MS, "the navigator lists the new file");
        navigator.viewer().setSelection(new StructuredSelection(file), true);
        navigator.setNameInput((title, question, initial) -> "renamed");
        navigator.rename();
        spinUntil(() -> !Files.exists(file) && Files.isRegularFile(renamed), TIMEOUT_MS, "the file renamed (in a job)");
        spinUntil(() -> hasExperiment("renamed") && !hasExperiment("to-rename"), TIMEOUT_MS,
                "the navigator lists the renamed file");

        List<String> questions = new ArrayList<>();
        RunFolder run = trainedRun("to-delete");
        assertTrue(Files.isDirectory(run.dir().resolve("checkpoints")));
        spinUntil(() -> !row(run).isEmpty(), TIMEOUT_MS, "the navigator lists the run");
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
        spinUntil(() -> !Files.exists(run.dir()), TIMEOUT_MS, "the delete job removes the run folder");
        spinUntil(() -> row(run).isEmpty(), TIMEOUT_MS, "the navigator drops the deleted run");

        navigator.viewer().setSelection(new StructuredSelection(renamed), true);
        navigator.deleteAction().run();
        spinUntil(() -> !Files.exists(renamed), TIMEOUT_MS, "the delete job removes the experiment file");
    }

    @Test
    void theNavigatorReadsNoFileOnTheUiThread() throws Exception {
        NavigatorView navigator = navigator();
        Thread ui = window.getShell().getDisplay().getThread();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> readers = new CopyOnWriteArrayList<>();
        RunFolder run = trainedRun("slow-to-read");
        try {
            // a run file that takes as long as the test wants to read
            navigator.setRunReader(f -> {
                readers.add(Thread.currentThread());
                reading.countDown();
                try {
                    release.await(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return f.readRun();
            });
            navigator.refresh();
            spinUntil(() -> reading.getCount() == 0, TIMEOUT_MS, "the navigator reads the run file");
            // the UI thread goes on while the read waits: it answers events and redraws
            boolean[] answered = { false };
            window.getShell().getDisplay().asyncExec(() -> answered[0] = true);
            spinUntil(() -> answered[0], TIMEOUT_MS, "the UI thread answers while a run file is being read");
            navigator.viewer().refresh();
            assertEquals(1, release.getCount(), "the read was still waiting");
        } finally {
            release.countDown();
        }
        spinUntil(() -> row(run).size() == 4 && row(run).get(1).equals("done"), TIMEOUT_MS,
                "the run shows once read");
        assertEquals("20", row(run).get(2));
        assertFalse(readers.isEmpty());
        assertTrue(readers.stream().noneMatch(t -> t == ui), "a run file was read on the UI thread");
        navigator.setRunReader(RunFolder::readRun);
    }

    @Test
    void fourPerspectivesAndThePreferencePage() throws Exception {
        List<String> ids = List.of(Perspectives.EXPERIMENT, Perspectives.MONITOR, Perspectives.ANALYSIS,
                Perspectives.PROFILER);
        List<String> labels = new ArrayList<>();
        for (String id : ids) {
            PlatformUI.getWorkbench().showPerspective(id, window);
            assertEquals(id, page.getPerspective().getId());
            assertNotNull(page.findView(NavigatorView.ID), "no navigator in " + id);
            if (id.equals(Perspectives.MONITOR)) {
                // views in tabs not shown yet have no 3.x reference: look in the window's model
                org.eclipse.e4.ui.workbench.modeling.EModelService models = window
                        .getService(org.eclipse.e4.ui.workbench.modeling.EModelService.class);
                org.eclipse.e4.ui.model.application.ui.basic.MWindow model = window
                        .getService(org.eclipse.e4.ui.model.application.ui.basic.MWindow.class);
                for (String view : List.of(Perspectives.MONITOR_VIEW, Perspectives.COMPARISON_VIEW,
                        Perspectives.SWEEP_VIEW)) {
                    assertFalse(models.findElements(models.getActivePerspective(model), view,
                            org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder.class, null).isEmpty(),
                            view + " in the Monitor perspective");
                }
            }
            labels.add(page.getPerspective().getLabel());
            Widgets.spin(200);
            Widgets.screenshot(window.getShell(), "perspective-" + id.substring(id.lastIndexOf('.') + 1) + ".png");
        }
        assertEquals(List.of("Experiment", "Monitor", "Analysis", "Profiler"), labels);
        assertTrue(Arrays.stream(page.getOpenPerspectives()).map(p -> p.getId()).toList().containsAll(ids));
        PlatformUI.getWorkbench().showPerspective(Perspectives.EXPERIMENT, window);

        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(), DescentPreferencePage.ID,
                new String[] { DescentPreferencePage.ID }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            List<String> texts = Widgets.findAll(dialog.getShell(), Text.class).stream().map(Text::getText).toList();
            assertTrue(texts.contains(DescentPreferences.experimentsFolder().toString()), texts.toString());
            assertTrue(texts.contains(runs.toString()), texts.toString());
            List<String> devices = Widgets.findAll(dialog.getShell(), Combo.class).stream()
                    .flatMap(c -> Arrays.stream(c.getItems())).filter(i -> i.startsWith("auto - ") || i.startsWith("cpu - "))
                    .toList();
            assertEquals(2, devices.size(), "the default device offers auto and the cpu: " + devices);
            Widgets.spin(200);
            Widgets.screenshot(dialog.getShell(), "preferences.png");
        } finally {
            dialog.close();
        }
    }
}
