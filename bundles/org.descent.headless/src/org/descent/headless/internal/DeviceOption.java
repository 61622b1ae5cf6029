package org.descent.headless.internal;

import java.util.List;

import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;

/**
 * The {@code --device auto|cpu|opencl[:N]}, {@code --threads N} and {@code --autotune on|off}
 * options: the compute device a command uses, checked against the installed backends before
 * anything runs.
 */
final class DeviceOption {

    private DeviceOption() {
    }

    /**
     * The device of {@code --device} (default {@code auto}) using {@code --threads} host threads
     * (default every core), autotuning unless {@code --autotune off}.
     *
     * @throws UsageException naming the option when the device does not exist or is not available,
     *             the thread count is not a whole number >= 1, or --autotune is neither on nor off
     */
    static Device resolve(CommandContext c) throws UsageException {
        List<Backend> backends = Backends.find(DeviceOption.class);
        Device device;
        try {
            device = Backends.resolve(backends, c.option("device").orElse(Backends.AUTO));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option '--device': " + e.getMessage());
        }
        if (c.has("threads")) {
            String text = c.options().get("threads");
            int threads;
            try {
                threads = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                threads = 0;
            }
            if (threads < 1) {
                throw new UsageException("option '--threads': '" + text + "' is not a whole number >= 1");
            }
            device = device.withThreads(threads);
        }
        String autotune = c.option("autotune").orElse("on");
        switch (autotune.strip()) {
        case "on" -> device = device.withAutotune(true);
        case "off" -> device = device.withAutotune(false);
        default -> throw new UsageException("option '--autotune': expected on or off, got '" + autotune + "'");
        }
        return device;
    }
}
