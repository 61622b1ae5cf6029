package org.descent.core;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * Facts about the running Descent installation, for version output, About and provenance.
 *
 * @since 0.1.0
 */
public final class Descent {

    private Descent() {
    }

    /** The full version of Descent (the version of org.descent.core), e.g. {@code 0.1.0.202611230812}. */
    public static String version() {
        Bundle bundle = FrameworkUtil.getBundle(Descent.class);
        return bundle == null ? "unknown" : bundle.getVersion().toString();
    }

    /** The version as shown to people: {@code 0.1.0 (build 202611230812)}. */
    public static String displayVersion() {
        Bundle bundle = FrameworkUtil.getBundle(Descent.class);
        if (bundle == null) {
            return "unknown";
        }
        Version v = bundle.getVersion();
        String release = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        return v.getQualifier().isEmpty() ? release : release + " (build " + v.getQualifier() + ")";
    }

    /** The Java runtime and operating system, in one line. */
    public static String runtime() {
        return "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " processors";
    }
}
