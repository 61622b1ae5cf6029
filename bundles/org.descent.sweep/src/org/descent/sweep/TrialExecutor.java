package org.descent.sweep;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where a sweep's trials train: on threads of the sweeping process ({@link #threads()}), or as
 * tasks of an Apache Spark job ({@code org.descent.sweep.spark.SparkTrials}) whose trials stream
 * their run folders back. Either way the sweep's bookkeeping (the sweep file, ASHA's rungs, the
 * analyses) stays in the sweeping process, behind {@link Trials}.
 */
public interface TrialExecutor {

    /**
     * Trains the trials, returning when each has ended or the monitor was cancelled.
     *
     * @param todo the trials to train or resume, in trial order
     * @param trials the sweep the trials belong to
     * @throws IOException when the executor cannot start (the trials' states are as they were)
     */
    void execute(List<SearchSpace.Trial> todo, Trials trials, IProgressMonitor monitor) throws IOException;

    /** What an executor asks of the sweep: train a trial here, or follow one that trains elsewhere. */
    interface Trials {

        /** The sweep's folder, which holds each trial's run folder. */
        SweepFolder folder();

        /** Trials trained at once ({@code --parallel}). */
        int parallel();

        /** Trains (or resumes) a trial in this process; its failure is recorded before it is thrown. */
        void train(SearchSpace.Trial trial) throws Exception;

        /** A trial started (or resumed) training elsewhere. */
        void started(int trial) throws IOException;

        /**
         * ASHA's word for a trial that trains elsewhere and completed {@code epochs} epochs with
         * this metric (waits for the trials before it, as in this process).
         */
        Verdict rung(int trial, int epochs, double value) throws InterruptedException;

        /**
         * A trial that trained elsewhere ended; its run folder holds what it wrote.
         *
         * @param status its status, as {@link Sweeper#trainAlone} returned it
         * @param stopped why ASHA stopped it, or {@code null}
         */
        void ended(int trial, String status, @Nullable String stopped) throws IOException;

        /** A trial that trained elsewhere failed for good (its retries spent): recorded as failed. */
        void failed(int trial, String why) throws IOException;
    }

    /**
     * ASHA's word at a rung.
     *
     * @param stop why the trial stops there, or {@code null} when it goes on
     * @param cancelled the sweep was cancelled while the trial waited for the trials before it
     */
    record Verdict(@Nullable String stop, boolean cancelled) {
        /** Go on. */
        public static final Verdict GO = new Verdict(null, false);
        /** The sweep was cancelled. */
        public static final Verdict CANCELLED = new Verdict(null, true);
    }

    /** Trains the trials on {@code --parallel} threads of this process, in trial order. */
    static TrialExecutor threads() {
        return (todo, trials, monitor) -> ThreadTrials.each(todo, trials.parallel(), monitor, trials::train);
    }
}
