package org.descent.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.descent.core.RunStatus;
import org.descent.experiment.RunFolder;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;

/**
 * Help &gt; Getting Started: the source material's first examples, each one click to open and run:
 * the Gaussian fitted by maximum likelihood, the two-Gaussian mixture, the optimizer race, and the
 * Hessian at the maximum-likelihood estimate. The experiments are bundled samples, copied into the
 * experiments folder (an existing file of that name is kept) and opened in the experiment editor.
 */
public final class GettingStartedView extends ViewPart {

    public static final String ID = "org.descent.ui.views.gettingStarted";
    /** The analysis view's command that runs an analysis on a run and shows it (org.descent.ui.analysis). */
    static final String ANALYZE_RUN = "org.descent.ui.analysis.commands.analyzeRun";

    /** One example: what it shows, and what one click does. */
    public record Example(String title, String text, String button) {
    }

    /** The examples, in the order of the source material. */
    public static final List<Example> EXAMPLES = List.of(
            new Example("1. Fit a Gaussian by maximum likelihood",
                    "15000 draws: 10000 of N(0, 1) and 5000 of N(3, 1). Adam moves N(μ, σ²) from (1, 1) to the"
                            + " sample's mean (about 1) and standard deviation (about 1.73, the square root of 3). Watch"
                            + " the loss fall in the Monitor.",
                    "Open and run"),
            new Example("2. A mixture of two Gaussians",
                    "The same data, a better model: 0.5 N(μ₁, σ₁²) + 0.5 N(μ₂, σ₂²) from [1, 1, 2, 2] by"
                            + " gradient descent. It finds both modes and a lower negative log-likelihood; started"
                            + " from all ones it would stay on the single Gaussian (a local minimum).",
                    "Open and run"),
            new Example("3. The optimizer race",
                    "Gradient descent, momentum, Nesterov, Adagrad, RMSProp and Adam race from one start on the same"
                            + " likelihood surface (or Rosenbrock, Beale, a saddle). Pick the racers, step, play, and"
                            + " click the plot to start elsewhere.",
                    "Open the race"),
            new Example("4. The Hessian at the maximum-likelihood estimate",
                    "Trains example 1, then computes the Hessian of the loss at its final parameters: both eigenvalues"
                            + " are positive, so the estimate is a minimum; for N(μ, σ²) they are 2/σ² and"
                            + " 1/σ² (about 0.667 and 0.333).",
                    "Train and analyse"));

    private final Label[] status = new Label[EXAMPLES.size()];
    private final Button[] buttons = new Button[EXAMPLES.size()];
    private @Nullable ScrolledComposite scroll;

