package org.descent.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.descent.compute.Backends;
import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.ExtensionPoints;
import org.descent.core.Hyperparameter;
import org.descent.core.RunStatus;
import org.descent.experiment.Components;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.ExperimentDevice;
import org.descent.experiment.TrainingSettings;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.ExperimentPackage;
import org.descent.experiment.model.Run;
import org.descent.experiment.model.Setting;
import org.descent.experiment.model.Sweep;
import org.descent.experiment.model.SweptParameter;
import org.descent.sweep.SweepSettings;
import org.descent.ui.forms.HyperparameterForm;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorPart;

/**
 * The experiment editor: data set, model, loss, optimizer, schedule, regularizers and probes
 * chosen from the installed contributions, each with a form generated from its declared
 * hyperparameters, and the training budget and numerics. Edits are EMF commands on an editing
 * domain (undo, redo, dirty state); problems are marked on the fields as you type and listed in
 * the header. Run trains the experiment in a background job; several can run at once.
 * A run's file opens read-only (its experiment as it ran).
 */
public final class ExperimentEditor extends EditorPart {

    public static final String ID = "org.descent.ui.editors.experiment";

    private static final ExperimentPackage P = ExperimentPackage.eINSTANCE;
    private static final ExperimentFactory F = ExperimentFactory.eINSTANCE;

    /** A single component's role: feature, title, extension point and element kind. */
    private record Role(EReference feature, String title, String point, String kind, boolean optional) {
    }

    private static final List<Role> SINGLE_ROLES = List.of(
            new Role(P.getExperiment_Dataset(), "Data set", ExtensionPoints.DATASETS, "dataset", false),
            new Role(P.getExperiment_Optimizer(), "Optimizer", ExtensionPoints.OPTIMIZERS, "optimizer", false),
            new Role(P.getExperiment_Model(), "Model", ExtensionPoints.MODELS, "model", false),
            new Role(P.getExperiment_Schedule(), "Schedule", ExtensionPoints.SCHEDULES, "schedule", true),
            new Role(P.getExperiment_Loss(), "Loss", ExtensionPoints.LOSSES, "loss", false));
    private static final List<Role> LIST_ROLES = List.of(
            new Role(P.getExperiment_Regularizers(), "Regularizer", ExtensionPoints.LOSSES, "regularizer", false),
            new Role(P.getExperiment_Probes(), "Probe", ExtensionPoints.PROBES, "probe", false));

    /** The training budget and numerics, as declared in the experiment model, so that they get the same form. */
    static final List<Hyperparameter> TRAINING = TrainingSettings.declarations();
    /** The training setting of the compute device, offered in a drop-down of the devices found. */
    static final String DEVICE = P.getExperiment_Device().getName();

    /** Asks the user something; replaced by tests. */
    @FunctionalInterface
    public interface Problems {
        void show(String title, String message);
    }

    private Experiment experiment;
    private Path file;
    private boolean readOnly;
    private @Nullable Run run;
    private ReflectiveItemProviderAdapterFactory adapterFactory;
    private BasicCommandStack stack;
    private AdapterFactoryEditingDomain domain;
    private ContributionRegistry registry;
    /** True while a command made from a widget edit executes: that widget already shows the value. */
    private boolean editing;
    /** A layout is asked for and not done yet (see {@link #layOutSoon()}). */
    private boolean layoutPending;

