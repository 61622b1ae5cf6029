package org.descent.experiment;

import java.util.List;

import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.experiment.model.Experiment;

/**
 * The compute device an {@link Experiment} names in its {@code device} and {@code threads}
 * training settings, found among the installed backends.
 *
 * @since 0.1.0
 */
public final class ExperimentDevice {

    private ExperimentDevice() {
    }

    /**
     * The experiment's device ({@link Backends#resolve}), with its threads when it gives them.
     *
     * @param whenAuto what an experiment whose device is {@code auto} (or empty) computes on: a
     *            default chosen elsewhere (the workbench's preference), or {@link Backends#AUTO}
     *            to let {@link Backends#resolve} choose
     * @throws IllegalArgumentException with {@link Backends#resolve}'s message, which lists the
     *             backends and devices there are, when the device does not exist or is not
     *             available
     */
    public static Device resolve(Experiment e, List<Backend> backends, String whenAuto) {
        String named = e.getDevice() == null ? "" : e.getDevice().strip();
        Device d = Backends.resolve(backends, named.isEmpty() || named.equalsIgnoreCase(Backends.AUTO) ? whenAuto : named);
        return e.getThreads() > 0 ? d.withThreads(e.getThreads()) : d;
    }
}
