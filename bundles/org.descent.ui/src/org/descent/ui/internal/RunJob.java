package org.descent.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.function.Consumer;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentDevice;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Trains one run of a resolved experiment in the background, on the experiment's compute device
 * (the preference's for auto, found in the job), announced to {@link LiveRuns} so that views
 * follow it; the job's monitor shows steps done and cancels the run. Several run
 * jobs can go at once.
 */
public final class RunJob extends Job {

    /** The family of every run job, for {@code Job.getJobManager().find(RunJob.FAMILY)}. */
    public static final Object FAMILY = RunJob.class;

    /** How a run ended, for a notification. */
    public record Outcome(RunFolder folder, RunStatus status, String summary) {
    }

    private final ResolvedExperiment plan;
    private final RunFolder folder;
    private final LiveRuns liveRuns;
    private final Consumer<Outcome> whenDone;
    private volatile @Nullable Outcome outcome;

    public RunJob(String experimentName, ResolvedExperiment plan, RunFolder folder, LiveRuns liveRuns,
            Consumer<Outcome> whenDone) {
        super("Training " + experimentName + " (" + folder.dir().getFileName() + ")");
        this.plan = plan;
        this.folder = folder;
        this.liveRuns = liveRuns;
        this.whenDone = whenDone;
        // a run cancelled while it waits to start never enters run(): it ends here, and its empty folder goes
        addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (outcome == null) {
                    removeIfEmpty();
                    Outcome o = new Outcome(folder, RunStatus.CANCELLED,
                            folder.dir().getFileName() + " was cancelled before it started");
                    outcome = o;
                    whenDone.accept(o);
                }
            }
        });
    }

    public RunFolder folder() {
        return folder;
    }

    /** How the run ended, once it has. */
    public @Nullable Outcome outcome() {
        return outcome;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        RunListener listener = liveRuns.announce(folder);
        Outcome o;
        try {
            Trainer trainer = new Trainer().listener(listener);
            try {
                Device device = ExperimentDevice.resolve(plan.experiment(), Backends.find(RunJob.class),
                        DescentPreferences.device());
                if (device != null) {
                    trainer.device(device);
                }
            } catch (IllegalArgumentException e) {
                throw new ExperimentException("device: " + e.getMessage());
            }
            TrainingResult r = trainer.train(plan, folder, monitor);
            o = new Outcome(folder, r.status(), summary(r));
        } catch (ExperimentException | IOException | RuntimeException e) {
            String why = e instanceof ExperimentException x ? String.join("; ", x.problems()) : String.valueOf(e.getMessage());
            listener.status(RunStatus.FAILED, why);
            removeIfEmpty();
            o = new Outcome(folder, RunStatus.FAILED, folder.dir().getFileName() + " failed: " + why);
            outcome = o;
            whenDone.accept(o);
            return Status.error(o.summary(), e);
        }
        outcome = o;
        whenDone.accept(o);
        return result(o);
    }

    /**
     * The job's result for how the run ended: OK when done, cancel when cancelled, an error for a
     * failed run and a warning for a diverged one, each with the run's summary (the job manager
     * logs errors and warnings).
     */
    public static IStatus result(Outcome o) {
        return switch (o.status()) {
        case CANCELLED -> Status.CANCEL_STATUS;
        case FAILED, INTERRUPTED -> Status.error(o.summary());
        case DIVERGED -> Status.warning(o.summary());
        default -> Status.OK_STATUS;
        };
    }

    /** "run-name: done after 500 steps, loss 1.4189 (budget of 500 steps reached)". */
    static String summary(TrainingResult r) {
        String name = r.folder().dir().getFileName().toString();
        String how = switch (r.status()) {
        case DONE -> "done after " + r.steps() + " steps";
        case DIVERGED -> "diverged at step " + r.steps();
        case CANCELLED -> "cancelled at step " + r.steps();
        default -> r.status().id() + " at step " + r.steps();
        };
        Double loss = r.metrics().getOrDefault("train_loss", r.finalLoss());
        String lossText = Double.isFinite(loss) ? String.format(Locale.ROOT, ", loss %.6g", loss) : "";
        return name + ": " + how + lossText + " (" + r.message() + ")";
    }

    /** A run that failed before writing anything leaves no empty folder behind. */
    private void removeIfEmpty() {
        if (folder.isRun()) {
            return;
        }
        try (var s = Files.walk(folder.dir())) {
            if (s.allMatch(Files::isDirectory)) {
                NavigatorView.deleteRecursively(folder.dir());
            }
        } catch (IOException e) {
            ILog.of(RunJob.class).log(Status.warning("Could not remove the empty run folder " + folder.dir(), e));
        }
    }
}