    private ScrolledComposite scroll;
    private Composite content;
    private Label title;
    private Label messageIcon;
    private Label message;
    private Label lastRun;
    private Button runButton;
    private Button cancelButton;
    private Text nameText;
    private Text descriptionText;
    private final Map<EReference, ComponentSection> sections = new LinkedHashMap<>();
    private final Map<EReference, Group> listGroups = new LinkedHashMap<>();
    private final Map<EReference, List<ComponentSection>> listSections = new LinkedHashMap<>();
    private HyperparameterForm training;
    private StackAction undo;
    private StackAction redo;
    /** The number of the newest validation, and of the one the header shows. */
    private final AtomicLong validations = new AtomicLong();
    private long shownValidation;
    private @Nullable Job validating;
    private final List<RunJob> jobs = new CopyOnWriteArrayList<>();
    private SweepSection sweepSection;
    private final List<SweepJob> sweepJobs = new CopyOnWriteArrayList<>();
    private Problems problemDialog = (t, m) -> MessageDialog.openError(getSite().getShell(), t, m);

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IPathEditorInput in)) {
            throw new PartInitException("The experiment editor opens .descent files, not " + input.getName());
        }
        ExperimentEditorInput editorInput = input instanceof ExperimentEditorInput e ? e
                : new ExperimentEditorInput(in.getPath().toPath());
        setSite(site);
        setInput(editorInput);
        load(editorInput.file());
        registry = Services.get(ContributionRegistry.class);
        adapterFactory = new ReflectiveItemProviderAdapterFactory();
        stack = new BasicCommandStack();
        domain = new AdapterFactoryEditingDomain(adapterFactory, stack);
        Resource resource = new ResourceImpl(URI.createFileURI(file.toString()));
        domain.getResourceSet().getResources().add(resource);
        resource.getContents().add(experiment);
        // called on the UI thread, inside execute, undo and redo
        stack.addCommandStackListener(e -> {
            if (content != null && !content.isDisposed()) {
                commandStackChanged();
            }
        });
    }

    private void load(Path path) throws PartInitException {
        try {
            EObject root = ExperimentFiles.load(path);
            file = path;
            if (root instanceof Run r) {
                run = r;
                readOnly = true;
                experiment = EcoreUtil.copy(r.getExperiment());
            } else {
                readOnly = false;
                experiment = (Experiment) root;
            }
        } catch (ExperimentException e) {
            ILog.of(ExperimentEditor.class).log(Status.error("Cannot open " + path, e));
            throw new PartInitException(String.join("\n", e.problems()), e);
        }
        setPartName(getEditorInput().getName() + (readOnly ? " (read-only)" : ""));
        setTitleToolTip(path.toString());
    }

    // ---- controls

    @Override
    public void createPartControl(Composite parent) {
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        content = new Composite(scroll, SWT.NONE);
        scroll.setContent(content);
        GridLayoutFactory.swtDefaults().numColumns(2).equalWidth(true).spacing(10, 10).margins(10, 10).applyTo(content);
        createHeader(content);
        createGeneral(content);
        for (Role r : SINGLE_ROLES) {
            List<Contribution> choices = choices(r);
            ComponentSection s = new ComponentSection(content, r.title(), choices, r.optional(),
                    id -> setComponent(r, id), (name, text, problem) -> setSetting(component(r), name, text), null);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(s.control());
            sections.put(r.feature(), s);
        }
        Group trainingGroup = new Group(content, SWT.NONE);
        trainingGroup.setText("Training");
        GridLayoutFactory.swtDefaults().applyTo(trainingGroup);
        GridDataFactory.fillDefaults().grab(true, false).span(1, 2).applyTo(trainingGroup);
        training = new HyperparameterForm(trainingGroup, "", TRAINING, trainingValues(), Set.of(DEVICE));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(training.getControl());
        training.addListener(this::setTrainingValue);
        offerDevices();
        for (Role r : LIST_ROLES) {
            Group g = new Group(content, SWT.NONE);
            g.setText(r.title() + "s");
            GridLayoutFactory.swtDefaults().numColumns(2).applyTo(g);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(g);
            listGroups.put(r.feature(), g);
            listSections.put(r.feature(), new ArrayList<>());
        }
        sweepSection = new SweepSection(content, new SweepEdits());
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(sweepSection.control());
        scroll.addListener(SWT.Resize, e -> updateScroll());
        createActions();
        refresh();
        setEnabled(!readOnly);
    }

    private void createHeader(Composite parent) {
        Composite header = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(header);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(8, 4).applyTo(header);
        title = new Label(header, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(title);
        runButton = new Button(header, SWT.PUSH);
        runButton.setText("\u25B6 &Run");
        runButton.setToolTipText("Train this experiment in the background into a new run folder (Ctrl+F11)");
        runButton.addListener(SWT.Selection, e -> run());
        cancelButton = new Button(header, SWT.PUSH);
        cancelButton.setText("&Cancel runs");
        cancelButton.setToolTipText("Cancel the runs started from this editor that are still training (Ctrl+F2)");
        cancelButton.addListener(SWT.Selection, e -> cancelRuns());
        cancelButton.setEnabled(false);
        messageIcon = new Label(header, SWT.NONE);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(messageIcon);
        message = new Label(header, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(600, SWT.DEFAULT).applyTo(message);
        new Label(header, SWT.NONE);
        lastRun = new Label(header, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(600, SWT.DEFAULT).applyTo(lastRun);
    }

    private void createGeneral(Composite parent) {
        Group g = new Group(parent, SWT.NONE);
        g.setText("Experiment");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(g);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(g);
        new Label(g, SWT.NONE).setText("Name:");
        nameText = new Text(g, SWT.BORDER);
        nameText.setMessage(getEditorInput().getName());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(nameText);
        nameText.addListener(SWT.Modify, e -> setAttribute(P.getExperiment_Name(), nameText.getText(), "name"));
        new Label(g, SWT.NONE).setText("Description:");
        descriptionText = new Text(g, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(descriptionText);
        descriptionText.addListener(SWT.Modify,
                e -> setAttribute(P.getExperiment_Description(), descriptionText.getText(), "description"));
    }

    private List<Contribution> choices(Role r) {
        return registry.contributions(r.point()).stream().filter(c -> c.kind().equals(r.kind())).toList();
    }

    private void createActions() {
        undo = new StackAction(true);
        redo = new StackAction(false);
        getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        getEditorSite().getActionBars().updateActionBars();
    }

    /** Undo or redo on the editor's command stack, for the workbench's Edit menu and keys. */
    private final class StackAction extends Action {
        private final boolean isUndo;

        StackAction(boolean isUndo) {
            this.isUndo = isUndo;
            setActionDefinitionId(isUndo ? IWorkbenchCommandConstants.EDIT_UNDO : IWorkbenchCommandConstants.EDIT_REDO);
            update();
        }

        @Override
        public void run() {
            if (isUndo && stack.canUndo()) {
                stack.undo();
            } else if (!isUndo && stack.canRedo()) {
                stack.redo();
            }
        }

        void update() {
            Command c = isUndo ? stack.getUndoCommand() : stack.getRedoCommand();
            setEnabled(c != null);
            setText((isUndo ? "&Undo" : "&Redo") + (c == null || c.getLabel() == null ? "" : " " + c.getLabel()));
        }
    }

    // ---- model → widgets

    private void commandStackChanged() {
        refresh();
        firePropertyChange(PROP_DIRTY);
    }

    /** Shows the model in every widget; widgets the user is typing in are left alone. */
    private void refresh() {
        undo.update();
        redo.update();
        title.setText(experiment.getName() == null || experiment.getName().isBlank() ? getEditorInput().getName()
                : experiment.getName());
        if (!editing) {
            setTextIfDifferent(nameText, experiment.getName());
            setTextIfDifferent(descriptionText, experiment.getDescription());
            training.setValues(trainingValues());
        }
        for (Role r : SINGLE_ROLES) {
            sections.get(r.feature()).update(component(r), editing);
        }
        for (Role r : LIST_ROLES) {
            refreshList(r);
        }
        sweepSection.update(experiment.getSweep(), sweepable(), editing);
        validate();
        layOutSoon();
    }

    /**
     * Lays the form out once the current event is handled: an edit, the validation it starts,
     * rebuilt sections and run outcomes each change the form, and each full layout measures
     * every control again (about 0.1 s on GTK), so the requests of one event make one layout.
     */
    private void layOutSoon() {
        if (layoutPending || content.isDisposed()) {
            return;
        }
        layoutPending = true;
        content.getDisplay().asyncExec(() -> {
            layoutPending = false;
            if (!content.isDisposed()) {
                // measure once, flushing every cached size, then place with those sizes: laying out
                // before measuring placed every control twice when the form's height changed
                scroll.setMinSize(content.computeSize(scrollWidth(), SWT.DEFAULT, true));
                content.layout(false, true);
            }
        });
    }

    private static void setTextIfDifferent(Text t, @Nullable String value) {
        String v = value == null ? "" : value;
        if (!t.getText().equals(v)) {
            t.setText(v);
        }
    }

    private void refreshList(Role r) {
        @SuppressWarnings("unchecked")
        List<Component> components = (List<Component>) experiment.eGet(r.feature());
        List<ComponentSection> shown = listSections.get(r.feature());
        Group g = listGroups.get(r.feature());
        if (shown.size() != components.size() || g.getChildren().length == 0) {
            for (Control c : g.getChildren()) {
                c.dispose();
            }
            shown.clear();
            for (Component c : components) {
                ComponentSection s = new ComponentSection(g, r.title(), choices(r), false, id -> replaceInList(r, c, id),
                        (name, text, problem) -> setSetting(c, name, text), () -> removeFromList(r, c));
                GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(s.control());
                s.setEnabled(!readOnly);
                shown.add(s);
            }
            Combo add = new Combo(g, SWT.READ_ONLY | SWT.DROP_DOWN);
            List<Contribution> choices = choices(r);
            add.setItems(choices.stream().map(c -> c.id() + " \u2014 " + c.name()).toArray(String[]::new));
            if (!choices.isEmpty()) {
                add.select(0);
            }
            GridDataFactory.fillDefaults().grab(true, false).applyTo(add);
            Button addButton = new Button(g, SWT.PUSH);
            addButton.setText("Add " + r.title().toLowerCase(java.util.Locale.ROOT));
            addButton.addListener(SWT.Selection, e -> {
                int i = add.getSelectionIndex();
                if (i >= 0) {
                    addToList(r, choices.get(i).id());
                }
            });
            add.setEnabled(!readOnly && !choices.isEmpty());
            addButton.setEnabled(!readOnly && !choices.isEmpty());
        }
        for (int i = 0; i < components.size(); i++) {
            shown.get(i).update(components.get(i), editing);
        }
    }

    /**
     * Offers the compute devices the workbench found in the device field once its lookup (a job)
     * has ended: auto (saying what it runs on here), then each device, unavailable ones with why.
     */
    private void offerDevices() {
        Display display = content.getDisplay();
        Services.get(DeviceCatalog.class).backends().thenAccept(found -> display.asyncExec(() -> {
            if (content.isDisposed()) {
                return;
            }
            String preferred = DescentPreferences.device();
            String auto = preferred.equals(Backends.AUTO) ? DeviceCatalog.AUTO_MEANS
                    : preferred + ", the preference's device (Window > Preferences > Descent)";
            List<DeviceCatalog.Choice> choices = DeviceCatalog.choices(found, auto);
            training.suggest(DEVICE, choices.stream().map(DeviceCatalog.Choice::value).toList(),
                    choices.stream().map(DeviceCatalog.Choice::label).toList());
        }));
    }

    private Map<String, String> trainingValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Hyperparameter h : TRAINING) {
            EAttribute a = (EAttribute) experiment.eClass().getEStructuralFeature(h.name());
            values.put(h.name(), EcoreUtil.convertToString(a.getEAttributeType(), experiment.eGet(a)));
        }
        return values;
    }

    /**
     * Resolves a copy of the experiment against the installed contributions in a background job
     * and shows what is wrong in the header when it is done; a newer validation cancels an older
     * one, whose answer is dropped.
     */
    private void validate() {
        List<String> fields = List.copyOf(training.problems().values());
        List<String> sweepFields = List.copyOf(sweepSection.form().problems().values());
        Experiment copy = EcoreUtil.copy(experiment);
        long generation = validations.incrementAndGet();
        Job old = validating;
        if (old != null) {
            old.cancel();
        }
        Display display = content.getDisplay();
        Job job = Job.create("Validating " + getEditorInput().getName(), monitor -> {
            List<String> found = problems(fields, copy);
            SweepJob.Checked sweep = copy.getSweep() == null ? null
                    : sweepFields.isEmpty() ? SweepJob.check(copy, registry)
                            : new SweepJob.Checked(null, null, List.of(), sweepFields);
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    boolean changed = false;
                    if (generation == validations.get() && !content.isDisposed()) {
                        changed = sweepSection.showProblems(sweep == null ? null : sweep.problems(),
                                sweep == null ? 0 : sweep.trials().size());
                    }
                    if (showProblems(generation, found) || changed) {
                        layOutSoon();
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        validating = job;
        job.schedule();
    }

    /** The form's problems and those resolving the experiment finds. */
    private List<String> problems(List<String> fields, Experiment copy) {
        LinkedHashSet<String> found = new LinkedHashSet<>(fields);
        Experiment base = EcoreUtil.copy(copy);
        base.setSweep(null);
        try {
            ResolvedExperiment.resolve(base, registry, null);
        } catch (ExperimentException e) {
            found.addAll(e.problems());
        }
        try {
            // off the UI thread: a backend may still be probing its platform
            ExperimentDevice.resolve(base, Backends.find(ExperimentEditor.class), DescentPreferences.device());
        } catch (IllegalArgumentException e) {
            found.add(DEVICE + ": " + e.getMessage());
        }
        return List.copyOf(found);
    }

    /**
     * Shows the problems of the newest validation in the header (UI thread); says whether the
     * header's text changed (and the form needs laying out).
     */
    private boolean showProblems(long generation, List<String> problems) {
        if (generation != validations.get() || message.isDisposed()) {
            return false;
        }
        shownValidation = generation;
        String before = message.getText();
        if (problems.isEmpty()) {
            messageIcon.setImage(JFaceResources.getImage(Dialog.DLG_IMG_MESSAGE_INFO));
            message.setText(readOnly ? "The experiment of run " + getEditorInput().getName()
                    + " as it ran (read-only; Save As makes an editable copy). Ready to run again."
                    : "Ready to run.");
        } else {
            messageIcon.setImage(JFaceResources.getImage(Dialog.DLG_IMG_MESSAGE_ERROR));
            message.setText(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems:\n" + String.join("\n", problems));
        }
        message.setToolTipText(message.getText());
        return !message.getText().equals(before);
    }

    private void updateScroll() {
        if (scroll.isDisposed()) {
            return;
        }
        scroll.setMinSize(content.computeSize(scrollWidth(), SWT.DEFAULT));
    }

    /** The width the form is laid out at: the editor's, but at least 760 pixels (then it scrolls). */
    private int scrollWidth() {
        return Math.max(scroll.getClientArea().width, 760);
    }

    private void setEnabled(boolean enabled) {
        nameText.setEditable(enabled);
        descriptionText.setEditable(enabled);
        sections.values().forEach(s -> s.setEnabled(enabled));
        listSections.values().forEach(l -> l.forEach(s -> s.setEnabled(enabled)));
        training.setEnabled(enabled);
        sweepSection.setEnabled(enabled);
    }

    // ---- widgets → model (commands)

    private @Nullable Component component(Role r) {
        return (Component) experiment.eGet(r.feature());
    }

    private void execute(Command command) {
        if (readOnly || !command.canExecute()) {
            return;
        }
        editing = true;
        try {
            stack.execute(command);
        } finally {
            editing = false;
        }
    }

    private void setAttribute(EStructuralFeature feature, Object value, String label) {
        if (value.equals(experiment.eGet(feature))) {
            return;
        }
        SetCommand c = new SetCommand(domain, experiment, feature, value);
        c.setLabel(label);
        execute(c);
    }

    private void setTrainingValue(String name, @Nullable String text, @Nullable String problem) {
        if (problem != null) {
            validate();
            return;
        }
        EAttribute a = (EAttribute) experiment.eClass().getEStructuralFeature(name);
        Object value = text == null ? a.getDefaultValue()
                : EcoreUtil.createFromString(a.getEAttributeType(), text.strip());
        if (value == null || value.equals(experiment.eGet(a))) {
            validate();
            return;
        }
        SetCommand c = new SetCommand(domain, experiment, a, value);
        c.setLabel(name + " = " + EcoreUtil.convertToString(a.getEAttributeType(), value));
        execute(c);
    }

    /**
     * A new component of the chosen id, starting from its declared defaults; values set for the
     * old one are kept only where they mean the same for the new one ({@link Components#carriedOver}).
     */
    private void setComponent(Role r, @Nullable String id) {
        Component old = component(r);
        Component c = null;
        if (id != null) {
            c = F.createComponent();
            c.setId(id);
            Contribution chosen = registry.find(r.point(), id).orElse(null);
            if (old != null && chosen != null) {
                Contribution was = old.getId() == null ? null : registry.find(r.point(), old.getId()).orElse(null);
                Map<String, String> kept = Components.carriedOver(was, chosen, ComponentSection.values(old));
                for (Setting s : old.getSettings()) {
                    if (kept.containsKey(s.getName())) {
                        c.getSettings().add(EcoreUtil.copy(s));
                    }
                }
            }
        }
        SetCommand command = new SetCommand(domain, experiment, r.feature(), c == null ? SetCommand.UNSET_VALUE : c);
        command.setLabel(r.title().toLowerCase(java.util.Locale.ROOT) + " = " + (id == null ? "none" : id));
        execute(command);
    }

    private void setSetting(@Nullable Component c, String name, @Nullable String text) {
        if (c == null) {
            return;
        }
        Setting existing = c.getSettings().stream().filter(s -> name.equals(s.getName())).findFirst().orElse(null);
        Command command;
        if (text == null) {
            if (existing == null) {
                return;
            }
            RemoveCommand r = new RemoveCommand(domain, c, P.getComponent_Settings(), existing);
            r.setLabel(c.getId() + " " + name + " = default");
            command = r;
        } else if (existing == null) {
            Setting s = F.createSetting();
            s.setName(name);
            s.setValue(text);
            AddCommand a = new AddCommand(domain, c, P.getComponent_Settings(), s);
            a.setLabel(c.getId() + " " + name + " = " + text);
            command = a;
        } else {
            if (text.equals(existing.getValue())) {
                return;
            }
            SetCommand s = new SetCommand(domain, existing, P.getSetting_Value(), text);
            s.setLabel(c.getId() + " " + name + " = " + text);
            command = s;
        }
        execute(command);
    }

    private void addToList(Role r, String id) {
        Component c = F.createComponent();
        c.setId(id);
        AddCommand a = new AddCommand(domain, experiment, r.feature(), c);
        a.setLabel("add " + r.kind() + " " + id);
        execute(a);
    }

    private void removeFromList(Role r, Component c) {
        RemoveCommand command = new RemoveCommand(domain, experiment, r.feature(), c);
        command.setLabel("remove " + r.kind() + " " + c.getId());
        execute(command);
    }

    private void replaceInList(Role r, Component old, @Nullable String id) {
        if (id == null) {
            return;
        }
        Component c = F.createComponent();
        c.setId(id);
        @SuppressWarnings("unchecked")
        List<Component> list = (List<Component>) experiment.eGet(r.feature());
        SetCommand command = new SetCommand(domain, experiment, r.feature(), c, list.indexOf(old));
        command.setLabel(r.kind() + " = " + id);
        execute(command);
    }

    // ---- running

    /**
     * Starts a run of the experiment as it is now (edits made while it trains do not change it).
     *
     * @return the job, or null when the experiment has problems (shown to the user) or the run
     *         folder cannot be made
     */
    public @Nullable RunJob run() {
        String name = getEditorInput().getName();
        LinkedHashSet<String> problems = new LinkedHashSet<>(training.problems().values());
        @Nullable
        ResolvedExperiment plan = null;
        try {
            Experiment copy = EcoreUtil.copy(experiment);
            // a run trains the experiment alone; its sweep is for Run sweep
            copy.setSweep(null);
            plan = ResolvedExperiment.resolve(copy, registry, null);
        } catch (ExperimentException e) {
            problems.addAll(e.problems());
        }
        if (plan == null || !problems.isEmpty()) {
            problemDialog.show("Cannot run " + name, "Fix " + (problems.size() == 1 ? "this" : "these")
                    + " first:\n\n" + String.join("\n", problems));
            return null;
        }
        RunFolder folder;
        try {
            folder = DescentPreferences.runStore().newRun(name);
        } catch (IOException e) {
            ILog.of(ExperimentEditor.class).log(Status.error("Cannot create a run folder", e));
            problemDialog.show("Cannot run " + name, "The run store " + DescentPreferences.runStore().root()
                    + " cannot hold a new run: " + e.getMessage()
                    + "\nChoose another folder in Window > Preferences > Descent.");
            return null;
        }
        Display display = getSite().getShell().getDisplay();
        RunJob job = new RunJob(name, plan, folder, Services.get(LiveRuns.class),
                outcome -> {
                    if (!display.isDisposed()) {
                        display.asyncExec(() -> ended(outcome));
                    }
                });
        jobs.add(job);
        cancelButton.setEnabled(true);
        lastRun.setText("Run " + folder.dir().getFileName() + " is training (in " + folder.dir().getParent() + ")");
        layOutSoon();
        job.schedule();
        return job;
    }

    private void ended(RunJob.Outcome outcome) {
        StatusLine.show(outcome.summary(),
                outcome.status() == RunStatus.FAILED || outcome.status() == RunStatus.DIVERGED);
        if (content == null || content.isDisposed()) {
            return;
        }
        jobs.removeIf(j -> j.outcome() != null);
        cancelButton.setEnabled(!jobs.isEmpty());
        lastRun.setText("Last run " + outcome.summary());
        layOutSoon();
    }

    // ---- sweeping

    /**
     * What can be swept: the declared hyperparameters of the chosen components (the optimizer's
     * first), the components themselves (by id), and the training settings.
     */
    private List<SweepSection.Candidate> sweepable() {
        List<SweepSection.Candidate> hyperparameters = new ArrayList<>();
        List<SweepSection.Candidate> components = new ArrayList<>();
        for (String kind : List.of("optimizer", "model", "loss", "dataset", "schedule", "regularizer", "probe")) {
            Role r = Stream.concat(SINGLE_ROLES.stream(), LIST_ROLES.stream())
                    .filter(x -> x.kind().equals(kind)).findFirst().orElseThrow();
            Component c;
            if (r.feature().isMany()) {
                @SuppressWarnings("unchecked")
                List<Component> list = (List<Component>) experiment.eGet(r.feature());
                c = list.isEmpty() ? null : list.get(0);
            } else {
                c = component(r);
            }
            if (c == null || c.getId() == null) {
                continue;
            }
            Contribution chosen = registry.find(r.point(), c.getId()).orElse(null);
            if (chosen == null) {
                continue;
            }
            for (Hyperparameter h : chosen.hyperparameters()) {
                hyperparameters.add(new SweepSection.Candidate(kind + "." + h.name(), h, List.of(), ""));
            }
            components.add(new SweepSection.Candidate(kind, null, choices(r).stream().map(Contribution::id).toList(),
                    c.getId()));
        }
        List<SweepSection.Candidate> all = new ArrayList<>(hyperparameters);
        all.addAll(components);
        for (TrainingSettings.Setting t : TrainingSettings.all()) {
            all.add(new SweepSection.Candidate(t.option(), t.declaration(), List.of(), ""));
        }
        return all;
    }

    /** The Sweep section's edits as commands on the editing domain. */
    private final class SweepEdits implements SweepSection.Edits {

        @Override
        public void enable(boolean on) {
            Command command;
            if (on) {
                Sweep s = F.createSweep();
                List<SweepSection.Candidate> candidates = sweepable();
                if (!candidates.isEmpty()) {
                    s.getParameters().add(SweepSettings.parameter(candidates.get(0).name(),
                            candidates.get(0).startingDistribution()));
                }
                if (experiment.getEpochs() == 0) {
                    // ASHA compares trials at the end of epochs: a budget in steps is swept in full
                    s.setScheduler("none");
                }
                command = new SetCommand(domain, experiment, P.getExperiment_Sweep(), s);
            } else {
                command = new SetCommand(domain, experiment, P.getExperiment_Sweep(), SetCommand.UNSET_VALUE);
            }
            ((SetCommand) command).setLabel(on ? "sweep" : "no sweep");
            execute(command);
        }

        @Override
        public void addParameter(SweepSection.Candidate c) {
            Sweep s = experiment.getSweep();
            if (s == null) {
                return;
            }
            AddCommand a = new AddCommand(domain, s, P.getSweep_Parameters(),
                    SweepSettings.parameter(c.name(), c.startingDistribution()));
            a.setLabel("sweep " + c.name());
            execute(a);
        }

        @Override
        public void removeParameter(SweptParameter p) {
            RemoveCommand r = new RemoveCommand(domain, experiment.getSweep(), P.getSweep_Parameters(), p);
            r.setLabel("do not sweep " + p.getName());
            execute(r);
        }

        @Override
        public void rename(SweptParameter p, SweepSection.Candidate c) {
            CompoundCommand compound = new CompoundCommand(
                    "sweep " + c.name() + " instead of " + p.getName());
            compound.append(new SetCommand(domain, p, P.getSweptParameter_Name(), c.name()));
            compound.append(new SetCommand(domain, p, P.getSweptParameter_Distribution(), c.startingDistribution()));
            execute(compound);
        }

        @Override
        public void setDistribution(SweptParameter p, String text) {
            SetCommand c = new SetCommand(domain, p, P.getSweptParameter_Distribution(), text);
            c.setLabel(p.getName() + " = " + text);
            execute(c);
        }

        @Override
        public void setSetting(String name, @Nullable String text, @Nullable String problem) {
            Sweep s = experiment.getSweep();
            if (s == null || problem != null) {
                validate();
                return;
            }
            EAttribute a = (EAttribute) s.eClass().getEStructuralFeature(name);
            Object value = text == null ? a.getDefaultValue()
                    : EcoreUtil.createFromString(a.getEAttributeType(), text.strip());
            if (java.util.Objects.equals(value, s.eGet(a))) {
                validate();
                return;
            }
            SetCommand c = new SetCommand(domain, s, a, value);
            c.setLabel("sweep " + name + " = " + value);
            execute(c);
        }

        @Override
        public void run() {
            runSweep();
        }

        @Override
        public void cancel() {
            cancelSweeps();
        }
    }

    /**
     * Starts the experiment's sweep as it is now, in a job that checks it first (off the UI
     * thread) and then trains its trials into a new sweep folder of the run store.
     *
     * @return the job, or null when the experiment has no sweep or a field holds a bad value (shown to the user)
     */
    public @Nullable SweepJob runSweep() {
        String name = getEditorInput().getName();
        if (experiment.getSweep() == null) {
            problemDialog.show("Cannot sweep " + name, "Tick 'Sweep this experiment' and choose the swept parameters first.");
            return null;
        }
        LinkedHashSet<String> problems = new LinkedHashSet<>(training.problems().values());
        problems.addAll(sweepSection.form().problems().values());
        if (!problems.isEmpty()) {
            problemDialog.show("Cannot sweep " + name, "Fix " + (problems.size() == 1 ? "this" : "these")
                    + " first:\n\n" + String.join("\n", problems));
            return null;
        }
        Display display = getSite().getShell().getDisplay();
        SweepJob job = new SweepJob(name, EcoreUtil.copy(experiment), registry, DescentPreferences.runStore().root(),
                outcome -> {
                    if (!display.isDisposed()) {
                        display.asyncExec(() -> sweepEnded(outcome));
                    }
                });
        sweepJobs.add(job);
        sweepSection.setRunning(true);
        sweepSection.setStatus("Sweeping (the Progress and Sweep views follow it)...");
        layOutSoon();
        job.schedule();
        return job;
    }

    private void sweepEnded(SweepJob.Outcome outcome) {
        StatusLine.show(outcome.summary(), !outcome.problems().isEmpty());
        if (content == null || content.isDisposed()) {
            return;
        }
        sweepJobs.removeIf(j -> j.outcome() != null);
        sweepSection.setRunning(!sweepJobs.isEmpty());
        sweepSection.setStatus(outcome.summary());
        layOutSoon();
        if (!outcome.problems().isEmpty()) {
            problemDialog.show("Cannot sweep " + getEditorInput().getName(), "Fix "
                    + (outcome.problems().size() == 1 ? "this" : "these") + " first:\n\n"
                    + String.join("\n", outcome.problems()));
        }
    }

    /** Cancels the sweeps started from this editor; each keeps the trials that finished. */
    public void cancelSweeps() {
        sweepJobs.forEach(SweepJob::cancel);
    }

    /** The sweeps started from this editor that are still running. */
    public List<SweepJob> activeSweeps() {
        return List.copyOf(sweepJobs);
    }

    /** Cancels the runs started from this editor that are still training; each keeps what it wrote. */
    public void cancelRuns() {
        jobs.forEach(RunJob::cancel);
    }

    /** The runs started from this editor that are still training. */
    public List<RunJob> activeJobs() {
        return List.copyOf(jobs);
    }

    // ---- saving

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (readOnly) {
            doSaveAs();
            return;
        }
        save(file);
    }

    @Override
    public void doSaveAs() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*." + ExperimentFiles.EXTENSION });
        dialog.setFilterPath(DescentPreferences.experimentsFolder().toString());
        dialog.setFileName(getEditorInput().getName() + (readOnly ? "-copy" : "") + "." + ExperimentFiles.EXTENSION);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            saveAs(Path.of(chosen.endsWith("." + ExperimentFiles.EXTENSION) ? chosen
                    : chosen + "." + ExperimentFiles.EXTENSION));
        }
    }

    /** Saves to another file, which the editor edits from then on. */
    public boolean saveAs(Path target) {
        if (!save(target)) {
            return false;
        }
        ExperimentEditorInput input = new ExperimentEditorInput(target);
        file = input.file();
        readOnly = false;
        setInputWithNotify(input);
        setPartName(input.getName());
        setTitleToolTip(file.toString());
        setEnabled(true);
        refresh();
        return true;
    }

    private boolean save(Path target) {
        try {
            ExperimentFiles.save(experiment, target);
            stack.saveIsDone();
            firePropertyChange(PROP_DIRTY);
            StatusLine.show("Saved " + target, false);
            return true;
        } catch (IOException e) {
            ILog.of(ExperimentEditor.class).log(Status.error("Cannot save " + target, e));
            problemDialog.show("Cannot save " + target.getFileName(),
                    target + " cannot be written: " + e.getMessage() + "\nUse Save As to choose another file.");
            return false;
        }
    }

    @Override
    public boolean isDirty() {
        return !readOnly && stack.isSaveNeeded();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void setFocus() {
        sections.get(P.getExperiment_Optimizer()).combo().setFocus();
    }

    @Override
    public void dispose() {
        Job v = validating;
        if (v != null) {
            v.cancel();
        }
        adapterFactory.dispose();
        super.dispose();
    }

    // ---- for tests and other parts

    public Experiment experiment() {
        return experiment;
    }

    public Path file() {
        return file;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Whether the header shows the validation of the experiment as it is now, laid out. */
    public boolean isValidated() {
        return shownValidation == validations.get() && !layoutPending;
    }

    /** The header's message: "Ready to run." or the problems found (see {@link #isValidated()}). */
    public String message() {
        return message.getText();
    }

    /** The text of the last run's outcome (empty before the first run). */
    public String lastRunText() {
        return lastRun.getText();
    }

    /** The form of a single component's role ({@code dataset}, {@code model}, ...), null when none is chosen. */
    public @Nullable HyperparameterForm form(String kind) {
        return section(kind).form();
    }

    /** The combo that chooses a single component's contribution. */
    public Combo combo(String kind) {
        return section(kind).combo();
    }

    /** The description shown under a single component's combo. */
    public String description(String kind) {
        return section(kind).descriptionText();
    }

    private ComponentSection section(String kind) {
        for (Role r : SINGLE_ROLES) {
            if (r.kind().equals(kind)) {
                return sections.get(r.feature());
            }
        }
        throw new IllegalArgumentException("no component role '" + kind + "'");
    }

    public HyperparameterForm trainingForm() {
        return training;
    }

    public SweepSection sweepSection() {
        return sweepSection;
    }

    /** Scrolls the editor so that a section (a child of the editor's content) shows at the top. */
    public void reveal(Control section) {
        scroll.setOrigin(0, section.getLocation().y);
    }

    public Action undoAction() {
        return undo;
    }

    public Action redoAction() {
        return redo;
    }

    /** Replaces the dialog that tells the user why a run or save did not happen. */
    public void setProblemDialog(Problems dialog) {
        this.problemDialog = dialog;
    }
}
