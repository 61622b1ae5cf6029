package org.descent.p2.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.eclipse.equinox.internal.p2.metadata.IRequiredCapability;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.ManifestElement;
import org.osgi.framework.BundleException;

/**
 * What the product and the user's plugin folder already provide, read from the bundles'
 * manifests (the product folder's plugins/, not the running framework: the headless runtime
 * leaves the workbench's bundles out, and a plugin may need them): bundles by symbolic name and
 * exported packages, with their versions.
 */
final class Product {

    private final Map<String, List<Version>> bundles = new HashMap<>();
    private final Map<String, List<Version>> packages = new HashMap<>();

    /** The product this runtime was started from ({@code osgi.install.area}) and the plugin folder. */
    static Product read(PluginFolder plugins) throws IOException {
        Product p = new Product();
        String area = System.getProperty("osgi.install.area");
        if (area != null) {
            try {
                Path root = Path.of(new URI(area.replace(" ", "%20")));
                Path dir = root.resolve("plugins");
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> s = Files.list(dir)) {
                        for (Path b : s.toList()) {
                            p.add(b);
                        }
                    }
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("the product's folder (osgi.install.area " + area + ") is not a file URL", e);
            }
        }
        for (Path jar : plugins.jars()) {
            p.add(jar);
        }
        return p;
    }

    private void add(Path bundle) throws IOException {
        Manifest m = null;
        if (Files.isDirectory(bundle)) {
            Path mf = bundle.resolve("META-INF/MANIFEST.MF");
            if (Files.isRegularFile(mf)) {
                try (InputStream in = Files.newInputStream(mf)) {
                    m = new Manifest(in);
                }
            }
        } else if (bundle.getFileName().toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(bundle.toFile(), false)) {
                m = jar.getManifest();
            } catch (IOException e) {
                return; // not a jar: the launcher warns about it
            }
        }
        if (m == null) {
            return;
        }
        String bsn = m.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null) {
            return;
        }
        try {
            ManifestElement[] name = ManifestElement.parseHeader("Bundle-SymbolicName", bsn);
            bundles.computeIfAbsent(name[0].getValue(), k -> new ArrayList<>())
                    .add(version(m.getMainAttributes().getValue("Bundle-Version")));
            String exports = m.getMainAttributes().getValue("Export-Package");
            if (exports != null) {
                for (ManifestElement e : ManifestElement.parseHeader("Export-Package", exports)) {
                    for (String pkg : e.getValueComponents()) {
                        packages.computeIfAbsent(pkg, k -> new ArrayList<>()).add(version(e.getAttribute("version")));
                    }
                }
            }
        } catch (BundleException | IllegalArgumentException e) {
            // a manifest Equinox would refuse too: it provides nothing
        }
    }

    private static Version version(@Nullable String text) {
        return text == null || text.isBlank() ? Version.emptyVersion : Version.parseVersion(text.strip());
    }

    /** Whether a bundle of this symbolic name is there (any version). */
    boolean hasBundle(String symbolicName) {
        return bundles.containsKey(symbolicName);
    }

    /**
     * Whether the product meets a requirement: a bundle or a package in the range; requirements of
     * other kinds (the execution environment, p2's own) count as met.
     */
    boolean meets(IRequirement requirement) {
        if (!(requirement instanceof IRequiredCapability r)) {
            return true;
        }
        Map<String, List<Version>> provided = switch (r.getNamespace()) {
            case "osgi.bundle" -> bundles;
            case "java.package" -> packages;
            default -> null;
        };
        if (provided == null) {
            return true;
        }
        return provided.getOrDefault(r.getName(), List.of()).stream().anyMatch(v -> r.getRange().isIncluded(v));
    }
}
