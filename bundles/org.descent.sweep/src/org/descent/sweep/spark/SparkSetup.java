package org.descent.sweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What running a sweep on Spark needs on the sweeping machine, found or made once into the cache
 * ({@code $XDG_CACHE_HOME/descent/spark}, default {@code ~/.cache/descent/spark}):
 * <ul>
 * <li>a JDK 17 or 21 for the driver ({@code DESCENT_SPARK_JAVA_HOME}, else {@code JAVA_HOME} or
 * {@code /usr/lib/jvm/*}): Spark's executors do not start on JDK 25;</li>
 * <li>Spark's jars: {@code $SPARK_HOME/jars} of an installed Spark, else those the bundle's
 * {@code spark/pom.xml} names, fetched from Maven Central with Maven ({@code descent.mvnw},
 * the checkout's wrapper, or {@code mvn}) into a folder that is itself a {@code SPARK_HOME};</li>
 * <li>the driver ({@code spark/DescentSparkDriver.java}) compiled against them into a jar.</li>
 * </ul>
 *
 * @param jdk the driver's JDK
 * @param sparkHome a folder whose {@code jars/} holds Spark's classpath
 * @param driverJar the driver
 * @param jvmOptions the options file Spark's JVMs need on JDK 17 (opened modules)
 */
public record SparkSetup(Path jdk, Path sparkHome, Path driverJar, Path jvmOptions) {

    /** The Java versions Spark's driver and executors run on. */
    public static final List<Integer> SPARK_JAVA = List.of(21, 17);

    /** Finds or makes everything, logging what it fetches or compiles. */
    public static SparkSetup resolve(Consumer<String> log) throws IOException {
        Path cache = cache();
        Files.createDirectories(cache);
        Path java = driverJava();
        Path options = cache.resolve("jvm.options");
        writeIfChanged(options, resource("jvm.options"));
        Path sparkHome;
        String installed = System.getenv("SPARK_HOME");
        if (installed != null && !installed.isBlank() && Files.isDirectory(Path.of(installed, "jars"))) {
            sparkHome = Path.of(installed);
        } else {
            byte[] pom = resource("pom.xml");
            sparkHome = cache.resolve("home-" + sha(pom).substring(0, 12));
            fetch(sparkHome, pom, log);
        }
        byte[] source = resource("DescentSparkDriver.java");
        Path jar = cache.resolve("driver-" + sha(source).substring(0, 12) + ".jar");
        if (!Files.isRegularFile(jar)) {
            compile(java, sparkHome, source, jar, log);
        }
        return new SparkSetup(java, sparkHome, jar, options);
    }

    /** Where the Spark pieces are cached. */
    static Path cache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("descent").resolve("spark");
    }

    /** The driver's classpath: its jar and Spark's. */
    public String classpath() {
        return driverJar + java.io.File.pathSeparator + sparkHome.resolve("jars") + java.io.File.separator + "*";
    }

    private static Path driverJava() throws IOException {
        String given = System.getenv("DESCENT_SPARK_JAVA_HOME");
        if (given != null && !given.isBlank()) {
            Path home = Path.of(given);
            int v = major(home);
            if (!SPARK_JAVA.contains(v) || !Files.isExecutable(home.resolve("bin/javac"))) {
                throw new IOException("DESCENT_SPARK_JAVA_HOME=" + given + " is not a JDK 17 or 21 (Java " + v
                        + "): Spark needs one of them, its executors do not start on newer Javas");
            }
            return home;
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (Stream<Path> s = Files.list(jvm)) {
                s.sorted().forEach(candidates::add);
            }
        }
        for (int wanted : SPARK_JAVA) {
            for (Path c : candidates) {
                if (major(c) == wanted && Files.isExecutable(c.resolve("bin/javac"))) {
                    return c;
                }
            }
        }
        throw new IOException("Spark needs a JDK 17 or 21 (its executors do not start on newer Javas) and none was"
                + " found in JAVA_HOME or /usr/lib/jvm: install one (e.g. apt-get install openjdk-17-jdk) or name it"
                + " with DESCENT_SPARK_JAVA_HOME");
    }

    /** A JDK's major version from its release file (0 when it has none). */
    static int major(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not a JDK
        }
        return 0;
    }

    private static void fetch(Path home, byte[] pom, Consumer<String> log) throws IOException {
        Path jars = home.resolve("jars");
        Path marker = home.resolve(".complete");
        Files.createDirectories(home);
        try (FileChannel lock = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock l = lock.lock()) {
            if (Files.isRegularFile(marker)) {
                return;
            }
            log.accept("spark: fetching Spark's jars from Maven Central into " + jars + " (once)...");
            Files.write(home.resolve("pom.xml"), pom);
            Path tmp = home.resolve("jars.tmp");
            delete(tmp);
            List<String> command = new ArrayList<>(maven());
            command.addAll(List.of("-B", "-q", "-f", home.resolve("pom.xml").toString(),
                    "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=" + tmp));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(home.resolve("fetch.log").toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            int code = run(pb, 900);
            if (code != 0) {
                throw new IOException("fetching Spark's jars failed (exit " + code + "); Maven's output is in "
                        + home.resolve("fetch.log"));
            }
            delete(jars);
            Files.move(tmp, jars);
            Files.writeString(marker, "");
        }
    }

    private static List<String> maven() throws IOException {
        String wrapper = System.getProperty("descent.mvnw");
        if (wrapper != null && Files.isExecutable(Path.of(wrapper))) {
            return List.of(wrapper);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mvn"))) {
                return List.of(Path.of(dir, "mvn").toString());
            }
        }
        throw new IOException("fetching Spark's jars needs Maven (mvn on the PATH, or run Descent from its checkout's"
                + " ./descent), or an installed Spark named by SPARK_HOME");
    }

    private static void compile(Path jdk, Path sparkHome, byte[] source, Path jar, Consumer<String> log)
            throws IOException {
        log.accept("spark: compiling the driver against " + sparkHome.resolve("jars") + " (once)...");
        Path work = Files.createTempDirectory(jar.getParent(), "driver");
        try {
            Path src = work.resolve("DescentSparkDriver.java");
            Files.write(src, source);
            Path classes = work.resolve("classes");
            Path out = work.resolve("javac.log");
            int code = run(new ProcessBuilder(jdk.resolve("bin/javac").toString(), "-nowarn", "-cp",
                    sparkHome.resolve("jars") + java.io.File.separator + "*", "-d", classes.toString(), src.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()), 300);
            if (code != 0) {
                throw new IOException("compiling the Spark driver failed against " + sparkHome.resolve("jars") + ":\n"
                        + Files.readString(out));
            }
            Path tmpJar = work.resolve("driver.jar");
            code = run(new ProcessBuilder(jdk.resolve("bin/jar").toString(), "cf", tmpJar.toString(), "-C",
                    classes.toString(), ".").redirectErrorStream(true).redirectOutput(out.toFile()), 120);
            if (code != 0) {
                throw new IOException("packing the Spark driver failed:\n" + Files.readString(out));
            }
            Files.move(tmpJar, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            delete(work);
        }
    }

    private static int run(ProcessBuilder pb, long seconds) throws IOException {
        Process p = pb.start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", pb.command()) + " took more than " + seconds + " s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A file of the bundle's {@code spark/} folder. */
    static byte[] resource(String name) throws IOException {
        try (InputStream in = SparkSetup.class.getResourceAsStream("/spark/" + name)) {
            if (in == null) {
                throw new IOException("spark/" + name + " is missing from the bundle org.descent.sweep");
            }
            return in.readAllBytes();
        }
    }

    private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            Path tmp = Files.createTempFile(file.getParent(), ".options", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha(String text) {
        return sha(text.getBytes(StandardCharsets.UTF_8));
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The environment variables a Spark JVM started from these jars needs (JAVA_HOME too: a
     * standalone worker starts its executors on it, and they die on JDK 25).
     */
    public Map<String, String> environment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("JAVA_HOME", jdk.toString());
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        return env;
    }
}
