package org.descent.ui.internal;

import java.nio.file.Path;

import org.descent.compute.Backends;
import org.descent.core.Precision;
import org.descent.experiment.RunStore;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The workbench's preferences, in the instance scope of {@code org.descent.ui} (other bundles
 * read the same keys there): where runs and experiments live, the BLAS threads and backend, the
 * precision of new experiments and the compute device of experiments that say auto. Defaults are set by {@link PreferenceInitializer}.
 */
public final class DescentPreferences {

    public static final String NODE = "org.descent.ui";
    /** The run store folder; empty means {@link RunStore#standard()}. */
    public static final String RUN_STORE = "runStore";
    /** The folder of experiment files. */
    public static final String EXPERIMENTS = "experiments";
    /** Threads of the native BLAS ({@code descent.blas.threads}). */
    public static final String THREADS = "threads";
    /** {@link #BACKEND_AUTO} or {@link #BACKEND_JAVA} ({@code descent.blas=java}). */
    public static final String BACKEND = "backend";
    public static final String BACKEND_AUTO = "auto";
    public static final String BACKEND_JAVA = "java";
    /** The precision of new experiments: fp64, fp32, mixed-fp16 or mixed-bf16. */
    public static final String PRECISION = "precision";
    /**
     * The compute device of experiments whose device is {@code auto}: {@code auto} (the first GPU
     * or accelerator of an available backend, else cpu), or a device such as {@code cpu} or
     * {@code opencl:0}.
     */
    public static final String DEVICE = "device";
    /** Whether the sample experiment was opened on a first start. */
    public static final String SAMPLE_OPENED = "sampleOpened";

    /** The system property the BLAS reads its thread count from (when it loads). */
    static final String BLAS_THREADS_PROPERTY = "descent.blas.threads";
    /** The system property that turns native BLAS off when {@code java}. */
    static final String BLAS_PROPERTY = "descent.blas";

    private DescentPreferences() {
    }

    static IEclipsePreferences instance() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    private static String get(String key) {
        return instance().get(key, DefaultScope.INSTANCE.getNode(NODE).get(key, ""));
    }

    /** The run store: the preference when set, else {@link RunStore#standard()}. */
    public static RunStore runStore() {
        String p = get(RUN_STORE).strip();
        return p.isEmpty() ? RunStore.standard() : new RunStore(Path.of(p));
    }

    /**
     * The folder experiments are kept in (the default follows {@code $DESCENT_EXPERIMENTS} or the
     * workspace, see {@link PreferenceInitializer#defaultExperiments}).
     */
    public static Path experimentsFolder() {
        return Path.of(get(EXPERIMENTS).strip()).toAbsolutePath().normalize();
    }

    /** The precision of new experiments. */
    public static Precision precision() {
        Precision p = Precision.fromId(get(PRECISION).strip());
        return p == null ? Precision.FP64 : p;
    }

    /** The device experiments whose device is {@code auto} run on ({@link #DEVICE}). */
    public static String device() {
        String d = get(DEVICE).strip();
        return d.isEmpty() ? Backends.AUTO : d;
    }

    public static int threads() {
        try {
            return Math.max(1, Integer.parseInt(get(THREADS).strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public static String backend() {
        return BACKEND_JAVA.equals(get(BACKEND)) ? BACKEND_JAVA : BACKEND_AUTO;
    }

    static boolean sampleOpened() {
        return Boolean.parseBoolean(get(SAMPLE_OPENED));
    }

    static void setSampleOpened() throws BackingStoreException {
        instance().putBoolean(SAMPLE_OPENED, true);
        instance().flush();
    }

    /**
     * Hands threads and backend to the engine through the system properties it reads. A property
     * given on the command line wins over the preference for threads; the backend preference
     * applies to every run started after it changed.
     */
    static void applyToEngine(boolean startup) {
        if (!startup || System.getProperty(BLAS_THREADS_PROPERTY) == null) {
            System.setProperty(BLAS_THREADS_PROPERTY, Integer.toString(threads()));
        }
        if (BACKEND_JAVA.equals(backend())) {
            System.setProperty(BLAS_PROPERTY, BACKEND_JAVA);
        } else if (!startup) {
            System.clearProperty(BLAS_PROPERTY);
        }
    }
}
