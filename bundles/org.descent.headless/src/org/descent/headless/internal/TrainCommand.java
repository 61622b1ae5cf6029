package org.descent.headless.internal;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;

import org.descent.core.ComponentSpec;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.Precision;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.Components;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;

/**
 * {@code descent train --dataset ID[:k=v,...] --model ... --loss ... --optimizer ...}: builds an
 * experiment from options, and trains it into a new run folder.
 */
public final class TrainCommand implements Command {

    /** Budget when neither --steps nor --epochs is given. */
    static final long DEFAULT_STEPS = 1000;

    @Override
    public int run(CommandContext context) throws Exception {
        Experiment e = experiment(context);
        MixedPrecisionPolicy.LossScaling scaling = lossScaling(context, e);
        boolean json = context.has("json");
        return TrainingSession.run("train", (trainer, monitor) -> {
            ResolvedExperiment plan = ResolvedExperiment.resolve(e, context.registry(), null);
            RunFolder folder = folder(context, e);
            return trainer.lossScaling(scaling).train(plan, folder, monitor);
        }, json, context.out(), context.err());
    }

    /**
     * {@code --loss-scale dynamic[:INITIAL] | none | SCALE}: GradScaler's dynamic scaling (from 2^16
     * or INITIAL), no scaling, or a static scale; for the mixed precisions only.
     */
    static MixedPrecisionPolicy.LossScaling lossScaling(CommandContext c, Experiment e) throws UsageException {
        Optional<String> option = c.option("loss-scale");
        if (option.isEmpty()) {
            return MixedPrecisionPolicy.LossScaling.DEFAULT;
        }
        if (!e.getPrecision().getLiteral().startsWith("mixed-")) {
            throw new UsageException("option '--loss-scale' is for --precision mixed-fp16 or mixed-bf16, not "
                    + e.getPrecision().getLiteral());
        }
        String v = option.get();
        try {
            if (v.equals("none")) {
                return MixedPrecisionPolicy.LossScaling.NONE;
            }
            if (v.equals("dynamic")) {
                return MixedPrecisionPolicy.LossScaling.DEFAULT;
            }
            if (v.startsWith("dynamic:")) {
                return MixedPrecisionPolicy.LossScaling.dynamic(Double.parseDouble(v.substring("dynamic:".length())));
            }
            return MixedPrecisionPolicy.LossScaling.fixed(Double.parseDouble(v));
        } catch (IllegalArgumentException ex) {
            throw new UsageException("option '--loss-scale': '" + v + "' is not valid, expected dynamic, dynamic:INITIAL,"
                    + " none or a scale > 0" + (ex instanceof NumberFormatException ? "" : " (" + ex.getMessage() + ")"));
        }
    }

    static RunFolder folder(CommandContext context, Experiment e) throws java.io.IOException, UsageException {
        Optional<String> out = context.option("out");
        if (out.isPresent()) {
            Path dir = Path.of(out.get());
            try {
                return RunFolder.create(dir);
            } catch (FileSystemException ex) {
                throw new UsageException(OutFolder.problem(dir, ex));
            } catch (java.io.IOException ex) {
                throw new UsageException("option '--out': " + ex.getMessage());
            }
        }
        return RunStore.standard().newRun(e.getModel().getId() + "-" + e.getOptimizer().getId());
    }

    static Experiment experiment(CommandContext c) throws UsageException {
        ExperimentFactory f = ExperimentFactory.eINSTANCE;
        Experiment e = f.createExperiment();
        e.setDataset(component(c, "dataset", true));
        e.setModel(component(c, "model", true));
        e.setLoss(component(c, "loss", true));
        e.setOptimizer(component(c, "optimizer", true));
        e.setSchedule(component(c, "schedule", false));
        Component probe = component(c, "probe", false);
        if (probe != null) {
            e.getProbes().add(probe);
        }
        Component regularizer = component(c, "regularizer", false);
        if (regularizer != null) {
            e.getRegularizers().add(regularizer);
        }
        e.setName(c.option("name").orElse(e.getModel().getId() + " with " + e.getOptimizer().getId() + " on "
                + e.getDataset().getId()));
        String batch = c.option("batch").orElse("full");
        e.setBatchSize(batch.equals("full") ? 0 : (int) whole(c, "batch", batch, 1, Integer.MAX_VALUE, "or 'full'"));
        if (c.has("epochs") && c.has("steps")) {
            throw new UsageException("options '--epochs' and '--steps' exclude each other: give one");
        }
        if (c.has("epochs")) {
            e.setEpochs((int) whole(c, "epochs", c.options().get("epochs"), 1, Integer.MAX_VALUE, ""));
        } else {
            e.setSteps(c.has("steps") ? whole(c, "steps", c.options().get("steps"), 1, Long.MAX_VALUE, "") : DEFAULT_STEPS);
        }
        e.setLossTolerance(number(c, "tol", 0));
        e.setGradientTolerance(number(c, "grad-tol", 0));
        e.setClipNorm(number(c, "clip-norm", 0));
        e.setClipValue(number(c, "clip-value", 0));
        double validation = number(c, "validation", 0);
        if (validation >= 1) {
            throw new UsageException("option '--validation': " + validation + " is not a fraction in [0,1)");
        }
        e.setValidationFraction(validation);
        e.setSeed(c.has("seed") ? whole(c, "seed", c.options().get("seed"), Long.MIN_VALUE, Long.MAX_VALUE, "") : 0);
        if (c.has("checkpoint-every")) {
            e.setCheckpointEvery(whole(c, "checkpoint-every", c.options().get("checkpoint-every"), 0, Long.MAX_VALUE, ""));
        }
        String precision = c.option("precision").orElse("fp64");
        if (Precision.fromId(precision) == null) {
            throw new UsageException("option '--precision': '" + precision + "' is not valid, expected fp64, fp32,"
                    + " mixed-fp16 or mixed-bf16");
        }
        e.setPrecision(org.descent.experiment.model.Precision.get(precision));
        return e;
    }

    static Component component(CommandContext c, String option, boolean required) throws UsageException {
        Optional<String> text = c.option(option);
        if (text.isEmpty()) {
            if (required) {
                throw new UsageException("option '--" + option + "' is required (see 'descent train --help' for the ids)");
            }
            return null;
        }
        ComponentSpec spec;
        try {
            spec = ComponentSpec.parse(text.get());
        } catch (IllegalArgumentException ex) {
            throw new UsageException("option '--" + option + "': " + ex.getMessage());
        }
        return Components.of(spec);
    }

    private static long whole(CommandContext c, String option, String text, long min, long max, String orElse)
            throws UsageException {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option '--" + option + "': '" + text + "' is not valid, expected a whole number"
                + (min == Long.MIN_VALUE ? "" : " >= " + min) + (orElse.isEmpty() ? "" : " " + orElse));
    }

    private static double number(CommandContext c, String option, double otherwise) throws UsageException {
        Optional<String> text = c.option(option);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            double v = Double.parseDouble(text.get().strip());
            if (v >= 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option '--" + option + "': '" + text.get() + "' is not valid, expected a number >= 0");
    }
}
