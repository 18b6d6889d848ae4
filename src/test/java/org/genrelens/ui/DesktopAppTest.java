package org.genrelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.genrelens.tags.TagReader;
import org.genrelens.ui.library.GenreGroup;
import org.genrelens.ui.library.TrackRow;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The real window, headless (Monocle): first run on generated audio, grouping by genre, the song detail with its
 * spectrogram and playback, review + write + undo of tags.
 */
class DesktopAppTest extends DesktopTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    @Test
    void aNewUserAddsAFolderBrowsesByGenreOpensASongAndTagsAndUndoes(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#first-run").query().isVisible());

        // what dropping the folder on the welcome screen does
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        ListView<GenreGroup> genres = robot.lookup("#genre-list").queryListView();
        waitFor(() -> genres.getItems().stream().map(GenreGroup::toString).toList()
                .containsAll(List.of("high (1)", "low (1)", "failed (1)")));
        assertTrue(errors.isEmpty(), errors.toString());

        robot.clickOn("low (1)");
        TableView<TrackRow> tracks = robot.lookup("#tracks").queryTableView();
        waitFor(() -> tracks.getItems().size() == 1);
        robot.clickOn("low.mp3");
        waitFor(() -> app.detail().spectrogramProperty().get() != null);
        assertEquals("low", app.detail().bars().get(0).genre());
        assertTrue(robot.lookup("#tag-comparison").queryAs(Label.class).getText().contains("predicted low"));
        robot.clickOn("#play");
        waitFor(() -> !app.detail().playingProperty().get() && app.detail().positionSecondsProperty().get() > 7);

        robot.clickOn("#tagging-tab");
        robot.clickOn("#review-tags");
        TableView<?> planned = robot.lookup("#planned-changes").queryTableView();
        waitFor(() -> planned.getItems().size() == 2);
        robot.clickOn("#write-tags");
        TagReader reader = new TagReader();
        waitFor(() -> reader.read(music.low()).genres().equals(List.of("low")));
        assertEquals(List.of("high"), reader.read(music.high()).genres());
        TableView<?> history = robot.lookup("#history").queryTableView();
        waitFor(() -> history.getItems().size() == 1);

        robot.interact(() -> history.getSelectionModel().select(0));
        robot.clickOn("#undo-batch");
        waitFor(() -> reader.read(music.low()).genres().isEmpty());
        assertEquals(List.of(), reader.read(music.high()).genres());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aCorruptFileIsListedAsFailedWithItsReason(FxRobot robot) throws Exception {
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        ListView<GenreGroup> genres = robot.lookup("#genre-list").queryListView();
        waitFor(() -> genres.getItems().stream().anyMatch(g -> g.name().equals("failed")));

        robot.clickOn("failed (1)");
        robot.clickOn("broken.mp3");

        Node state = robot.lookup("#detail-state").query();
        waitFor(() -> ((Label) state).getText().startsWith("This file could not be analysed"));
        Label comparison = robot.lookup("#tag-comparison").queryAs(Label.class);
        assertTrue(comparison.getText().endsWith("could not be analysed"), comparison.getText());
        TableView<TrackRow> table = robot.lookup("#tracks").queryTableView();
        TableColumn<TrackRow, ?> status = table.getColumns().stream()
                .filter(c -> c.getText().equals("Status")).findFirst().orElseThrow();
        assertTrue(status.getWidth() > 0 && table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum()
                <= table.getWidth(), "every column, the status too, fits the table without scrolling");
    }

    @Test
    void aCorrectedSongStaysSelectedWithItsCorrectionInTheDetail(FxRobot robot) throws Exception {
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        waitFor(() -> !app.main().runner().activity().isRunning());
        TableView<TrackRow> tracks = robot.lookup("#tracks").queryTableView();
        waitFor(() -> tracks.getItems().stream().anyMatch(r -> r.path().equals(music.low())));
        robot.clickOn("low.mp3");
        waitFor(() -> app.detail().spectrogramProperty().get() != null);

        robot.clickOn("#correction").write("blues");
        robot.clickOn("#set-genre");

        waitFor(() -> tracks.getItems().stream().anyMatch(r -> r.correctedGenre().equals("blues")));
        waitFor(() -> tracks.getSelectionModel().getSelectedItem() != null
                && tracks.getSelectionModel().getSelectedItem().correctedGenre().equals("blues"));
        Label comparison = robot.lookup("#tag-comparison").queryAs(Label.class);
        waitFor(() -> comparison.getText().contains("your choice: blues"));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aNewUserCanGoToTheTrainTabBeforeChoosingAnyMusic(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#first-run").query().isVisible());
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        assertTrue(!tabs.isVisible(), "the welcome screen covers the tabs");

        robot.clickOn("#train-first");
        waitFor(() -> tabs.isVisible() && tabs.getSelectionModel().getSelectedItem().getId().equals("train-tab"));
        assertTrue(!robot.lookup("#first-run").query().isVisible());
        // reloading the still-empty library (as installing a trained model does) does not bring the welcome back
        var reloads = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> {
            app.main().onLibraryChanged(reloads::incrementAndGet);
            app.main().reloadLibrary();
        });
        waitFor(() -> reloads.get() > 0);
        assertTrue(tabs.isVisible() && !robot.lookup("#first-run").query().isVisible());
        assertTrue(workspace.settings().musicFolders().isEmpty());
    }

    @Test
    void aRunningTasksMessageIsReadableBesideTheModelsLongScoreLine(FxRobot robot) throws Exception {
        waitFor(() -> !app.main().modelTextProperty().get().endsWith("loading..."));
        // the bundled model's line, as long as the status bar shows it (the test model has no score to quote)
        robot.interact(() -> app.main().modelTextProperty().set("Model: genre-cnn, balanced accuracy 0.881 "
                + "(5-fold-by-clip-without-43-tuning-clips, 154 clips, track level)"));
        var release = new java.util.concurrent.CountDownLatch(1);
        String message = "Computing spectra: 512 of 1048 clips";
        robot.interact(() -> app.main().runner().run("Training", (progress, cancellation) -> {
            progress.onProgress(512, 1048, message);
            release.await();
            return null;
        }, done -> { }, error -> { }));
        Label task = robot.lookup("#status-task").queryAs(Label.class);
        Label model = robot.lookup("#status-model").queryAs(Label.class);
        try {
            waitFor(() -> task.getText().contains(message) && model.getText().contains("balanced accuracy"));
            robot.interact(() -> { });
            assertTrue(task.getWidth() >= task.prefWidth(-1) - 0.5,
                    "the task's message is cut: " + task.getWidth() + " of " + task.prefWidth(-1) + " px");
            assertTrue(model.getWidth() >= 150, "the model's line keeps a readable start: " + model.getWidth());
            assertTrue(model.getTooltip().getText().equals(model.getText()), "the whole model line is in its tooltip");
        } finally {
            release.countDown();
        }
        waitFor(() -> !app.main().runner().activity().isRunning());
        robot.interact(() -> { });
        assertTrue(model.getWidth() >= model.prefWidth(-1) - 0.5,
                "idle, the model's line is whole: " + model.getWidth() + " of " + model.prefWidth(-1) + " px");
    }

    @Test
    void shortcutsSwitchTabsAndFocusTheSearchAndTheThemeChoiceIsRemembered(FxRobot robot) throws Exception {
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        waitFor(() -> !app.main().runner().activity().isRunning());
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);

        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT3)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitFor(() -> tabs.getSelectionModel().getSelectedIndex() == 2);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitFor(() -> tabs.getSelectionModel().getSelectedIndex() == 0
                && robot.lookup("#search").query().isFocused());
        robot.write("high");
        TableView<TrackRow> tracks = robot.lookup("#tracks").queryTableView();
        waitFor(() -> tracks.getItems().size() == 1);

        robot.clickOn("#dark-theme");
        waitFor(() -> workspace.settings().darkTheme());
        assertTrue(new org.genrelens.workspace.SettingsStore(music.paths().settings()).load().darkTheme());
        assertEquals(List.of(music.music().toAbsolutePath().normalize().toString()),
                workspace.settings().musicFolders());
    }

    @Test
    void anErrorIsShownAsAReadableDialogWithTheDetailsFoldedAway(FxRobot robot) {
        robot.interact(() -> new org.genrelens.ui.common.ErrorDialogs(robot.window(0)).show("Could not read the library",
                new java.util.concurrent.ExecutionException(new java.io.IOException("/music/a.flac: disk unplugged"))));

        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane")
                .queryAs(javafx.scene.control.DialogPane.class);
        assertEquals("Could not read the library", dialog.getHeaderText());
        assertEquals("/music/a.flac: disk unplugged", dialog.getContentText());
        assertTrue(dialog.getExpandableContent() != null && !dialog.isExpanded());
        robot.clickOn("OK");
    }
}
