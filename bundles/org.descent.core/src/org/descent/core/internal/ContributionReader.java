package org.descent.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.descent.core.Hyperparameter;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.InvalidRegistryObjectException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads contributions from extension points, validating each one on its own so that a broken
 * contribution is reported and left out without affecting the others.
 */
public final class ContributionReader {

    /** Attributes with a fixed meaning; all others are kept in {@link Contribution#attributes()}. */
    private static final Set<String> KNOWN_ATTRIBUTES = Set.of("id", "name", "class");

    /** The result of reading: valid contributions and the problems of the invalid ones. */
    public record Snapshot(List<Contribution> contributions, List<ContributionProblem> problems,
            List<String> extensionPoints) {

        public Snapshot {
            contributions = List.copyOf(contributions);
            problems = List.copyOf(problems);
            extensionPoints = List.copyOf(extensionPoints);
        }
    }

    private ContributionReader() {
    }

    /** Reads the Descent extension points among {@code points}. */
    public static Snapshot read(IExtensionPoint[] points) {
        List<Contribution> contributions = new ArrayList<>();
        List<ContributionProblem> problems = new ArrayList<>();
        List<String> pointIds = new ArrayList<>();
        IExtensionPoint[] sorted = points.clone();
        Arrays.sort(sorted, Comparator.comparing(IExtensionPoint::getUniqueIdentifier));
        for (IExtensionPoint point : sorted) {
            String pointId = point.getUniqueIdentifier();
            if (!pointId.startsWith(ContributionRegistry.NAMESPACE_PREFIX)
                    || pointId.startsWith(ContributionRegistry.WORKBENCH_PREFIX)) {
                continue;
            }
            pointIds.add(pointId);
            readPoint(point, contributions, problems);
        }
        contributions.sort(Comparator.comparing(Contribution::extensionPoint).thenComparing(Contribution::kind)
                .thenComparing(Contribution::id));
        return new Snapshot(contributions, problems, pointIds);
    }

    private static void readPoint(IExtensionPoint point, List<Contribution> out, List<ContributionProblem> problems) {
        String pointId = point.getUniqueIdentifier();
        IExtension[] extensions = point.getExtensions().clone();
        // Deterministic order, so that which of two duplicates is kept does not depend on
        // installation order: the bundle whose name sorts first wins.
        Arrays.sort(extensions, Comparator.comparing((IExtension e) -> e.getContributor().getName())
                .thenComparing(e -> String.valueOf(e.getUniqueIdentifier())));
        Map<String, String> owners = new HashMap<>();
        for (IExtension extension : extensions) {
            String bundle = extension.getContributor().getName();
            for (IConfigurationElement element : extension.getConfigurationElements()) {
                try {
                    Contribution c = readElement(pointId, bundle, element);
                    String owner = owners.putIfAbsent(c.id(), bundle);
                    if (owner != null) {
                        problems.add(new ContributionProblem(pointId, bundle, c.kind(), c.id(), c.kind() + " '" + c.id()
                                + "' is also contributed by bundle " + owner + "; ids must be unique, this one is left out"));
                        continue;
                    }
                    out.add(c);
                } catch (IllegalArgumentException e) {
                    String id = element.getAttribute("id");
                    problems.add(new ContributionProblem(pointId, bundle, element.getName(), id == null ? "" : id.strip(),
                            String.valueOf(e.getMessage())));
                } catch (InvalidRegistryObjectException e) {
                    problems.add(new ContributionProblem(pointId, bundle, String.valueOf(e.getMessage())));
                }
            }
        }
    }

    /**
     * Reads one configuration element.
     *
     * @throws IllegalArgumentException naming the element and what is wrong with it
     */
    static Contribution readElement(String pointId, String bundle, IConfigurationElement element) {
        String kind = element.getName();
        String id = element.getAttribute("id");
        String where = kind + (id == null ? "" : " '" + id + "'");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(kind + " without an 'id' attribute");
        }
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException(where
                    + ": id must be lower case letters, digits, '.', '_' or '-' (starting with a letter or digit)");
        }
        String name = element.getAttribute("name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(where + " without a 'name' attribute");
        }
        String description = "";
        List<Hyperparameter> hyperparameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (IConfigurationElement child : element.getChildren()) {
            switch (child.getName()) {
            case "description" -> description = normalize(child.getValue());
            case "hyperparameter" -> {
                Hyperparameter h = readHyperparameter(where, child);
                if (!names.add(h.name())) {
                    throw new IllegalArgumentException(where + ": hyperparameter '" + h.name() + "' is declared twice");
                }
                hyperparameters.add(h);
            }
            default -> {
                // Other children belong to the extension point's own schema (e.g. command options).
            }
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : element.getAttributeNames()) {
            String value = element.getAttribute(attribute);
            if (!KNOWN_ATTRIBUTES.contains(attribute) && value != null) {
                attributes.put(attribute, value);
            }
        }
        return new Contribution(kind, id, name, description, pointId, bundle, element.getAttribute("class"),
                hyperparameters, attributes, element);
    }

    private static Hyperparameter readHyperparameter(String where, IConfigurationElement child) {
        String name = child.getAttribute("name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(where + ": hyperparameter without a 'name' attribute");
        }
        String typeText = child.getAttribute("type");
        Hyperparameter.Type type = typeText == null ? null : Hyperparameter.Type.fromId(typeText);
        if (type == null) {
            throw new IllegalArgumentException(where + ": hyperparameter '" + name + "': type '" + typeText
                    + "' is not one of double, integer, boolean, string, choice");
        }
        String defaultText = child.getAttribute("default");
        if (defaultText == null) {
            throw new IllegalArgumentException(where + ": hyperparameter '" + name + "' has no 'default'");
        }
        try {
            String rangeText = child.getAttribute("range");
            Hyperparameter.Range range = rangeText == null ? null : Hyperparameter.Range.parse(rangeText);
            return new Hyperparameter(name, type, defaultText, range, choices(child.getAttribute("choices")),
                    normalize(child.getAttribute("doc")));
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(where + ": "
                    + (message.startsWith("hyperparameter '") ? message : "hyperparameter '" + name + "': " + message), e);
        }
    }

    private static List<String> choices(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Collapses the white space of multi-line plugin.xml text into single spaces. */
    private static String normalize(@Nullable String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
