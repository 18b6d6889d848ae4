package org.genrelens.library;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where GenreLens keeps its files when no option says: the platform's per-user data folder, which holds the library
 * database and the tag journal of {@code genrelens tag FILE...}.
 */
public final class LibraryLocation {

    public static final String FILE_NAME = "library.db";
    public static final String TAG_JOURNAL_FILE_NAME = "tag-journal.jsonl";
    /** A system property that names the data folder outright: portable installs, and tests that must not touch
     * the real one. */
    public static final String DATA_DIRECTORY_PROPERTY = "genrelens.data.dir";

    private LibraryLocation() {
    }

    public static Path defaultDatabase() {
        return dataDirectory().resolve(FILE_NAME);
    }

    /** The journal {@code genrelens tag FILE...} writes when {@code --journal} does not say. */
    public static Path defaultTagJournal() {
        return dataDirectory().resolve(TAG_JOURNAL_FILE_NAME);
    }

    public static Path dataDirectory() {
        String chosen = System.getProperty(DATA_DIRECTORY_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        return dataDirectory(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    static Path defaultDatabase(String osName, Map<String, String> env, Path home) {
        return dataDirectory(osName, env, home).resolve(FILE_NAME);
    }

    /** Linux and other Unixes: XDG; Windows: %APPDATA%; macOS: Application Support. */
    public static Path dataDirectory(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming")
                    : Path.of(appData);
            return base.resolve("GenreLens");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("GenreLens");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return base.resolve("genrelens");
    }
}
