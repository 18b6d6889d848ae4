package org.genrelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanKillResumeTest {

    private static final int FILES = 3000;
    private static final int BATCH = 50;

    @TempDir
    Path tmp;

    @Test
    void aScanKilledMidWayLeavesWholeBatchesAndTheNextScanFinishesIt() throws Exception {
        Path music = tmp.resolve("music");
        LibraryTrees.manyWavs(music, FILES);
        Path dbFile = tmp.resolve("lib.db");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ScanChild.class.getName(), dbFile.toString(),
                music.toString(), String.valueOf(BATCH)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !isPast(line, 7 * BATCH + 13)) {
                assertTrue(!line.equals("finished"), "the child finished before it could be killed");
            }
            assertNotNull(line, "the child ended without reaching the kill point");
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        try (LibraryDatabase db = LibraryDatabase.open(dbFile)) {
            assertEquals(List.of(), db.integrityProblems());
            ScanRun killed = db.scanRuns().latest().orElseThrow();
            assertEquals(ScanRun.State.RUNNING, killed.state());
            long rows = db.tracks().all().size();
            assertTrue(rows >= 7 * BATCH && rows < FILES, "killed mid-scan with " + rows + " rows");
            assertEquals(0, rows % BATCH, "only whole batches are committed");
            assertEquals(rows, killed.filesDone(), "the run's progress matches its rows");
            assertEquals(rows, killed.counts().newTracks());
            assertTrue(db.tracks().all().stream().allMatch(t -> t.status() == TrackStatus.PRESENT
                    && t.fingerprint() != null && t.format().equals("wav")));

            ScanReport resumed = new LibraryScanner(db).scan(List.of(music), ScanOptions.defaults(),
                    ProgressListener.NONE, Cancellation.none());
            assertTrue(resumed.resumed());
            assertEquals(killed.id(), resumed.scanId());
            assertEquals(new ScanCounts(FILES, 0, 0, 0, 0, 0, 0), resumed.counts());
            assertEquals(FILES, db.tracks().all().size());
            assertEquals(ScanRun.State.COMPLETED, db.scanRuns().latest().orElseThrow().state());
            assertEquals(List.of(), db.integrityProblems());

            ScanReport again = new LibraryScanner(db).scan(List.of(music), ScanOptions.defaults(),
                    ProgressListener.NONE, Cancellation.none());
            assertEquals(new ScanCounts(0, 0, 0, 0, FILES, 0, 0), again.counts());
        }
    }

    private static boolean isPast(String line, int files) {
        return line.startsWith("done ") && Integer.parseInt(line.substring(5)) >= files;
    }
}
