package org.genrelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import org.genrelens.testing.TestAudio;
import org.genrelens.ui.train.GenreChoice;
import org.genrelens.workspace.InstalledModels;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A short training run from the Train tab: live curve, Cancel keeps the best epoch, "use this model" switches. */
class TrainTabTest extends DesktopTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    @Test
    void aTrainingRunShowsItsCurveCancelsToTheBestEpochAndCanBeUsed(FxRobot robot) throws Exception {
        String bundledSha = workspace.classifier().card().sha256();

        openTrainTab(robot);
        // this test's model is not a network this project trained: the tab says so and trains from scratch
        assertEquals(org.genrelens.ui.train.TrainViewModel.Start.SCRATCH, app.train().startProperty().get());
        assertTrue(app.train().resultProperty().get().contains("cannot be fine-tuned"),
                app.train().resultProperty().get());
        loadToneDataset(robot);
        javafx.scene.chart.NumberAxis lossAxis = (javafx.scene.chart.NumberAxis) robot.lookup("#loss-chart")
                .queryAs(javafx.scene.chart.LineChart.class).getYAxis();
        assertEquals(1.0, lossAxis.getUpperBound(), "no run yet: the loss axis does not read 0 to 125");
        // from random weights the loss keeps improving, so the run is still going when Cancel is pressed; a start
        // from the regression is already near perfect on these tones and can stop early on its own first
        robot.interact(() -> smallRunWithoutFolds(200, 0));
        robot.clickOn("#train");
        waitFor(() -> !app.train().curve().isEmpty());
        // each epoch says how long it took (and the app's log has the same line): what a user times a laptop by
        String stageLine = robot.lookup("#train-stage").queryAs(Label.class).getText();
        assertTrue(stageLine.matches("final model: epoch \\d+ of 200 took \\d+:\\d\\d, validation balanced accuracy "
                + "\\d\\.\\d{3}; at most \\d+:\\d\\d(:\\d\\d)? left"), stageLine);
        waitFor(() -> lossAxis.isAutoRanging());
        robot.clickOn("#cancel-training");
        waitFor(() -> app.train().trainedModelProperty().get() != null);

        String result = robot.lookup("#train-result").queryAs(Label.class).getText();
        assertTrue(result.startsWith("Stopped early"), result);
        String kept = robot.lookup("#spectra-kept").queryAs(Label.class).getText();
        assertTrue(kept.matches("Spectra are kept in .*cache.spectra \\(\\d+\\.\\d MB in \\d+ files\\) .*"),
                "the app says where its spectrum cache grows: " + kept);
        Button deleteSpectra = robot.lookup("#delete-spectra").queryButton();
        robot.interact(() -> scrolledTo(deleteSpectra));
        robot.clickOn(deleteSpectra);
        waitFor(() -> robot.lookup("#spectra-kept").queryAs(Label.class).getText().startsWith("Deleted the kept spectra"));
        try (var left = Files.list(workspace.paths().spectrumCache())) {
            assertEquals(0, left.filter(f -> f.toString().endsWith(".spectrum")).count(), "the spectra are gone");
        }
        assertTrue(!deleteSpectra.isVisible(), "nothing left to delete");
        assertTrue(app.train().curve().size() < 200);
        robot.clickOn("#use-model");
        // not cross-validated: the tab says it cannot compare the two and asks first
        waitFor(() -> !app.train().installQuestionProperty().get().isEmpty());
        assertTrue(app.train().installQuestionProperty().get().contains("was not cross-validated"),
                app.train().installQuestionProperty().get());
        robot.clickOn("Yes");
        waitFor(() -> app.train().models().size() == 2 && !app.main().runner().activity().isRunning());
        assertNotEquals(bundledSha, workspace.classifier().card().sha256());
        assertEquals(List.of("high", "low"), workspace.classifier().labels());

        // the list opens on the model in use; switching back to the bundled one is a choice and a click
        ChoiceBox<InstalledModels.InstalledModel> installed = robot.lookup("#installed-models").queryAs(ChoiceBox.class);
        waitFor(() -> installed.getValue() != null && !installed.getValue().bundled());
        assertTrue(robot.lookup("#switch-model").queryButton().isDisabled(), "the model in use is already in use");
        robot.interact(() -> installed.setValue(installed.getItems().stream().filter(InstalledModels.InstalledModel::bundled)
                .findFirst().orElseThrow()));
        Button switchModel = robot.lookup("#switch-model").queryButton();
        robot.interact(() -> scrolledTo(switchModel));
        robot.clickOn(switchModel);
        waitFor(() -> bundledSha.equals(workspace.classifier().card().sha256())
                && !app.main().runner().activity().isRunning());
        assertTrue(robot.lookup("#model-in-use").queryAs(Label.class).getText().startsWith("In use: bundled: "),
                robot.lookup("#model-in-use").queryAs(Label.class).getText());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void fineTuningOnTheClipsTheActiveModelLearnedQuotesNoScoreAndAsksBeforeInstalling(FxRobot robot)
            throws Exception {
        openTrainTab(robot);
        loadToneDataset(robot, 6); // 2 folds leave 3 clips a genre to train on, one of them for early stopping
        robot.interact(() -> smallRunWithoutFolds(1, 16));
        robot.clickOn("#train");
        waitFor(() -> app.train().trainedModelProperty().get() != null && !app.train().runningProperty().get());
        robot.clickOn("#use-model");
        waitFor(() -> !app.train().installQuestionProperty().get().isEmpty());
        robot.clickOn("Yes");
        waitFor(() -> app.train().models().size() == 2 && !app.main().runner().activity().isRunning());

        // the model in use learned these 12 clips; the user fine-tunes it on them again
        robot.interact(() -> {
            app.train().startProperty().set(org.genrelens.ui.train.TrainViewModel.Start.FINE_TUNE);
            app.train().foldsProperty().set(2);
            app.train().form().epochsProperty().set(1);
        });
        robot.clickOn("#train");
        waitFor(() -> app.train().runningProperty().get());
        waitFor(() -> !app.train().runningProperty().get() && app.train().trainedModelProperty().get() != null);

        String result = app.train().resultProperty().get();
        assertTrue(result.contains("12 of these clips were learned by the model it started from, so these numbers "
                + "flatter it"), result);
        String comparison = app.train().comparisonProperty().get();
        assertTrue(comparison.startsWith("The trained model has no score: the model it was fine-tuned from had "
                + "learned from all 12 clips"), comparison);
        Button use = robot.lookup("#use-model").queryButton();
        robot.interact(() -> scrolledTo(use));
        robot.clickOn(use);
        waitFor(() -> !app.train().installQuestionProperty().get().isEmpty());
        assertTrue(app.train().installQuestionProperty().get().endsWith("Install it anyway?"),
                app.train().installQuestionProperty().get());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void tuneChoosesTheSpectrogramFirstAndPutsEveryWinningSettingIntoTheForm(FxRobot robot) throws Exception {
        openTrainTab(robot);
        loadToneDataset(robot);
        robot.interact(() -> {
            app.train().notMusicProperty().set(false);
            app.train().tuneMinutesProperty().set(1);
        });

        robot.clickOn("#tune");
        waitFor(() -> app.train().runningProperty().get());
        waitFor(() -> !app.train().runningProperty().get());

        var outcome = app.train().lastTuningProperty().get();
        assertNotNull(outcome, app.train().resultProperty().get());
        var chosen = outcome.chosen().orElseThrow();
        var shown = app.train().form().config();
        assertEquals(chosen.featureSpec(), shown.featureSpec(), "the winning spectrogram is in the form");
        assertEquals(chosen.network().withClasses(shown.network().classes()), shown.network(),
                "every network setting: trunk, kernel, residual, pooling, dense, dropout, statistics");
        assertEquals(chosen.settings(), shown.settings(), "rate, weight decay, augmentation and the rest");
        assertEquals(chosen.tuning(), shown.tuning(), "the tuning record goes along, so training reports without "
                + "the tuning clips");
        assertTrue(outcome.result().trials().stream().anyMatch(t -> t.epochs() == 0),
                "spectrograms were scored at their regression start first");
        assertTrue(robot.lookup("#train-result").queryAs(Label.class).getText().contains("Every setting is now in "
                + "the form"), robot.lookup("#train-result").queryAs(Label.class).getText());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    /** A run on the tones alone, without folds, on small tiles that keep each step short on a 2-core CI machine. */
    private void smallRunWithoutFolds(int epochs, int statisticsCoefficients) {
        app.train().notMusicProperty().set(false);
        app.train().foldsProperty().set(0);
        app.train().form().epochsProperty().set(epochs);
        app.train().form().bandsProperty().set(32);
        app.train().form().hopLengthProperty().set(2048);
        app.train().form().statisticsProperty().set(statisticsCoefficients);
    }

    /** Scrolls the Train tab's right side down to the node, as a user would to reach it. */
    private static void scrolledTo(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrollPane scroll) {
                scroll.setVvalue(scroll.getVmax());
                return;
            }
        }
    }

    /** A library added (so the app is past its welcome screen) and the Train tab open, settled on its start. */
    private void openTrainTab(FxRobot robot) {
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        waitFor(() -> !app.main().runner().activity().isRunning());
        robot.clickOn("#train-tab");
        waitFor(() -> app.train().startProperty().get() == org.genrelens.ui.train.TrainViewModel.Start.SCRATCH);
    }

    /** A two-genre tone set, loaded as the training dataset. */
    private void loadToneDataset(FxRobot robot) throws Exception {
        loadToneDataset(robot, 4);
    }

    private void loadToneDataset(FxRobot robot, int perGenre) throws Exception {
        // inside the test's app folder, which is deleted after the test
        Path dataset = toneDataset(Files.createDirectories(workspace.paths().database().resolveSibling("tones")),
                perGenre);
        robot.clickOn("#dataset-folder").write(dataset.toString());
        robot.clickOn("#load-dataset");
        ListView<GenreChoice> genres = robot.lookup("#train-genres").queryListView();
        waitFor(() -> genres.getItems().size() == 2);
    }

    private static Path toneDataset(Path root, int perGenre) throws Exception {
        for (int i = 0; i < perGenre; i++) {
            Path low = Files.createDirectories(root.resolve("low"));
            Path high = Files.createDirectories(root.resolve("high"));
            TestAudio.writeWav(TestAudio.sine(110 + 20 * i, 6, 22_050, 0.5), 22_050, low.resolve("low" + i + ".wav"));
            TestAudio.writeWav(TestAudio.sine(5_000 + 300 * i, 6, 22_050, 0.5), 22_050,
                    high.resolve("high" + i + ".wav"));
        }
        return root;
    }
}
