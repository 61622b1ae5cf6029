package org.descent.ui.analysis.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.ExtensionPoints;
import org.descent.core.Settings;
import org.descent.ui.analysis.StoredAnalysis;
import org.descent.ui.charts.Heatmap;
import org.descent.ui.forms.HyperparameterForm;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;

/**
 * The optimizer race: the {@code race} analysis' options as a generated form, its contour plot
 * with the trajectories, a click on the plot to start from there, stepping and animation, and
 * export. It computes through the same analysis as {@code descent analyze race}.
 */
public final class RaceView {

    public static final String ID = "org.descent.ui.analysis.views.race";
    static final String ANALYSES = ExtensionPoints.ANALYSES;

    private ContributionRegistry registry;
    private Contribution race;
    private HyperparameterForm form;
    private RacerList racers;
    private RacePlot plot;
    private Scale slider;
    private Label status;
    private Button play;
    private boolean playing;
    private @Nullable StoredAnalysis result;
    private @Nullable Job job;
    private int generation;
    private int computed;
    private final Runnable recompute = this::compute;
    private final Runnable tick = this::tick;

    @PostConstruct
    public void createControls(Composite parent, ContributionRegistry contributionRegistry) {
        this.registry = contributionRegistry;
        race = registry.find(ANALYSES, "race").orElseThrow(
                () -> new IllegalStateException("the race analysis (org.descent.analysis.race) is not installed"));
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        ScrolledComposite scroll = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
        Composite left = new Composite(scroll, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(left);
        Label hint = new Label(left, SWT.WRAP);
        hint.setText("Click the plot to start the race there.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(hint);
        // every option but the line-up, which the racers' check list below composes
        form = new HyperparameterForm(left, race.kind() + " '" + race.id() + "'", race.hyperparameters().stream()
                .filter(h -> !h.name().equals(RacerList.OPTION)).toList(), Map.of());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form.getControl());
        form.addListener((name, text, problem) -> {
            if (problem == null) {
                schedule();
            }
        });
        racers = new RacerList(left, registry.contributions(ExtensionPoints.OPTIMIZERS), () -> {
            scroll.setMinSize(left.computeSize(SWT.DEFAULT, SWT.DEFAULT));
            left.layout(true, true);
            schedule();
        });
        GridDataFactory.fillDefaults().grab(true, false).applyTo(racers.getControl());
        scroll.setContent(left);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.setMinSize(left.computeSize(SWT.DEFAULT, SWT.DEFAULT));

        Composite right = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).margins(4, 4).applyTo(right);
        plot = new RacePlot(right, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, true).span(6, 1).applyTo(plot.heatmap());
        plot.heatmap().addListener(SWT.MouseDown, e -> {
            if (e.button == 1) {
                startAt(plot.toData(e.x, e.y));
            }
        });
        Button step = new Button(right, SWT.PUSH);
        step.setText("&Step");
        step.setToolTipText("Draw one more step of every trajectory");
        step.addListener(SWT.Selection, e -> setShown(plot.shown() + 1));
        play = new Button(right, SWT.PUSH);
        play.setText("&Play");
        play.setToolTipText("Animate the race from its start");
        play.addListener(SWT.Selection, e -> setPlaying(!playing));
        slider = new Scale(right, SWT.HORIZONTAL);
        slider.setMinimum(0);
        slider.setMaximum(1);
        slider.addListener(SWT.Selection, e -> setShown(slider.getSelection()));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(slider);
        status = new Label(right, SWT.NONE);
        GridDataFactory.fillDefaults().hint(190, SWT.DEFAULT).applyTo(status);
        Button png = new Button(right, SWT.PUSH);
        png.setText("Export P&NG…");
        png.addListener(SWT.Selection, e -> export(right, "*.png"));
        Button csv = new Button(right, SWT.PUSH);
        csv.setText("Export &CSV…");
        csv.setToolTipText("The trajectories as drawn: optimizer, step, x, y, f");
        csv.addListener(SWT.Selection, e -> export(right, "*.csv"));
        sash.setWeights(42, 58);
        compute();
    }

    @PreDestroy
    public void dispose() {
        Job j = job;
        if (j != null) {
            j.cancel();
        }
    }

    /** The options form (the race analysis' declared hyperparameters but the line-up). */
    public HyperparameterForm form() {
        return form;
    }

    /** The racers: the installed optimizers, checked ones with their hyperparameter forms. */
    public RacerList racers() {
        return racers;
    }

    /** The race analysis' options: the form's values and the line-up the racers compose. */
    public Map<String, String> options() {
        Map<String, String> v = new LinkedHashMap<>(form.values());
        String lineup = racers.lineup();
        if (!lineup.isEmpty()) {
            v.put(RacerList.OPTION, lineup);
        }
        return v;
    }

