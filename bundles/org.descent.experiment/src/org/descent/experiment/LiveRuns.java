package org.descent.experiment;

import java.util.List;

import org.descent.core.RunListener;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The runs training in this JVM right now, so that views can follow them event by event
 * (a run started elsewhere is followed through its files instead). Available as an OSGi
 * service.
 * <p>
 * Whoever starts a run announces it and adds the returned listener to its {@link Trainer}; the
 * run leaves the list when that listener hears a final status. Observers are called on the
 * training thread and must return quickly: a view keeps the values and draws on its own
 * schedule.
 *
 * @since 0.1.0
 */
public interface LiveRuns {

    /** Hears runs start; returns a listener for the run's events, or {@code null} to skip it. */
    @FunctionalInterface
    interface Observer {
        @Nullable
        RunListener started(RunFolder run);
    }

    /**
     * Announces a run about to train in this JVM.
     *
     * @return the listener to add to the run's trainer: it passes every event to the observers
     */
    RunListener announce(RunFolder run);

    /** The runs announced and not yet ended, oldest first. */
    List<RunFolder> active();

    /**
     * Observes every run announced from now on and the ones already training.
     *
     * @return closing it stops the observer (runs in progress stop calling its listeners)
     */
    AutoCloseable observe(Observer observer);
}
