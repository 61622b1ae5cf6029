package org.descent.data.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.descent.core.InputFile;

/** Reads a whole binary data file into memory, gunzipped when its name ends in {@code .gz}. */
final class BinaryFile {

    /** The most bytes one array holds. */
    static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private BinaryFile() {
    }

    /**
     * The file's bytes (its decompressed bytes for {@code *.gz}).
     *
     * @param option the hyperparameter that named the file, e.g. {@code npy: path}, for messages
     * @throws IllegalArgumentException when the file is missing, too large or not valid gzip
     * @throws IOException when it cannot be read
     */
    static ByteBuffer read(String option, String path) throws IOException {
        Path file = InputFile.check(Path.of(path), option + "=" + path);
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(path + ": " + Files.size(file) + " bytes is too large: at most " + MAX_BYTES
                    + " bytes can be read");
        }
        if (!path.endsWith(".gz")) {
            return ByteBuffer.wrap(Files.readAllBytes(file));
        }
        if (Files.size(file) == 0) {
            throw new IllegalArgumentException(path + ": the file is empty (0 bytes); expected gzip data (the name ends"
                    + " in .gz)");
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] bytes = in.readNBytes(MAX_BYTES);
            if (in.read() >= 0) {
                throw new IllegalArgumentException(path + ": decompresses to more than " + MAX_BYTES
                        + " bytes, too large to read");
            }
            return ByteBuffer.wrap(bytes);
        } catch (EOFException e) {
            throw new IllegalArgumentException(path + ": truncated gzip data (" + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw new IllegalArgumentException(path + ": not valid gzip data (" + e.getMessage()
                    + "); a name ending in .gz means gzip-compressed", e);
        }
    }
}
