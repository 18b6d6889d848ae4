package org.genrelens.ui.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.genrelens.library.Analysis;
import org.genrelens.model.AnalysisMode;
import org.genrelens.library.ExistingTags;
import org.genrelens.library.Track;
import org.genrelens.library.TrackStatus;
import org.genrelens.workspace.LibraryEntry;
import org.junit.jupiter.api.Test;

/** Grouping, counts and search, without the FX toolkit. */
class LibraryViewModelTest {

    private static final List<String> LABELS = List.of("jazz", "rock");

    @Test
    void genresComeFirstInNameOrderThenUncertainFailedAndNotAnalysedWithTheirCounts() {
        LibraryViewModel model = new LibraryViewModel();

        model.show(sample());

        assertEquals(List.of("All tracks (6)", "jazz (1)", "rock (2)", "uncertain (1)", "failed (1)",
                "not analysed (1)"), model.groups().stream().map(GenreGroup::toString).toList());
    }

    @Test
    void choosingAGroupAndSearchingNarrowTheRowsAndAReloadKeepsTheChoice() {
        LibraryViewModel model = new LibraryViewModel();
        model.show(sample());

        model.selectedGroupProperty().set(model.groups().get(2));
        assertEquals(List.of("Riff", "Corrected"), titles(model));
        model.searchProperty().set("  COR ");
        assertEquals(List.of("Corrected"), titles(model));
        model.show(sample());
        assertEquals("rock", model.selectedGroupProperty().get().name());
        assertEquals(List.of("Corrected"), titles(model));
    }

    @Test
    void aHandCorrectionMovesTheSongToTheChosenGenre() {
        LibraryViewModel model = new LibraryViewModel();
        model.show(sample());

        TrackRow corrected = model.allRows().stream().filter(r -> r.title().equals("Corrected")).findFirst()
                .orElseThrow();

        assertEquals("rock", corrected.group());
        assertEquals("jazz", corrected.predicted());
        assertEquals("corrected", corrected.status());
    }

    private static List<String> titles(LibraryViewModel model) {
        return model.visibleRows().stream().map(TrackRow::title).toList();
    }

    private static List<LibraryEntry> sample() {
        return List.of(
                entry(1, "Blue", analysis(1, 0.9f, false), null),
                entry(2, "Riff", analysis(2, 0.1f, false), null),
                entry(3, "Corrected", analysis(3, 0.8f, false), "rock"),
                entry(4, "Maybe", analysis(4, 0.5f, true), null),
                new LibraryEntry(new Track(5, Path.of("/m/bad.mp3"), 3, 0, null, null, null, ExistingTags.NONE,
                        TrackStatus.UNREADABLE, "not audio"), null, null),
                entry(6, "New", null, null));
    }

    private static LibraryEntry entry(long id, String title, Analysis analysis, String corrected) {
        Track track = new Track(id, Path.of("/m/" + title + ".flac"), 100, 0, "fp" + id, "flac", 30.0,
                new ExistingTags(title, "Artist", "Album", List.of()), TrackStatus.PRESENT, null);
        return new LibraryEntry(track, analysis, corrected);
    }

    /** jazz probability p; top genre follows it. */
    private static Analysis analysis(long trackId, float jazz, boolean uncertain) {
        float[] probabilities = {jazz, 1 - jazz};
        String top = jazz >= 0.5f ? "jazz" : "rock";
        return new Analysis(trackId, trackId, "fp" + trackId, "sha", "spec", AnalysisMode.FULL, Analysis.Status.OK, LABELS,
                probabilities, top, Math.max(jazz, 1 - jazz), uncertain, false, null, Instant.EPOCH);
    }
}
