package org.genrelens.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a whole file or nothing: bytes go to a sibling ".part" file that is then renamed over the target. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        // a sibling, not createTempFile: that one is created owner-only, and the model must stay readable
        Path part = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            Files.write(part, bytes);
            Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
