package org.descent.experiment.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.PluginFault;
import org.descent.experiment.ResolvedExperiment;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Which contribution's code an exception came from: the plugin that threw it is named in the
 * run's message, not only the engine that called it. The stack is read from where the exception
 * was thrown outwards; the first frame in a part's class, or in a class of a part's bundle, names
 * that part (a bundle with several parts in the run prefers the part Descent was calling). When
 * no frame is a plugin's, no plugin is blamed: the failure is Descent's own.
 */
public final class Blame {

    private Blame() {
    }

    /**
     * The message of a failure: the plugin named when its code threw, else the exception as the
     * engine's own.
     *
     * @param thrown what was thrown
     * @param action what Descent was doing ("step", "the forward and backward pass", ...)
     * @param calling the part Descent was calling last
     * @param parts every part of the run
     */
    public static String message(Throwable thrown, String action, ResolvedExperiment.Part<?> calling,
            List<? extends ResolvedExperiment.Part<?>> parts) {
        PluginFault fault = of(thrown, action, calling, parts);
        return fault != null ? fault.getMessage() : "Descent's engine failed: " + PluginFault.describe(thrown);
    }

    /**
     * @param thrown what was thrown
     * @param action what Descent was doing ("step", "the forward and backward pass", ...)
     * @param calling the part Descent was calling (preferred among parts of one bundle)
     * @param parts every part of the run
     * @return the fault naming the plugin, or null when no frame of the stack is a plugin's
     */
    public static @Nullable PluginFault of(Throwable thrown, String action, ResolvedExperiment.Part<?> calling,
            List<? extends ResolvedExperiment.Part<?>> parts) {
        ResolvedExperiment.Part<?> part = find(thrown, calling, parts);
        return part == null ? null : new PluginFault(part.contribution(), action, thrown);
    }

    private static ResolvedExperiment.@Nullable Part<?> find(Throwable thrown, ResolvedExperiment.Part<?> calling,
            List<? extends ResolvedExperiment.Part<?>> parts) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String name = frame.getClassName();
            List<ResolvedExperiment.Part<?>> sameBundle = new ArrayList<>();
            for (ResolvedExperiment.Part<?> p : parts) {
                Class<?> type = p.implementation().getClass();
                if (name.equals(type.getName()) || name.startsWith(type.getName() + "$")) {
                    return p;
                }
                if (definedBy(name, type.getClassLoader())) {
                    sameBundle.add(p);
                }
            }
            if (!sameBundle.isEmpty()) {
                return sameBundle.contains(calling) ? calling : sameBundle.get(0);
            }
        }
        return null;
    }

    /** Whether the class of that name, as the loader sees it, is its own (not imported, not the JDK's). */
    private static boolean definedBy(String className, @Nullable ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            return Class.forName(className, false, loader).getClassLoader() == loader;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
