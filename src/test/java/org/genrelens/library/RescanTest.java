package org.genrelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.genrelens.model.TrackPrediction;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.FfmpegEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RescanTest {

    private static final String MODEL = "a".repeat(64);
    private static final String SPEC = "b".repeat(64);

    @TempDir
    Path tmp;
    Path music;
    LibraryDatabase db;
    LibraryTrees.SidecarTags tagsReader;

    @BeforeEach
    void scanOnce() throws IOException {
        music = tmp.resolve("music");
        for (int i = 0; i < 4; i++) {
            LibraryTrees.wav(music.resolve("a/track" + i + ".wav"), i);
        }
        FfmpegEncoder.encode(music.resolve("a/track0.wav"), "mp3", music.resolve("a/song.mp3"));
        db = LibraryDatabase.open(tmp.resolve("lib.db"));
        tagsReader = new LibraryTrees.SidecarTags();
        ScanReport first = scan();
        assertEquals(5, first.counts().newTracks());
        tagsReader.reads = 0;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rescanOfAnUntouchedTreeReadsNoFile() {
        ScanReport report = scan();
        assertEquals(new ScanCounts(0, 0, 0, 0, 5, 0, 0), report.counts());
        assertEquals(0, tagsReader.reads, "unchanged files are judged by size and mtime alone");
    }

    @Test
    void newAudioInAKnownFileIsAChangeAndItsOldAnalysisNoLongerApplies() throws IOException {
        Path file = music.resolve("a/track1.wav");
        long id = db.tracks().find(file).orElseThrow().id();
        db.analyses().save(id, MODEL, SPEC, prediction());
        LibraryTrees.wav(file, 99);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));

        ScanReport report = scan();

        assertEquals(new ScanCounts(0, 1, 0, 0, 4, 0, 0), report.counts());
        assertEquals(id, db.tracks().find(file).orElseThrow().id());
        assertTrue(db.analyses().latest(id).isEmpty());
        assertEquals(List.of(id), db.analyses().needingAnalysis(MODEL, SPEC, false).stream()
                .filter(t -> t.id() == id).map(Track::id).toList());
    }

    @Test
    void aTagEditKeepsTheAnalysisOfWavAndMp3() throws IOException {
        Path wav = music.resolve("a/track2.wav");
        Path mp3 = music.resolve("a/song.mp3");
        long wavId = db.tracks().find(wav).orElseThrow().id();
        long mp3Id = db.tracks().find(mp3).orElseThrow().id();
        String mp3Print = db.tracks().find(mp3).orElseThrow().fingerprint();
        db.analyses().save(wavId, MODEL, SPEC, prediction());
        db.analyses().save(mp3Id, MODEL, SPEC, prediction());

        LibraryTrees.retagWav(wav, "Jazz");
        LibraryTrees.retagMp3(mp3, "Jazz");
        ScanReport report = scan();

        assertEquals(new ScanCounts(0, 0, 2, 0, 3, 0, 0), report.counts());
        assertEquals(mp3Print, db.tracks().find(mp3).orElseThrow().fingerprint());
        assertTrue(db.analyses().latest(wavId).isPresent());
        assertTrue(db.analyses().latest(mp3Id).isPresent());
        LibraryTrees.retagMp3(mp3, "Bossa Nova, longer");
        assertEquals(1, scan().counts().retagged(), "a second, longer tag replaces the first");
    }

    @Test
    void aMovedAndRenamedFileKeepsItsTrackAndAnalysis() throws IOException {
        Path from = music.resolve("a/track3.wav");
        long id = db.tracks().find(from).orElseThrow().id();
        db.analyses().save(id, MODEL, SPEC, prediction());
        Path to = music.resolve("b/renamed.wav");
        Files.createDirectories(to.getParent());
        Files.move(from, to);

        ScanReport report = scan();

        assertEquals(new ScanCounts(0, 0, 0, 1, 4, 0, 0), report.counts());
        Track moved = db.tracks().find(to).orElseThrow();
        assertEquals(id, moved.id());
        assertEquals("jazz", db.analyses().latest(id).orElseThrow().topGenre());
        assertTrue(db.tracks().find(from).isEmpty());
    }

    @Test
    void aCopyIsANewTrackAndTheOriginalStays() throws IOException {
        Files.copy(music.resolve("a/track3.wav"), music.resolve("a/copy.wav"));
        ScanReport report = scan();
        assertEquals(new ScanCounts(1, 0, 0, 0, 5, 0, 0), report.counts());
        assertNotEquals(db.tracks().find(music.resolve("a/copy.wav")).orElseThrow().id(),
                db.tracks().find(music.resolve("a/track3.wav")).orElseThrow().id());
    }

    @Test
    void aDeletedFileIsMarkedGoneAndComesBackWithItsAnalysis() throws IOException {
        Path file = music.resolve("a/track0.wav");
        long id = db.tracks().find(file).orElseThrow().id();
        db.analyses().save(id, MODEL, SPEC, prediction());
        Path aside = Files.move(file, tmp.resolve("aside.wav"));

        assertEquals(new ScanCounts(0, 0, 0, 0, 4, 0, 1), scan().counts());
        assertEquals(TrackStatus.GONE, db.tracks().find(file).orElseThrow().status());
        assertEquals(new ScanCounts(0, 0, 0, 0, 4, 0, 0), scan().counts(), "gone is counted once");

        Files.move(aside, file);
        assertEquals(1, scan().counts().newTracks());
        assertEquals(TrackStatus.PRESENT, db.tracks().find(file).orElseThrow().status());
        assertTrue(db.analyses().latest(id).isPresent());
    }

    @Test
    void aFileMovedAfterItsOldPathWasMarkedGoneIsStillRecognised() throws IOException {
        Path from = music.resolve("a/track1.wav");
        long id = db.tracks().find(from).orElseThrow().id();
        Path aside = Files.move(from, tmp.resolve("aside.wav"));
        assertEquals(1, scan().counts().gone());
        Files.move(aside, music.resolve("a/elsewhere.wav"));
        assertEquals(1, scan().counts().moved());
        assertEquals(id, db.tracks().find(music.resolve("a/elsewhere.wav")).orElseThrow().id());
    }

    private ScanReport scan() {
        return new LibraryScanner(db).scan(List.of(music), ScanOptions.defaults().withTagsReader(tagsReader),
                ProgressListener.NONE, Cancellation.none());
    }

    static TrackPrediction prediction() {
        return new TrackPrediction(List.of("blues", "jazz"), new float[] {0.2f, 0.8f},
                new float[][] {{0.1f, 0.9f}, {0.3f, 0.7f}}, false, false);
    }
}
