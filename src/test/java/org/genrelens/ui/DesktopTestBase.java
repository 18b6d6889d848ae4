package org.genrelens.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.genrelens.testing.TestLibrary;
import org.genrelens.ui.common.ActivityViewModel;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real main window on a fresh data folder with a generated music folder and a test model. */
@ExtendWith(ApplicationExtension.class)
abstract class DesktopTestBase {

    TestLibrary music;
    Workspace workspace;
    private Path appDirectory;
    DesktopComposition app;
    final List<String> errors = new CopyOnWriteArrayList<>();

    /** Subclasses call this from their own {@code @Start} method (TestFX looks only at the test class). */
    void startApp(Stage stage) throws Exception {
        startApp(stage, java.util.Optional.empty());
    }

    /** As {@link #startApp(Stage)}, with this model as the bundled one instead of the test model. */
    void startApp(Stage stage, java.util.Optional<Path> bundledModel) throws Exception {
        Path dir = Files.createTempDirectory("genrelens-app-test");
        appDirectory = dir;
        music = TestLibrary.create(dir, bundledModel);
        workspace = Workspace.open(music.paths());
        BackgroundRunner runner = BackgroundRunner.forApplication(new ActivityViewModel());
        app = new DesktopComposition(workspace, runner, (title, error) -> errors.add(title + ": " + error),
                ClockOutput::new);
        Scene scene = new Scene(app.window(), 1280, 800);
        GenreLensApp.Themes.apply(scene, false);
        app.window().installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        app.main().start();
    }

    @AfterEach
    void closeWorkspace() {
        workspace.close();
        deleteQuietly(appDirectory); // each test's library, models and spectra: hundreds of MB over a build
    }

    /** Best effort: a background task of the closed app may still be writing. */
    static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (java.util.stream.Stream<Path> entries = Files.walk(directory)) {
            entries.sorted(java.util.Comparator.reverseOrder()).forEach(entry -> entry.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // left for the system's temporary-file cleaning
        }
    }

    /** Waits for the condition; on timeout says what the app was doing and which errors it showed. */
    void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; status bar: '" + app.main().runner().activity().messageProperty()
                    .get() + "'; errors shown: " + errors, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

}
