package org.genrelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.genrelens.ui.train.GenreChoice;
import org.genrelens.ui.train.TrainViewModel;
import org.genrelens.workspace.LibraryEntry;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Train tab's library source: the user's genres, the fewest tracks a genre needs, and what is left out. */
class TrainFromLibraryTabTest extends DesktopTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    @Test
    void theLibrarySourceLearnsCorrectedGenresAndNamesThoseWithTooFewTracks(FxRobot robot) throws Exception {
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        waitFor(() -> !app.main().runner().activity().isRunning());
        List<LibraryEntry> present = workspace.entries().stream().filter(LibraryEntry::present)
                .filter(entry -> !entry.failed()).toList();
        assertEquals(2, present.size(), "the test library's two readable songs");
        workspace.correctGenre(present.get(0).track().id(), "Hip Hop");
        workspace.correctGenre(present.get(1).track().id(), "Drone");

        robot.clickOn("#train-tab");
        robot.interact(() -> app.train().sourceProperty().set(TrainViewModel.Source.LIBRARY));
        Spinner<Integer> minTracks = robot.lookup("#min-tracks").query();
        robot.interact(() -> minTracks.getValueFactory().setValue(2));
        robot.clickOn("#load-dataset");
        waitFor(() -> app.train().resultProperty().get().startsWith("Your library"));

        assertTrue(app.train().resultProperty().get().contains("0 tracks in 0 genres with at least 2 tracks each; "
                + "not used, too few tracks: drone (1), hiphop (1)"), app.train().resultProperty().get());

        robot.interact(() -> minTracks.getValueFactory().setValue(1));
        robot.clickOn("#load-dataset");
        ListView<GenreChoice> genres = robot.lookup("#train-genres").queryListView();
        waitFor(() -> genres.getItems().size() == 2);
        assertTrue(app.train().resultProperty().get().contains("2 tracks in 2 genres with at least 1 tracks each"),
                app.train().resultProperty().get());
        assertEquals(List.of("drone", "hiphop"), genres.getItems().stream().map(GenreChoice::genre).toList(),
                "corrections under the genre map's names");
    }

    /** Issue 12 item 4 in the app: a new head on the stored embeddings of the model in use, nothing decoded. */
    @Test
    void aNewHeadLearnsTheLibrarysGenresFromTheStoredEmbeddings(FxRobot robot) throws Exception {
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        waitFor(() -> !app.main().runner().activity().isRunning());
        List<LibraryEntry> analysed = workspace.entries().stream().filter(LibraryEntry::analysed).toList();
        assertEquals(2, analysed.size(), "the test library's two readable songs, analysed");
        workspace.correctGenre(analysed.get(0).track().id(), "Hip Hop");
        workspace.correctGenre(analysed.get(1).track().id(), "Drone");

        robot.clickOn("#train-tab");
        // the bundled model averages a regression in, so it cannot be fine-tuned: for a folder the tab trains from
        // scratch, for the library it offers the head instead
        waitFor(() -> app.train().startProperty().get() == TrainViewModel.Start.SCRATCH);
        robot.interact(() -> app.train().sourceProperty().set(TrainViewModel.Source.LIBRARY));
        assertEquals(TrainViewModel.Start.HEAD, app.train().startProperty().get());
        robot.interact(() -> app.train().foldsProperty().set(0)); // one artist per genre: nothing to split by
        Spinner<Integer> minTracks = robot.lookup("#min-tracks").query();
        robot.interact(() -> minTracks.getValueFactory().setValue(1));
        robot.clickOn("#load-dataset");
        ListView<GenreChoice> genres = robot.lookup("#train-genres").queryListView();
        waitFor(() -> genres.getItems().size() == 2);
        robot.clickOn("#train");
        waitFor(() -> app.train().resultProperty().get().contains("tracks with stored embeddings"));

        String result = app.train().resultProperty().get();
        assertTrue(result.contains("2 tracks with stored embeddings"), result);
        java.nio.file.Path head = app.train().trainedModelProperty().get();
        org.genrelens.inference.ModelCard card = org.genrelens.inference.ModelCard.read(
                org.genrelens.inference.ModelCard.cardPathFor(head));
        assertEquals(List.of("drone", "hiphop"), card.labels());
        assertEquals(workspace.models().active(workspace.settings()).orElseThrow().card().sha256(),
                card.provenance().get("baseModelSha256"), "the head sits on the model in use");
    }
}
