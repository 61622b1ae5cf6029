package org.descent.ui.internal;

import java.nio.file.Path;

import org.descent.core.Precision;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

/**
 * The preferences' defaults. The system properties {@code descent.runs} and
 * {@code descent.experiments} (set by the test runtime) choose other default folders.
 */
public final class PreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences d = DefaultScope.INSTANCE.getNode(DescentPreferences.NODE);
        d.put(DescentPreferences.RUN_STORE, "");
        String experiments = System.getProperty("descent.experiments");
        d.put(DescentPreferences.EXPERIMENTS, experiments != null && !experiments.isBlank() ? experiments
                : Path.of(System.getProperty("user.home"), ".descent", "experiments").toString());
        d.putInt(DescentPreferences.THREADS, 1);
        d.put(DescentPreferences.BACKEND, DescentPreferences.BACKEND_AUTO);
        d.put(DescentPreferences.PRECISION, Precision.FP64.id());
        d.putBoolean(DescentPreferences.SAMPLE_OPENED, false);
    }
}
