package org.genrelens.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelens.ui.GenreLensApp;
import org.genrelens.workspace.AppPaths;
import org.genrelens.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genrelens app} (and {@code genrelens} alone): opens the desktop app. */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = {"Opens the desktop app: choose music folders, browse by genre, see each song's spectrogram, "
                + "write and undo tags, train models. Running genrelens without a command does the same."})
public final class DesktopCommand implements Callable<Integer> {

    // JavaFX warns on every start that it was loaded from the class path, which is how we ship it; kept
    // referenced so the quieter level survives garbage collection
    private static final java.util.logging.Logger APP_LOG = java.util.logging.Logger.getLogger("org.genrelens");
    private static final java.util.logging.Logger JAVAFX_STARTUP =
            java.util.logging.Logger.getLogger("javafx");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep the library, settings and trained models in this folder (default: the per-user "
                    + "data folder, beside the CLI's library.db)")
    Path dataFolder;

    @Override
    public Integer call() {
        if (!displayAvailable(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("glass.platform"))) {
            spec.commandLine().getErr().println("genrelens: no display to open the app on (DISPLAY and "
                    + "WAYLAND_DISPLAY are unset); run it from a desktop session, or use the command line: "
                    + "genrelens --help");
            return ExitCodes.FAILURES;
        }
        JAVAFX_STARTUP.setLevel(java.util.logging.Level.SEVERE);
        var bundled = ModelLocator.fromSystem().locate(null);
        AppPaths paths = dataFolder == null ? AppPaths.defaults(bundled) : AppPaths.inFolder(dataFolder, bundled);
        logToFile(paths.database().toAbsolutePath().getParent().resolve("genrelens.log"));
        // the library opens (and migrates, with its backup) here, before the window exists
        GenreLensApp.launch(Workspace.open(paths), VersionProvider.version());
        return ExitCodes.OK;
    }

    /**
     * Warnings and errors the app shows are also kept in a rotating log beside the library, with what it did (the
     * model it opened and where it runs, each training epoch's time and score); the terminal still shows warnings only.
     */
    private void logToFile(Path log) {
        try {
            java.nio.file.Files.createDirectories(log.getParent());
            var handler = new java.util.logging.FileHandler(log.toString(), 5_000_000, 2, true);
            handler.setFormatter(new java.util.logging.SimpleFormatter());
            handler.setLevel(java.util.logging.Level.INFO);
            APP_LOG.addHandler(handler);
            APP_LOG.setLevel(java.util.logging.Level.INFO);
        } catch (java.io.IOException | RuntimeException e) {
            spec.commandLine().getErr().println("genrelens: cannot write the log " + log + ": " + e.getMessage());
        }
    }

    /** Windows and macOS always have a desktop; elsewhere X11 or Wayland must be there (or headless Monocle). */
    static boolean displayAvailable(String osName, java.util.Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            return true;
        }
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY")) || "Monocle".equals(glassPlatform);
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