    @Override
    public void createPartControl(Composite parent) {
        ScrolledComposite s = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroll = s;
        Composite page = new Composite(s, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(16, 12).spacing(8, 6).applyTo(page);
        Label title = new Label(page, SWT.WRAP);
        title.setText("Getting started with Descent");
        title.setFont(JFaceResources.getHeaderFont());
        wide(title);
        Label intro = new Label(page, SWT.WRAP);
        intro.setText("Descent trains models and lets you look inside the optimization. These four examples come from"
                + " the source material on optimizers and maximum likelihood; each opens what it needs and runs it."
                + " The experiments land in the experiments folder (" + DescentPreferences.experimentsFolder()
                + "), the runs in the run store, beside your own.");
        wide(intro);
        for (int i = 0; i < EXAMPLES.size(); i++) {
            Example ex = EXAMPLES.get(i);
            Composite card = new Composite(page, SWT.NONE);
            GridLayoutFactory.fillDefaults().numColumns(2).margins(0, 8).applyTo(card);
            wide(card);
            Label h = new Label(card, SWT.WRAP);
            h.setText(ex.title());
            h.setFont(JFaceResources.getBannerFont());
            GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(h);
            Label t = new Label(card, SWT.WRAP);
            t.setText(ex.text());
            GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(400, SWT.DEFAULT).applyTo(t);
            Button b = new Button(card, SWT.PUSH);
            b.setText(ex.button());
            int index = i;
            b.addListener(SWT.Selection, e -> start(index));
            buttons[i] = b;
            Label st = new Label(card, SWT.WRAP);
            GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(st);
            status[i] = st;
        }
        s.setContent(page);
        s.setExpandHorizontal(true);
        s.setExpandVertical(true);
        s.addListener(SWT.Resize, e -> {
            int width = s.getClientArea().width;
            s.setMinSize(page.computeSize(width, SWT.DEFAULT));
        });
    }

    private static void wide(Control c) {
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(c);
    }

    @Override
    public void setFocus() {
        buttons[0].setFocus();
    }

    /** The button of one example (for tests and key navigation). */
    public Button button(int example) {
        return buttons[example];
    }

    /** What one example last reported. */
    public String status(int example) {
        return status[example].getText();
    }

    /** Does what the example's button does. */
    public void start(int example) {
        IWorkbenchPage page = getSite().getPage();
        IWorkbenchPartReference self = page.getReference(this);
        if (self != null && page.getPartState(self) == IWorkbenchPage.STATE_MAXIMIZED) {
            page.setPartState(self, IWorkbenchPage.STATE_RESTORED);
        }
        try {
            switch (example) {
            case 0 -> openAndRun(example, DescentWorkbenchAdvisor.SAMPLE, null);
            case 1 -> openAndRun(example, "samples/gaussian-mixture.descent", null);
            case 2 -> {
                page.showView(Perspectives.RACE_VIEW);
                report(example, "The race runs in the Optimizer Race view.");
            }
            case 3 -> openAndRun(example, DescentWorkbenchAdvisor.SAMPLE, this::analyzeHessian);
            default -> throw new IllegalArgumentException("no example " + example);
            }
        } catch (IOException | PartInitException e) {
            ILog.of(GettingStartedView.class).log(Status.error("Getting started: " + EXAMPLES.get(example).title(), e));
            report(example, "Cannot open it: " + e.getMessage());
        }
    }

    /** Copies the sample into the experiments folder, opens it and runs it; then {@code after} on the UI thread. */
    private void openAndRun(int example, String sample, @Nullable BiConsumer<Integer, RunFolder> after)
            throws IOException, PartInitException {
        Path file = DescentPreferences.experimentsFolder().resolve(Path.of(sample).getFileName());
        DescentWorkbenchAdvisor.copySample(sample, file);
        IEditorPart part = getSite().getPage().openEditor(new ExperimentEditorInput(file), ExperimentEditor.ID);
        if (!(part instanceof ExperimentEditor editor)) {
            report(example, file + " did not open in the experiment editor");
            return;
        }
        RunJob job = editor.run();
        if (job == null) {
            report(example, "The experiment has problems: see the editor.");
            return;
        }
        report(example, "Training " + job.folder().dir().getFileName() + "…");
        Display display = getSite().getShell().getDisplay();
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                RunJob.Outcome o = job.outcome();
                display.asyncExec(() -> {
                    if (o == null || status[example].isDisposed()) {
                        return;
                    }
                    report(example, o.summary());
                    if (after != null && o.status() == RunStatus.DONE) {
                        after.accept(example, o.folder());
                    }
                });
            }
        });
    }

    /** Runs the hessian analysis on the run through the Analysis view's command, which shows it. */
    private void analyzeHessian(int example, RunFolder run) {
        ICommandService commands = getSite().getService(ICommandService.class);
        IHandlerService handlers = getSite().getService(IHandlerService.class);
        try {
            ParameterizedCommand c = ParameterizedCommand.generateCommand(commands.getCommand(ANALYZE_RUN),
                    Map.of("analysis", "hessian", "run", run.dir().toString()));
            if (c == null) {
                report(example, "The Analysis view (org.descent.ui.analysis) is not installed.");
                return;
            }
            handlers.executeCommand(c, null);
            report(example, "Trained " + run.dir().getFileName() + "; the Hessian is computed in the Analysis view.");
        } catch (CommandException e) {
            ILog.of(GettingStartedView.class).log(Status.error("Getting started: the Hessian of " + run.dir(), e));
            report(example, "Cannot analyse " + run.dir().getFileName() + ": " + e.getMessage());
        }
    }

    private void report(int example, String text) {
        Label l = status[example];
        if (!l.isDisposed()) {
            l.setText(text);
            l.getParent().layout(true);
            ScrolledComposite s = scroll;
            if (s != null && !s.isDisposed()) {
                s.setMinSize(s.getContent().computeSize(s.getClientArea().width, SWT.DEFAULT));
            }
        }
    }
}
