package org.descent.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a path given as an input file, with messages that say what is wrong with it.
 *
 * @since 0.1.0
 */
public final class InputFile {

    private InputFile() {
    }

    /**
     * Checks that {@code file} is a readable regular file.
     *
     * @param where how messages name the file, e.g. {@code csv: path=data.csv} or {@code --a p.csv}
     * @return {@code file}
     * @throws IllegalArgumentException naming {@code where}: no such file, a folder, or not readable
     */
    public static Path check(Path file, String where) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(where + ": is a folder; expected a file");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(where + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(where + ": is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(where + ": cannot be read (permission denied)");
        }
        return file;
    }
}
