package org.descent.headless.internal;

import org.descent.core.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.experiment.RunFolder;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Metric;
import org.descent.experiment.model.Provenance;
import org.descent.experiment.model.ResolvedComponent;
import org.descent.experiment.model.Run;
import org.descent.experiment.model.Setting;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;

/** {@code descent show DIR [--json]}: one run's experiment, status, metrics and provenance. */
public final class ShowCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        if (context.arguments().isEmpty()) {
            throw new org.descent.headless.UsageException("needs a run folder: descent show DIR");
        }
        RunFolder folder = new RunFolder(Path.of(context.arguments().get(0)));
        Run run;
        try {
            run = folder.readRun();
        } catch (org.descent.experiment.ExperimentException e) {
            for (String p : e.problems()) {
                context.err().println("descent show: " + p);
            }
            return USAGE;
        }
        Map<String, Object> m = RunsCommand.summary(folder, run);
        Experiment e = run.getExperiment();
        Map<String, Object> exp = new LinkedHashMap<>();
        exp.put("dataset", spec(e.getDataset()));
        exp.put("model", spec(e.getModel()));
        exp.put("loss", spec(e.getLoss()));
        exp.put("optimizer", spec(e.getOptimizer()));
        if (e.getSchedule() != null) {
            exp.put("schedule", spec(e.getSchedule()));
        }
        exp.put("batch", e.getBatchSize() == 0 ? "full" : e.getBatchSize());
        exp.put(e.getSteps() > 0 ? "steps" : "epochs", e.getSteps() > 0 ? e.getSteps() : e.getEpochs());
        exp.put("seed", e.getSeed());
        exp.put("precision", e.getPrecision().id());
        m.put("experiment_spec", exp);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Metric metric : run.getMetrics()) {
            metrics.put(metric.getName(), metric.getValue());
        }
        m.put("metrics", metrics);
        Provenance p = run.getProvenance();
        if (p != null) {
            Map<String, Object> prov = new LinkedHashMap<>();
            prov.put("descent", p.getDescentVersion());
            prov.put("java", p.getJavaVersion() + " (" + p.getJavaVendor() + ")");
            prov.put("os", p.getOs());
            prov.put("host", p.getHost());
            prov.put("threads", p.getThreads());
            prov.put("backend", p.getBackend());
            if (p.getUpdate() != null) {
                prov.put("update", p.getUpdate());
            }
            List<Object> resolved = new ArrayList<>();
            for (ResolvedComponent rc : p.getResolved()) {
                resolved.add(rc.getRole() + " " + spec(rc) + " (bundle " + rc.getBundle() + ")");
            }
            prov.put("resolved", resolved);
            m.put("provenance", prov);
        }
        m.put("metrics_file", folder.metricsFile().toString());
        m.put("checkpoints", folder.checkpoints().size());
        if (context.has("json")) {
            context.out().println(Json.write(m));
        } else {
            print(m, "", context);
        }
        return OK;
    }

    private static void print(Map<String, Object> m, String indent, CommandContext context) {
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> sub) {
                context.out().println(indent + k + ":");
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) sub;
                print(s, indent + "  ", context);
            } else if (v instanceof List<?> list) {
                context.out().println(indent + k + ":");
                list.forEach(x -> context.out().println(indent + "  " + x));
            } else {
                context.out().println(String.format("%s%-16s %s", indent, k, v));
            }
        });
    }

    static String spec(Component c) {
        StringBuilder sb = new StringBuilder(c.getId());
        String sep = ":";
        for (Setting s : c.getSettings()) {
            sb.append(sep).append(s.getName()).append('=').append(s.getValue());
            sep = ",";
        }
        return sb.toString();
    }
}
