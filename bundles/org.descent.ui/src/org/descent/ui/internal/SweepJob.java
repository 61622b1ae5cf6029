package org.descent.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.descent.core.ContributionRegistry;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Sweep;
import org.descent.sweep.SearchSpace;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;
import org.descent.sweep.SweepSettings;
import org.descent.sweep.Sweeper;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs the sweep an experiment keeps, in the background, as {@code descent sweep --experiment}
 * does: the study and every trial checked against the declarations first (nothing starts when
 * one is wrong), then a sweep folder in the run store and {@link Sweeper} on it. The job's
 * progress counts the trials that ended and names the last; cancelling it stops the sweep and
 * keeps what finished ({@code descent sweep resume DIR} or the Sweep view continue it). The job
 * belongs to the family of its sweep folder's path, so that the Sweep view can cancel it.
 */
public final class SweepJob extends Job {

    /** The family of every sweep job. */
    public static final Object FAMILY = SweepJob.class;

    /** A line of the sweeper's log that says a trial ended ("trial 3 (of 8) done after ..."). */
    private static final Pattern TRIAL_ENDED = Pattern.compile("^trial \\d+ \\(of \\d+\\) ");

    /**
     * How a sweep job ended.
     *
     * @param folder the sweep's folder, or {@code null} when it did not start
     * @param problems why it did not start (empty when it did)
     * @param outcome how the sweeper ended, or {@code null} when it did not start or failed
     * @param summary one line for the user
     */
    public record Outcome(@Nullable SweepFolder folder, List<String> problems, Sweeper.@Nullable Outcome outcome,
            String summary) {
    }

    private final String experimentName;
    private final Experiment experiment;
    private final ContributionRegistry registry;
    private final Path root;
    private final Consumer<Outcome> whenDone;
    private volatile @Nullable SweepFolder folder;
    private volatile @Nullable Outcome outcome;

    /**
     * @param experiment a copy of the experiment with its sweep (the job owns it)
     * @param root the run store's root, where the sweep's folder is made
     */
    public SweepJob(String experimentName, Experiment experiment, ContributionRegistry registry, Path root,
            Consumer<Outcome> whenDone) {
        super("Sweeping " + experimentName);
        this.experimentName = experimentName;
        this.experiment = experiment;
        this.registry = registry;
        this.root = root;
        this.whenDone = whenDone;
        // a sweep cancelled while it waits to start never enters run(): it ends here
        addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (outcome == null) {
                    end(new Outcome(null, List.of(), null, "The sweep of " + experimentName
                            + " was cancelled before it started"), Status.CANCEL_STATUS);
                }
            }
        });
    }

    /** The sweep's folder once the job has made it. */
    public @Nullable SweepFolder folder() {
        return folder;
    }

    /** How the job ended, once it has. */
    public @Nullable Outcome outcome() {
        return outcome;
    }

    @Override
    public boolean belongsTo(Object family) {
        SweepFolder f = folder;
        return family == FAMILY || f != null && family instanceof Path p
                && p.toAbsolutePath().normalize().equals(f.dir().toAbsolutePath().normalize());
    }

    /**
     * What a check of an experiment's sweep found.
     *
     * @param base the experiment without its sweep, or {@code null} when it has none
     * @param study the study, or {@code null} when the sweep does not describe one
     * @param trials the trials, when the space is valid
     * @param problems what keeps the sweep from running, each naming the parameter or setting
     */
    public record Checked(@Nullable Experiment base, @Nullable Study study, List<SearchSpace.Trial> trials,
            List<String> problems) {
    }

    /**
     * Checks an experiment's sweep as {@code descent sweep --experiment} does before anything
     * starts: the study, the experiment itself, the space against the declarations, and every
     * trial resolved (at most ten problems). Resolving may read data sets: call it off the UI thread.
     */
    public static Checked check(Experiment withSweep, ContributionRegistry registry) {
        return checked(withSweep, registry);
    }

    private static Checked checked(Experiment withSweep, ContributionRegistry registry) {
        Sweep sweep = withSweep.getSweep();
        if (sweep == null) {
            return new Checked(null, null, List.of(), List.of("the experiment has no sweep"));
        }
        Experiment base = EcoreUtil.copy(withSweep);
        base.setSweep(null);
        List<String> problems = new ArrayList<>();
        Study study;
        try {
            study = SweepSettings.study(sweep, base);
        } catch (IllegalArgumentException e) {
            return new Checked(base, null, List.of(), List.of(String.valueOf(e.getMessage())));
        }
        try {
            ResolvedExperiment.resolve(base, registry, null);
        } catch (ExperimentException e) {
            problems.addAll(e.problems());
            return new Checked(base, study, List.of(), problems);
        }
        problems.addAll(study.space().problems(base, registry, SweepSettings.PARAMETER));
        if (!problems.isEmpty()) {
            return new Checked(base, study, List.of(), problems);
        }
        List<SearchSpace.Trial> trials = study.space().trials(study.samples(), study.searchSeed(), base, registry);
        problems.addAll(new Sweeper(registry, l -> {
        }).whenAuto(DescentPreferences.device()).problems(base, study, trials));
        return new Checked(base, study, trials, problems);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Checked c = check(experiment, registry);
        if (!c.problems().isEmpty() || c.base() == null || c.study() == null) {
            return end(new Outcome(null, c.problems(), null, "The sweep of " + experimentName + " did not start: "
                    + String.join("; ", c.problems())), Status.OK_STATUS);
        }
        SweepFolder f;
        try {
            Experiment base = Objects.requireNonNull(c.base());
            f = SweepFolder.create(SweepFolder.newFolder(root, base.getModel().getId() + "-" + base.getOptimizer()
                    .getId()), base, Objects.requireNonNull(c.study()), c.trials());
        } catch (IOException e) {
            String why = "The run store " + root + " cannot hold a new sweep: " + e.getMessage();
            return end(new Outcome(null, List.of(why), null, why), Status.error(why, e));
        }
        folder = f;
        monitor.beginTask("Sweeping " + experimentName + " (" + f.dir().getFileName() + ")", c.trials().size());
        Sweeper.Outcome o;
        try {
            o = new Sweeper(registry, line -> {
                synchronized (monitor) {
                    monitor.subTask(line);
                    if (TRIAL_ENDED.matcher(line).find()) {
                        monitor.worked(1);
                    }
                }
            }).whenAuto(DescentPreferences.device()).run(f, monitor);
        } catch (IOException | ExperimentException | RuntimeException e) {
            String why = e instanceof ExperimentException x ? String.join("; ", x.problems()) : String.valueOf(e.getMessage());
            String summary = f.dir().getFileName() + " failed: " + why;
            return end(new Outcome(f, List.of(), null, summary), Status.error(summary, e));
        } finally {
            monitor.done();
        }
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Integer> e : o.counts().entrySet()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
        }
        String summary = f.dir().getFileName() + ": " + o.status() + " (" + counts + ")"
                + (o.status().equals("done") ? "" : "; 'descent sweep resume " + f.dir() + "' continues it");
        return end(new Outcome(f, List.of(), o, summary), o.status().equals("done") ? Status.OK_STATUS
                : Status.CANCEL_STATUS);
    }

    private IStatus end(Outcome o, IStatus status) {
        outcome = o;
        whenDone.accept(o);
        return status;
    }
}
