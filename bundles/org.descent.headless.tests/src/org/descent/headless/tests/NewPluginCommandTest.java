package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.descent.headless.tests.CommandLineTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code descent new-plugin}: the files it writes, read back as Maven, OSGi and the registry read
 * them; bad names, ids and folders exit 2 naming what is wrong. (./descent test builds a generated
 * project with Maven and runs its tests.)
 */
class NewPluginCommandTest {

    @TempDir
    Path dir;

    /** A stand-in for the SDK repository (new-plugin checks that a local one exists). */
    private String repository;

    @BeforeEach
    void repository() throws IOException {
        repository = Files.createDirectories(dir.resolve("sdk/repository")).toUri().toString();
    }

    @BeforeAll
    static void service() throws InterruptedException {
        CommandLineTest.service();
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            Set<String> names = new TreeSet<>();
            s.filter(Files::isRegularFile).forEach(p -> names.add(root.relativize(p).toString()));
            return names;
        }
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void writesABuildWithABundleASkeletonPerContributionAndTheirTests() throws Exception {
        Path project = dir.resolve("demo");
        Result r = run("new-plugin", "com.example.demo", "--optimizer", "demo-momentum", "--loss", "half-mse",
                "--analysis", "block-norms", "--dir", project.toString(), "--repository", repository);
        assertEquals(0, r.code(), r.err());
        String b = "com.example.demo/", t = "com.example.demo.tests/";
        String src = b + "src/com/example/demo/", tests = t + "src/com/example/demo/tests/";
        assertEquals(new TreeSet<>(List.of("pom.xml", ".mvn/maven.config", ".gitignore", "README.md", b + "pom.xml",
                b + "META-INF/MANIFEST.MF", b + "build.properties", b + "plugin.xml", src + "package-info.java",
                src + "DemoMomentum.java", src + "HalfMse.java", src + "BlockNorms.java", t + "pom.xml",
                t + "META-INF/MANIFEST.MF", t + "build.properties", tests + "ContributionsTest.java",
                tests + "DemoMomentumTest.java", tests + "HalfMseTest.java", tests + "BlockNormsTest.java",
                "com.example.demo.repository/pom.xml", "com.example.demo.repository/category.xml")), files(project));
        assertTrue(r.out().contains("JAVA_HOME=") && r.out().contains(" -f " + project.resolve("pom.xml") + " verify"),
                r.out());
        assertTrue(r.out().contains("descent install " + project.resolve("com.example.demo.repository/target/repository")),
                r.out());

        // the reactor: its own groupId, both modules, the SDK repository by its absolute URL
        Element pom = xml(project.resolve("pom.xml")).getDocumentElement();
        assertEquals("com.example.demo", pom.getElementsByTagName("groupId").item(0).getTextContent());
        assertEquals(repository, pom.getElementsByTagName("descent.repository").item(0).getTextContent());
        NodeList modules = pom.getElementsByTagName("module");
        assertEquals(List.of("com.example.demo", "com.example.demo.tests", "com.example.demo.repository"),
                List.of(modules.item(0).getTextContent(), modules.item(1).getTextContent(),
                        modules.item(2).getTextContent()));
        assertEquals("eclipse-repository", xml(project.resolve("com.example.demo.repository/pom.xml"))
                .getElementsByTagName("packaging").item(0).getTextContent());
        Element bundle = (Element) xml(project.resolve("com.example.demo.repository/category.xml"))
                .getElementsByTagName("bundle").item(0);
        assertEquals("com.example.demo", bundle.getAttribute("id"), "the repository holds the bundle");
        assertEquals("eclipse-test-plugin", xml(project.resolve(t + "pom.xml")).getElementsByTagName("packaging").item(0)
                .getTextContent());

        // each declared class is a file of the bundle, in the bundle's package
        NodeList contributions = xml(project.resolve(b + "plugin.xml")).getElementsByTagName("extension");
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < contributions.getLength(); i++) {
            Element extension = (Element) contributions.item(i);
            Element c = (Element) extension.getElementsByTagName("*").item(0);
            declared.add(extension.getAttribute("point") + " " + c.getTagName() + " " + c.getAttribute("id"));
            String cls = c.getAttribute("class");
            Path file = project.resolve(b + "src/" + cls.replace('.', '/') + ".java");
            assertTrue(Files.readString(file).startsWith("package com.example.demo;\n"), file.toString());
        }
        assertEquals(List.of("org.descent.core.optimizers optimizer demo-momentum", "org.descent.core.losses loss half-mse",
                "org.descent.core.analyses analysis block-norms"), declared);

