package org.descent.headless.internal;

import java.nio.file.Path;

import org.descent.compute.Device;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.ResolvedExperiment;
import org.descent.experiment.model.Experiment;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;

/**
 * {@code descent run FILE.descent [--device D] [--threads N] [--out DIR] [--json]}: trains the
 * experiment of a file, on its device unless {@code --device} or {@code --threads} override it.
 */
public final class RunCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        if (context.arguments().isEmpty()) {
            throw new org.descent.headless.UsageException("needs an experiment file: descent run FILE.descent");
        }
        Path file = Path.of(context.arguments().get(0));
        return TrainingSession.run("run", (trainer, monitor) -> {
            Experiment e = ExperimentFiles.loadExperiment(file);
            // a run trains the experiment alone; a sweep the file keeps is for descent sweep --experiment
            e.setSweep(null);
            TrainCommand.settings(context, e);
            ResolvedExperiment plan = ResolvedExperiment.resolve(e, context.registry(), file);
            Device device = DeviceOption.resolve(context, e, file);
            if (device != null) {
                trainer.device(device);
            }
            return trainer.train(plan, TrainCommand.folderMaker(context, e), monitor);
        }, context.has("json"), context.out(), context.err());
    }
}
