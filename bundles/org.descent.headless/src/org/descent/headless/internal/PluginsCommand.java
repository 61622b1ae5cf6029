package org.descent.headless.internal;

import org.descent.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.Hyperparameter;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;

/** {@code descent plugins [--json] [--kind KIND]}: every contribution to Descent's extension points. */
public final class PluginsCommand implements Command {

    @Override
    public int run(CommandContext context) throws UsageException {
        List<Contribution> all = context.registry().contributions();
        List<ContributionProblem> problems = context.registry().problems();
        Optional<String> kind = context.option("kind");
        List<Contribution> shown = all;
        List<ContributionProblem> broken = problems;
        if (kind.isPresent()) {
            List<String> kinds = Stream.concat(all.stream().map(Contribution::kind),
                    problems.stream().map(ContributionProblem::kind).filter(k -> !k.isEmpty())).distinct().sorted().toList();
            if (!kinds.contains(kind.get())) {
                throw new UsageException("option '--kind': no contribution of kind '" + kind.get() + "'; kinds present: "
                        + String.join(", ", kinds));
            }
            shown = all.stream().filter(c -> c.kind().equals(kind.get())).toList();
            broken = problems.stream().filter(p -> p.kind().equals(kind.get())).toList();
        }
        if (context.has("json")) {
            List<Object> out = new ArrayList<>(shown.stream().map(PluginsCommand::toJson).toList());
            broken.forEach(p -> out.add(toJson(p)));
            context.out().println(Json.write(out));
        } else {
            printTable(shown, broken, context);
        }
        return OK;
    }

    /** A broken contribution (or a bundle that contributes nothing) as JSON: status "broken" and the reason. */
    static Map<String, Object> toJson(ContributionProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind().isEmpty() ? null : p.kind());
        m.put("id", p.id().isEmpty() ? null : p.id());
        m.put("bundle", p.bundle());
        m.put("extensionPoint", p.extensionPoint().isEmpty() ? null : p.extensionPoint());
        m.put("status", "broken");
        m.put("problem", p.reason());
        return m;
    }

    static Map<String, Object> toJson(Contribution c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind());
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("bundle", c.bundle());
        m.put("extensionPoint", c.extensionPoint());
        m.put("status", "ok");
        m.put("class", c.className());
        m.put("description", c.description());
        List<Object> hyperparameters = new ArrayList<>();
        for (Hyperparameter h : c.hyperparameters()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("name", h.name());
            hm.put("type", h.type().id());
            hm.put("default", h.defaultText());
            Hyperparameter.Range range = h.range();
            hm.put("range", range == null ? null : range.toString());
            if (!h.choices().isEmpty()) {
                hm.put("choices", h.choices());
            }
            hm.put("doc", h.doc());
            hyperparameters.add(hm);
        }
        m.put("hyperparameters", hyperparameters);
        if (!c.attributes().isEmpty()) {
            m.put("attributes", new LinkedHashMap<>(c.attributes()));
        }
        return m;
    }

    private static void printTable(List<Contribution> contributions, List<ContributionProblem> broken,
            CommandContext context) {
        List<ContributionProblem> brokenRows = broken.stream().filter(p -> !p.id().isEmpty()).toList();
        if (contributions.isEmpty() && broken.isEmpty()) {
            context.out().println("No contributions.");
            return;
        }
        String[] header = { "KIND", "ID", "NAME", "BUNDLE" };
        int[] width = new int[header.length];
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (Contribution c : contributions) {
            rows.add(new String[] { c.kind(), c.id(), c.name(), c.bundle() });
        }
        for (ContributionProblem p : brokenRows) {
            rows.add(new String[] { p.kind(), p.id(), BROKEN, p.bundle() });
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                sb.append(row[i]);
                if (i < row.length - 1) {
                    sb.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            context.out().println(sb);
        }
        context.out().println();
        if (broken.isEmpty()) {
            context.out().println(contributions.size() + " contributions.");
            return;
        }
        context.out().println(contributions.size() + " contributions; left out because they are broken:");
        for (ContributionProblem p : broken) {
            context.out().println("  " + (p.id().isEmpty() ? p.toString()
                    : p.kind() + " '" + p.id() + "' (" + p.bundle() + "): " + p.reason()));
        }
    }

    /** The NAME column of a broken contribution; the reason follows the table. */
    static final String BROKEN = "(broken, left out)";
}