        String manifest = Files.readString(project.resolve(b + "META-INF/MANIFEST.MF"));
        assertTrue(manifest.contains("Bundle-SymbolicName: com.example.demo;singleton:=true\n"), manifest);
        assertTrue(manifest.contains("org.descent.optimizers;bundle-version=\"[0.1.0,0.2.0)\""), manifest);
        String testsManifest = Files.readString(project.resolve(t + "META-INF/MANIFEST.MF"));
        assertTrue(testsManifest.contains("Require-Bundle: com.example.demo,\n org.descent.core"), testsManifest);
    }

    @Test
    void onlyTheContributionsAskedFor() throws Exception {
        Path project = dir.resolve("loss-only");
        Result r = run("new-plugin", "org.acme.focal", "--loss", "focal", "--dir", project.toString(), "--repository",
                repository);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(loss 'focal')"), r.out());
        Set<String> sources = new TreeSet<>();
        for (String f : files(project)) {
            if (f.endsWith(".java")) {
                sources.add(f.substring(f.lastIndexOf('/') + 1));
            }
        }
        assertEquals(Set.of("package-info.java", "Focal.java", "ContributionsTest.java", "FocalTest.java"), sources);
        assertTrue(!Files.readString(project.resolve("org.acme.focal/META-INF/MANIFEST.MF")).contains("optimizers"));
    }

    @Test
    void badNamesIdsAndFoldersExit2SayingWhy() throws Exception {
        Result r = run("new-plugin", "Com.Example", "--optimizer", "x", "--dir", dir.resolve("a").toString(),
                "--repository", repository);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'Com.Example' is not a valid plugin name"), r.err());
        r = run("new-plugin", "com.example.class", "--optimizer", "x", "--repository", repository);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no Java keyword"), r.err());
        r = run("new-plugin", "com.example", "--loss", "My_Loss", "--repository", repository);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("option '--loss': 'My_Loss' is not a valid id"), r.err());
        r = run("new-plugin", "com.example", "--repository", repository);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("name at least one contribution: --optimizer ID, --loss ID or --analysis ID"), r.err());
        Files.createDirectories(dir.resolve("taken"));
        Files.writeString(dir.resolve("taken/notes.txt"), "mine");
        r = run("new-plugin", "com.example", "--optimizer", "x", "--dir", dir.resolve("taken").toString(),
                "--repository", repository);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("option '--dir': " + dir.resolve("taken") + " is not empty"), r.err());
        assertEquals("mine", Files.readString(dir.resolve("taken/notes.txt")));
        String before = System.clearProperty("descent.sdk.repository");
        try {
            r = run("new-plugin", "com.example", "--optimizer", "x", "--dir", dir.resolve("b").toString());
        } finally {
            if (before != null) {
                System.setProperty("descent.sdk.repository", before);
            }
        }
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no Descent SDK repository known: give --repository URL"), r.err());
        r = run("new-plugin", "com.example", "--optimizer", "x", "--dir", dir.resolve("c").toString(), "--repository",
                dir.resolve("nowhere").toUri().toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the Descent SDK repository " + dir.resolve("nowhere") + " does not exist"), r.err());
        assertTrue(!Files.exists(dir.resolve("c")));
    }
}
