package org.example.descent.lion.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.descent.core.Configurable;
import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.Json;
import org.descent.core.Settings;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Descent as the tests see it: its registry service, contributions made from it, and the fixtures. */
final class Descent {

    private Descent() {
    }

    static ContributionRegistry registry() throws InterruptedException {
        ServiceTracker<ContributionRegistry, ContributionRegistry> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(Descent.class).getBundleContext(), ContributionRegistry.class, null);
        tracker.open();
        ContributionRegistry registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(registry, "Descent's ContributionRegistry service is not running");
        assertTrue(registry.problems().stream().noneMatch(p -> p.bundle().startsWith("org.example.descent.lion")),
                () -> "problems: " + registry.problems());
        return registry;
    }

    /** The contribution {@code id} of an extension point, made and configured as a run makes it. */
    static <T extends Configurable> T create(String point, String id, Class<T> type, Map<String, String> settings)
            throws Exception {
        ContributionRegistry registry = registry();
        Contribution c = registry.find(point, id).orElseThrow(() -> new AssertionError(id + " is not contributed"));
        T made = registry.createExecutable(c, type);
        made.configure(Settings.resolve(c, settings));
        return made;
    }

    /** The cases of a fixture in this bundle's fixtures/ folder. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(String fixture) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(Descent.class);
        URL url = bundle.getEntry("fixtures/" + fixture);
        assertNotNull(url, "fixtures/" + fixture + " is not in the tests bundle");
        try (InputStream in = url.openStream()) {
            Map<String, Object> root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) root.get("cases");
        }
    }

    static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    /** The hyperparameters of a fixture case as the texts a command line would give. */
    static Map<String, String> texts(Object hyperparameters) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) hyperparameters).forEach((k, v) -> texts.put((String) k, String.valueOf(v)));
        return texts;
    }
}
