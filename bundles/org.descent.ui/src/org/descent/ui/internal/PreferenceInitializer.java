package org.descent.ui.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.descent.compute.Backends;
import org.descent.core.Precision;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.URIUtil;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.service.datalocation.Location;

/**
 * The preferences' defaults. The system properties {@code descent.runs} and
 * {@code descent.experiments} (set by the test runtime) choose other default folders; the
 * experiments folder otherwise follows {@code $DESCENT_EXPERIMENTS} or the workspace
 * ({@link #defaultExperiments}).
 */
public final class PreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences d = DefaultScope.INSTANCE.getNode(DescentPreferences.NODE);
        d.put(DescentPreferences.RUN_STORE, "");
        d.put(DescentPreferences.EXPERIMENTS, defaultExperiments(System.getProperty("descent.experiments"),
                System.getenv("DESCENT_EXPERIMENTS"), workspace(), Path.of(System.getProperty("user.home"))).toString());
        d.putInt(DescentPreferences.THREADS, 1);
        d.put(DescentPreferences.BACKEND, DescentPreferences.BACKEND_AUTO);
        d.put(DescentPreferences.PRECISION, Precision.FP64.id());
        d.put(DescentPreferences.DEVICE, Backends.AUTO);
        d.putBoolean(DescentPreferences.SAMPLE_OPENED, false);
    }

    /**
     * The default experiments folder: the system property {@code descent.experiments}, else
     * {@code $DESCENT_EXPERIMENTS}, else the workspace's {@code experiments} folder when the
     * workspace is not the standard {@code ~/.descent/workspace} (a workbench started with
     * {@code -data DIR} keeps its experiments in {@code DIR/experiments}), else
     * {@code ~/.descent/experiments}.
     *
     * @param workspace the workspace folder, or null when the workbench has none
     */
    public static Path defaultExperiments(@Nullable String property, @Nullable String env, @Nullable Path workspace, Path home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip());
        }
        if (env != null && !env.isBlank()) {
            return Path.of(env.strip());
        }
        Path standard = home.resolve(".descent");
        if (workspace != null && !workspace.toAbsolutePath().normalize().equals(standard.resolve("workspace"))) {
            return workspace.resolve("experiments");
        }
        return standard.resolve("experiments");
    }

    /** The workspace (instance location) as a folder, or null when there is none or it is not a file. */
    private static @Nullable Path workspace() {
        Location instance = Platform.getInstanceLocation();
        if (instance == null || !instance.isSet()) {
            return null;
        }
        try {
            return Path.of(URIUtil.toURI(instance.getURL()));
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
