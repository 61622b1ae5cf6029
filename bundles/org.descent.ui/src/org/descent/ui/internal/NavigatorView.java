package org.descent.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.RunFolder;
import org.descent.ui.internal.store.RunEntry;
import org.descent.ui.internal.store.StoreReader;
import org.descent.ui.internal.store.StoreSnapshot;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.ViewPart;

/**
 * The experiments folder and the run store as a tree: experiment files, and runs with a status
 * icon, steps and final loss (live values while a run trains in this JVM). Open, rename,
 * delete (after confirmation; a run's folder goes with all it holds), cancel and refresh; the
 * tree follows live runs and reads the folders once a second for runs started elsewhere. The
 * folders are read on a background thread ({@link StoreReader}) into an immutable
 * {@link StoreSnapshot} that the label providers only look up: the UI thread reads no file.
 * Its selection ({@link RunFolder} for runs, {@link Path} for experiment files) is published
 * for other views.
 */
public final class NavigatorView extends ViewPart {

    public static final String ID = Perspectives.NAVIGATOR_VIEW;

    /** The tree's two roots. */
    public enum Category {
        EXPERIMENTS("Experiments"), RUNS("Runs");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Answers a yes/no question (the delete confirmation); replaced by tests. */
    @FunctionalInterface
    public interface Confirmation {
        boolean confirm(String title, String question);
    }

    /** Asks for a name (rename); replaced by tests. Null: the user cancelled. */
    @FunctionalInterface
    public interface NameInput {
        @Nullable
        String ask(String title, String question, String initial);
    }

    /** What a run training in this JVM has reported so far. */
    private record Live(long step, double loss) {
    }

    private static final int POLL_MS = 1000;

    private TreeViewer viewer;
    private Display display;
    private StatusImages statusImages;
    private final Map<Path, Live> live = new ConcurrentHashMap<>();
    /** A live run reported something since the last read. */
    private final AtomicBoolean changed = new AtomicBoolean();
    /** The reader's thread: polls the folders and reads run files. */
    private ScheduledExecutorService reader;
    private volatile StoreReader storeReader = new StoreReader(RunFolder::readRun);
    /** The last snapshot read (reader's thread). */
    private @Nullable StoreSnapshot read;
    /** The snapshot the tree shows (UI thread). */
    private StoreSnapshot shown = StoreSnapshot.empty(DescentPreferences.experimentsFolder(),
            DescentPreferences.runStore().root());
    private @Nullable AutoCloseable observation;
    private Confirmation confirmation = (title, question) -> MessageDialog.openConfirm(getSite().getShell(), title,
            question);
    private NameInput nameInput = (title, question, initial) -> {
        InputDialog d = new InputDialog(getSite().getShell(), title, question, initial,
                s -> s.isBlank() || !s.matches("[A-Za-z0-9._ -]+") ? "Use letters, digits, '.', '_', '-' and spaces" : null);
        return d.open() == Window.OK ? d.getValue().strip() : null;
    };

    private Action openAction;
    private Action renameAction;
    private Action deleteAction;
    private Action cancelAction;
    private Action refreshAction;
    private Action newAction;
    private Action monitorAction;

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        statusImages = new StatusImages(display);
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Tree tree = viewer.getTree();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(false);
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return key(a).equals(key(b));
            }

