package org.descent.core;

import java.util.List;

/**
 * The ids of org.descent.core's extension points, as declared in its plugin.xml.
 *
 * @since 0.1.0
 */
public final class ExtensionPoints {

    /** The namespace of the points: the bundle that declares them. */
    public static final String NAMESPACE = "org.descent.core";

    public static final String OPTIMIZERS = NAMESPACE + ".optimizers";
    public static final String LOSSES = NAMESPACE + ".losses";
    public static final String MODELS = NAMESPACE + ".models";
    public static final String DATASETS = NAMESPACE + ".datasets";
    public static final String ANALYSES = NAMESPACE + ".analyses";
    public static final String PROBES = NAMESPACE + ".probes";
    public static final String SCHEDULES = NAMESPACE + ".schedules";

    /** Every point, in plugin.xml's order. */
    public static final List<String> ALL = List.of(OPTIMIZERS, LOSSES, MODELS, DATASETS, ANALYSES, PROBES, SCHEDULES);

    private ExtensionPoints() {
    }

    /**
     * The point of a simple name as plugin.xml attributes and tests write it ({@code datasets}).
     *
     * @throws IllegalArgumentException when there is no such point, listing the simple names
     */
    public static String of(String simpleName) {
        String id = NAMESPACE + "." + simpleName.strip();
        if (!ALL.contains(id)) {
            throw new IllegalArgumentException("no extension point '" + simpleName + "'; points: "
                    + String.join(", ", ALL.stream().map(p -> p.substring(NAMESPACE.length() + 1)).toList()));
        }
        return id;
    }
}
