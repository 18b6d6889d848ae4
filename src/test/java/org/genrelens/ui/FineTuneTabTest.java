package org.genrelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Stage;
import org.genrelens.training.FineTuneStart;
import org.genrelens.training.TrainingConfig;
import org.genrelens.ui.train.TrainViewModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * With the real bundled network active, the Train tab starts from "Fine-tune the active model" and its form holds
 * exactly the recipe `genrelens train --from models/genre-cnn.onnx` would train: the card's spectrogram, network and
 * training settings.
 */
class FineTuneTabTest extends DesktopTestBase {

    private static final Path BUNDLED = Path.of("models", "genre-cnn.onnx");

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage, Optional.of(BUNDLED.toAbsolutePath()));
    }

    @Test
    void theTabFineTunesTheActiveModelByDefaultWithTheSameRecipeAsTheCommandLine(FxRobot robot) throws Exception {
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        waitFor(() -> !app.main().runner().activity().isRunning());
        robot.clickOn("#train-tab");
        TrainingConfig commandLine = FineTuneStart.read(BUNDLED).config(TrainingConfig.defaults());
        // the card is read off the FX thread, then the form is filled
        waitFor(() -> app.train().form().config().featureSpec().equals(commandLine.featureSpec()));

        assertEquals(TrainViewModel.Start.FINE_TUNE, app.train().startProperty().get(), app.train().resultProperty()
                .get());
        TrainingConfig form = app.train().form().config();
        assertEquals(commandLine.featureSpec(), form.featureSpec(), "the card's spectrogram");
        assertEquals(commandLine.network().withClasses(2), form.network().withClasses(2), "the card's network");
        assertEquals(commandLine.settings(), form.settings(), "the card's learning rate, weight decay and the rest");
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
