package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.testing.Fixture;
import org.descent.testing.P2Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * descent install, installed and uninstall on a p2 repository written by hand in p2's simple format
 * ({@link P2Repository}): two bundles, one requiring the other, and one requiring a bundle nobody
 * has. The plugin folder is a temporary one (system property
 * descent.plugins, which the launcher sets).
 */
class InstallCommandTest {

    @TempDir
    Path dir;
    Path repo;
    Path plugins;

    @BeforeAll
    static void registry() throws Exception {
        CommandLineTest.service();
    }

    @BeforeEach
    void repository() throws IOException {
        repo = P2Repository.write(dir.resolve("repo"));
        plugins = dir.resolve("plugins");
        System.setProperty("descent.plugins", plugins.toString());
    }

    @AfterEach
    void noFolder() {
        System.clearProperty("descent.plugins");
    }

    @Test
    void aUnitIsInstalledWithWhatItRequiresListedAndUninstalled() throws Exception {
        Result r = run("install", repo.toString(), "org.example.top", "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = (Map<?, ?>) Fixture.parse(r.out()).root();
        List<?> installed = (List<?>) json.get("installed");
        assertEquals(1, installed.size());
        assertEquals(List.of("org.example.top_1.2.0.jar", "org.example.base_1.0.0.jar"),
                ((Map<?, ?>) installed.get(0)).get("files"), "the unit and the bundle it requires");
        for (String f : List.of("org.example.top_1.2.0.jar", "org.example.base_1.0.0.jar")) {
            assertEquals(-1L, Files.mismatch(repo.resolve("plugins").resolve(f), plugins.resolve(f)), f + " copied whole");
        }
        Result list = run("installed");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().startsWith("org.example.top 1.2.0  from " + repo.toUri()), list.out());

        Result again = run("uninstall", "org.example.top");
        assertEquals(0, again.code(), again.err());
        assertFalse(Files.exists(plugins.resolve("org.example.top_1.2.0.jar")));
        assertFalse(Files.exists(plugins.resolve("org.example.base_1.0.0.jar")), "what was installed for it goes too");
        assertEquals("[]", run("installed", "--json").out().strip());
    }

    @Test
    void badRepositoriesUnitsAndRequirementsExitWith2AndSaySo() throws Exception {
        Result none = run("install", dir.resolve("nowhere").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("is neither a URL nor a folder"), none.err());
        Result empty = run("install", dir.toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("is not a p2 repository that can be read"), empty.err());
        Result unknown = run("install", repo.toString(), "org.example.nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("'org.example.nope': " + repo + " has no unit with this id; its bundles: "
                + "[org.example.base, org.example.orphan, org.example.top]"), unknown.err());
        Result orphan = run("install", repo.toString(), "org.example.orphan");
        assertEquals(2, orphan.code());
        assertTrue(orphan.err().contains("org.example.orphan 0.1.0 requires") && orphan.err().contains("org.example.nowhere"),
                orphan.err());
        assertFalse(Files.exists(plugins.resolve("org.example.orphan_0.1.0.jar")), "nothing written when refused");
        Result notInstalled = run("uninstall", "org.example.base");
        assertEquals(2, notInstalled.code());
        assertTrue(notInstalled.err().contains("'org.example.base' was not installed by descent install"), notInstalled.err());
    }
}
