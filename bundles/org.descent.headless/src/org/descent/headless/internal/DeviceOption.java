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
 * for analyze and tune the {@code --device} and {@code --threads} options alone; with
 * {@code --autotune on|off} where the command has it.
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
     *             {@code device} field, when the device does not exist or is not available, or
     *             naming {@code --autotune} when it is neither on nor off
     */
    static @Nullable Device resolve(CommandContext c, Experiment e, @Nullable Path file) throws UsageException {
        Device device;
        try {
            device = ExperimentDevice.resolve(e, Backends.find(DeviceOption.class), Backends.AUTO);
        } catch (IllegalArgumentException x) {
            String where = c.has("device") ? "option '--device'" : (file == null ? "" : file + ": ") + "device";
            throw new UsageException(where + ": " + x.getMessage());
        }
        return device == null ? null : autotune(c, device);
    }

    /**
     * The device of {@code --device} (default {@code auto}) using {@code --threads} host threads
     * (default every core), for a command without an experiment to train.
     *
     * @throws UsageException naming the option when the device does not exist or is not available,
     *             the thread count is neither {@code all} nor a whole number >= 0, or --autotune is
     *             neither on nor off
     */
    static Device resolve(CommandContext c) throws UsageException {
        Device device;
        try {
            device = Backends.resolve(Backends.find(DeviceOption.class), c.option("device").orElse(Backends.AUTO));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option '--device': " + e.getMessage());
        }
        String text = c.option("threads").orElse("all").strip();
        if (!text.equalsIgnoreCase("all")) {
            int threads;
            try {
                threads = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                threads = -1;
            }
            if (threads < 0) {
                throw new UsageException("option '--threads': '" + text
                        + "' is not valid, expected a whole number >= 0 (0: every core) or 'all'");
            }
            if (threads > 0) {
                device = device.withThreads(threads);
            }
        }
        return autotune(c, device);
    }

    /** The device measuring its candidates or not, as {@code --autotune} says (default on). */
    private static Device autotune(CommandContext c, Device device) throws UsageException {
        String autotune = c.option("autotune").orElse("on").strip();
        return switch (autotune) {
        case "on" -> device.withAutotune(true);
        case "off" -> device.withAutotune(false);
        default -> throw new UsageException("option '--autotune': expected on or off, got '" + autotune + "'");
        };
    }
}
