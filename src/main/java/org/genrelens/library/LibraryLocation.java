package org.genrelens.library;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the library database lives when {@code --db} does not say: the platform's per-user data folder. */
public final class LibraryLocation {

    public static final String FILE_NAME = "library.db";

    private LibraryLocation() {
    }

    public static Path defaultDatabase() {
        return defaultDatabase(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    /** Linux and other Unixes: XDG; Windows: %APPDATA%; macOS: Application Support. */
    static Path defaultDatabase(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming")
                    : Path.of(appData);
            return base.resolve("GenreLens").resolve(FILE_NAME);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("GenreLens").resolve(FILE_NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return base.resolve("genrelens").resolve(FILE_NAME);
    }
}
