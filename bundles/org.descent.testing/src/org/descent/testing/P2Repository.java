package org.descent.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A p2 repository written by hand in p2's simple format (content.xml, artifacts.xml, plugins/),
 * independent of p2's own writers: three empty bundles, {@value #TOP} 1.2.0 requiring {@value #BASE}
 * 1.0.0, and {@value #ORPHAN} 0.1.0 requiring a bundle nobody has ({@value #NOWHERE}).
 */
public final class P2Repository {

    public static final String BASE = "org.example.base";
    public static final String TOP = "org.example.top";
    public static final String ORPHAN = "org.example.orphan";
    public static final String NOWHERE = "org.example.nowhere";

    private P2Repository() {
    }

    /** Writes the repository into {@code repo} (made if missing). */
    public static Path write(Path repo) throws IOException {
        Files.createDirectories(repo.resolve("plugins"));
        bundle(repo, BASE, "1.0.0", null);
        bundle(repo, TOP, "1.2.0", BASE);
        bundle(repo, ORPHAN, "0.1.0", NOWHERE);
        Files.writeString(repo.resolve("content.xml"), """
                <?xml version='1.0' encoding='UTF-8'?>
                <?metadataRepository version='1.2.0'?>
                <repository name='hand-made' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository' version='1'>
                  <units size='3'>
                """ + unit(BASE, "1.0.0", null) + unit(TOP, "1.2.0", BASE) + unit(ORPHAN, "0.1.0", NOWHERE) + """
                  </units>
                </repository>
                """, StandardCharsets.UTF_8);
        Files.writeString(repo.resolve("artifacts.xml"), """
                <?xml version='1.0' encoding='UTF-8'?>
                <?artifactRepository version='1.1.0'?>
                <repository name='hand-made' type='org.eclipse.equinox.p2.artifact.repository.simpleRepository' version='1'>
                  <mappings size='1'>
                    <rule filter='(&amp; (classifier=osgi.bundle))' output='${repoUrl}/plugins/${id}_${version}.jar'/>
                  </mappings>
                  <artifacts size='3'>
                    <artifact classifier='osgi.bundle' id='org.example.base' version='1.0.0'/>
                    <artifact classifier='osgi.bundle' id='org.example.top' version='1.2.0'/>
                    <artifact classifier='osgi.bundle' id='org.example.orphan' version='0.1.0'/>
                  </artifacts>
                </repository>
                """, StandardCharsets.UTF_8);
        return repo;
    }

    private static void bundle(Path repo, String name, String version, @Nullable String requires) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", name);
        a.putValue("Bundle-Version", version);
        if (requires != null) {
            a.putValue("Require-Bundle", requires);
        }
        try (OutputStream out = Files.newOutputStream(repo.resolve("plugins").resolve(name + "_" + version + ".jar"));
                JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
    }

    private static String unit(String id, String version, @Nullable String requires) {
        String req = requires == null ? "" : """
                      <requires size='1'>
                        <required namespace='osgi.bundle' name='%s' range='0.0.0'/>
                      </requires>
                """.formatted(requires);
        return """
                    <unit id='%1$s' version='%2$s'>
                      <provides size='1'>
                        <provided namespace='osgi.bundle' name='%1$s' version='%2$s'/>
                      </provides>
                %3$s      <artifacts size='1'>
                        <artifact classifier='osgi.bundle' id='%1$s' version='%2$s'/>
                      </artifacts>
                    </unit>
                """.formatted(id, version, req);
    }
}
