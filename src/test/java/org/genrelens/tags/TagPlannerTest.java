package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.model.TagChange;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies, the confidence rules and the re-read of each file, on real FLAC and MP3 files. */
class TagPlannerTest {

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    @BeforeAll
    static void encode() throws IOException {
        TestTracks.encodeAll(sources);
    }

    @Test
    void emptyPolicyTagsUntaggedFilesAndSkipsTaggedOnes() throws Exception {
        Path untagged = TestTracks.copy(sources, "flac", dir.resolve("a.flac"));
        Path tagged = tagged("b.mp3", List.of("Blues"));

        TagPlan plan = plan(TagPolicy.Mode.EMPTY, 0f, TagRequest.chosen(untagged, "jazz"),
                TagRequest.chosen(tagged, "jazz"));

        assertEquals(List.of(change(untagged, List.of(), List.of("jazz"))), plan.changes());
        assertEquals(1, plan.skipped().size());
        assertTrue(plan.skipped().get(0).reason().contains("already has a genre \"Blues\""),
                plan.describe().toString());
    }

    @Test
    void overwriteReplacesEveryExistingValue() throws Exception {
        Path tagged = tagged("c.flac", List.of("Blues", "Soul"));

        TagPlan plan = plan(TagPolicy.Mode.OVERWRITE, 0f, TagRequest.chosen(tagged, "jazz"));

        assertEquals(List.of(change(tagged, List.of("Blues", "Soul"), List.of("jazz"))), plan.changes());
    }

    @Test
    void appendAddsTheGenreOnceKeepingTheOthers() throws Exception {
        Path tagged = tagged("d.mp3", List.of("Blues"));
        Path already = tagged("e.mp3", List.of("Blues", "Jazz"));

        TagPlan plan = plan(TagPolicy.Mode.APPEND, 0f, TagRequest.chosen(tagged, "jazz"),
                TagRequest.chosen(already, "jazz"));

        assertEquals(List.of(change(tagged, List.of("Blues"), List.of("Blues", "jazz"))), plan.changes());
        assertTrue(plan.skipped().get(0).reason().startsWith("already tagged"), plan.describe().toString());
    }

    @Test
    void aChangeThatWouldChangeNothingIsDropped() throws Exception {
        Path tagged = tagged("f.flac", List.of("rock"));

        TagPlan plan = plan(TagPolicy.Mode.OVERWRITE, 0f, TagRequest.chosen(tagged, "rock"));

        assertTrue(plan.isEmpty(), plan.describe().toString());
        assertEquals(1, plan.skipped().size());
    }

    @Test
    void predictionsBelowTheMinimumConfidenceAreSkipped() throws Exception {
        Path sure = TestTracks.copy(sources, "flac", dir.resolve("sure.flac"));
        Path unsure = TestTracks.copy(sources, "flac", dir.resolve("unsure.flac"));

        TagPlan plan = plan(TagPolicy.Mode.EMPTY, 0.7f,
                TagRequest.predicted(sure, TestTracks.prediction("metal", 0.9f, false)),
                TagRequest.predicted(unsure, TestTracks.prediction("metal", 0.6f, false)));

        assertEquals(List.of(sure.toAbsolutePath()), plan.changes().stream().map(TagChange::file).toList());
        assertTrue(plan.skipped().get(0).reason().contains("below the minimum 0.70"), plan.describe().toString());
    }

    @Test
    void uncertainPredictionsAndNotMusicAreNeverWrittenWhateverThePolicy() throws Exception {
        Path uncertain = TestTracks.copy(sources, "flac", dir.resolve("uncertain.flac"));
        Path speech = TestTracks.copy(sources, "flac", dir.resolve("speech.flac"));
        Path chosenSpeech = TestTracks.copy(sources, "flac", dir.resolve("chosen-speech.flac"));

        TagPlan plan = plan(TagPolicy.Mode.OVERWRITE, 0f,
                TagRequest.predicted(uncertain, TestTracks.prediction("pop", 0.95f, true)),
                TagRequest.predicted(speech, TestTracks.prediction(TagPolicy.NOT_MUSIC, 0.99f, false)),
                TagRequest.chosen(chosenSpeech, "Not-Music"));

        assertTrue(plan.isEmpty(), plan.describe().toString());
        assertTrue(plan.skipped().get(0).reason().startsWith("uncertain prediction"));
        assertTrue(plan.skipped().get(1).reason().contains("not music"));
        assertTrue(plan.skipped().get(2).reason().contains("not music"));
    }

