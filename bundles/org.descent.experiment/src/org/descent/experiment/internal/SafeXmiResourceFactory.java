package org.descent.experiment.internal;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

/**
 * Creates XMI resources for {@code .descent} files that never resolve XML external entities:
 * a DOCTYPE is refused outright, so no entity, external DTD or XInclude is ever read.
 */
public final class SafeXmiResourceFactory extends XMIResourceFactoryImpl {

    /** Load options that refuse DOCTYPEs and external entities, and keep line numbers in errors. */
    public static Map<Object, Object> loadOptions() {
        Map<String, Boolean> features = new HashMap<>();
        features.put("http://apache.org/xml/features/disallow-doctype-decl", Boolean.TRUE);
        features.put("http://xml.org/sax/features/external-general-entities", Boolean.FALSE);
        features.put("http://xml.org/sax/features/external-parameter-entities", Boolean.FALSE);
        features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", Boolean.FALSE);
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_PARSER_FEATURES, features);
        options.put(XMLResource.OPTION_RECORD_UNKNOWN_FEATURE, Boolean.FALSE);
        options.put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
        return options;
    }

    /** Save options: UTF-8, schema location for tools, deterministic output. */
    public static Map<Object, Object> saveOptions() {
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_ENCODING, "UTF-8");
        options.put(XMLResource.OPTION_SCHEMA_LOCATION, Boolean.TRUE);
        options.put(XMLResource.OPTION_LINE_WIDTH, 100);
        return options;
    }

    @Override
    public Resource createResource(URI uri) {
        XMIResourceImpl resource = new XMIResourceImpl(uri);
        resource.getDefaultLoadOptions().putAll(loadOptions());
        resource.getDefaultSaveOptions().putAll(saveOptions());
        return resource;
    }
}
