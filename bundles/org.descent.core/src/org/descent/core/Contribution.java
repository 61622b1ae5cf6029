package org.descent.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One contribution to one of Descent's extension points: an optimizer, a loss, a model, a
 * data set, an analysis, a probe, a headless command, ... Read from plugin.xml without loading
 * any of the contributing bundle's code.
 *
 * @param kind the element name in plugin.xml ({@code optimizer}, {@code loss}, {@code command}, ...)
 * @param id identifier, unique within its extension point
 * @param name human-readable name
 * @param description documentation text, empty if none was given
 * @param extensionPoint full id of the extension point contributed to
 * @param bundle symbolic name of the contributing bundle
 * @param className implementation class, or {@code null} if the element declares none
 * @param hyperparameters the declared hyperparameters, in declaration order
 * @param attributes the element's other attributes (for example a probe's {@code cost})
 * @param element the configuration element behind it, used to create the implementation
 *
 * @since 0.1.0
 */
public record Contribution(String kind, String id, String name, String description, String extensionPoint,
        String bundle, @Nullable String className, List<Hyperparameter> hyperparameters,
        Map<String, String> attributes, IConfigurationElement element) {

    public Contribution {
        hyperparameters = List.copyOf(hyperparameters);
        attributes = Map.copyOf(attributes);
    }

    /** The declared hyperparameter with this name, if any. */
    public Optional<Hyperparameter> hyperparameter(String parameterName) {
        return hyperparameters.stream().filter(h -> h.name().equals(parameterName)).findFirst();
    }

    /** "optimizer 'adam' (org.descent.optimizers)": how messages name a contribution. */
    public String label() {
        return kind + " '" + id + "' (" + bundle + ")";
    }
}
