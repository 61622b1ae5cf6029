package org.descent.headless.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.descent.core.Json;
import org.descent.experiment.RunStore;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;

/** {@code descent sweeps [--root DIR] [--json]}: the sweeps in the run store. */
public final class SweepsCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        RunStore store = context.option("root").map(r -> new RunStore(Path.of(r))).orElse(RunStore.standard());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SweepFolder folder : SweepFolder.list(store.root())) {
            try {
                rows.add(summary(folder));
            } catch (IOException | IllegalArgumentException e) {
                context.err().println("descent sweeps: skipping " + folder.dir() + ": " + e.getMessage());
            }
        }
        if (context.has("json")) {
            context.out().println(Json.write(rows));
            return OK;
        }
        if (rows.isEmpty()) {
            context.out().println("No sweeps in " + store.root() + ".");
            return OK;
        }
        context.out().println(String.format("%-48s %-12s %-28s %-14s %14s", "SWEEP", "STATUS", "TRIALS", "METRIC",
                "BEST"));
        for (Map<String, Object> r : rows) {
            context.out().println(String.format(Locale.ROOT, "%-48s %-12s %-28s %-14s %14.6g", r.get("name"),
                    r.get("status"), r.get("trials") + " (" + String.join(", ", ((Map<?, ?>) r.get("counts")).entrySet()
                            .stream().map(e -> e.getValue() + " " + e.getKey()).toList()) + ")", r.get("metric"),
                    r.get("best") instanceof Double d ? d : Double.NaN));
        }
        context.out().println("(" + rows.size() + " sweeps in " + store.root() + ")");
        return OK;
    }

    private static Map<String, Object> summary(SweepFolder folder) throws IOException {
        Study study = folder.study();
        List<SweepFolder.TrialState> states = folder.states();
        Map<String, Integer> counts = new TreeMap<>();
        states.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", folder.dir().getFileName().toString());
        m.put("path", folder.dir().toString());
        m.put("status", SweepFolder.status(folder.read()));
        m.put("trials", states.size());
        m.put("counts", counts);
        m.put("metric", study.metric() + " " + study.mode());
        List<SweepFolder.TrialState> ranked = SweepFolder.ranked(states, study);
        m.put("best", ranked.isEmpty() || Double.isNaN(ranked.get(0).best()) ? null : ranked.get(0).best());
        return m;
    }
}
