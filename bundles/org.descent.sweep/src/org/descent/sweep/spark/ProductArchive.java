package org.descent.sweep.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Descent's headless product as the Spark job ships it to the executors: the product this process
 * runs from (its install area) without the bundles only the workbench starts, plus
 * {@code descent-headless/}, this process' headless configuration (config.ini, bundles.info) with
 * third-party plugin jars carried in {@code dropins/}, and bundles of nested jars (ND4J) unpacked. Made once per product and configuration
 * into the cache; stored uncompressed (the jars are compressed already), so it is quick to make
 * and to unpack.
 */
final class ProductArchive {

    /** The folder of the archive that holds the headless configuration. */
    static final String HEADLESS = "descent-headless";

    private ProductArchive() {
    }

    /** The product's folder: the install area of this process. */
    static Path product() throws IOException {
        return area("osgi.install.area");
    }

    /** Finds or makes the archive of this process' product and configuration. */
    static Path make(Path cache) throws IOException {
        Path product = product();
        Path configuration = area("osgi.configuration.area");
        Path info = configuration.resolve("org.eclipse.equinox.simpleconfigurator/bundles.info");
        Path ini = configuration.resolve("config.ini");
        if (!Files.isRegularFile(info) || !Files.isRegularFile(ini)) {
            throw new IOException(configuration + " is not a configuration area of Descent's product (no config.ini"
                    + " and bundles.info): run the sweep with ./descent");
        }
        // the bundles the product has and this (headless) configuration does not start stay home
        Set<String> left = new HashSet<>(locations(product.resolve("configuration/org.eclipse.equinox.simpleconfigurator"
                + "/bundles.info")));
        Map<String, Path> files = new LinkedHashMap<>();
        // a bundle of nested jars travels unpacked: the framework then reads them in place instead of
        // copying them into each executor's configuration area (ND4J's 130 MB)
        Map<String, Path> expanded = new LinkedHashMap<>();
        StringBuilder bundles = new StringBuilder();
        for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", -1);
            if (line.startsWith("#") || cells.length < 5) {
                bundles.append(line).append('\n');
                continue;
            }
            String location = cells[2];
            left.remove(location);
            if (location.startsWith("file:")) {
                Path jar = Path.of(location.substring("file:".length()));
                String name = "dropins/" + jar.getFileName();
                files.put(name, jar);
                cells[2] = name;
                line = String.join(",", cells);
            } else if (location.endsWith(".jar") && nestsJars(product.resolve(location))) {
                String folder = location.substring(0, location.length() - ".jar".length()) + "/";
                expanded.put(folder, product.resolve(location));
                cells[2] = folder;
                line = String.join(",", cells);
            }
            bundles.append(line).append('\n');
        }
        try (Stream<Path> s = Files.walk(product)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = product.relativize(p).toString().replace('\\', '/');
                boolean unused = left.stream().anyMatch(l -> rel.equals(l) || rel.startsWith(l + "/"));
                boolean unpacked = expanded.values().stream().anyMatch(p::equals);
                if (!unused && !unpacked && !rel.startsWith("p2/") && !rel.startsWith("configuration/")
                        && !rel.startsWith(".")) {
                    files.put(rel, p);
                }
            }
        }
        StringBuilder config = new StringBuilder();
        for (String line : Files.readAllLines(ini, StandardCharsets.UTF_8)) {
            // p2's data area names this machine's product; trials do not install anything
            if (!line.startsWith("eclipse.p2.data.area=")) {
                config.append(line).append('\n');
            }
        }
        StringBuilder key = new StringBuilder(product.toString()).append('\n').append(bundles).append(config);
        for (Map.Entry<String, Path> f : expanded.entrySet()) {
            key.append(f.getKey()).append(' ').append(Files.size(f.getValue())).append(' ')
                    .append(Files.getLastModifiedTime(f.getValue()).toMillis()).append('\n');
        }
        for (Map.Entry<String, Path> f : files.entrySet()) {
            key.append(f.getKey()).append(' ').append(Files.size(f.getValue())).append(' ')
                    .append(Files.getLastModifiedTime(f.getValue()).toMillis()).append('\n');
        }
        Path archive = cache.resolve("descent-product-" + SparkSetup.sha(key.toString()).substring(0, 16) + ".zip");
        if (Files.isRegularFile(archive)) {
            return archive;
        }
        Path tmp = Files.createTempFile(cache, ".product", ".zip");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
                zip.setLevel(Deflater.NO_COMPRESSION);
                for (Map.Entry<String, Path> f : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(f.getKey()));
                    Files.copy(f.getValue(), zip);
                    zip.closeEntry();
                }
                for (Map.Entry<String, Path> f : expanded.entrySet()) {
                    try (ZipFile jar = new ZipFile(f.getValue().toFile())) {
                        for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                            if (!e.isDirectory()) {
                                zip.putNextEntry(new ZipEntry(f.getKey() + e.getName()));
                                try (java.io.InputStream in = jar.getInputStream(e)) {
                                    in.transferTo(zip);
                                }
                                zip.closeEntry();
                            }
                        }
                    }
                }
                text(zip, HEADLESS + "/config.ini", config.toString());
                text(zip, HEADLESS + "/bundles.info", bundles.toString());
            }
            try (Stream<Path> old = Files.list(cache)) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith("descent-product-")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return archive;
    }

    /** Whether a bundle's class path names jars inside it. */
    private static boolean nestsJars(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            String path = m == null ? null : m.getMainAttributes().getValue("Bundle-ClassPath");
            return path != null && path.contains(".jar");
        }
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream o = zip;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static List<String> locations(Path info) throws IOException {
        List<String> l = new ArrayList<>();
        if (Files.isRegularFile(info)) {
            for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
                String[] cells = line.split(",", -1);
                if (!line.startsWith("#") && cells.length >= 5) {
                    l.add(cells[2]);
                }
            }
        }
        return l;
    }

    private static Path area(String property) throws IOException {
        String url = System.getProperty(property);
        if (url == null) {
            throw new IOException("the system property " + property + " is not set: run the sweep from Descent's product"
                    + " (./descent sweep ... --spark)");
        }
        try {
            return Path.of(new URI(url.replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException(property + "=" + url + " is not a file URL", e);
        }
    }
}
