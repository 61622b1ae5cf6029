package org.descent.ui.analysis.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.PluginFault;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.ui.analysis.StoredAnalysis;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The analyses stored with a run (chosen in the navigator or in the view's own list of runs),
 * each drawn by the renderer contributed for its analysis id, and "Run analysis…", which runs
 * one in a job as {@code descent analyze ID --run DIR} does, stores it and shows it.
 */
public final class AnalysisView {

    public static final String ID = "org.descent.ui.analysis.views.analysis";
    public static final String HISTOGRAMS = "training dynamics (probes.csv)";
    public static final String PRECISION = "mixed precision (probes.csv)";

    private ContributionRegistry registry;
    private final Renderers renderers = new Renderers();
    private Combo runs;
    private final List<RunFolder> runList = new ArrayList<>();
    private org.eclipse.swt.widgets.List stored;
    private final List<Path> storedList = new ArrayList<>();
    /** What the run's probes.csv holds that can be drawn, listed after the stored analyses. */
    private final List<String> probeItems = new ArrayList<>();
    private @Nullable ProbesFile probes;
    private Composite canvas;
    private Label status;
    private Button runButton;
    private @Nullable RunFolder run;
    private @Nullable StoredAnalysis shown;

    @PostConstruct
    public void createControls(Composite parent, ContributionRegistry contributionRegistry) {
        registry = contributionRegistry;
        GridLayoutFactory.fillDefaults().numColumns(5).margins(6, 6).applyTo(parent);
        new Label(parent, SWT.NONE).setText("&Run:");
        runs = new Combo(parent, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(runs);
        runs.addListener(SWT.Selection, e -> {
            int i = runs.getSelectionIndex();
            if (i >= 0) {
                setRun(runList.get(i));
            }
        });
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Re&fresh");
        refresh.addListener(SWT.Selection, e -> refreshRuns());
        runButton = new Button(parent, SWT.PUSH);
        runButton.setText("Run &analysis…");
        runButton.addListener(SWT.Selection, e -> openRunDialog());
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(sash);
        stored = new org.eclipse.swt.widgets.List(sash, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        stored.addListener(SWT.Selection, e -> {
            int i = stored.getSelectionIndex();
            if (i >= 0 && i < storedList.size()) {
                show(storedList.get(i));
            } else if (i >= storedList.size()) {
                showProbes(probeItems.get(i - storedList.size()));
            }
        });
        canvas = new Composite(sash, SWT.NONE);
        canvas.setLayout(new FillLayout());
        sash.setWeights(22, 78);
        refreshRuns();
    }

    /** Takes the first run of the navigator's selection. */
    @Inject
    @Optional
    public void selectionChanged(@Named(IServiceConstants.ACTIVE_SELECTION) @Nullable IStructuredSelection selection) {
        if (selection == null || runs == null || runs.isDisposed()) {
            return;
        }
        for (Object o : selection.toList()) {
            if (o instanceof RunFolder f && (run == null || !f.dir().equals(run.dir()))) {
                setRun(f);
                return;
            }
        }
    }

    /** Lists the runs of the standard run store in the picker. */
    public void refreshRuns() {
        runList.clear();
        runs.removeAll();
        try {
            runList.addAll(RunStore.standard().runs());
        } catch (IOException e) {
            status.setText("run store: " + e.getMessage());
        }
        for (RunFolder f : runList) {
            runs.add(f.dir().getFileName().toString());
        }
        RunFolder r = run;
        if (r != null) {
            selectInPicker(r);
            listStored();
        }
    }

    /** Shows the analyses of this run. */
    public void setRun(RunFolder folder) {
        run = folder;
        selectInPicker(folder);
        listStored();
        if (!storedList.isEmpty()) {
            stored.select(0);
            show(storedList.get(0));
        } else {
            clearCanvas();
            status.setText("no analyses stored yet: Run analysis…");
        }
    }

    private void selectInPicker(RunFolder folder) {
        for (int i = 0; i < runList.size(); i++) {
            if (runList.get(i).dir().equals(folder.dir())) {
                runs.select(i);
                return;
            }
        }
        runList.add(folder);
        runs.add(folder.dir().getFileName().toString());
        runs.select(runList.size() - 1);
    }

    private void listStored() {
        storedList.clear();
        stored.removeAll();
        RunFolder r = run;
        if (r == null) {
            return;
        }
        try {
            storedList.addAll(StoredAnalysis.list(r.dir()));
        } catch (IOException e) {
            status.setText(e.getMessage());
        }
        storedList.forEach(p -> stored.add(p.getFileName().toString()));
        probeItems.clear();
        probes = null;
        if (java.nio.file.Files.isRegularFile(r.probesFile())) {
            try {
                ProbesFile p = ProbesFile.read(r.probesFile());
                probes = p;
                if (RunProbes.hasHistograms(p)) {
                    probeItems.add(HISTOGRAMS);
                }
                if (RunProbes.hasPrecision(p)) {
                    probeItems.add(PRECISION);
                }
            } catch (IOException e) {
                status.setText(e.getMessage());
            }
        }
        probeItems.forEach(stored::add);
    }

    /** The entries drawn from the run's probes.csv, as listed. */
    public List<String> probeItems() {
        return List.copyOf(probeItems);
    }

    /** Draws what the run's probes.csv holds: {@link #HISTOGRAMS} or {@link #PRECISION}. */
    public void showProbes(String item) {
        clearCanvas();
        shown = null;
        ProbesFile p = probes;
        if (p != null) {
            if (item.equals(HISTOGRAMS)) {
                RunProbes.histograms(canvas, p);
            } else {
                RunProbes.precision(canvas, p);
            }
            stored.select(storedList.size() + probeItems.indexOf(item));
            status.setText(item);
        }
        canvas.layout(true, true);
    }

    /** The stored analyses listed, newest first. */
    public List<Path> storedAnalyses() {
        return List.copyOf(storedList);
    }

    /** The analysis drawn now. */
    public java.util.Optional<StoredAnalysis> shown() {
        return java.util.Optional.ofNullable(shown);
    }

    /** The composite the renderer draws into. */
    public Composite canvas() {
        return canvas;
    }

    /** Draws a stored analysis with its renderer. */
    public void show(Path folder) {
        clearCanvas();
        try {
            StoredAnalysis a = StoredAnalysis.read(folder);
            renderers.rendererFor(a.analysis()).render(canvas, a);
            shown = a;
            status.setText(a.name());
            int i = storedList.indexOf(folder);
            if (i >= 0) {
                stored.select(i);
            }
        } catch (IOException | RuntimeException e) {
            shown = null;
            clearCanvas();
            Label l = new Label(canvas, SWT.WRAP);
            l.setText(folder.getFileName() + " cannot be shown: " + e.getMessage());
        }
        canvas.layout(true, true);
    }

    private void clearCanvas() {
        for (Control c : canvas.getChildren()) {
            c.dispose();
        }
    }

    /** The analyses that work on a run. */
    public List<Contribution> runAnalyses() {
        return registry.contributions(RaceView.ANALYSES).stream().filter(RunAnalysis::takesRun).toList();
    }

    private void openRunDialog() {
        RunFolder r = run;
        if (r == null) {
            status.setText("choose a run first");
            return;
        }
        RunAnalysisDialog d = new RunAnalysisDialog(canvas.getShell(), runAnalyses(), r.dir().getFileName().toString());
        Contribution c = d.open() == Window.OK ? d.chosen() : null;
        if (c != null) {
            runAnalysis(c, d.values());
        }
    }

    /** Runs an analysis on the current run in a job (progress and cancel), stores it and shows it. */
    public Job runAnalysis(Contribution c, Map<String, String> options) {
        RunFolder r = run;
        if (r == null) {
            throw new IllegalStateException("no run chosen");
        }
        status.setText("running " + c.id() + "…");
        Job job = new Job(c.name() + " of " + r.dir().getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    Path saved = RunAnalysis.run(registry, c, options, r, monitor);
                    canvas.getDisplay().asyncExec(() -> {
                        if (!canvas.isDisposed()) {
                            listStored();
                            show(saved);
                        }
                    });
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    report("analysis " + c.id() + " cancelled; nothing was saved", null);
                    return Status.CANCEL_STATUS;
                } catch (IllegalArgumentException | IOException | CoreException | ExperimentException | PluginFault e) {
                    String m = e instanceof ExperimentException x ? String.join("; ", x.problems()) : e.getMessage();
                    // a fault names the analysis and its bundle itself
                    report((e instanceof PluginFault ? "" : "analysis " + c.id() + " of ") + r.dir().getFileName() + ": " + m, e);
                    return Status.OK_STATUS;
                }
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }

    private void report(String message, @Nullable Exception e) {
        canvas.getDisplay().asyncExec(() -> {
            if (canvas.isDisposed()) {
                return;
            }
            status.setText(message);
            if (e != null) {
                ErrorDialog.openError(canvas.getShell(), "Run analysis", null,
                        new Status(IStatus.ERROR, "org.descent.ui.analysis", message, e));
            }
        });
    }
}
