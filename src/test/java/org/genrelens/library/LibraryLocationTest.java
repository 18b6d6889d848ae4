package org.genrelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LibraryLocationTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void linuxUsesXdgDataHomeWhenSetAndAbsolute() {
        assertEquals(Path.of("/data/genrelens/library.db"),
                LibraryLocation.defaultDatabase("Linux", Map.of("XDG_DATA_HOME", "/data"), home));
        assertEquals(Path.of("/home/ana/.local/share/genrelens/library.db"),
                LibraryLocation.defaultDatabase("Linux", Map.of(), home));
        assertEquals(Path.of("/home/ana/.local/share/genrelens/library.db"),
                LibraryLocation.defaultDatabase("Linux", Map.of("XDG_DATA_HOME", "relative"), home));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of("/home/ana/Library/Application Support/GenreLens/library.db"),
                LibraryLocation.defaultDatabase("Mac OS X", Map.of(), home));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("/roaming/GenreLens/library.db"),
                LibraryLocation.defaultDatabase("Windows 11", Map.of("APPDATA", "/roaming"), home));
    }
}
