package org.descent.headless.internal;

import org.descent.core.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.descent.core.LayerStatistics;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.Trainer;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code descent layers}: what each layer of a model does on one minibatch — the mean, standard
 * deviation and fraction of zeros of its outputs, the spread of the gradient reaching them and of
 * its weight gradient, and for binary layers α, the approximation error and the memory saving —
 * at the initial parameters of a model given by options, or at the last checkpoint of a run.
 */
public final class LayersCommand implements Command {

    static final int DEFAULT_ROWS = 256;

    @Override
    public int run(CommandContext c) throws Exception {
        Experiment e;
        double[] parameters = null;
        long step = 0;
        Path runFile = null;
        if (!c.arguments().isEmpty()) {
            if (c.has("dataset") || c.has("model") || c.has("loss")) {
                throw new UsageException("give a run folder or --dataset/--model/--loss, not both");
            }
            if (c.has("seed")) {
                throw new UsageException("option '--seed' is for a model given by options; a run uses its own seed");
            }
            RunFolder folder = new RunFolder(Path.of(c.arguments().get(0)));
            try {
                e = EcoreUtil.copy(folder.readRun().getExperiment());
            } catch (ExperimentException ex) {
                throw new UsageException(ex.problems().get(0));
            }
            Optional<Checkpoint> cp = folder.latestCheckpoint();
            if (cp.isEmpty()) {
                throw new UsageException(folder.dir() + " has no checkpoint to read parameters from");
            }
            parameters = cp.get().parameters();
            step = cp.get().step();
            runFile = folder.runFile();
        } else {
            e = ExperimentFactory.eINSTANCE.createExperiment();
            e.setDataset(TrainCommand.component(c, "dataset", true));
            e.setModel(TrainCommand.component(c, "model", true));
            e.setLoss(TrainCommand.component(c, "loss", true));
            org.descent.experiment.model.Component gd = ExperimentFactory.eINSTANCE.createComponent();
            gd.setId("gd");
            e.setOptimizer(gd);
            e.setSteps(1);
            if (c.has("seed")) {
                try {
                    e.setSeed(Long.parseLong(c.options().get("seed")));
                } catch (NumberFormatException ex) {
                    throw new UsageException("option '--seed': '" + c.options().get("seed") + "' is not a whole number");
                }
            }
        }
        int rows = DEFAULT_ROWS;
        if (c.has("rows")) {
            try {
                rows = Integer.parseInt(c.options().get("rows"));
            } catch (NumberFormatException ex) {
                rows = 0;
            }
            if (rows < 1) {
                throw new UsageException("option '--rows': '" + c.options().get("rows") + "' is not a whole number >= 1");
            }
        }
        if (runFile == null) {
            e.setBatchSize(rows);
        }
        Trainer.Inspection result;
        try {
            ResolvedExperiment plan = ResolvedExperiment.resolve(e, c.registry(), runFile);
            result = new Trainer().inspect(plan, parameters, step, rows, null);
        } catch (ExperimentException ex) {
            for (String p : ex.problems()) {
                c.err().println("descent layers: " + p);
            }
            return USAGE;
        }
        if (c.has("json")) {
            c.out().println(Json.write(toJson(result)));
        } else {
            print(result, e, c);
        }
        return OK;
    }

    static Map<String, Object> toJson(Trainer.Inspection r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", r.rows());
        m.put("step", r.step());
        m.put("loss", r.loss());
        List<Object> layers = new ArrayList<>();
        for (LayerStatistics s : r.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("layer", s.layer());
            l.put("kind", s.kind());
            List<Object> shape = new ArrayList<>();
            for (int d : s.outputShape()) {
                shape.add(d);
            }
            l.put("output_shape", shape);
            l.put("parameters", s.parameters());
            l.put("mean", s.mean());
            l.put("std", s.std());
            l.put("zero_fraction", s.zeroFraction());
            l.put("gradient_std", s.gradientStd());
            l.put("weight_gradient_std", s.weightGradientStd());
            l.putAll(new java.util.TreeMap<>(s.extra()));
            layers.add(l);
        }
        m.put("layers", layers);
        return m;
    }

    private static void print(Trainer.Inspection r, Experiment e, CommandContext c) {
        c.out().printf(Locale.ROOT, "%s on %s: one training-mode pass on %d rows at %s; loss %.6g%n",
                e.getModel().getId(), e.getDataset().getId(), r.rows(),
                r.step() == 0 ? "the initial parameters (seed " + e.getSeed() + ")" : "step " + r.step(), r.loss());
        c.out().printf(Locale.ROOT, "%-24s %-13s %-9s %9s %11s %11s %6s %11s %11s  %s%n", "layer", "kind", "output",
                "params", "mean", "std", "zeros", "grad std", "dW std", "notes");
        for (LayerStatistics s : r.layers()) {
            StringBuilder shape = new StringBuilder();
            for (int d : s.outputShape()) {
                shape.append(shape.length() == 0 ? "" : "x").append(d);
            }
            StringBuilder notes = new StringBuilder();
            new java.util.TreeMap<>(s.extra()).forEach((k, v) -> notes.append(notes.length() == 0 ? "" : ", ")
                    .append(k.replace('_', ' ')).append(' ').append(String.format(Locale.ROOT, "%.4g", v)));
            c.out().printf(Locale.ROOT, "%-24s %-13s %-9s %9d %11.4g %11.4g %5.1f%% %11s %11s  %s%n", s.layer(), s.kind(),
                    shape, s.parameters(), s.mean(), s.std(), 100 * s.zeroFraction(), number(s.gradientStd()),
                    number(s.weightGradientStd()), notes);
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