    @Test
    void theUserChoiceIgnoresTheConfidenceThreshold() throws Exception {
        Path file = TestTracks.copy(sources, "mp3", dir.resolve("choice.mp3"));

        TagPlan plan = plan(TagPolicy.Mode.EMPTY, 1f, TagRequest.chosen(file, "  Chanson  "));

        assertEquals(List.of(change(file, List.of(), List.of("Chanson"))), plan.changes());
    }

    @Test
    void thePlanReadsTheFileAsItIsNowAndRecordsItsStamp() throws Exception {
        Path file = TestTracks.copy(sources, "mp3", dir.resolve("now.mp3"));
        TagPlan before = plan(TagPolicy.Mode.EMPTY, 0f, TagRequest.chosen(file, "jazz"));
        AtomicTagWrite.replaceGenres(file, null, List.of("Funk"));

        TagPlan after = plan(TagPolicy.Mode.OVERWRITE, 0f, TagRequest.chosen(file, "jazz"));

        assertEquals(List.of(), before.changes().get(0).before());
        assertEquals(List.of("Funk"), after.changes().get(0).before());
        assertEquals(FileStamp.of(file), after.stamps().get(file.toAbsolutePath()));
    }

    @Test
    void anUnreadableFileIsSkippedWithItsReason() throws Exception {
        Path text = dir.resolve("notes.mp3");
        java.nio.file.Files.writeString(text, "not audio");
        Path other = dir.resolve("cover.jpg");
        java.nio.file.Files.writeString(other, "not audio");

        TagPlan plan = plan(TagPolicy.Mode.EMPTY, 0f, TagRequest.chosen(text, "jazz"), TagRequest.chosen(other, "x"));

        assertTrue(plan.isEmpty());
        assertTrue(plan.skipped().get(0).reason().contains("cannot read its tags"), plan.describe().toString());
        assertTrue(plan.skipped().get(0).failed() && plan.skipped().get(1).failed());
        assertTrue(plan.skipped().get(1).reason().contains("mp3, flac, ogg, opus, m4a, wav and aiff"),
                plan.skipped().get(1).reason());
    }

    @Test
    void theDescriptionListsChangesThenSkips() throws Exception {
        Path tagged = tagged("g.flac", List.of("Blues", "Soul"));
        Path uncertain = TestTracks.copy(sources, "flac", dir.resolve("h.flac"));

        TagPlan plan = plan(TagPolicy.Mode.APPEND, 0f, TagRequest.chosen(tagged, "jazz"),
                TagRequest.predicted(uncertain, TestTracks.prediction("pop", 0.4f, true)));

        assertEquals(List.of(
                "change " + tagged.toAbsolutePath() + ": genre \"Blues\"; \"Soul\" -> \"Blues\"; \"Soul\"; \"jazz\"",
                "skip   " + uncertain.toAbsolutePath() + ": uncertain prediction (pop 0.40); never written"),
                plan.describe());
    }

    private Path tagged(String name, List<String> genres) throws Exception {
        String format = name.substring(name.lastIndexOf('.') + 1);
        Path file = TestTracks.copy(sources, format, dir.resolve(name));
        AtomicTagWrite.replaceGenres(file, null, genres);
        return file;
    }

    private static TagChange change(Path file, List<String> before, List<String> after) {
        return new TagChange(file.toAbsolutePath(), org.genrelens.model.TagField.GENRE, before, after);
    }

    private static TagPlan plan(TagPolicy.Mode mode, float minConfidence, TagRequest... requests) {
        return new TagPlanner(new TagPolicy(mode, minConfidence)).plan(List.of(requests), ProgressListener.NONE,
                Cancellation.none());
    }
}
