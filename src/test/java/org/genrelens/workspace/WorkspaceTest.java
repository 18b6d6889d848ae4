package org.genrelens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.genrelens.features.FeatureSpec;
import org.genrelens.model.TagChange;
import org.genrelens.tags.TagPolicy;
import org.genrelens.tags.TagReader;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.TestLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app's use cases on a real SQLite library, real files and a real ONNX session. */
class WorkspaceTest {

    @Test
    void scanAndAnalysePredictsEveryReadableTrackAndKeepsTheBrokenOneWithItsReason(@TempDir Path dir)
            throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        try (Workspace workspace = Workspace.open(music.paths())) {
            Workspace.LibraryUpdate update = workspace.scanAndAnalyze(List.of(music.music()), ProgressListener.NONE,
                    Cancellation.none());

            Map<String, LibraryEntry> byName = byFileName(workspace.entries());
            assertEquals(2, update.analysis().analysed());
            assertEquals("low", byName.get("low.mp3").analysis().topGenre());
            assertEquals("high", byName.get("high.flac").analysis().topGenre());
            assertTrue(byName.get("broken.mp3").failed());
            assertFalse(byName.get("broken.mp3").failureReason().isBlank());
        }
    }

    @Test
    void theSongViewKeepsTheFirstTwentyMinutesOfALongTrackAndKnowsItsWholeLength(@TempDir Path dir)
            throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        // 21 minutes at 8 kHz: small on disk, over the limit once decoded at the model's 22.05 kHz
        Path mix = org.genrelens.testing.TestAudio.writeWav(org.genrelens.testing.TestAudio.sine(220, 21 * 60, 8_000,
                0.3), 8_000, dir.resolve("mix.wav"));
        try (Workspace workspace = Workspace.open(music.paths())) {
            Workspace.TrackAudio longTrack = workspace.loadAudio(mix, Cancellation.none());
            Workspace.TrackAudio shortTrack = workspace.loadAudio(music.low(), Cancellation.none());

            assertEquals(Workspace.SHOWN_SECONDS, longTrack.audio().durationSeconds(), 0.01);
            assertEquals(21 * 60, longTrack.trackSeconds(), 0.05);
            assertTrue(longTrack.cut());
            assertFalse(shortTrack.cut(), "a short track is shown whole");
            assertEquals(shortTrack.audio().durationSeconds(), shortTrack.trackSeconds(), 1e-9);
        }
    }

    @Test
    void aHandCorrectionReplacesTheEarlierOneAndWinsOverThePredictionWhenTagging(@TempDir Path dir) throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        try (Workspace workspace = Workspace.open(music.paths())) {
            workspace.scanAndAnalyze(List.of(music.music()), ProgressListener.NONE, Cancellation.none());
            long lowId = byFileName(workspace.entries()).get("low.mp3").track().id();

            workspace.correctGenre(lowId, "drone");
            workspace.correctGenre(lowId, "ambient");
            LibraryTagPlanner.PlannedTags planned = workspace.tagPlanner().plan(TagPolicy.defaults(), List.of(),
                    ProgressListener.NONE, Cancellation.none());

            assertEquals("ambient", byFileName(workspace.entries()).get("low.mp3").correctedGenre());
            Map<String, List<String>> after = planned.plan().changes().stream().collect(Collectors.toMap(
                    change -> change.file().getFileName().toString(), TagChange::after));
            // written in the genre map's display spelling; "high" is no genre of the map and is written as labelled
            assertEquals(Map.of("low.mp3", List.of("Ambient"), "high.flac", List.of("high")), after);
        }
    }

    @Test
    void writtenTagsAreUndoneExactlyFromTheLibraryJournal(@TempDir Path dir) throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        try (Workspace workspace = Workspace.open(music.paths())) {
            workspace.scanAndAnalyze(List.of(music.music()), ProgressListener.NONE, Cancellation.none());
            var planner = workspace.tagPlanner();
            var report = planner.apply(planner.plan(TagPolicy.defaults(), List.of(), ProgressListener.NONE,
                    Cancellation.none()), ProgressListener.NONE, Cancellation.none());
            TagReader reader = new TagReader();
            assertEquals(List.of("high"), reader.read(music.high()).genres());

            workspace.undo(report.batchId(), ProgressListener.NONE, Cancellation.none());

            assertEquals(List.of(), reader.read(music.high()).genres());
            assertEquals(List.of(), reader.read(music.low()).genres());
            assertEquals(2, workspace.tagBatches().size(), "the write and its undo are both journaled");
        }
    }

    @Test
    void switchingModelsIsRememberedAndTheOtherModelStaysInstalled(@TempDir Path dir) throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        try (Workspace workspace = Workspace.open(music.paths())) {
            var installed = workspace.models().install(music.paths().bundledModel().orElseThrow(), "mine");
            workspace.useModel(installed);
        }
        try (Workspace reopened = Workspace.open(music.paths())) {
            List<InstalledModels.InstalledModel> models = reopened.models().list();

            assertEquals(2, models.size(), "the bundled model and the installed copy");
            assertTrue(models.get(0).bundled());
            assertEquals(models.get(1).file(), reopened.models().active(reopened.settings()).orElseThrow().file());
            assertEquals(models.get(1).card().sha256(), reopened.classifier().card().sha256());
        }
    }

    @Test
    void afterSwitchingBackToAModelTheLibraryShowsThatModelsOwnAnalysesAgain(@TempDir Path dir) throws Exception {
        TestLibrary music = TestLibrary.create(dir);
        Path flipped = OnnxTestModels.writeBandEnergyModel(dir, "flipped", FeatureSpec.defaultMel(),
                List.of("high", "low"));
        try (Workspace workspace = Workspace.open(music.paths())) {
            workspace.scanAndAnalyze(List.of(music.music()), ProgressListener.NONE, Cancellation.none());
            var bundled = workspace.models().active(workspace.settings()).orElseThrow();
            workspace.useModel(workspace.models().install(flipped, "flipped"));
            workspace.analyzePending(ProgressListener.NONE, Cancellation.none());
            assertEquals("high", byFileName(workspace.entries()).get("low.mp3").analysis().topGenre(),
                    "the flipped model's own analysis");

            workspace.useModel(bundled);
            var reanalysed = workspace.analyzePending(ProgressListener.NONE, Cancellation.none());

            assertEquals(0, reanalysed.analysed(), "the bundled model's analyses are still stored");
            assertEquals("low", byFileName(workspace.entries()).get("low.mp3").analysis().topGenre());
        }
    }

    private static Map<String, LibraryEntry> byFileName(List<LibraryEntry> entries) {
        return entries.stream().collect(Collectors.toMap(e -> e.track().path().getFileName().toString(), e -> e));
    }
}
