package org.descent.p2.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.descent.core.Json;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The user's plugin folder, which the launcher installs into the workbench and the headless
 * runtime at their next start ({@code $DESCENT_PLUGINS}, default {@code ~/.descent/plugins}), and
 * the record of what {@code descent install} put there ({@value #RECORD}, beside the jars).
 */
final class PluginFolder {

    static final String RECORD = ".installed.json";

    /** One unit that descent install installed: its id and version, where from, and its jars. */
    record Installed(String id, String version, String repository, List<String> files) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("version", version);
            m.put("repository", repository);
            m.put("files", files);
            return m;
        }
    }

    private final Path dir;

    PluginFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * The folder the launcher installs from: the system property {@code descent.plugins} (the
     * launcher passes the folder it uses), else {@code $DESCENT_PLUGINS}, else
     * {@code ~/.descent/plugins}.
     */
    static PluginFolder standard() {
        String given = System.getProperty("descent.plugins");
        if (given == null || given.isBlank()) {
            given = System.getenv("DESCENT_PLUGINS");
        }
        return new PluginFolder(given != null && !given.isBlank() ? Path.of(given)
                : Path.of(System.getProperty("user.home"), ".descent", "plugins"));
    }

    Path dir() {
        return dir;
    }

    /** The units installed so far, in the order they were installed. */
    List<Installed> installed() throws IOException {
        Path f = dir.resolve(RECORD);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        Object root;
        try {
            root = Json.parse(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": " + e.getMessage() + " (remove it to start the record again)", e);
        }
        if (!(root instanceof List<?> list)) {
            throw new IOException(f + ": not a JSON array (remove it to start the record again)");
        }
        List<Installed> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("id") instanceof String id) || !(m.get("version") instanceof String v)
                    || !(m.get("repository") instanceof String r) || !(m.get("files") instanceof List<?> files)) {
                throw new IOException(f + ": an entry without id, version, repository and files: " + o);
            }
            out.add(new Installed(id, v, r, files.stream().map(String::valueOf).toList()));
        }
        return out;
    }

    void write(List<Installed> units) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".installed", ".tmp");
        Files.writeString(tmp, Json.write(units.stream().map(Installed::json).toList()) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(RECORD), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The jars in the folder. */
    List<Path> jars() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** The unit with this id, if installed. */
    @Nullable
    Installed find(String id) throws IOException {
        return installed().stream().filter(u -> u.id().equals(id)).findFirst().orElse(null);
    }
}
