package org.descent.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.TimeUnit;

import org.descent.core.ContributionRegistry;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The ContributionRegistry service of the test runtime. */
final class Registry {

    private static ContributionRegistry registry;

    private Registry() {
    }

    static synchronized ContributionRegistry get() throws InterruptedException {
        if (registry == null) {
            ServiceTracker<ContributionRegistry, ContributionRegistry> tracker = new ServiceTracker<>(
                    FrameworkUtil.getBundle(Registry.class).getBundleContext(), ContributionRegistry.class, null);
            tracker.open();
            registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
            assertNotNull(registry, "the ContributionRegistry service is not registered (is SCR running?)");
        }
        return registry;
    }
}
