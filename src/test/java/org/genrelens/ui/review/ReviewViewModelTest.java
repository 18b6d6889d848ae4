package org.genrelens.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.TestLibrary;
import org.genrelens.ui.common.ActivityViewModel;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.workspace.Workspace;
import org.genrelens.workspace.review.ReviewItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Review tab's state and decisions on a real library, without the FX toolkit. */
class ReviewViewModelTest {

    @Test
    void anEmptyQueueSaysWhyAndAnUntaggedSongHasNoTagToKeep(@TempDir Path dir) throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        try (Workspace workspace = Workspace.open(music.paths())) {
            List<String> errors = new ArrayList<>();
            int[] reloads = {0};
            ReviewViewModel model = new ReviewViewModel(workspace, BackgroundRunner.sameThread(
                    new ActivityViewModel()), (title, error) -> errors.add(title + ": " + error), () -> reloads[0]++);

            model.refresh();
            assertEquals(ReviewViewModel.NO_ANALYSIS, model.stateProperty().get());

            workspace.scanAndAnalyze(List.of(music.music()), ProgressListener.NONE, Cancellation.none());
            model.refresh();
            assertEquals(ReviewViewModel.NOTHING_TO_REVIEW, model.stateProperty().get(),
                    "two untagged songs predicted surely");

            // from a threshold of 1, every untagged prediction counts as unsure
            workspace.saveSettings(workspace.settings().withTagging("empty", 1f));
            model.refresh();
            assertEquals(2, model.items().size());
            ReviewItem first = model.selectedProperty().get();
            assertEquals(model.items().get(0), first, "the first song is selected");
            assertTrue(model.items().stream().allMatch(item -> item.kind() == ReviewItem.Kind.UNSURE));

            model.keepTag();
            model.correct();
            assertEquals(2, model.items().size(), "no tag to keep, no genre typed: nothing decided");
            assertEquals("Choose or type the genre first.", model.messageProperty().get());

            model.skip();
            assertEquals(1, model.items().size());
            assertEquals(model.items().get(0), model.selectedProperty().get(), "the next song is selected");
            assertEquals(1, reloads[0], "the library is told after a stored decision");
            assertTrue(workspace.library().reviewSkips().fingerprints().contains(first.track().fingerprint()));
            model.refresh();
            assertEquals(1, model.items().size(), "a skipped song stays out of the queue");
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }
}
