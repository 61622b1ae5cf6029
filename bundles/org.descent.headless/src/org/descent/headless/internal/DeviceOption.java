package org.descent.headless.internal;

import java.nio.file.Path;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.experiment.ExperimentDevice;
import org.descent.experiment.model.Experiment;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The compute device a command uses, checked against the installed backends before anything
 * runs: an experiment's {@code device} and {@code threads} settings (the options
 * {@code --device auto|cpu|BACKEND[:N]} and {@code --threads N|all}, which override a file's), or
 * for analyze the {@code --device} option alone.
 */
final class DeviceOption {

    private DeviceOption() {
    }

    /**
     * The device of an experiment whose settings the command's options have overridden; null for
     * the host path where no backend is installed ({@link ExperimentDevice#resolve}).
     *
     * @param file the file the experiment came from, or null
     * @throws UsageException naming {@code --device} when it was given, else the file's
     *             {@code device} field, when the device does not exist or is not available
     */
    static @Nullable Device resolve(CommandContext c, Experiment e, @Nullable Path file) throws UsageException {
        try {
            return ExperimentDevice.resolve(e, Backends.find(DeviceOption.class), Backends.AUTO);
        } catch (IllegalArgumentException x) {
            String where = c.has("device") ? "option '--device'" : (file == null ? "" : file + ": ") + "device";
            throw new UsageException(where + ": " + x.getMessage());
        }
    }

    /**
     * The device of {@code --device} (default {@code auto}), for a command without an experiment
     * to train.
     *
     * @throws UsageException naming the option when the device does not exist or is not available
     */
    static Device resolve(CommandContext c) throws UsageException {
        try {
            return Backends.resolve(Backends.find(DeviceOption.class), c.option("device").orElse(Backends.AUTO));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option '--device': " + e.getMessage());
        }
    }
}
