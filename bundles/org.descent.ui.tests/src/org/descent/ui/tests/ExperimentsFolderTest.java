package org.descent.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.descent.ui.internal.PreferenceInitializer;
import org.junit.jupiter.api.Test;

/** Where experiments are kept by default: the workspace, a variable, or beside the standard workspace. */
class ExperimentsFolderTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void followsThePropertyThenTheVariableThenTheWorkspace() {
        assertEquals(Path.of("/tmp/by-property"),
                PreferenceInitializer.defaultExperiments("/tmp/by-property", "/tmp/by-variable", Path.of("/ws"), HOME));
        assertEquals(Path.of("/tmp/by-variable"),
                PreferenceInitializer.defaultExperiments(null, "/tmp/by-variable", Path.of("/ws"), HOME));
        assertEquals(Path.of("/srv/project/ws/experiments"),
                PreferenceInitializer.defaultExperiments(null, " ", Path.of("/srv/project/ws"), HOME),
                "a workbench started with -data DIR keeps its experiments in DIR");
        assertEquals(Path.of("/home/ada/.descent/experiments"),
                PreferenceInitializer.defaultExperiments(null, null, Path.of("/home/ada/.descent/workspace"), HOME),
                "beside the standard workspace, where they always were");
        assertEquals(Path.of("/home/ada/.descent/experiments"), PreferenceInitializer.defaultExperiments("", null, null, HOME));
    }
}
