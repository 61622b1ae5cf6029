package org.descent.headless.internal;

import java.nio.file.Path;

import org.descent.experiment.RunFolder;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;

/** {@code descent resume DIR [--json]}: continues a cancelled or interrupted run from its last checkpoint. */
public final class ResumeCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        if (context.arguments().isEmpty()) {
            throw new org.descent.headless.UsageException("needs a run folder: descent resume DIR");
        }
        RunFolder folder = new RunFolder(Path.of(context.arguments().get(0)));
        return TrainingSession.run("resume", (trainer, monitor) -> trainer.resume(folder, context.registry(), monitor),
                context.has("json"), context.out(), context.err());
    }
}
