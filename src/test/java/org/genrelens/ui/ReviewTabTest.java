package org.genrelens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.genrelens.library.ConfirmedGenreRepository;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.genrelens.workspace.review.ReviewItem;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Review tab on the real window: one key per decision, stored as corrections, and the queue moving on. */
class ReviewTabTest extends DesktopTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startApp(stage);
    }

    @Test
    void eachKeyDecidesTheSelectedSongStoresItAndMovesToTheNext(FxRobot robot) throws Exception {
        // the test model calls low tones "low" and high ones "high"; these files are tagged the other way round
        tagged(110, "a-low.flac", "high");
        tagged(6_000, "b-high.flac", "Low");
        tagged(150, "c-low.flac", "HIGH");
        tagged(5_000, "d-high.flac", "low");
        robot.interact(() -> app.main().addFolders(List.of(music.music())));
        TableView<ReviewItem> queue = robot.lookup("#review-queue").queryTableView();
        waitFor(() -> !app.main().runner().activity().isRunning() && queue.getItems().size() == 4);
        assertTrue(queue.getItems().stream().allMatch(item -> item.kind() == ReviewItem.Kind.DISAGREES),
                "only the mislabelled songs; the untagged ones are predicted surely: " + queue.getItems());

        robot.push(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN));
        TabPane tabs = app.window().tabs();
        assertEquals("review-tab", tabs.getSelectionModel().getSelectedItem().getId(), "Ctrl+5 opens the tab");
        robot.interact(queue::requestFocus);
        List<ReviewItem> order = List.copyOf(queue.getItems());
        assertEquals(order.get(0), app.review().selectedProperty().get(), "the most instructive song comes first");

        robot.type(KeyCode.A);
        waitFor(() -> corrections().containsKey(name(order.get(0))));
        assertEquals(order.get(0).predicted(), corrections().get(name(order.get(0))), "A confirms the prediction");
        assertEquals(order.get(1), app.review().selectedProperty().get(), "the queue moves to the next song");

        robot.type(KeyCode.K);
        waitFor(() -> corrections().containsKey(name(order.get(1))));
        assertEquals(order.get(1).tag(), corrections().get(name(order.get(1))), "K keeps the tag");

        robot.type(KeyCode.C);
        robot.write("Hip Hop");
        robot.type(KeyCode.ENTER);
        waitFor(() -> corrections().containsKey(name(order.get(2))));
        assertEquals("Hip-Hop", corrections().get(name(order.get(2))), "C corrects, through the genre map");

        robot.type(KeyCode.S);
        waitFor(() -> workspace.library().reviewSkips().fingerprints().contains(order.get(3).track().fingerprint()));
        waitFor(() -> queue.getItems().isEmpty());
        assertEquals(3, corrections().size(), "a skip stores no genre: " + corrections());
        Label empty = robot.lookup("#review-empty").queryAs(Label.class);
        assertTrue(empty.isVisible() && empty.getText().startsWith("Nothing to review"), empty.getText());
        assertFalse(robot.lookup("#review-state").queryAs(Label.class).isVisible(), "said once, in the table");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    private void tagged(double hz, String name, String genre) throws Exception {
        Path wav = TestAudio.writeWav(TestAudio.sine(hz, 8, 22_050, 0.5), 22_050,
                music.music().resolveSibling("scratch").resolve(name + ".wav"));
        FfmpegEncoder.run(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel", "error", "-y", "-i",
                wav.toString(), "-metadata", "genre=" + genre, "-c:a", "flac", music.music().resolve(name).toString()));
    }

    private Map<String, String> corrections() {
        return workspace.library().confirmedGenres().all().stream().collect(Collectors.toMap(
                confirmed -> confirmed.path().getFileName().toString(), ConfirmedGenreRepository.Confirmed::genre));
    }

    private static String name(ReviewItem item) {
        return item.track().path().getFileName().toString();
    }
}
