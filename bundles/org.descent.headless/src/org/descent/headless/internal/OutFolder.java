package org.descent.headless.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Why a folder given with {@code --out} cannot be created, in words. */
final class OutFolder {

    private OutFolder() {
    }

    /**
     * The message for an {@code --out} folder that could not be created or written: names the
     * folder and the reason (a parent that is a file, no permission, a full disk...).
     */
    static String problem(Path folder, IOException e) {
        Path dir = folder.toAbsolutePath().normalize();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String reason;
        if (existing != null && !existing.equals(dir) && !Files.isDirectory(existing)) {
            reason = existing + " is a file, not a folder";
        } else if (e instanceof AccessDeniedException || existing != null && !Files.isWritable(existing)) {
            reason = "no permission to write in " + existing;
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else {
            reason = String.valueOf(e.getMessage());
        }
        return "option '--out': cannot create the folder " + folder + ": " + reason;
    }
}
