package org.genrelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.genrelens.tags.GenreMap;
import org.genrelens.tags.GenreMapFile;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Genres tab edits the genre map on disk, and the library groups by the spellings it sets. */
class GenresTabTest extends DesktopTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    @Test
    void aGenreAddedAndRespeltInTheTabIsSavedAndNamesItsLibraryGroup(FxRobot robot) throws Exception {
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        waitFor(() -> !app.main().runner().activity().isRunning());
        List<String> labels = workspace.classifier().labels();

        boolean grouped = app.main().library().groups().stream().anyMatch(g -> g.name().equals(labels.get(0)));
        robot.clickOn("#genres-tab");
        ListView<GenreMap.Genre> list = robot.lookup("#genre-map-list").queryListView();
        robot.clickOn("#genre-text").write(labels.get(0));
        robot.clickOn("#genre-add");
        waitFor(() -> app.genres().selectedProperty().get() != null);
        robot.clickOn("#genre-text").write("Deep Drones");
        robot.clickOn("#genre-display");

        assertEquals(labels.get(0) + " is written 'Deep Drones'.",
                robot.lookup("#genre-message").queryAs(Label.class).getText());
        assertEquals("Deep Drones", GenreMapFile.read(workspace.paths().genreMap()).display(labels.get(0)));
        assertTrue(list.getItems().stream().anyMatch(genre -> genre.display().equals("Deep Drones")));
        if (grouped) {
            waitFor(() -> app.main().library().groups().stream().anyMatch(g -> g.name().equals("Deep Drones")));
        }
        assertTrue(app.main().library().groups().stream().noneMatch(g -> g.name().equals(labels.get(0))));

        robot.clickOn("#genre-text").write("hip hop");
        robot.clickOn("#genre-alias");
        assertTrue(robot.lookup("#genre-message").queryAs(Label.class).getText().contains("already means hiphop"));

        robot.clickOn("#genre-write-parents");
        assertTrue(workspace.settings().writeParentGenres());
    }
}
