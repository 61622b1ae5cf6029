package org.descent.headless;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.core.ContributionRegistry;

/**
 * What a command runs with: its parsed options and arguments, the output streams and the
 * contribution registry.
 *
 * @param command the command's id
 * @param options the options given, by name without dashes; a flag maps to {@code "true"}; the values of
 *            a repeatable option are joined by {@value #SEPARATOR} (see {@link #values(String)})
 * @param arguments the positional arguments
 * @param out standard output, for results
 * @param err standard error, for messages and warnings
 * @param registry every contribution to Descent's extension points
 *
 * @since 0.1.0
 */
public record CommandContext(String command, Map<String, String> options, List<String> arguments, PrintStream out,
        PrintStream err, ContributionRegistry registry) {

    public CommandContext {
        options = Map.copyOf(options);
        arguments = List.copyOf(arguments);
    }

    /** Joins the values of a repeatable option (a NUL cannot be in a command-line argument). */
    public static final char SEPARATOR = '\0';

    /** Every value of an option, in the order given (a repeatable option may have several). */
    public List<String> values(String option) {
        String v = options.get(option);
        return v == null ? List.of() : List.of(v.split(String.valueOf(SEPARATOR), -1));
    }

    /** Whether a flag (or an option) was given. */
    public boolean has(String option) {
        return options.containsKey(option);
    }

    /** The value of an option, if given. */
    public Optional<String> option(String option) {
        return Optional.ofNullable(options.get(option));
    }
}
