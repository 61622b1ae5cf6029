package org.descent.headless.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Command tests that write runs: each test gets a run store of its own in a temporary folder. */
abstract class InRunStore {

    @TempDir
    Path dir;

    @BeforeEach
    void runStore() throws Exception {
        CommandLineTest.service();
        System.setProperty("descent.runs", dir.resolve("runs").toString());
    }

    @AfterEach
    void noRunStore() {
        System.clearProperty("descent.runs");
    }
}
