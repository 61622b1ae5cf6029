package org.descent.headless;

/**
 * A headless command, run as {@code descent <id> [options] [arguments]}. Its options are
 * declared in plugin.xml and already checked when {@link #run(CommandContext)} is called.
 *
 * @since 0.1.0
 */
public interface Command {

    /** Success. */
    int OK = 0;
    /** The command ran and failed (bad input data, diverged run, ...). */
    int FAILURE = 1;
    /** Bad usage: unknown command or option, missing or malformed value. */
    int USAGE = 2;

    /**
     * Runs the command.
     *
     * @return the process exit code
     * @throws UsageException for arguments the command cannot accept (exit code {@link #USAGE})
     * @throws Exception for any other failure (exit code {@link #FAILURE}); its message is shown
     */
    int run(CommandContext context) throws Exception;
}
