package org.descent.ui.internal.store;

import java.nio.file.Path;

import org.descent.core.RunStatus;
import org.descent.experiment.RunFolder;

/**
 * One run of the store as its run file said when it was last read: the values the navigator
 * shows, ready to draw.
 *
 * @param dir the run's folder
 * @param readable whether the run file could be read; when not, {@code error} says why
 * @param status the run's status (a run file saying "running" whose process is gone reads
 *        interrupted; an unreadable one failed)
 * @param step the last step the run file records
 * @param loss the final training loss, NaN when there is none
 * @param message the run's message ("budget of 500 steps reached")
 * @param experiment the experiment in one line ({@link StoreReader#describe})
 * @param error why the run file could not be read, empty when it could
 */
public record RunEntry(Path dir, boolean readable, RunStatus status, long step, double loss, String message,
        String experiment, String error) {

    /** The run's folder, as the navigator publishes it in its selection. */
    public RunFolder folder() {
        return new RunFolder(dir);
    }
}
