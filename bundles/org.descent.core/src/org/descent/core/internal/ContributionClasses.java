package org.descent.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.descent.core.Contribution;
import org.descent.core.PluginFault;
import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.InvalidRegistryObjectException;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks a contribution's {@code class} when the registry reads it, without creating an
 * instance: the class is found in the contributing bundle, is a concrete public class, and is of
 * the type its extension point's schema asks for (the
 * {@code basedOn} of the element's {@code class} attribute, as PDE writes it:
 * {@code Superclass:Interface}). The expected types are read from the schemas, so each is stated
 * once, where PDE's tooling sees it too. The class is loaded, not linked or initialised: none of
 * its code runs and nothing it uses is loaded.
 */
final class ContributionClasses {

    /** point id → element name → basedOn types (superclass first, then interface; empty parts dropped). */
    private final Map<String, Map<String, List<String>>> types = new HashMap<>();

    ContributionClasses() {
    }

    /**
     * What is wrong with a contribution's class, or null when it is fine (or declares none).
     *
     * @param point the extension point the contribution was read from
     */
    @Nullable
    String problem(Contribution c, IExtensionPoint point) {
        String declared = c.className();
        if (declared == null || declared.isBlank()) {
            return null;
        }
        // "class:data" hands data to an IExecutableExtension; the class is the part before the colon
        int colon = declared.indexOf(':');
        String className = (colon < 0 ? declared : declared.substring(0, colon)).strip();
        // the bundle that defines the classes: a fragment's host, as when the class is created
        Bundle bundle;
        try {
            bundle = ContributorFactoryOSGi.resolve(c.element().getContributor());
        } catch (InvalidRegistryObjectException e) {
            bundle = null;
        }
        if (bundle == null) {
            return null; // the bundle went away while reading; the next snapshot will not see it
        }
        Class<?> type;
        try {
            type = bundle.loadClass(className);
        } catch (ClassNotFoundException e) {
            return "class " + className + " is not found in bundle " + c.bundle()
                    + " (is it spelled right, compiled, and in the bundle's jar?)";
        } catch (LinkageError | RuntimeException e) {
            return "class " + className + " cannot be loaded: " + PluginFault.describe(e);
        }
        int modifiers = type.getModifiers();
        if (type.isInterface() || Modifier.isAbstract(modifiers) || !Modifier.isPublic(modifiers)) {
            return "class " + className + " is not a public concrete class, so it cannot be created";
        }
        for (String expected : expectedTypes(point, c.kind())) {
            Class<?> want;
            try {
                Bundle owner = ContributorFactoryOSGi.resolve(point.getContributor());
                want = owner == null ? null : owner.loadClass(expected);
            } catch (ClassNotFoundException | LinkageError | InvalidRegistryObjectException e) {
                want = null;
            }
            if (want == null) {
                continue; // the point's own bundle lacks its type: not this contribution's fault
            }
            if (!want.isAssignableFrom(type)) {
                return "class " + className + " is not " + (want.isInterface() ? "an implementation of " : "a subclass of ")
                        + expected + (sameNameElsewhere(type, want) ? " (it sees another copy of " + expected
                                + ": the bundle is wired to a different version)" : "");
            }
        }
        // Its constructor is not looked up here: reflection links the class, and linking every
        // contributed class (verifying it, loading what its code uses, starting those bundles)
        // costs a command about 0.1 s. A missing no-argument constructor is reported, naming the
        // contribution, when the class is created.
        return null;
    }

    /** Whether the class implements a type of the same name that is not the expected one. */
    private static boolean sameNameElsewhere(Class<?> type, Class<?> want) {
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(want.getName())) {
                return true;
            }
            for (Class<?> i : k.getInterfaces()) {
                if (i.getName().equals(want.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The types the point's schema asks of an element's class, read once per point. */
    private List<String> expectedTypes(IExtensionPoint point, String element) {
        return types.computeIfAbsent(point.getUniqueIdentifier(), id -> readSchema(point)).getOrDefault(element,
                List.of());
    }

    private Map<String, List<String>> readSchema(IExtensionPoint point) {
        String reference = point.getSchemaReference();
        Bundle owner = ContributorFactoryOSGi.resolve(point.getContributor());
        URL url = reference == null || reference.isBlank() || owner == null ? null : owner.getEntry(reference);
        if (url == null) {
            return Map.of();
        }
        Map<String, List<String>> out = new HashMap<>();
        try (InputStream in = url.openStream()) {
            Document doc = parser().parse(in);
            NodeList elements = doc.getElementsByTagName("element");
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                NodeList attributes = element.getElementsByTagName("attribute");
                for (int j = 0; j < attributes.getLength(); j++) {
                    Element attribute = (Element) attributes.item(j);
                    if (!"class".equals(attribute.getAttribute("name"))) {
                        continue;
                    }
                    NodeList meta = attribute.getElementsByTagName("meta.attribute");
                    for (int k = 0; k < meta.getLength(); k++) {
                        String basedOn = ((Element) meta.item(k)).getAttribute("basedOn");
                        if (!basedOn.isBlank()) {
                            List<String> names = new ArrayList<>();
                            for (String part : basedOn.split(":")) {
                                if (!part.isBlank()) {
                                    names.add(part.strip());
                                }
                            }
                            out.put(element.getAttribute("name"), List.copyOf(names));
                        }
                    }
                }
            }
        } catch (IOException | SAXException | ParserConfigurationException e) {
            org.eclipse.core.runtime.ILog.of(ContributionClasses.class).warn("Cannot read the schema " + reference
                    + " of extension point " + point.getUniqueIdentifier() + "; classes contributed to it are checked"
                    + " for loading only: " + e.getMessage());
        }
        return out;
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }
}
