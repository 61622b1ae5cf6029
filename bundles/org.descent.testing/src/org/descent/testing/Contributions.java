package org.descent.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.descent.core.Configurable;
import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.ExtensionPoints;
import org.descent.core.Settings;
import org.eclipse.core.runtime.CoreException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The contribution registry service in a test runtime, and contributions created through it
 * exactly as the engine creates them: values given as text are resolved against the declared
 * hyperparameters, then the implementation is created and configured.
 */
public final class Contributions {

    private static ContributionRegistry registry;

    private Contributions() {
    }

    /** The registry service, waiting up to 20 seconds for it. */
    public static synchronized ContributionRegistry registry() {
        if (registry == null) {
            BundleContext context = FrameworkUtil.getBundle(Contributions.class).getBundleContext();
            ServiceTracker<ContributionRegistry, ContributionRegistry> tracker = new ServiceTracker<>(context,
                    ContributionRegistry.class, null);
            tracker.open();
            try {
                registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (registry == null) {
                throw new IllegalStateException("the ContributionRegistry service is not registered (is SCR running?)");
            }
        }
        return registry;
    }

    /**
     * Creates and configures a contribution.
     *
     * @param point the extension point's simple name, e.g. {@code optimizers}
     * @param values hyperparameter values; numbers and booleans are written as on the command line
     */
    public static <T extends Configurable> T create(String point, String id, Map<String, ?> values, Class<T> type) {
        Contribution c = registry().find(ExtensionPoints.of(point), id)
                .orElseThrow(() -> new IllegalArgumentException("no contribution '" + id + "' in " + point));
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, v) -> text.put(k, toText(v)));
        Settings settings = Settings.resolve(c, text);
        try {
            T t = registry().createExecutable(c, type);
            t.configure(settings);
            return t;
        } catch (CoreException e) {
            throw new IllegalStateException(e.getStatus().getMessage(), e);
        }
    }

    /** A value as it would be typed: whole numbers without a fraction, lists in brackets. */
    public static String toText(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof java.util.List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object x : l) {
                sb.append(sb.length() > 1 ? "," : "").append(toText(x));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