            @Override
            public int hashCode(Object element) {
                return key(element).hashCode();
            }
        });
        column("Name", 180, this::name, this::image);
        column("Status", 72, this::status, e -> null);
        column("Steps", 54, this::steps, e -> null);
        column("Loss", 62, this::loss, e -> null);
        tree.addListener(SWT.Resize, e -> fitNameColumn());
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(new Content());
        viewer.setInput(Category.values());
        viewer.expandAll();
        getSite().setSelectionProvider(viewer);
        createActions();
        viewer.addDoubleClickListener(e -> openAction.run());
        viewer.addSelectionChangedListener(e -> updateActions());
        tree.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.DEL) {
                deleteAction.run();
            } else if (e.keyCode == SWT.F2) {
                renameAction.run();
            }
        });
        observation = Services.get(LiveRuns.class).observe(this::observe);
        reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "descent-navigator-reader");
            t.setDaemon(true);
            return t;
        });
        // the first read waits for the workbench's window to be drawn (at the start only)
        AfterStartup.run(() -> {
            try {
                reader.execute(this::follow);
            } catch (RejectedExecutionException e) {
                // the view was closed meanwhile
            }
        });
        updateActions();
    }

    /** The name column takes the width the other columns leave. */
    private void fitNameColumn() {
        Tree tree = viewer.getTree();
        int others = 0;
        for (int i = 1; i < tree.getColumnCount(); i++) {
            others += tree.getColumn(i).getWidth();
        }
        tree.getColumn(0).setWidth(Math.max(120, tree.getClientArea().width - others));
    }

    private static Object key(Object element) {
        return element instanceof RunFolder f ? f.dir() : element;
    }

    private void column(String header, int width, java.util.function.Function<Object, String> text,
            java.util.function.Function<Object, @Nullable Image> image) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, header.equals("Name") ? SWT.LEFT : SWT.RIGHT);
        c.getColumn().setText(header);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }

            @Override
            public @Nullable Image getImage(Object element) {
                return image.apply(element);
            }

            @Override
            public String getToolTipText(Object element) {
                return tooltip(element);
            }
        });
    }

    // ---- content: looked up in the snapshot, never read from files here

    private final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return Category.values();
        }

        @Override
        public Object[] getChildren(Object parent) {
            if (parent == Category.EXPERIMENTS) {
                return shown.experiments().toArray();
            }
            if (parent == Category.RUNS) {
                List<RunEntry> all = shown.runs();
                Object[] out = new Object[all.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = all.get(all.size() - 1 - i).folder();
                }
                return out;
            }
            return new Object[0];
        }

        @Override
        public @Nullable Object getParent(Object element) {
            return element instanceof RunFolder ? Category.RUNS : element instanceof Path ? Category.EXPERIMENTS : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Category;
        }
    }

    /** The status to show: running while training in this JVM, else what the run file said when last read. */
    public RunStatus statusOf(RunFolder f) {
        if (live.containsKey(f.dir())) {
            return RunStatus.RUNNING;
        }
        RunEntry r = shown.run(f.dir());
        return r == null ? RunStatus.FAILED : r.status();
    }

    private String name(Object e) {
        if (e instanceof Category c) {
            return c.label();
        }
        if (e instanceof RunFolder f) {
            return label(f);
        }
        if (e instanceof Path p) {
            return new ExperimentEditorInput(p).getName();
        }
        return String.valueOf(e);
    }

    private static final java.util.regex.Pattern RUN_NAME = java.util.regex.Pattern
            .compile("(\\d{8})-(\\d{2})(\\d{2})(\\d{2})-(.+)");

    /**
     * A run's label in the tree: "gaussian-mle 21:39:57" for the store's
     * {@code yyyyMMdd-HHmmss-label} folders (the tooltip has the whole name), else the folder name.
     */
    public static String label(RunFolder f) {
        String name = f.dir().getFileName().toString();
        java.util.regex.Matcher m = RUN_NAME.matcher(name);
        return m.matches() ? m.group(5) + " " + m.group(2) + ":" + m.group(3) + ":" + m.group(4) : name;
    }

    private @Nullable Image image(Object e) {
        ISharedImages shared = PlatformUI.getWorkbench().getSharedImages();
        if (e instanceof Category) {
            return shared.getImage(ISharedImages.IMG_OBJ_FOLDER);
        }
        if (e instanceof RunFolder f) {
            return statusImages.get(statusOf(f));
        }
        return shared.getImage(ISharedImages.IMG_OBJ_FILE);
    }

    private String status(Object e) {
        return e instanceof RunFolder f ? statusOf(f).id() : "";
    }

    private String steps(Object e) {
        if (e instanceof RunFolder f) {
            Live l = live.get(f.dir());
            if (l != null) {
                return Long.toString(l.step());
            }
            RunEntry r = shown.run(f.dir());
            return r == null || !r.readable() ? "" : Long.toString(r.step());
        }
        if (e instanceof Category c) {
            int n = c == Category.RUNS ? shown.runs().size() : shown.experiments().size();
            return n + (c == Category.RUNS ? (n == 1 ? " run" : " runs") : (n == 1 ? " file" : " files"));
        }
        return "";
    }

    private String loss(Object e) {
        if (!(e instanceof RunFolder f)) {
            return "";
        }
        Live l = live.get(f.dir());
        RunEntry r = shown.run(f.dir());
        double loss = l != null ? l.loss() : r != null ? r.loss() : Double.NaN;
        return Double.isNaN(loss) ? "" : String.format(Locale.ROOT, "%.5g", loss);
    }

    private String tooltip(Object e) {
        if (e instanceof RunFolder f) {
            RunEntry r = shown.run(f.dir());
            if (r == null || !r.readable()) {
                return f.dir() + (r == null ? "" : "\n" + r.error());
            }
            String message = live.containsKey(f.dir()) ? "training in this workbench" : r.message();
            return f.dir().getFileName() + ": " + statusOf(f).id() + ", " + message + "\n" + r.experiment() + "\n"
                    + f.dir();
        }
        if (e instanceof Path p) {
            return p.toString();
        }
        if (e == Category.RUNS) {
            return "Run store " + shown.storeRoot();
        }
        return "Experiments folder " + shown.experimentsFolder();
    }

    // ---- following runs and the folders

    private @Nullable RunListener observe(RunFolder f) {
        Path dir = f.dir();
        live.put(dir, new Live(0, Double.NaN));
        changed.set(true);
        return new RunListener() {
            @Override
            public void step(long step, int epoch, double loss, double gradientNorm, double learningRate,
                    Map<String, Double> probes) {
                live.put(dir, new Live(step, loss));
                changed.set(true);
            }

            @Override
            public void status(RunStatus status, String message) {
                if (status.isFinal()) {
                    live.remove(dir);
                    changed.set(true);
                }
            }
        };
    }

    /**
     * Reads the folders, shows what changed, and comes back in a second (a quarter of a second
     * while runs train here). On the reader's thread.
     */
    private void follow() {
        read(false);
        try {
            reader.schedule(this::follow, live.isEmpty() ? POLL_MS : POLL_MS / 4, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the view was closed meanwhile
        }
    }

    /** Reads the folders and hands the snapshot to the UI thread when it changed or when asked to. */
    private void read(boolean always) {
        try {
            StoreSnapshot s = storeReader.read(DescentPreferences.experimentsFolder(), DescentPreferences.runStore());
            boolean liveChanged = changed.getAndSet(false);
            if (always || liveChanged || !s.equals(read)) {
                read = s;
                try {
                    display.asyncExec(() -> show(s));
                } catch (SWTException e) {
                    // the workbench is closing: nothing to show
                }
            }
        } catch (RuntimeException e) {
            ILog.of(NavigatorView.class).log(Status.warning("Could not read the run store", e));
        }
    }

    /** Shows a snapshot. On the UI thread. */
    private void show(StoreSnapshot s) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        shown = s;
        viewer.refresh();
        viewer.expandToLevel(2);
        updateActions();
    }

    /** Reads the folders again, on the reader's thread, and redraws the tree when read. */
    public void refresh() {
        try {
            reader.execute(() -> read(true));
        } catch (RejectedExecutionException e) {
            // the view was closed meanwhile
        }
    }

    // ---- actions

    private void createActions() {
        ISharedImages shared = PlatformUI.getWorkbench().getSharedImages();
        openAction = action("&Open", "Open the experiment, or a run's experiment read-only", this::open);
        newAction = action("&New Experiment...", "Create an experiment file in the experiments folder",
                () -> NewExperimentHandler.create(getSite().getShell(), getSite().getPage()));
        newAction.setImageDescriptor(shared.getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
        renameAction = action("Re&name...", "Rename the experiment file or run folder (F2)", this::rename);
        deleteAction = action("&Delete...", "Delete the experiment file or the run folder with all it holds", this::delete);
        deleteAction.setImageDescriptor(shared.getImageDescriptor(ISharedImages.IMG_TOOL_DELETE));
        cancelAction = action("&Cancel Run", "Stop the selected runs that are training in this workbench", this::cancel);
        cancelAction.setImageDescriptor(shared.getImageDescriptor(ISharedImages.IMG_ELCL_STOP));
        refreshAction = action("&Refresh", "Read the experiments folder and the run store again (F5)", this::refresh);
        refreshAction.setImageDescriptor(shared.getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        // File > Refresh and F5 (the platform's binding) reach this view's refresh while it is active
        getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.REFRESH.getId(), refreshAction);
        monitorAction = action("Show in &Monitor", "Show the selected run in the live monitor", this::showInMonitor);

        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> fillMenu(m));
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(newAction);
        toolbar.add(cancelAction);
        toolbar.add(deleteAction);
        toolbar.add(refreshAction);
    }

    private void fillMenu(IMenuManager m) {
        m.add(openAction);
        m.add(monitorAction);
        m.add(newAction);
        m.add(new Separator());
        m.add(renameAction);
        m.add(deleteAction);
        m.add(cancelAction);
        m.add(new Separator());
        m.add(refreshAction);
        m.add(new Separator(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
    }

    private static Action action(String text, String tooltip, Runnable run) {
        Action a = new Action(text) {
            @Override
            public void run() {
                if (isEnabled()) {
                    run.run();
                }
            }
        };
        a.setToolTipText(tooltip);
        return a;
    }

    private void updateActions() {
        List<Object> selected = selection();
        boolean items = !selected.isEmpty() && selected.stream().noneMatch(Category.class::isInstance);
        openAction.setEnabled(items);
        deleteAction.setEnabled(items);
        renameAction.setEnabled(items && selected.size() == 1);
        cancelAction.setEnabled(selected.stream().anyMatch(o -> o instanceof RunFolder f && live.containsKey(f.dir())));
        monitorAction.setEnabled(selected.stream().anyMatch(RunFolder.class::isInstance));
    }

    private List<Object> selection() {
        return List.of(((IStructuredSelection) viewer.getSelection()).toArray());
    }

    private void open() {
        IWorkbenchPage page = getSite().getPage();
        for (Object o : selection()) {
            Path file = o instanceof RunFolder f ? f.runFile() : o instanceof Path p ? p : null;
            if (file == null) {
                continue;
            }
            try {
                page.openEditor(new ExperimentEditorInput(file), ExperimentEditor.ID);
            } catch (PartInitException e) {
                ILog.of(NavigatorView.class).log(e.getStatus());
                MessageDialog.openError(getSite().getShell(), "Cannot open " + file.getFileName(),
                        file + " cannot be opened:\n" + e.getStatus().getMessage());
            }
        }
    }

    private void showInMonitor() {
        try {
            getSite().getPage().showView(Perspectives.MONITOR_VIEW);
        } catch (PartInitException e) {
            StatusLine.show("The monitor view is not installed (bundle org.descent.ui.monitor): "
                    + e.getStatus().getMessage(), true);
        }
    }

    /** Deletes the selected experiments and runs after asking; live runs are left alone. */
    public void delete() {
        List<Object> selected = selection().stream().filter(o -> o instanceof Path || o instanceof RunFolder).toList();
        if (selected.isEmpty()) {
            return;
        }
        List<Object> training = selected.stream().filter(o -> o instanceof RunFolder f && live.containsKey(f.dir()))
                .toList();
        if (!training.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Runs are training",
                    "Cancel these runs before deleting them:\n" + String.join("\n", training.stream().map(this::name)
                            .toList()));
            return;
        }
        String what = selected.size() == 1 ? describeForDelete(selected.get(0))
                : selected.size() + " items:\n" + String.join("\n", selected.stream().map(this::describeForDelete)
                        .toList());
        if (!confirmation.confirm("Delete", "Delete " + what + "?\n\nThis cannot be undone.")) {
            return;
        }
        List<Path> targets = selected.stream().map(o -> o instanceof RunFolder f ? f.dir() : (Path) o).toList();
        targets.forEach(this::closeEditorsOf);
        Display display = getSite().getShell().getDisplay();
        // a run folder can hold many checkpoints and analyses: the files go in a job, not on the UI thread
        Job job = Job.create(targets.size() == 1 ? "Deleting " + targets.get(0).getFileName()
                : "Deleting " + targets.size() + " items", monitor -> {
            List<String> failed = new ArrayList<>();
            for (Path target : targets) {
                try {
                    deleteRecursively(target);
                } catch (IOException e) {
                    ILog.of(NavigatorView.class).log(Status.error("Cannot delete " + target, e));
                    failed.add(target + ": " + e.getMessage());
                }
            }
            display.asyncExec(() -> {
                if (viewer.getControl().isDisposed()) {
                    return;
                }
                refresh();
                if (!failed.isEmpty()) {
                    MessageDialog.openError(getSite().getShell(), "Delete failed",
                            "These could not be deleted (details in the log):\n" + String.join("\n", failed));
                }
            });
        });
        job.setUser(true);
        job.schedule();
    }

    private String describeForDelete(Object o) {
        return o instanceof RunFolder f ? "run " + name(f) + " (its folder " + f.dir() + " with metrics, checkpoints and analyses)"
                : "experiment " + name(o) + " (" + o + ")";
    }

    /** Closes the editors showing a file, or any file below a folder, without saving. */
    private void closeEditorsOf(Path target) {
        IWorkbenchPage page = getSite().getPage();
        List<IEditorReference> close = new ArrayList<>();
        for (IEditorReference ref : page.getEditorReferences()) {
            IEditorPart editor = ref.getEditor(false);
            if (editor instanceof ExperimentEditor x && x.file().startsWith(target)) {
                close.add(ref);
            }
        }
        page.closeEditors(close.toArray(IEditorReference[]::new), false);
    }

    /** Deletes a file, or a folder with everything in it. */
    static void deleteRecursively(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> s = Files.walk(target)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Renames the selected experiment file or run folder. */
    public void rename() {
        List<Object> selected = selection();
        if (selected.size() != 1) {
            return;
        }
        Object o = selected.get(0);
        if (o instanceof RunFolder f && live.containsKey(f.dir())) {
            MessageDialog.openInformation(getSite().getShell(), "Run is training",
                    "Wait for " + name(f) + " to end, or cancel it, before renaming it.");
            return;
        }
        if (!(o instanceof RunFolder) && !(o instanceof Path)) {
            return;
        }
        String old = name(o);
        String chosen = nameInput.ask("Rename", "New name for " + old + ":", old);
        if (chosen == null || chosen.equals(old)) {
            return;
        }
        Path source = o instanceof RunFolder f ? f.dir() : (Path) o;
        Path target = o instanceof RunFolder ? source.resolveSibling(chosen)
                : source.resolveSibling(chosen + "." + ExperimentFiles.EXTENSION);
        IWorkbenchPage page = getSite().getPage();
        for (IEditorReference ref : page.getEditorReferences()) {
            if (ref.getEditor(false) instanceof ExperimentEditor x && x.file().startsWith(source) && x.isDirty()) {
                MessageDialog.openInformation(getSite().getShell(), "Unsaved changes",
                        "Save or close the editor of " + old + " before renaming it.");
                return;
            }
        }
        closeEditorsOf(source);
        Display display = getSite().getShell().getDisplay();
        // the file system in a job, not on the UI thread (a folder on a slow or network disk)
        Job job = Job.create("Renaming " + old, monitor -> {
            @Nullable String failure = null;
            try {
                if (Files.exists(target)) {
                    throw new IOException(target + " exists already");
                }
                Files.move(source, target);
            } catch (IOException e) {
                ILog.of(NavigatorView.class).log(Status.error("Cannot rename " + source, e));
                failure = "Renaming " + source + " to " + target.getFileName() + " failed: " + e.getMessage();
            }
            @Nullable String problem = failure;
            display.asyncExec(() -> {
                if (viewer.getControl().isDisposed()) {
                    return;
                }
                refresh();
                if (problem != null) {
                    MessageDialog.openError(getSite().getShell(), "Cannot rename " + old, problem);
                }
            });
        });
        job.setUser(true);
        job.schedule();
    }

    private void cancel() {
        for (Object o : selection()) {
            if (o instanceof RunFolder f) {
                for (Job j : Job.getJobManager().find(RunJob.FAMILY)) {
                    if (j instanceof RunJob r && r.folder().dir().equals(f.dir())) {
                        r.cancel();
                    }
                }
            }
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (reader != null) {
            reader.shutdownNow();
        }
        AutoCloseable o = observation;
        if (o != null) {
            try {
                o.close();
            } catch (Exception e) {
                ILog.of(NavigatorView.class).log(Status.warning("Could not stop following live runs", e));
            }
        }
        if (statusImages != null) {
            statusImages.dispose();
        }
        super.dispose();
    }

    // ---- for tests

    public TreeViewer viewer() {
        return viewer;
    }

    /** Replaces the delete confirmation (tests answer it; the workbench asks the user). */
    public void setConfirmation(Confirmation c) {
        confirmation = c;
    }

    /** Replaces the rename dialog. */
    public void setNameInput(NameInput n) {
        nameInput = n;
    }

    /** The snapshot the tree shows. */
    public StoreSnapshot snapshot() {
        return shown;
    }

    /**
     * Replaces the reading of run files (tests put in a slow one to show that the UI thread
     * never waits for it); the next read uses it.
     */
    public void setRunReader(StoreReader.RunReader runReader) {
        storeReader = new StoreReader(runReader);
    }

    /** The Delete action, as the context menu, toolbar and Delete key run it. */
    public IAction deleteAction() {
        return deleteAction;
    }
}
