package org.descent.experiment;

import java.util.List;

import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.experiment.model.Experiment;
import org.eclipse.jdt.annotation.Nullable;

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
     * The experiment's device ({@link Backends#resolve}), with its threads when it gives them; null
     * where no backend is installed and the experiment leaves the choice to Descent ({@code auto}
     * and {@code whenAuto} auto): its run computes on the host path, as a {@link Trainer} without a
     * device does there.
     *
     * @param whenAuto what an experiment whose device is {@code auto} (or empty) computes on: a
     *            default chosen elsewhere (the workbench's preference), or {@link Backends#AUTO}
     *            to let {@link Backends#resolve} choose
     * @throws IllegalArgumentException with {@link Backends#resolve}'s message, which lists the
     *             backends and devices there are, when the device does not exist or is not
     *             available
     */
    public static @Nullable Device resolve(Experiment e, List<Backend> backends, String whenAuto) {
        String named = e.getDevice() == null ? "" : e.getDevice().strip();
        String spec = named.isEmpty() || named.equalsIgnoreCase(Backends.AUTO) ? whenAuto : named;
        if (backends.isEmpty() && spec.strip().equalsIgnoreCase(Backends.AUTO)) {
            return null;
        }
        Device d = Backends.resolve(backends, spec);
        return e.getThreads() > 0 ? d.withThreads(e.getThreads()) : d;
    }
}