    public RacePlot plot() {
        return plot;
    }

    /** The result drawn now, if any. */
    public Optional<StoredAnalysis> result() {
        return Optional.ofNullable(result);
    }

    /** Whether the drawn result is the one for the current options. */
    public boolean isUpToDate() {
        return computed == generation && result != null;
    }

    /** Sets the start to a point and runs the race again from there. */
    public void startAt(double[] point) {
        Map<String, String> v = new LinkedHashMap<>(form.values());
        v.put("x0", fourDigits(point[0]));
        v.put("y0", fourDigits(point[1]));
        form.setValues(v);
        compute();
    }

    private static String fourDigits(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Draws the trajectories up to this step. */
    public void setShown(int step) {
        plot.showUpTo(step);
        slider.setSelection(plot.shown());
        updateStatus();
    }

    /** Starts or stops the animation. */
    public void setPlaying(boolean on) {
        playing = on;
        play.setText(on ? "&Pause" : "&Play");
        if (on) {
            if (plot.shown() >= plot.longest()) {
                setShown(0);
            }
            plot.heatmap().getDisplay().timerExec(40, tick);
        }
    }

    private void tick() {
        if (!playing || plot.heatmap().isDisposed()) {
            return;
        }
        setShown(plot.shown() + Math.max(1, plot.longest() / 150));
        if (plot.shown() >= plot.longest()) {
            setPlaying(false);
        } else {
            plot.heatmap().getDisplay().timerExec(40, tick);
        }
    }

    private void schedule() {
        generation++;
        plot.heatmap().getDisplay().timerExec(300, recompute);
    }

    /** Runs the race for the form's values in a job and draws it when done. */
    public void compute() {
        if (!form.isValid() || !racers.isValid()) {
            status.setText("fix: " + (form.isValid() ? racers.problem() : form.problems().values().iterator().next()));
            return;
        }
        int gen = ++generation;
        Settings settings;
        try {
            settings = Settings.resolve(race, options());
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        Job previous = job;
        if (previous != null) {
            previous.cancel();
        }
        status.setText("racing…");
        Job j = new Job("Optimizer race") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                AnalysisResult r;
                try {
                    Analysis a = registry.createExecutable(race, Analysis.class);
                    a.configure(settings);
                    r = a.analyze(new AnalysisInput(Optional.empty(), Map.of()), monitor);
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (IllegalArgumentException | IOException | CoreException e) {
                    String m = e instanceof CoreException c ? c.getStatus().getMessage() : e.getMessage();
                    show(gen, null, m == null ? e.toString() : m);
                    return Status.OK_STATUS;
                }
                show(gen, StoredAnalysis.of(r), "");
                return Status.OK_STATUS;
            }
        };
        j.setSystem(false);
        job = j;
        j.schedule();
    }

    private void show(int gen, @Nullable StoredAnalysis r, String problem) {
        if (plot.heatmap().isDisposed()) {
            return;
        }
        plot.heatmap().getDisplay().asyncExec(() -> {
            if (plot.heatmap().isDisposed() || gen != generation) {
                return;
            }
            computed = gen;
            if (r == null) {
                status.setText(problem);
                return;
            }
            try {
                plot.showAll();
                plot.show(r);
                result = r;
                slider.setMaximum(Math.max(1, plot.longest()));
                slider.setSelection(plot.shown());
                updateStatus();
            } catch (IOException e) {
                status.setText(e.getMessage());
            }
        });
    }

    private void updateStatus() {
        status.setText("step " + plot.shown() + " of " + plot.longest());
    }

    private void export(Composite shellOwner, String pattern) {
        FileDialog d = new FileDialog(shellOwner.getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { pattern });
        d.setOverwrite(true);
        String f = d.open();
        if (f == null) {
            return;
        }
        try {
            if (pattern.endsWith("png")) {
                plot.heatmap().exportPng(Path.of(f));
            } else {
                writeTrajectories(Path.of(f));
            }
        } catch (IOException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(shellOwner.getShell(), "Export", f + ": " + e.getMessage());
        }
    }

    /** Writes the trajectories as drawn: optimizer, step, x, y. */
    public void writeTrajectories(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("optimizer,step,x,y\n");
        List<Heatmap.Polyline> lines = plot.drawn();
        for (Heatmap.Polyline l : lines) {
            for (int i = 0; i < l.x().length; i++) {
                sb.append(org.descent.ui.charts.SeriesCsv.cell(l.label())).append(',').append(i).append(',')
                        .append(l.x()[i]).append(',').append(l.y()[i]).append('\n');
            }
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
