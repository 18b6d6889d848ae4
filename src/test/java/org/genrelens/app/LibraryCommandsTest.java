package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.model.TrackPrediction;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCommandsTest {

    @TempDir
    Path tmp;
    Path music;
    Path db;

    @BeforeEach
    void tree() throws IOException {
        music = tmp.resolve("music");
        Files.createDirectories(music);
        for (int i = 0; i < 3; i++) {
            TestAudio.writeWav(TestAudio.noise(0.05, 8000, 0.5, i), 1, 8000, 16, false, music.resolve(i + ".wav"));
        }
        db = tmp.resolve("lib.db");
    }

    @Test
    void scanPrintsItsCountsAndARescanFindsNothingNew() {
        CliRun first = CliRun.of("scan", music.toString(), "--db", db.toString());
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertTrue(first.out().contains("3 new, 0 changed, 0 retagged, 0 moved, 0 unchanged, 0 gone, 0 unreadable"),
                first.out());
        assertTrue(first.err().contains("3/3"), "a progress line: " + first.err());
        CliRun second = CliRun.of("scan", music.toString(), "--db", db.toString());
        assertTrue(second.out().contains("0 new, 0 changed, 0 retagged, 0 moved, 3 unchanged"), second.out());
    }

    @Test
    void unreadableFilesAreListedAndTheExitCodeIsOne() throws IOException {
        Files.writeString(music.resolve("fake.mp3"), "not music\n");
        CliRun run = CliRun.of("scan", music.toString(), "--db", db.toString());
        assertEquals(ExitCodes.FAILURES, run.exitCode());
        assertTrue(run.err().contains("fake.mp3: not audio: the content is text"), run.err());
    }

    @Test
    void quickAnalysesAreKeptByAQuickRunAndRedoneByAFullOne() throws IOException {
        Path songs = tmp.resolve("songs");
        Files.createDirectories(songs);
        for (int i = 0; i < 3; i++) {
            float[] stereo = new float[30 * 44_100 * 2];
            float[] tone = TestAudio.chord(new double[] {220 + 40 * i, 330, 440}, 30, 44_100, 0.3);
            for (int k = 0; k < tone.length; k++) {
                stereo[2 * k] = tone[k];
                stereo[2 * k + 1] = tone[k];
            }
            TestAudio.write(stereo, 2, 44_100, javax.sound.sampled.AudioFileFormat.Type.WAVE,
                    songs.resolve(i + ".wav"));
        }
        assertEquals(ExitCodes.OK, CliRun.of("scan", songs.toString(), "--db", db.toString()).exitCode());

        CliRun quick = CliRun.of("analyze", "--quick", "--db", db.toString());
        assertEquals(ExitCodes.OK, quick.exitCode(), quick.err());
        assertTrue(quick.out().contains("analysed 3 track(s) (quick)"), quick.out());
        assertTrue(CliRun.of("analyze", "--quick", "--db", db.toString()).out().contains("analysed 0 track(s)"));
        CliRun stats = CliRun.of("stats", "--db", db.toString());
        assertTrue(stats.out().contains("analysed: 0 full, 3 quick"), stats.out());
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            assertTrue(library.analyses().latestPerTrack().values().stream()
                    .allMatch(a -> a.mode() == org.genrelens.model.AnalysisMode.QUICK
                            && a.status() == org.genrelens.library.Analysis.Status.OK));
            long first = library.analyses().latestPerTrack().values().iterator().next().id();
            assertEquals(4, library.analyses().windowProbabilities(first).orElseThrow().length, "quick windows");
        }

        CliRun full = CliRun.of("analyze", "--db", db.toString());
        assertTrue(full.out().contains("analysed 3 track(s) with"), full.out());
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            assertTrue(library.analyses().latestPerTrack().values().stream()
                    .allMatch(a -> a.mode() == org.genrelens.model.AnalysisMode.FULL));
        }
        assertTrue(CliRun.of("analyze", "--quick", "--db", db.toString()).out().contains("analysed 0 track(s)"));
        assertTrue(CliRun.of("stats", "--db", db.toString()).out().contains("analysed: 3 full, 0 quick"));
    }

    @Test
    void scanWithoutAFolderIsAUsageError() {
        assertEquals(ExitCodes.USAGE, CliRun.of("scan", "--db", db.toString()).exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.of("scan", music.toString(), "--batch", "0").exitCode());
    }

    @Test
    void listByGenreGroupsAnalysedAndUnanalysedTracks() {
        CliRun.of("scan", music.toString(), "--db", db.toString());
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            long id = library.tracks().find(music.resolve("1.wav")).orElseThrow().id();
            library.analyses().save(id, "a".repeat(64), "b".repeat(64), new TrackPrediction(
                    List.of("blues", "jazz"), new float[] {0.1f, 0.9f}, new float[0][], false, false));
        }
        CliRun list = CliRun.of("list", "--by-genre", "--db", db.toString());
        assertEquals(ExitCodes.OK, list.exitCode(), list.err());
        String expected = "Jazz (1)\n  " + music.resolve("1.wav") + "\nnot analysed (2)\n  " + music.resolve("0.wav")
                + "\n  " + music.resolve("2.wav") + "\n";
        assertEquals(expected, list.out().replace("\r\n", "\n"));

        CliRun stats = CliRun.of("stats", "--db", db.toString());
        assertEquals(ExitCodes.OK, stats.exitCode(), stats.err());
        assertTrue(stats.out().contains("3 present"), stats.out());
        assertTrue(stats.out().contains("format wav: 3"), stats.out());
        assertTrue(stats.out().contains("genre Jazz: 1"), "named as list --by-genre names it: " + stats.out());
        assertTrue(stats.out().contains("last scan: completed, 3 of 3 files"), stats.out());
    }
}
