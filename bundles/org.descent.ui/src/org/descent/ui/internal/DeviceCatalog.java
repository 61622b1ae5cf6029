package org.descent.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.descent.compute.Availability;
import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;

/**
 * The compute backends and their devices as the workbench shows them (the experiment editor's
 * device field, the preference of the default device, Help &gt; About): looked up once, in a job
 * off the UI thread (a backend may load a native library and probe its platform), and kept as
 * plain values. The workbench starts the lookup once its first window is drawn ({@link #lookUp}),
 * so that the probe (half a second of CPU with PoCL) does not compete with drawing it; a view
 * that asks before gets the answer when it comes.
 */
@Component(service = DeviceCatalog.class)
public final class DeviceCatalog {

    /** One device as found. */
    public record Found(String id, String name, String kind, String driver, long memoryBytes, int computeUnits,
            int threads) {

        /** {@code 2.0 GiB, 2 threads}: memory, and the threads of a host device. */
        public String capacity() {
            return String.format(Locale.ROOT, "%.1f GiB", memoryBytes / 1073741824.0)
                    + (threads > 0 ? ", " + threads + " threads" : ", " + computeUnits + " compute units");
        }
    }

    /** One backend as found: availability, the reason when not, and its devices. */
    public record BackendFound(String id, String name, boolean available, String reason, List<Found> devices) {
    }

    /** A value a device field offers, with what it is. */
    public record Choice(String value, String label, boolean available) {
    }

    /** What {@code auto} chooses, as {@link Backends#resolve} does. */
    public static final String AUTO_MEANS = "the first GPU or accelerator of an available backend, else cpu";

    private final CompletableFuture<List<BackendFound>> backends = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    /** Starts the lookup, in a job, unless it has started. */
    public void lookUp() {
        if (started.compareAndSet(false, true)) {
            Job job = Job.create("Finding compute devices", monitor -> {
                backends.complete(find());
                return Status.OK_STATUS;
            });
            job.setSystem(true);
            job.schedule();
        }
    }

    /** The backends, once the lookup ({@link #lookUp}) is done. */
    public CompletableFuture<List<BackendFound>> backends() {
        return backends;
    }

    /** The backends, or null while the lookup runs. */
    public @Nullable List<BackendFound> now() {
        return backends.getNow(null);
    }

    /**
     * What a device field offers: {@code auto}, every device of every backend (available or
     * not), and each unavailable backend by its id with the reason.
     *
     * @param auto what auto means here ({@link #AUTO_MEANS}, or the workbench's default device)
     */
    public static List<Choice> choices(List<BackendFound> backends, String auto) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(Backends.AUTO, auto, true));
        for (BackendFound b : backends) {
            for (Found d : b.devices()) {
                choices.add(new Choice(d.id(), d.name() + (b.available() ? " (available)"
                        : " (not available: " + b.reason() + ")"), b.available()));
            }
            if (!b.available() && b.devices().isEmpty()) {
                choices.add(new Choice(b.id(), b.name() + " (not available: " + b.reason() + ")", false));
            }
        }
        return choices;
    }

    private static List<BackendFound> find() {
        List<BackendFound> found = new ArrayList<>();
        for (Backend b : Backends.find(DeviceCatalog.class)) {
            try {
                Availability a = b.availability();
                List<Found> devices = new ArrayList<>();
                for (Device d : b.devices()) {
                    devices.add(new Found(d.id(), d.name(), d.kind().name().toLowerCase(Locale.ROOT), d.driver(),
                            d.memoryBytes(), d.computeUnits(), d.threads()));
                }
                found.add(new BackendFound(b.id(), b.name(), a.available(), a.available() ? "" : a.reason(),
                        List.copyOf(devices)));
            } catch (RuntimeException | LinkageError e) {
                ILog.of(DeviceCatalog.class).log(Status.warning("The compute backend " + b.id() + " failed to list its devices", e));
                found.add(new BackendFound(b.id(), b.name(), false, "it failed to list its devices: " + e, List.of()));
            }
        }
        return List.copyOf(found);
    }
}
