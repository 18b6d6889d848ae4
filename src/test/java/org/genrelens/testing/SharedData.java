package org.genrelens.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real GTZAN clips beside the project; tests that need them fail loudly when they are absent. */
public final class SharedData {

    private static final Path ROOT = Path.of("..", "shared", "data");

    private SharedData() {
    }

    /** {@code ../shared/data/gtzan-subset/genres}, or a test failure that says how to provide it. */
    public static Path gtzanGenres() {
        Path genres = ROOT.resolve("gtzan-subset").resolve("genres");
        if (!Files.isDirectory(genres)) {
            fail("the real GTZAN clips are missing: expected " + genres.toAbsolutePath().normalize()
                    + " (../shared/data beside the project root, see its README); this test needs them");
        }
        return genres;
    }
}
