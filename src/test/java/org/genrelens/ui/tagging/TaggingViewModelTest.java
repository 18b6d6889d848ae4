package org.genrelens.ui.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrelens.tags.TagPolicy;
import org.genrelens.tags.TagReader;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.TestLibrary;
import org.genrelens.ui.common.ActivityViewModel;
import org.genrelens.ui.common.BackgroundRunner;
import org.genrelens.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review, write, undo through the view model on a real library, without the FX toolkit. */
class TaggingViewModelTest {

    @Test
    void reviewWritesNothingApplyWritesTheReviewedPlanAndUndoRestoresIt(@TempDir Path dir) throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        try (Workspace workspace = Workspace.open(music.paths())) {
            workspace.scanAndAnalyze(List.of(music.music()), ProgressListener.NONE, Cancellation.none());
            List<String> errors = new ArrayList<>();
            TaggingViewModel model = new TaggingViewModel(workspace,
                    BackgroundRunner.sameThread(new ActivityViewModel()), (t, e) -> errors.add(t), List::of, () -> { });
            TagReader reader = new TagReader();

            model.review();
            assertEquals(2, model.changes().size());
            assertEquals(List.of(), reader.read(music.low()).genres(), "a review writes nothing");
            model.apply();
            assertEquals(List.of("low"), reader.read(music.low()).genres());
            assertFalse(model.canApplyProperty().get(), "a plan is written once");
            model.undo(model.history().get(0));

            assertEquals(List.of(), reader.read(music.low()).genres());
            assertEquals(List.of(), reader.read(music.high()).genres());
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    @Test
    void changingThePolicyAfterAReviewAsksForANewReviewAndTheChoiceIsRemembered(@TempDir Path dir)
            throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        try (Workspace workspace = Workspace.open(music.paths())) {
            workspace.scanAndAnalyze(List.of(music.music()), ProgressListener.NONE, Cancellation.none());
            TaggingViewModel model = new TaggingViewModel(workspace,
                    BackgroundRunner.sameThread(new ActivityViewModel()), (t, e) -> { }, List::of, () -> { });

            model.review();
            model.policyProperty().set(TagPolicy.Mode.OVERWRITE);

            assertFalse(model.canApplyProperty().get());
            assertTrue(model.changes().isEmpty());
            model.review();
            assertEquals("overwrite", workspace.settings().tagPolicy());
        }
    }

    @Test
    void onlySelectedWithNothingSelectedSaysSoInsteadOfTaggingEverything(@TempDir Path dir) throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        try (Workspace workspace = Workspace.open(music.paths())) {
            TaggingViewModel model = new TaggingViewModel(workspace,
                    BackgroundRunner.sameThread(new ActivityViewModel()), (t, e) -> { }, List::of, () -> { });
            model.onlySelectedProperty().set(true);

            model.review();

            assertEquals("No songs are selected in the library.", model.summaryProperty().get());
            assertTrue(model.changes().isEmpty());
        }
    }
}
