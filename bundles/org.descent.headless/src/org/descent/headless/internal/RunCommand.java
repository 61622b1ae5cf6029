package org.descent.headless.internal;

import java.nio.file.Path;

import org.descent.compute.Device;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.model.Experiment;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;

/** {@code descent run FILE.descent [--out DIR] [--json]}: trains the experiment of a file. */
public final class RunCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        if (context.arguments().isEmpty()) {
            throw new org.descent.headless.UsageException("needs an experiment file: descent run FILE.descent");
        }
        Path file = Path.of(context.arguments().get(0));
        Device device = DeviceOption.resolve(context);
        return TrainingSession.run("run", (trainer, monitor) -> {
            Experiment e = ExperimentFiles.loadExperiment(file);
            // a run trains the experiment alone; a sweep the file keeps is for descent sweep --experiment
            e.setSweep(null);
            ResolvedExperiment plan = ResolvedExperiment.resolve(e, context.registry(), file);
            return trainer.device(device).train(plan, TrainCommand.folderMaker(context, e), monitor);
        }, context.has("json"), context.out(), context.err());
    }
}
