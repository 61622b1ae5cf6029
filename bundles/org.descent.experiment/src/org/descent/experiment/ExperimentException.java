package org.descent.experiment;

import java.util.List;

/**
 * An experiment or run file that cannot be used, with every problem found: each names the
 * file (and line where known), the element and the value, and what was expected.
 *
 * @since 0.1.0
 */
public final class ExperimentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ExperimentException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ExperimentException(String problem) {
        this(List.of(problem));
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}
