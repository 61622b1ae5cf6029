package org.descent.headless.internal;

import org.descent.core.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.experiment.ExperimentException;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.model.Run;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;

/** {@code descent runs [--root DIR] [--json]}: the runs in the run store with their status. */
public final class RunsCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        RunStore store = context.option("root").map(r -> new RunStore(Path.of(r))).orElse(RunStore.standard());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunFolder folder : store.runs()) {
            try {
                rows.add(summary(folder, folder.readRun()));
            } catch (ExperimentException e) {
                context.err().println("descent runs: skipping " + folder.dir() + ": " + e.problems().get(0));
            }
        }
        if (context.has("json")) {
            context.out().println(Json.write(rows));
            return OK;
        }
        if (rows.isEmpty()) {
            context.out().println("No runs in " + store.root() + ".");
            return OK;
        }
        context.out().println(String.format("%-44s %-12s %10s %14s %9s  %s", "RUN", "STATUS", "STEPS", "LOSS", "WALL_S",
                "EXPERIMENT"));
        for (Map<String, Object> r : rows) {
            context.out().println(String.format(java.util.Locale.ROOT, "%-44s %-12s %10d %14.6g %9.2f  %s", r.get("name"),
                    r.get("status"), r.get("steps"), r.get("loss") instanceof Double d ? d : Double.NaN,
                    r.get("wall_seconds"), r.get("experiment")));
        }
        context.out().println("(" + rows.size() + " runs in " + store.root() + ")");
        return OK;
    }

    static Map<String, Object> summary(RunFolder folder, Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", run.getName());
        m.put("path", folder.dir().toString());
        m.put("status", RunFolder.effectiveStatus(run).id());
        m.put("message", run.getMessage());
        RunFolder.Progress progress = folder.progress(run);
        m.put("steps", progress.step());
        m.put("wall_seconds", progress.wallSeconds());
        m.put("loss", Double.isNaN(progress.loss()) ? null : progress.loss());
        m.put("experiment", run.getExperiment() == null ? "" : run.getExperiment().getName());
        return m;
    }
}
