package org.genrelens.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genrelens.model.AnalysisMode;
import org.genrelens.model.TrackPrediction;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisRepositoryTest {

    private static final String MODEL = "a".repeat(64);
    private static final String OTHER_MODEL = "c".repeat(64);
    private static final String SPEC = "b".repeat(64);

    @TempDir
    Path tmp;
    LibraryDatabase db;
    long one;
    long two;

    @BeforeEach
    void scanTwoTracks() throws IOException {
        Path music = tmp.resolve("music");
        LibraryTrees.wav(music.resolve("1.wav"), 1);
        LibraryTrees.wav(music.resolve("2.wav"), 2);
        db = LibraryDatabase.open(tmp.resolve("lib.db"));
        new LibraryScanner(db).scan(List.of(music), ScanOptions.defaults(), ProgressListener.NONE,
                Cancellation.none());
        one = db.tracks().find(music.resolve("1.wav")).orElseThrow().id();
        two = db.tracks().find(music.resolve("2.wav")).orElseThrow().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFullAnalysisSupersedesAQuickOneButNotTheOtherWayRound() {
        db.analyses().save(one, MODEL, SPEC, AnalysisMode.QUICK, RescanTest.prediction());
        db.analyses().save(two, MODEL, SPEC, AnalysisMode.FULL, RescanTest.prediction());

        assertEquals(List.of(), ids(db.analyses().needingAnalysis(MODEL, SPEC, AnalysisMode.QUICK, false)));
        assertEquals(List.of(one), ids(db.analyses().needingAnalysis(MODEL, SPEC, AnalysisMode.FULL, false)));
        assertEquals(AnalysisMode.QUICK, db.analyses().latest(one).orElseThrow().mode());

        db.analyses().save(one, MODEL, SPEC, AnalysisMode.FULL, RescanTest.prediction());
        assertEquals(List.of(), ids(db.analyses().needingAnalysis(MODEL, SPEC, AnalysisMode.FULL, false)));
        assertEquals(AnalysisMode.FULL, db.analyses().latest(one).orElseThrow().mode());
    }

    @Test
    void aQuickFailureDoesNotStopAFullRunButAFullFailureStopsAQuickOne() {
        db.analyses().saveFailure(one, MODEL, SPEC, AnalysisMode.QUICK, "seek failed");
        db.analyses().saveFailure(two, MODEL, SPEC, AnalysisMode.FULL, "CORRUPT: bad frames");

        assertEquals(List.of(), ids(db.analyses().needingAnalysis(MODEL, SPEC, AnalysisMode.QUICK, false)));
        assertEquals(List.of(one), ids(db.analyses().needingAnalysis(MODEL, SPEC, AnalysisMode.FULL, false)));
        assertEquals(List.of(one, two), ids(db.analyses().needingAnalysis(MODEL, SPEC, AnalysisMode.QUICK, true)));
    }

    @Test
    void aSavedPredictionComesBackExactlyWithItsWindows() {
        float[][] windows = {{0.25f, 0.75f, 0f}, {Float.MIN_VALUE, 1f - Math.ulp(1f), -0.0f},
            {1f / 3f, 0.1f, 0.2f}};
        TrackPrediction prediction = new TrackPrediction(List.of("blues", "jazz", "rock"),
                new float[] {0.3f, 0.6f, 1e-7f}, windows, true, true);
        long id = db.analyses().save(one, MODEL, SPEC, prediction);

        Analysis stored = db.analyses().latest(one).orElseThrow();
        assertEquals(id, stored.id());
        assertEquals(List.of("blues", "jazz", "rock"), stored.labels());
        assertArrayEquals(prediction.probabilities(), stored.probabilities());
        assertEquals("jazz", stored.topGenre());
        assertEquals(0.6f, stored.confidence());
        assertTrue(stored.uncertain());
        assertTrue(stored.padded());
        float[][] back = db.analyses().windowProbabilities(id).orElseThrow();
        assertEquals(windows.length, back.length);
        for (int w = 0; w < windows.length; w++) {
            for (int g = 0; g < 3; g++) {
                assertEquals(Float.floatToRawIntBits(windows[w][g]), Float.floatToRawIntBits(back[w][g]));
            }
        }
    }

    @Test
    void embeddingsAreKeptPerModelAndStopApplyingWhenTheAudioChanges() throws IOException {
        List<String> labels = List.of("blues", "jazz");
        float[][] windows = {{0.4f, 0.6f}};
        db.analyses().save(one, MODEL, SPEC, new TrackPrediction(labels, new float[] {0.4f, 0.6f}, windows, false,
                false, new float[] {1.5f, -2f, 0.25f}));
        db.analyses().save(two, MODEL, SPEC, new TrackPrediction(labels, new float[] {0.4f, 0.6f}, windows, false,
                false));
        db.analyses().save(two, OTHER_MODEL, SPEC, new TrackPrediction(labels, new float[] {0.4f, 0.6f}, windows,
                false, false, new float[] {9f}));

        Map<Long, AnalysisRepository.StoredEmbedding> stored = db.analyses().embeddings(MODEL, SPEC);
        assertEquals(List.of(one), List.copyOf(stored.keySet()), "a prediction without an embedding stores none");
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, stored.get(one).values());
        assertEquals(List.of(two), List.copyOf(db.analyses().embeddings(OTHER_MODEL, SPEC).keySet()));
        assertEquals(Map.of(), db.analyses().embeddings(MODEL, "d".repeat(64)));

        // New audio in the file: the old embedding no longer describes it.
        LibraryTrees.wav(tmp.resolve("music").resolve("1.wav"), 7);
        new LibraryScanner(db).scan(List.of(tmp.resolve("music")), ScanOptions.defaults(), ProgressListener.NONE,
                Cancellation.none());
        assertEquals(Map.of(), db.analyses().embeddings(MODEL, SPEC));
    }

    @Test
    void tracksNeedAnalysisPerModelAndSpec() {
        assertEquals(List.of(one, two), ids(db.analyses().needingAnalysis(MODEL, SPEC, false)));
        db.analyses().save(one, MODEL, SPEC, RescanTest.prediction());
        db.analyses().saveFailure(two, MODEL, SPEC, "NOT_AUDIO: cannot decode");

        assertEquals(List.of(), ids(db.analyses().needingAnalysis(MODEL, SPEC, false)));
        assertEquals(List.of(two), ids(db.analyses().needingAnalysis(MODEL, SPEC, true)));
        assertEquals(List.of(one, two), ids(db.analyses().needingAnalysis(OTHER_MODEL, SPEC, false)));
        assertEquals(List.of(one, two), ids(db.analyses().needingAnalysis(MODEL, "d".repeat(64), false)));
    }

    @Test
    void theLatestAnalysisOfEachTrackWinsAndFailuresAreKept() {
        db.analyses().save(one, MODEL, SPEC, RescanTest.prediction());
        db.analyses().save(one, OTHER_MODEL, SPEC, new TrackPrediction(List.of("blues", "jazz"),
                new float[] {0.9f, 0.1f}, new float[0][], false, false));
        db.analyses().saveFailure(two, MODEL, SPEC, "decoder timed out");

        Map<Long, Analysis> latest = db.analyses().latestPerTrack();
        assertEquals("blues", latest.get(one).topGenre());
        assertEquals(OTHER_MODEL, latest.get(one).modelSha256());
        assertEquals(Analysis.Status.FAILED, latest.get(two).status());
        assertEquals("decoder timed out", latest.get(two).error());
        assertEquals(Map.of("blues", List.of(one), GenreGroups.FAILED, List.of(two)),
                Map.of("blues", ids(GenreGroups.of(db).get("blues")),
                        GenreGroups.FAILED, ids(GenreGroups.of(db).get(GenreGroups.FAILED))));
    }

    @Test
    void anUnknownTrackCannotBeAnalysed() {
        assertThrows(IllegalArgumentException.class,
                () -> db.analyses().save(999, MODEL, SPEC, RescanTest.prediction()));
    }

    private static List<Long> ids(List<Track> tracks) {
        return tracks.stream().map(Track::id).toList();
    }
}
