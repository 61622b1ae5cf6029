package org.descent.headless.internal;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;

import org.descent.compute.Device;
import org.descent.core.ComponentSpec;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.Trainer;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.TrainingSettings;
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
        Device device = DeviceOption.resolve(context, e, null);
        boolean json = context.has("json");
        return TrainingSession.run("train", (trainer, monitor) -> {
            ResolvedExperiment plan = ResolvedExperiment.resolve(e, context.registry(), null);
            if (device != null) {
                trainer.device(device);
            }
            return trainer.lossScaling(scaling).train(plan, folderMaker(context, e), monitor);
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
        if (!e.getPrecision().isMixed()) {
            throw new UsageException("option '--loss-scale' is for --precision mixed-fp16 or mixed-bf16, not "
                    + e.getPrecision().id());
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

    /**
     * The run folder of {@link #folder}, made only once the run has passed its checks, so that a
     * refused run leaves no empty folder behind.
     */
    static Trainer.FolderMaker folderMaker(CommandContext context, Experiment e) {
        return () -> {
            try {
                return folder(context, e);
            } catch (UsageException x) {
                throw new ExperimentException(x.getMessage());
            }
        };
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
        settings(c, e);
        if (!c.has("epochs") && !c.has("steps")) {
            e.setSteps(DEFAULT_STEPS);
        }
        return e;
    }

    /** Sets the training settings given as options; a budget given in epochs or steps replaces the other. */
    static void settings(CommandContext c, Experiment e) throws UsageException {
        if (c.has("epochs") && c.has("steps")) {
            throw new UsageException("options '--epochs' and '--steps' exclude each other: give one");
        }
        for (TrainingSettings.Setting t : TrainingSettings.all()) {
            Optional<String> text = c.option(t.option());
            if (text.isPresent()) {
                String value = text.get().strip().equals(t.zero()) ? "0" : text.get();
                String problem = t.problem(value);
                if (problem != null) {
                    throw new UsageException("option '--" + t.option() + "': " + problem
                            + (t.zero() == null ? "" : " or '" + t.zero() + "'"));
                }
                t.set(e, value);
            }
        }
        if (c.has("epochs")) {
            e.setSteps(0);
        } else if (c.has("steps")) {
            e.setEpochs(0);
        }
        if ((c.has("epochs") || c.has("steps")) && e.getEpochs() == 0 && e.getSteps() == 0) {
            String option = c.has("epochs") ? "epochs" : "steps";
            throw new UsageException("option '--" + option + "': 0 is no budget, expected a whole number >= 1");
        }
    }

    /**
     * Overrides an experiment loaded from a file with the components and training settings given
     * as options (a probe or regularizer given replaces the file's).
     */
    static void override(CommandContext c, Experiment e) throws UsageException {
        Component dataset = component(c, "dataset", false);
        if (dataset != null) {
            e.setDataset(dataset);
        }
        Component model = component(c, "model", false);
        if (model != null) {
            e.setModel(model);
        }
        Component loss = component(c, "loss", false);
        if (loss != null) {
            e.setLoss(loss);
        }
        Component optimizer = component(c, "optimizer", false);
        if (optimizer != null) {
            e.setOptimizer(optimizer);
        }
        Component schedule = component(c, "schedule", false);
        if (schedule != null) {
            e.setSchedule(schedule);
        }
        Component probe = component(c, "probe", false);
        if (probe != null) {
            e.getProbes().clear();
            e.getProbes().add(probe);
        }
        Component regularizer = component(c, "regularizer", false);
        if (regularizer != null) {
            e.getRegularizers().clear();
            e.getRegularizers().add(regularizer);
        }
        c.option("name").ifPresent(e::setName);
        settings(c, e);
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
}
