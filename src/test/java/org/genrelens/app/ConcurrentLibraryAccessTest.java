package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.genrelens.library.Analysis;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.ScanRun;
import org.genrelens.library.TrackStatus;
import org.genrelens.testing.ChildJvm;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI and the app are separate processes on one library file: a scan of one folder runs while another process
 * analyses the library. Before WAL-aware transactions this ended the analysis with "[SQLITE_BUSY] The database
 * file is locked" (decision record 0017).
 */
class ConcurrentLibraryAccessTest {

    /**
     * Enough that the analysis is still storing results when the scan's JVM has started (about 2 s later): 96 songs of
     * 2 minutes (47 windows each). With 30-second songs a streamed analysis finished in under 2 s and the two no
     * longer overlapped; 8 kHz keeps the files small (1.9 MB each).
     */
    private static final int SONGS = 96;
    private static final int SONG_SECONDS = 120;
    private static final int SONG_RATE = 8_000;
    private static final int SMALL_FILES = 2000;

    @TempDir
    Path tmp;

    @Test
    void aScanOfOneFolderWhileAnotherProcessAnalysesTheLibraryLosesNoRowAndBothSucceed() throws Exception {
        Path songs = Files.createDirectories(tmp.resolve("songs"));
        for (int i = 0; i < SONGS; i++) {
            TestAudio.writeWav(TestAudio.chord(new double[] {110 + 20 * i, 440, 660}, SONG_SECONDS, SONG_RATE, 0.5),
                    SONG_RATE, songs.resolve(String.format("song-%02d.wav", i)));
        }
        Path more = tmp.resolve("more");
        for (int i = 0; i < SMALL_FILES; i++) {
            Path file = more.resolve("album-" + (i % 20)).resolve(String.format("track-%05d.wav", i));
            Files.createDirectories(file.getParent());
            TestAudio.writeWav(TestAudio.noise(0.05, 8000, 0.5, 1000 + i), 1, 8000, 16, false, file);
        }
        Path db = tmp.resolve("lib.db");
        CliRun first = CliRun.of("scan", songs.toString(), "--db", db.toString());
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());

        ChildJvm analysis = ChildJvm.genrelens(List.of("analyze", "--db", db.toString(), "--jobs", "1", "--model",
                Path.of("models/genre-cnn.onnx").toAbsolutePath().toString()), tmp.resolve("analyze.log"));
        awaitFirstAnalysis(db, analysis);
        ChildJvm scan = ChildJvm.genrelens(List.of("scan", more.toString(), "--db", db.toString(), "--batch", "20"),
                tmp.resolve("scan.log"));

        int scanExit = scan.waitFor(300);
        int analysisExit = analysis.waitFor(300);
        assertEquals(ExitCodes.OK, scanExit, scan.output());
        assertEquals(ExitCodes.OK, analysisExit, analysis.output());
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            assertEquals(List.of(), library.integrityProblems());
            assertEquals((long) SONGS + SMALL_FILES, library.tracks().countByStatus().get(TrackStatus.PRESENT));
            assertEquals(SONGS + SMALL_FILES, library.tracks().all().size());
            Map<Long, Analysis> analyses = library.analyses().latestPerTrack();
            assertEquals(SONGS, analyses.size(), "every song analysed once");
            assertTrue(analyses.values().stream().allMatch(a -> a.status() == Analysis.Status.OK));
            ScanRun run = library.scanRuns().latest().orElseThrow();
            assertEquals(ScanRun.State.COMPLETED, run.state());
            assertEquals(SMALL_FILES, run.counts().newTracks());
            // the test proves something only if the two really ran at once
            assertTrue(analyses.values().stream().anyMatch(a -> during(a.analysedAt(), run)),
                    "no analysis was stored while the scan ran (" + run.started() + " to " + run.finished()
                            + "); give the analysis more to do; analyses stored at " + analyses.values().stream()
                            .map(Analysis::analysedAt).sorted().toList());
        }
    }

    private static boolean during(Instant instant, ScanRun run) {
        return !instant.isBefore(run.started()) && !instant.isAfter(run.finished());
    }

    /** Starts the scan once the analysis is past its start-up and storing results. */
    private static void awaitFirstAnalysis(Path db, ChildJvm analysis) throws Exception {
        for (int polls = 0; polls < 1200; polls++) {
            try (LibraryDatabase library = LibraryDatabase.open(db)) {
                if (!library.analyses().latestPerTrack().isEmpty()) {
                    return;
                }
            }
            if (!analysis.process().isAlive()) {
                throw new AssertionError("the analysis ended before the scan could start:\n" + analysis.output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the analysis stored nothing in a minute:\n" + analysis.output());
    }
}
