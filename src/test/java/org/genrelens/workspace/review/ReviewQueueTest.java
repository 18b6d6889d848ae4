package org.genrelens.workspace.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.genrelens.library.ConfirmedGenreRepository;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.tags.GenreMap;
import org.genrelens.testing.TaggedLibrary;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.workspace.LibraryEntry;
import org.genrelens.workspace.LibraryTrainingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review queue on a real SQLite library: who is asked about, in which order, and what a decision stores. */
class ReviewQueueTest {

    // probabilities over rock, hiphop, jazz, classical
    private static TaggedLibrary library(Path dir) throws Exception {
        return new TaggedLibrary(dir)
                .track("agrees.wav", List.of("Hip Hop Music"), 0.02f, 0.9f, 0.05f, 0.03f)
                .track("mislabelled.wav", List.of("Rock"), 0.02f, 0.02f, 0.94f, 0.02f)
                .track("mild.wav", List.of("Klassik"), 0.05f, 0.05f, 0.6f, 0.3f)
                .track("timid.wav", List.of("Rock"), 0.35f, 0.1f, 0.4f, 0.15f)
                .track("torn.wav", List.of(), 0.45f, 0.05f, 0.4f, 0.1f)
                .track("sure.wav", List.of(), 0.9f, 0.03f, 0.04f, 0.03f)
                .track("polka.wav", List.of("Polka"), 0.1f, 0.3f, 0.1f, 0.5f)
                .track("corrected.wav", List.of("Rock"), 0.0f, 0.0f, 0.99f, 0.01f)
                .track("skipped.wav", List.of(), 0.3f, 0.3f, 0.2f, 0.2f)
                .copy("skipped-copy.wav", "skipped.wav");
    }

    @Test
    void disagreementsAndUnsurePredictionsAreOrderedByWhatADecisionTeachesAndDecidedTracksAreLeftOut(
            @TempDir Path dir) throws Exception {
        TaggedLibrary music = library(dir);
        Path file = music.build();
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            db.confirmedGenres().replace(db.tracks().find(music.path("corrected.wav")).orElseThrow().id(), "Jazz");
            db.reviewSkips().skip(db.tracks().find(music.path("skipped.wav")).orElseThrow().id());

            List<ReviewItem> items = new ReviewQueue(db, GenreMap.defaults()).items(null, 0.5);

            assertEquals(List.of("torn.wav UNSURE 0.950", "mislabelled.wav DISAGREES 0.921",
                    "polka.wav UNSURE 0.800", "mild.wav DISAGREES 0.420"), items.stream().map(ReviewQueueTest::line)
                    .toList(), "the alias 'Hip Hop Music' agrees with hiphop; a timid, a sure, a corrected and a skipped audio "
                    + "(under either name) are not asked about");
            ReviewItem mislabelled = items.get(1);
            assertEquals(List.of("Rock", "Jazz", 0.94), List.of(mislabelled.tag(), mislabelled.predicted(),
                    Math.round(mislabelled.confidence() * 100) / 100.0));
            assertEquals("Polka", items.get(2).tag(), "an unknown tag can still be kept");
            assertEquals("Classical", items.get(3).tag(), "the tag as the map shows it");
            assertEquals(null, items.get(0).tag());
        }
    }

    @Test
    void labelsTheMapMergesCountAsOneGenre(@TempDir Path dir) throws Exception {
        Path file = new TaggedLibrary(dir)
                // jazz 0.5 against classical 0.45: unsure, unless the map makes classical and jazz one genre
                .track("close.wav", List.of(), 0.03f, 0.02f, 0.5f, 0.45f)
                .build();
        GenreMap merged = GenreMap.defaults().merged("classical", "jazz");
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            assertEquals(1, new ReviewQueue(db, GenreMap.defaults()).items(null, 0.5).size());
            assertEquals(List.of(), new ReviewQueue(db, merged).items(null, 0.5));
        }
    }

    @Test
    void decisionsBecomeTheTracksOnlyCorrectionAndTheNextTrainingLearnsThem(@TempDir Path dir) throws Exception {
        TaggedLibrary music = library(dir);
        Path file = music.build();
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            ReviewQueue queue = new ReviewQueue(db, GenreMap.defaults());
            Map<String, ReviewItem> byName = queue.items(null, 0.5).stream().collect(Collectors.toMap(
                    item -> item.track().path().getFileName().toString(), item -> item));
            db.confirmedGenres().confirm(byName.get("polka.wav").trackId(), "Rock");

            assertEquals(Optional.of("Jazz"), queue.decide(byName.get("mislabelled.wav"), ReviewDecision.accept()));
            assertEquals(Optional.of("Classical"), queue.decide(byName.get("mild.wav"), ReviewDecision.keepTag()));
            assertEquals(Optional.of("Hip-Hop"), queue.decide(byName.get("polka.wav"),
                    ReviewDecision.correct(" hip hop ")));
            assertThrows(IllegalArgumentException.class, () -> queue.decide(byName.get("torn.wav"),
                    ReviewDecision.keepTag()), "an untagged track has no tag to keep");
            assertEquals(Optional.empty(), queue.decide(byName.get("torn.wav"), ReviewDecision.skip()));
            assertEquals(Optional.empty(), queue.decide(byName.get("skipped.wav"), ReviewDecision.skip()));
            assertEquals(Optional.of("Jazz"), queue.decide(byName.get("corrected.wav"), ReviewDecision.accept()));

            assertEquals(List.of(), queue.items(null, 0.5), "every item was decided; skipping skipped.wav also skipped its copy");
            assertEquals(Map.of("mislabelled.wav", "Jazz", "mild.wav", "Classical", "polka.wav", "Hip-Hop",
                    "corrected.wav", "Jazz"), db.confirmedGenres().all().stream().collect(Collectors.toMap(
                    confirmed -> confirmed.path().getFileName().toString(), ConfirmedGenreRepository.Confirmed::genre)),
                    "the earlier 'Rock' of polka.wav was replaced; the skip stored no genre");
            Map<String, String> labels = LibraryTrainingSet.of(LibraryEntry.loadAll(db), GenreMap.defaults(), 1)
                    .clips().stream().collect(Collectors.toMap(clip -> clip.file().getFileName().toString(),
                    LabeledClip::genre));
            assertEquals("jazz", labels.get("mislabelled.wav"), "training learns the accepted genre, not the tag");
            assertEquals("hiphop", labels.get("polka.wav"));
        }
    }

    @Test
    void theThresholdDecidesWhichDisagreementsCount(@TempDir Path dir) throws Exception {
        Path file = library(dir).build();
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            ReviewQueue queue = new ReviewQueue(db, GenreMap.defaults());
            assertEquals(List.of("corrected.wav", "mislabelled.wav"), queue.items(null, 0.9).stream()
                    .filter(item -> item.kind() == ReviewItem.Kind.DISAGREES)
                    .map(item -> item.track().path().getFileName().toString()).toList());
            assertTrue(queue.items(null, 0.3).stream().anyMatch(item -> item.track().path().endsWith("timid.wav")));
        }
    }

    private static String line(ReviewItem item) {
        return String.format(java.util.Locale.ROOT, "%s %s %.3f", item.track().path().getFileName(), item.kind(),
                item.score());
    }
}
