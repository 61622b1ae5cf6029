package org.descent.headless.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.descent.core.Descent;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * {@code descent new-plugin NAME [--optimizer ID] [--loss ID] [--analysis ID] [--dir D]
 * [--repository URL]}: writes an out-of-tree plugin project ({@link PluginProject}) and prints
 * the one command that builds and tests it.
 */
public final class NewPluginCommand implements Command {

    /**
     * The system property in which the launcher names the Descent SDK p2 repository (a URL), the
     * default of {@code --repository}.
     */
    public static final String REPOSITORY_PROPERTY = "descent.sdk.repository";
    /** The system property in which the launcher names the Maven wrapper of Descent's checkout. */
    public static final String MAVEN_PROPERTY = "descent.mvnw";

    @Override
    public int run(CommandContext context) throws Exception {
        if (context.arguments().size() != 1) {
            throw new UsageException("new-plugin needs the plugin's name, a bundle symbolic name such as com.example.myoptimizer");
        }
        String name = context.arguments().get(0);
        String repository = context.option("repository").or(() -> java.util.Optional.ofNullable(
                System.getProperty(REPOSITORY_PROPERTY))).orElseThrow(() -> new UsageException(
                        "no Descent SDK repository known: give --repository URL (./descent names the one its build made)"));
        checkRepository(repository);
        PluginProject project;
        try {
            project = new PluginProject(name, context.option("optimizer").orElse(null),
                    context.option("loss").orElse(null), context.option("analysis").orElse(null), repository,
                    release());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path dir = Path.of(context.option("dir").orElse(name)).toAbsolutePath().normalize();
        if (Files.exists(dir) && !isEmptyFolder(dir)) {
            throw new UsageException("option '--dir': " + dir + (Files.isDirectory(dir) ? " is not empty" : " is a file")
                    + "; name a new or empty folder");
        }
        Map<String, String> files = project.files();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UsageException(OutFolder.problem(dir, e).replace("option '--out'", "option '--dir'"));
        }
        List<String> made = new ArrayList<>();
        project.contributions().forEach((kind, id) -> made.add(kind + " '" + id + "'"));
        context.out().println("Wrote the plugin project " + name + " (" + String.join(", ", made) + ") in " + dir + ": "
                + files.size() + " files.");
        context.out().println("Build and test it with:");
        context.out().println("  " + buildCommand(dir));
        context.out().println("then install it with:");
        context.out().println("  descent install " + quote(dir.resolve(name + ".repository/target/repository").toString()));
        return OK;
    }

    /** The command that builds the project: Descent's Maven wrapper and this JDK when known, else mvn. */
    static String buildCommand(Path dir) {
        String mvnw = System.getProperty(MAVEN_PROPERTY);
        String maven = mvnw != null && Files.isExecutable(Path.of(mvnw)) ? quote(mvnw) : "mvn";
        return "JAVA_HOME=" + quote(System.getProperty("java.home")) + " " + maven + " -f "
                + quote(dir.resolve("pom.xml").toString()) + " verify";
    }

    /** A word for a POSIX shell: as it is when it needs no quoting, otherwise in single quotes. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** A local repository must be there: a build against a missing one fails far from the cause. */
    private static void checkRepository(String repository) throws UsageException {
        if (!repository.startsWith("file:")) {
            return;
        }
        Path dir;
        try {
            dir = Path.of(java.net.URI.create(repository));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option '--repository': '" + repository + "' is not a file URL (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException("the Descent SDK repository " + dir + " does not exist: build Descent first "
                    + "(./descent --version builds it) or give --repository URL");
        }
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Descent's release (major.minor.micro), the version the plugin is made for. */
    private static String release() {
        var bundle = FrameworkUtil.getBundle(Descent.class);
        Version v = bundle == null ? new Version(0, 1, 0) : bundle.getVersion();
        return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }
}
