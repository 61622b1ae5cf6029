package org.descent.compute.opencl.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Compiled programs kept between runs: one file per device, driver, compiler options and source,
 * named by the SHA-256 of all four, under {@code ~/.descent/cache/opencl/} (the system property
 * {@code descent.opencl.cache} names another folder). A file that cannot be read or written only
 * costs a compilation; a binary the driver rejects is compiled again from source.
 */
final class ProgramCache {

    private static final Logger LOG = Logger.getLogger(ProgramCache.class.getName());

    private final Path folder;

    ProgramCache(Path folder) {
        this.folder = folder;
    }

    static ProgramCache standard() {
        String configured = System.getProperty("descent.opencl.cache");
        return new ProgramCache(configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".descent", "cache", "opencl"));
    }

    Path folder() {
        return folder;
    }

    /** The cache file of a program. */
    Path file(ClDeviceInfo device, String options, String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { device.platform(), device.platformVersion(), device.name(),
                    device.driver(), options, source }) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return folder.resolve(HexFormat.of().formatHex(sha.digest()) + ".bin");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The cached binary, or {@code null}. */
    byte @Nullable [] load(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "OpenCL program cache: cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }

    /** Keeps a binary (written to a temporary file, then moved, so readers never see half of one). */
    void store(Path file, byte[] binary) {
        try {
            Files.createDirectories(folder);
            Path part = Files.createTempFile(folder, "program", ".part");
            Files.write(part, binary);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "OpenCL program cache: cannot write " + file + ": " + e.getMessage());
        }
    }
}
