package org.descent.headless.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.experiment.TrainingSettings;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A command as declared in plugin.xml: its contribution, options and arguments.
 *
 * @param maxArguments the most positional arguments it takes, {@link Integer#MAX_VALUE} for no limit
 * @param moreOptions whether options not declared are passed to the command, which checks them itself
 */
record CommandSpec(Contribution contribution, List<OptionSpec> options, String argumentsSynopsis, int maxArguments,
        boolean moreOptions) {

    CommandSpec(Contribution contribution, List<OptionSpec> options, String argumentsSynopsis, int maxArguments) {
        this(contribution, options, argumentsSynopsis, maxArguments, false);
    }

    static final String EXTENSION_POINT = "org.descent.headless.commands";

    /**
     * A declared option.
     *
     * @param value placeholder of its value, or {@code null} for a flag
     * @param repeatable whether it may be given more than once
     */
    record OptionSpec(String name, @Nullable String value, String doc, boolean repeatable) {

        OptionSpec(String name, @Nullable String value, String doc) {
            this(name, value, doc, false);
        }

        /** {@code --name VALUE} or {@code --name}. */
        String synopsis() {
            return "--" + name + (value == null ? "" : " " + value);
        }
    }

    String id() {
        return contribution.id();
    }

    Optional<OptionSpec> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** {@code descent plugins [--json] [--kind KIND]}. */
    String usage() {
        StringBuilder sb = new StringBuilder("descent ").append(id());
        for (OptionSpec o : options) {
            sb.append(" [").append(o.synopsis()).append(']');
        }
        if (!argumentsSynopsis.isEmpty()) {
            sb.append(' ').append(argumentsSynopsis);
        }
        return sb.toString();
    }

    /** All declared commands, sorted by id; a command whose declaration is malformed is reported and skipped. */
    static List<CommandSpec> all(ContributionRegistry registry, List<String> problems) {
        List<CommandSpec> specs = new ArrayList<>();
        for (Contribution c : registry.contributions(EXTENSION_POINT)) {
            try {
                specs.add(of(c));
            } catch (IllegalArgumentException e) {
                problems.add(c.label() + ": " + e.getMessage());
            }
        }
        return specs;
    }

    /** A training setting as an option: its doc, then its default (as the command line writes it). */
    private static OptionSpec trainingOption(TrainingSettings.Setting t) {
        String zero = t.zero();
        String defaultText = t.declaration().defaultText();
        return new OptionSpec(t.option(), t.placeholder(), t.declaration().doc() + " Default "
                + (zero != null && defaultText.equals("0") ? zero : defaultText) + ".");
    }

    /**
     * Appends a command element's options in their order: {@code option}, {@code trainingSettings}
     * (one option per training setting, or per setting its {@code only} names) and {@code optionsOf} (the options of another command of
     * the same extension, less those it names in {@code except}).
     */
    private static void readOptions(IConfigurationElement element, List<OptionSpec> options, java.util.Set<String> except,
            int depth) {
        for (IConfigurationElement o : element.getChildren()) {
            if (o.getName().equals("trainingSettings")) {
                String only = o.getAttribute("only");
                java.util.Set<String> chosen = only == null ? null
                        : java.util.Arrays.stream(only.split(",")).map(String::strip).collect(java.util.stream.Collectors.toSet());
                for (TrainingSettings.Setting t : TrainingSettings.all()) {
                    if (!except.contains(t.option()) && (chosen == null || chosen.contains(t.option()))) {
                        options.add(trainingOption(t));
                    }
                }
                continue;
            }
            if (o.getName().equals("optionsOf")) {
                String id = o.getAttribute("command");
                IConfigurationElement other = null;
                for (IConfigurationElement e : element.getDeclaringExtension().getConfigurationElements()) {
                    if (e.getName().equals("command") && java.util.Objects.equals(e.getAttribute("id"), id)) {
                        other = e;
                    }
                }
                if (other == null || depth > 2) {
                    throw new IllegalArgumentException("optionsOf: '" + id + "' is not a command of the same extension"
                            + (depth > 2 ? " (or the commands refer to each other)" : ""));
                }
                String list = o.getAttribute("except");
                java.util.Set<String> left = new java.util.HashSet<>(except);
                if (list != null) {
                    for (String n : list.split(",")) {
                        left.add(n.strip());
                    }
                }
                readOptions(other, options, left, depth + 1);
                continue;
            }
            if (!o.getName().equals("option")) {
                continue;
            }
            String name = o.getAttribute("name");
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("option name '" + name + "' must be lower case letters, digits and dashes");
            }
            if (name.equals("help")) {
                throw new IllegalArgumentException("option --help is provided for every command and cannot be declared");
            }
            if (except.contains(name)) {
                continue;
            }
            String doc = o.getAttribute("doc");
            options.add(new OptionSpec(name, o.getAttribute("value"), doc == null ? "" : doc.strip(),
                    Boolean.parseBoolean(o.getAttribute("repeatable"))));
        }
    }

    static CommandSpec of(Contribution c) {
        if (c.id().equals("test")) {
            throw new IllegalArgumentException("the command id 'test' is taken by the launcher ('descent test')");
        }
        IConfigurationElement element = c.element();
        List<OptionSpec> options = new ArrayList<>();
        readOptions(element, options, java.util.Set.of(), 0);
        String max = element.getAttribute("maxArguments");
        int maxArguments;
        if (max == null) {
            maxArguments = 0;
        } else if (max.equals("unbounded")) {
            maxArguments = Integer.MAX_VALUE;
        } else {
            try {
                maxArguments = Integer.parseInt(max);
            } catch (NumberFormatException e) {
                maxArguments = -1;
            }
            if (maxArguments < 0) {
                throw new IllegalArgumentException(
                        "maxArguments '" + max + "' is not a whole number >= 0 or 'unbounded'");
            }
        }
        String synopsis = element.getAttribute("arguments");
        return new CommandSpec(c, options, synopsis == null ? "" : synopsis, maxArguments,
                Boolean.parseBoolean(element.getAttribute("moreOptions")));
    }
}
