package org.descent.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder that holds runs, one sub-folder each. Its location is {@code $DESCENT_RUNS} when
 * set, otherwise {@code ~/.descent/runs}.
 *
 * @since 0.1.0
 */
public final class RunStore {

    private final Path root;

    public RunStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The store at its configured location. */
    public static RunStore standard() {
        String env = System.getenv("DESCENT_RUNS");
        String prop = System.getProperty("descent.runs");
        if (prop != null && !prop.isBlank()) {
            return new RunStore(Path.of(prop));
        }
        if (env != null && !env.isBlank()) {
            return new RunStore(Path.of(env));
        }
        return new RunStore(Path.of(System.getProperty("user.home"), ".descent", "runs"));
    }

    public Path root() {
        return root;
    }

    /** A new run folder named {@code yyyyMMdd-HHmmss-<label>}, with a suffix when taken. */
    public RunFolder newRun(String label) throws IOException {
        Files.createDirectories(root);
        String base = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + label.replaceAll("[^A-Za-z0-9._-]", "_");
        for (int i = 1;; i++) {
            Path dir = root.resolve(i == 1 ? base : base + "-" + i);
            try {
                Files.createDirectory(dir);
                return RunFolder.create(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
    }

    /** The run folders in the store, oldest first (by name, which starts with the time). */
    public List<RunFolder> runs() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(RunFolder.RUN_FILE))).sorted().map(RunFolder::new).toList();
        }
    }
}
