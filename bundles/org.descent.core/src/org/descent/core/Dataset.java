package org.descent.core;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A data set contribution: configured from its options (path, label column, size, seed, ...),
 * then loaded into memory.
 *
 * @since 0.1.0
 */
public interface Dataset extends Configurable {

    /**
     * Loads the data. Nothing is returned half-loaded: bad input throws.
     *
     * @throws IllegalArgumentException when the input is malformed; the message names the file
     *             and line (or offset) and what was expected
     * @throws IOException when a file cannot be read
     */
    Data load(IProgressMonitor monitor) throws IOException;
}
