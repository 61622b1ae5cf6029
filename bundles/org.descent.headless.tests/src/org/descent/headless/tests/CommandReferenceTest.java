package org.descent.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * docs/commands.md is what {@code descent help --markdown} prints for the product's commands and
 * contributions, so the committed reference cannot go stale. This test runtime holds every bundle
 * of the product that contributes to Descent's extension points (checked against the feature),
 * and this bundle's own test command is left out, as the product does not have it.
 * <p>
 * With {@code -Ddescent.docs.write=true} (docs/regenerate.sh) it writes the file instead.
 */
class CommandReferenceTest {

    private static final String TEST_BUNDLE = "org.descent.headless.tests";
    private static final String REGENERATE = "run docs/regenerate.sh to regenerate it, and commit the result";

    private static ServiceTracker<ContributionRegistry, ContributionRegistry> tracker;
    private static ContributionRegistry registry;

    @BeforeAll
    static void service() throws InterruptedException {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(CommandReferenceTest.class).getBundleContext(),
                ContributionRegistry.class, null);
        tracker.open();
        ContributionRegistry all = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(all, "the ContributionRegistry service is not registered (is SCR running?)");
        registry = new WithoutTestBundle(all);
    }

    @AfterAll
    static void close() {
        tracker.close();
    }

    private static Path docs() {
        String docs = System.getProperty("descent.docs");
        assertNotNull(docs, "the system property descent.docs (set in this bundle's pom.xml) is missing");
        return Path.of(docs).toAbsolutePath().normalize();
    }

    private static String markdown(String... args) {
        CommandLineTest.Result r = CommandLineTest.run(registry, args);
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    @Test
    void committedReferenceIsTheHelpCommandsOutput() throws IOException {
        String generated = markdown("help", "--markdown");
        Path file = docs().resolve("commands.md");
        if (Boolean.getBoolean("descent.docs.write")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
            return;
        }
        assertTrue(Files.isRegularFile(file), file + " is missing; " + REGENERATE);
        List<String> committed = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> expected = generated.lines().toList();
        for (int i = 0; i < Math.max(committed.size(), expected.size()); i++) {
            String have = i < committed.size() ? committed.get(i) : "(end of file)";
            String want = i < expected.size() ? expected.get(i) : "(end of output)";
            if (!have.equals(want)) {
                fail(file + " differs from 'descent help --markdown' at line " + (i + 1) + ":\n  file:   " + have
                        + "\n  output: " + want + "\nThe declarations changed (or the file was edited); " + REGENERATE + ".");
            }
        }
    }

    @Test
    void referenceDocumentsEveryContributionAndCommand() {
        String md = markdown("help", "--markdown");
        for (Contribution c : registry.contributions()) {
            assertTrue(md.contains("\n### " + c.id() + "\n"), "no section for " + c.label());
        }
        assertTrue(md.contains("| `--markdown` |"), "the help command's own option is missing");
        assertTrue(md.contains("| `lr` | double | `0.001` | `(0,inf)` |"), "adam's learning rate is missing");
    }

    @Test
    void everyContributionOfTheProductIsSound() {
        // its declaration and its class (found, concrete, of its point's type)
        assertEquals(List.of(), registry.problems().stream().map(ContributionProblem::toString).toList(),
                "contributions of the product that are left out as broken");
    }

    @Test
    void markdownTakesNoCommand() {
        CommandLineTest.Result r = CommandLineTest.run(registry, "help", "--markdown", "train");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("takes no COMMAND"), r.err());
    }

    /** Every bundle of the product's feature that contributes to Descent's extension points is installed here. */
    @Test
    void testRuntimeHoldsEveryContributingBundleOfTheProduct() throws IOException {
        Path root = docs().getParent();
        String feature = Files.readString(root.resolve("features/org.descent.feature/feature.xml"), StandardCharsets.UTF_8);
        Matcher plugin = Pattern.compile("<plugin\\s+id=\"([^\"]+)\"").matcher(feature);
        List<String> missing = new ArrayList<>();
        int contributing = 0;
        while (plugin.find()) {
            String id = plugin.group(1);
            Path pluginXml = root.resolve("bundles").resolve(id).resolve("plugin.xml");
            if (!Files.isRegularFile(pluginXml)) {
                continue;
            }
            String xml = Files.readString(pluginXml, StandardCharsets.UTF_8);
            boolean contributes = Pattern.compile("point=\"org\\.descent\\.(?!ui\\.)").matcher(xml).find();
            if (contributes) {
                contributing++;
                if (Platform.getBundle(id) == null) {
                    missing.add(id);
                }
            }
        }
        assertTrue(contributing >= 10, "only " + contributing + " contributing bundles found in the feature");
        assertEquals(List.of(), missing, "add them to the extraRequirements in org.descent.headless.tests/pom.xml");
    }

    /** The registry without this bundle's test contributions. */
    private record WithoutTestBundle(ContributionRegistry all) implements ContributionRegistry {

        @Override
        public List<Contribution> contributions() {
            return all.contributions().stream().filter(c -> !c.bundle().equals(TEST_BUNDLE)).toList();
        }

        @Override
        public List<Contribution> contributions(String extensionPointId) {
            return all.contributions(extensionPointId).stream().filter(c -> !c.bundle().equals(TEST_BUNDLE)).toList();
        }

        @Override
        public Optional<Contribution> find(String extensionPointId, String id) {
            return all.find(extensionPointId, id).filter(c -> !c.bundle().equals(TEST_BUNDLE));
        }

        @Override
        public List<ContributionProblem> problems() {
            return all.problems().stream().filter(p -> !p.bundle().equals(TEST_BUNDLE)).toList();
        }

        @Override
        public List<String> extensionPoints() {
            return all.extensionPoints();
        }

        @Override
        public <T> T createExecutable(Contribution contribution, Class<T> type) throws CoreException {
            return all.createExecutable(contribution, type);
        }
    }
}
