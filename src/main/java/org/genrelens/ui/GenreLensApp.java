package org.genrelens.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.genrelens.ui.common.ActivityViewModel;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.ui.common.ErrorDialogs;
import org.genrelens.ui.common.ErrorReporter;
import org.genrelens.ui.detail.SoundCardOutput;
import org.genrelens.ui.shell.MainWindow;
import org.genrelens.workspace.Workspace;

/** The desktop application. Start it through {@link #launch(Workspace, String)}. */
public final class GenreLensApp extends Application {

    private static final Logger LOG = Logger.getLogger(GenreLensApp.class.getName());
    private static volatile Workspace opened;
    private static volatile String version = "";

    private Workspace workspace;

    /**
     * Opens the window on an already opened workspace and blocks until it is closed; the caller opens the library
     * (and runs any migration) before the toolkit starts, so none of that happens on the FX thread.
     */
    public static void launch(Workspace workspace, String appVersion) {
        opened = Objects.requireNonNull(workspace, "workspace");
        version = appVersion == null ? "" : appVersion;
        Application.launch(GenreLensApp.class);
    }

    @Override
    public void start(Stage stage) {
        workspace = opened;
        ErrorDialogs dialogs = new ErrorDialogs(stage);
        ErrorReporter errors = dialogs::show;
        BackgroundRunner runner = BackgroundRunner.forApplication(new ActivityViewModel());
        DesktopComposition composition = new DesktopComposition(workspace, runner, errors, SoundCardOutput::new);
        MainWindow window = composition.window();
        Scene scene = new Scene(window, 1280, 800);
        Themes.apply(scene, composition.main().darkThemeProperty().get());
        composition.main().darkThemeProperty().addListener((o, before, dark) -> Themes.apply(scene, dark));
        window.installShortcuts(scene);
        stage.setTitle("GenreLens " + version);
        var icon = GenreLensApp.class.getResource("genrelens-icon.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
        }
        stage.setScene(scene);
        stage.show();
        composition.main().start();
    }

    @Override
    public void stop() {
        if (workspace != null) {
            try {
                workspace.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the library failed", e);
            }
        }
        Platform.exit();
    }

    /** Light and dark: AtlantaFX's Primer themes plus our few styles. */
    public static final class Themes {
        private Themes() {
        }

        public static void apply(Scene scene, boolean dark) {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            scene.getStylesheets().setAll(Objects.requireNonNull(GenreLensApp.class.getResource("genrelens.css"),
                    "genrelens.css is missing from the build").toExternalForm());
        }
    }
}
