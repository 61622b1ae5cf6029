package org.descent.headless.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.descent.core.Descent;
import org.descent.core.ExtensionPoints;
import org.descent.core.Hyperparameter;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;

/** {@code descent help [COMMAND]}, {@code descent --help} and {@code descent help --markdown}. */
public final class HelpCommand implements Command {

    @Override
    public int run(CommandContext context) throws UsageException {
        List<CommandSpec> commands = CommandSpec.all(context.registry(), new ArrayList<>());
        if (context.has("markdown")) {
            if (!context.arguments().isEmpty()) {
                throw new UsageException("--markdown prints the whole reference; it takes no COMMAND");
            }
            CommandReference.print(commands, context.registry(), context.out());
            return OK;
        }
        if (context.arguments().isEmpty()) {
            printOverview(commands, context.out());
            return OK;
        }
        String name = context.arguments().get(0);
        Optional<CommandSpec> spec = commands.stream().filter(c -> c.id().equals(name)).findFirst();
        if (spec.isEmpty()) {
            throw new UsageException("no command '" + name + "'; commands: "
                    + String.join(", ", commands.stream().map(CommandSpec::id).toList()));
        }
        printCommand(spec.get(), context.out(), context.registry());
        return OK;
    }

    static void printOverview(List<CommandSpec> commands, PrintStream out) {
        out.println("Descent " + Descent.displayVersion());
        out.println("A workbench for running and dissecting the optimization of machine-learning models.");
        out.println();
        out.println("Usage:");
        out.println("  descent                       open the workbench (needs a display; without one: xvfb-run descent)");
        out.println("  descent <command> [options]   run a command headless (no display needed)");
        out.println("  descent test                  build Descent and run every test (from a source checkout)");
        out.println();
        out.println("Commands:");
        int width = commands.stream().mapToInt(c -> c.id().length()).max().orElse(0) + 2;
        for (CommandSpec c : commands) {
            out.println("  " + pad(c.id(), width) + firstSentence(c.contribution().description()));
        }
        out.println();
        out.println("Options:");
        out.println("  --help, -h     show this help; 'descent <command> --help' shows a command's options");
        out.println("  --version, -V  show the version");
        out.println();
        out.println("Exit codes: 0 success, 1 failure, 2 bad usage.");
    }

    static void printCommand(CommandSpec spec, PrintStream out, ContributionRegistry registry) {
        out.println("Usage: " + spec.usage());
        out.println();
        out.println(wrap(spec.contribution().description(), 78, ""));
        if (!spec.options().isEmpty()) {
            out.println();
            out.println("Options:");
            int width = spec.options().stream().mapToInt(o -> o.synopsis().length()).max().orElse(0) + 2;
            for (CommandSpec.OptionSpec o : spec.options()) {
                out.println("  " + pad(o.synopsis(), width) + o.doc());
            }
        }
        String lists = spec.contribution().attributes().get("lists");
        if (lists != null) {
            for (String point : lists.split(",")) {
                printContributions(registry, ExtensionPoints.of(point), out);
            }
        }
        out.println();
        out.println("Contributed by bundle " + spec.contribution().bundle() + ".");
    }

    /**
     * Every contribution to a point: id, name, and each hyperparameter with its type, range,
     * default and doc (the declaration's summary); then the ones left out, with the reason.
     */
    private static void printContributions(ContributionRegistry registry, String point, PrintStream out) {
        List<Contribution> all = registry.contributions(point);
        List<ContributionProblem> broken = registry.problems().stream()
                .filter(p -> p.extensionPoint().equals(point) && !p.id().isEmpty()).toList();
        if (all.isEmpty() && broken.isEmpty()) {
            return;
        }
        out.println();
        String simple = point.substring(point.lastIndexOf('.') + 1);
        out.println("Installed " + simple + " (id: name; hyperparameters: type, range, default, doc):");
        for (Contribution c : all) {
            StringBuilder sb = new StringBuilder("  ").append(c.id());
            String singular = simple.equals("analyses") ? "analysis" : simple.replaceAll("s$", "");
            if (!c.kind().equals(singular) && !simple.startsWith(c.kind())) {
                sb.append(" [").append(c.kind()).append(']');
            }
            sb.append(": ").append(c.name());
            out.println(sb);
            for (Hyperparameter h : c.hyperparameters()) {
                out.println("      " + wrap(h.summary(), 72, "        "));
            }
        }
        for (ContributionProblem p : broken) {
            out.println("  " + p.id() + ": left out, " + wrap(p.reason(), 60, "      ") + " (bundle " + p.bundle()
                    + "; see 'descent plugins')");
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        return dot < 0 ? text : text.substring(0, dot + 1);
    }

    private static String wrap(String text, int width, String indent) {
        StringBuilder sb = new StringBuilder();
        int line = 0;
        for (String word : text.split(" ")) {
            if (line > 0 && line + 1 + word.length() > width) {
                sb.append('\n').append(indent);
                line = 0;
            } else if (line > 0) {
                sb.append(' ');
                line++;
            }
            sb.append(word);
            line += word.length();
        }
        return sb.toString();
    }
}
