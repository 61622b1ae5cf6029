package org.descent.headless.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.descent.core.ContributionRegistry;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;

/**
 * Parses {@code descent <command> [options] [arguments]} against the commands' declarations and
 * runs the command. Every usage error names the command and option and ends with exit code 2.
 */
public final class CommandLine {

    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final ContributionRegistry registry;
    private final PrintStream out;
    private final PrintStream err;

    public CommandLine(ContributionRegistry registry, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    /** Runs the command line and returns the exit code. */
    public int execute(List<String> args) {
        if (args.isEmpty()) {
            err.println("descent: no command given.");
            err.println("Run 'descent --help' for the commands, or start the workbench with 'descent' on a display.");
            return Command.USAGE;
        }
        List<String> problems = new ArrayList<>();
        List<CommandSpec> commands = CommandSpec.all(registry, problems);
        problems.forEach(p -> err.println("descent: warning: command left out: " + p));

        String first = args.get(0);
        List<String> rest = args.subList(1, args.size());
        String name = switch (first) {
        case "--help", "-h" -> "help";
        case "--version", "-V" -> "version";
        default -> first;
        };
        if (name.startsWith("-")) {
            err.println("descent: unknown option '" + first + "'. The options before a command are --help and --version.");
            err.println("Run 'descent --help' for the commands.");
            return Command.USAGE;
        }
        Optional<CommandSpec> found = commands.stream().filter(c -> c.id().equals(name)).findFirst();
        if (found.isEmpty()) {
            err.println("descent: unknown command '" + name + "'." + suggestion(name, commands));
            err.println("Commands: " + String.join(", ", commands.stream().map(CommandSpec::id).toList())
                    + ". Run 'descent --help' for more.");
            return Command.USAGE;
        }
        CommandSpec spec = found.get();
        Map<String, String> options = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>();
        try {
            if (parse(spec, rest, options, arguments)) {
                HelpCommand.printCommand(spec, out, registry);
                return Command.OK;
            }
        } catch (UsageException e) {
            return usageError(spec, e);
        }
        Command command;
        try {
            command = registry.createExecutable(spec.contribution(), Command.class);
        } catch (CoreException e) {
            ILog.of(CommandLine.class).log(e.getStatus());
            err.println("descent " + name + ": " + e.getMessage());
            return Command.FAILURE;
        }
        try {
            return command.run(new CommandContext(name, options, arguments, out, err, registry));
        } catch (UsageException e) {
            return usageError(spec, e);
        } catch (Exception | LinkageError e) {
            ILog.of(CommandLine.class).log(Status.error("descent " + name + " failed", e));
            err.println("descent " + name + ": error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (Boolean.getBoolean("descent.debug")) {
                e.printStackTrace(err);
            }
            return Command.FAILURE;
        }
    }

    private int usageError(CommandSpec spec, UsageException e) {
        err.println("descent " + spec.id() + ": " + e.getMessage());
        err.println("Usage: " + spec.usage() + "   (descent help " + spec.id() + " for details)");
        return Command.USAGE;
    }

    /**
     * Splits options from arguments, checking each option against the declarations. After
     * {@code --} everything is an argument; a negative number is an argument too.
     *
     * @return whether {@code --help} or {@code -h} was given in place of an option
     */
    static boolean parse(CommandSpec spec, List<String> args, Map<String, String> options, List<String> arguments)
            throws UsageException {
        boolean optionsEnded = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!optionsEnded && a.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && (a.equals("--help") || a.equals("-h"))) {
                help = true;
            } else if (!optionsEnded && a.startsWith("-") && a.length() > 1 && !NEGATIVE_NUMBER.matcher(a).matches()) {
                if (!a.startsWith("--")) {
                    throw new UsageException("unknown option '" + a + "'" + known(spec)
                            + "; to pass an argument that starts with '-', put it after --");
                }
                int eq = a.indexOf('=');
                String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
                CommandSpec.OptionSpec option = spec.option(name).orElse(null);
                String before = options.remove(name);
                if (before != null && (option == null || !option.repeatable())) {
                    throw new UsageException("option '--" + name + "' is given twice");
                }
                if (option == null && spec.moreOptions() && name.matches("[a-z0-9][a-z0-9-]*")) {
                    // left for the command to check: a value when one follows, else a flag
                    if (eq >= 0) {
                        options.put(name, a.substring(eq + 1));
                    } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                        options.put(name, args.get(++i));
                    } else {
                        options.put(name, "true");
                    }
                    continue;
                }
                if (option == null) {
                    throw new UsageException("unknown option '--" + name + "'" + known(spec));
                }
                if (option.value() == null) {
                    if (eq >= 0) {
                        throw new UsageException("option '--" + name + "' takes no value, but got '" + a.substring(eq + 1) + "'");
                    }
                    options.put(name, "true");
                } else if (eq >= 0) {
                    options.put(name, a.substring(eq + 1));
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    options.put(name, args.get(++i));
                } else {
                    throw new UsageException("option '--" + name + "' needs a value (" + option.value() + ")");
                }
                if (before != null) {
                    options.put(name, before + CommandContext.SEPARATOR + options.get(name));
                }
            } else {
                arguments.add(a);
            }
        }
        if (!help && arguments.size() > spec.maxArguments()) {
            String extra = arguments.get(spec.maxArguments());
            throw new UsageException(spec.maxArguments() == 0 ? "takes no arguments, but got '" + extra + "'"
                    : "takes at most " + spec.maxArguments() + " argument(s); '" + extra + "' is one too many");
        }
        return help;
    }

    private static String known(CommandSpec spec) {
        return spec.options().isEmpty() ? "; this command has no options"
                : " (options: " + String.join(", ", spec.options().stream().map(o -> "--" + o.name()).toList()) + ")";
    }

    /** " Did you mean 'plugins'?" for a near miss, or an empty string. */
    private static String suggestion(String name, List<CommandSpec> commands) {
        return commands.stream().map(CommandSpec::id)
                .min(Comparator.comparingInt((String id) -> distance(id, name)))
                .filter(id -> distance(id, name) <= Math.max(1, name.length() / 3))
                .map(id -> " Did you mean '" + id + "'?").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
