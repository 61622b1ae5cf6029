package org.descent.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.descent.core.ContributionRegistry;
import org.descent.core.ExtensionPoints;
import org.descent.testing.broken.NotAnOptimizer;
import org.descent.testing.broken.PlainDescent;
import org.descent.testing.broken.ThrowingAnalysis;
import org.descent.testing.broken.ThrowingConfigure;
import org.descent.testing.broken.ThrowingConstructor;
import org.descent.testing.broken.ThrowingLoss;
import org.descent.testing.broken.ThrowingStep;
import org.descent.testing.broken.WithoutDefaultConstructor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * A third-party bundle with deliberately broken contributions, installed for the duration of a
 * test and removed again, so that no other test (and never the product) sees it. Its plugin.xml
 * declares, to {@code org.descent.core.optimizers}: {@value #MISSING} (a class that does not
 * exist), {@value #WRONG_TYPE} (a class that is no optimizer), {@value #NO_CONSTRUCTOR} (no public
 * no-argument constructor: it fails when created), {@value #CONSTRUCTOR} (its constructor throws), {@value #CONFIGURE}
 * ({@code configure} throws) and {@value #STEP} (its third step throws); and to
 * {@code org.descent.core.losses} the loss {@value #LOSS} ({@code evaluate} throws); and to
 * {@code org.descent.core.analyses} the analysis {@value #ANALYSIS} (of no subject; {@code analyze}
 * throws). The
 * classes are copies of those in {@code org.descent.testing.broken}, defined by the installed
 * bundle itself as a plugin's would be.
 */
public final class BrokenBundle implements AutoCloseable {

    /** The bundle's symbolic name. */
    public static final String NAME = "org.example.broken";

    public static final String MISSING = "broken-missing";
    public static final String WRONG_TYPE = "broken-type";
    public static final String NO_CONSTRUCTOR = "broken-no-constructor";
    public static final String CONSTRUCTOR = "broken-constructor";
    public static final String CONFIGURE = "broken-configure";
    public static final String STEP = "broken-step";
    public static final String LOSS = "broken-loss";
    public static final String ANALYSIS = "broken-analysis";

    /** The class the {@value #MISSING} optimizer declares, which the bundle does not have. */
    public static final String MISSING_CLASS = "org.descent.testing.broken.DoesNotExist";

    private static final List<Class<?>> CLASSES = List.of(PlainDescent.class, ThrowingConstructor.class,
            ThrowingConfigure.class, ThrowingStep.class, ThrowingLoss.class, ThrowingAnalysis.class, NotAnOptimizer.class,
            WithoutDefaultConstructor.class);

    private final Bundle bundle;

    private BrokenBundle(Bundle bundle) {
        this.bundle = bundle;
    }

    /**
     * Installs the bundle and waits (up to 20 s) until the registry has read it.
     *
     * @throws IllegalStateException when the registry does not see it in time
     */
    public static BrokenBundle install() throws IOException, BundleException, InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(BrokenBundle.class).getBundleContext();
        Bundle b = context.installBundle("descent-test:" + NAME, new ByteArrayInputStream(jar()));
        BrokenBundle installed = new BrokenBundle(b);
        ContributionRegistry registry = Contributions.registry();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (registry.find(ExtensionPoints.OPTIMIZERS, STEP).isEmpty()) {
            if (System.nanoTime() > deadline) {
                installed.close();
                throw new IllegalStateException("the registry did not read bundle " + NAME + " within 20 s; problems: "
                        + registry.problems());
            }
            Thread.sleep(20);
        }
        return installed;
    }

    /** Uninstalls the bundle; the registry forgets its contributions and their problems. */
    @Override
    public void close() throws BundleException {
        bundle.uninstall();
    }

    private static byte[] jar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", NAME + ";singleton:=true");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.descent.core,org.eclipse.jdt.annotation;resolution:=optional");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("plugin.xml"));
            jar.write(pluginXml().getBytes(StandardCharsets.UTF_8));
            for (Class<?> c : CLASSES) {
                String path = c.getName().replace('.', '/') + ".class";
                try (InputStream in = c.getResourceAsStream("/" + path)) {
                    if (in == null) {
                        throw new IOException("class file " + path + " is not in " + BrokenBundle.class.getName()
                                + "'s bundle");
                    }
                    jar.putNextEntry(new JarEntry(path));
                    in.transferTo(jar);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static String pluginXml() {
        String p = "org.descent.testing.broken.";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension point="org.descent.core.optimizers">
                      <optimizer id="%s" name="Missing class" class="%s"/>
                      <optimizer id="%s" name="Wrong type" class="%sNotAnOptimizer"/>
                      <optimizer id="%s" name="No constructor" class="%sWithoutDefaultConstructor"/>
                      <optimizer id="%s" name="Throwing constructor" class="%sThrowingConstructor"/>
                      <optimizer id="%s" name="Throwing configure" class="%sThrowingConfigure">
                         <hyperparameter name="lr" type="double" default="0.01" range="(0,inf)" doc="Learning rate."/>
                      </optimizer>
                      <optimizer id="%s" name="Throwing step" class="%sThrowingStep">
                         <hyperparameter name="lr" type="double" default="0.01" range="(0,inf)" doc="Learning rate."/>
                      </optimizer>
                   </extension>
                   <extension point="org.descent.core.losses">
                      <loss id="%s" name="Throwing loss" class="%sThrowingLoss"/>
                   </extension>
                   <extension point="org.descent.core.analyses">
                      <analysis id="%s" name="Throwing analysis" class="%sThrowingAnalysis" needs="none"/>
                   </extension>
                </plugin>
                """.formatted(MISSING, MISSING_CLASS, WRONG_TYPE, p, NO_CONSTRUCTOR, p, CONSTRUCTOR, p, CONFIGURE, p,
                STEP, p, LOSS, p, ANALYSIS, p);
    }
}
