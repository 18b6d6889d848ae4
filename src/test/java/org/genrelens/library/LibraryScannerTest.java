package org.genrelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;
import org.genrelens.testing.FfmpegEncoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryScannerTest {

    @TempDir
    Path tmp;
    Path music;
    Path vanishing;

    @BeforeEach
    void buildTree() throws IOException {
        music = tmp.resolve("music");
        Path good = LibraryTrees.wav(music.resolve("Artist/Album/01 good.wav"), 1);
        FfmpegEncoder.encode(good, "mp3", music.resolve("Artist/Album/02 good.mp3"));
        FfmpegEncoder.encode(good, "flac", music.resolve("Artist/Album/03 good.flac"));
        byte[] noise = new byte[4000];
        new Random(7).nextBytes(noise);
        Files.write(music.resolve("Artist/corrupt.wav"), noise);
        Files.write(music.resolve("Artist/empty.mp3"), new byte[0]);
        Files.writeString(music.resolve("Artist/lyrics.mp3"), "la la la\nthis is text\n");
        Files.writeString(music.resolve("Artist/notes.txt"), "plain notes, ignored\n");
        Files.copy(good, music.resolve("Artist/really-a-wav.txt"));
        LibraryTrees.wav(music.resolve("Ünïcødé/日本語 トラック.wav"), 2);
        LibraryTrees.wav(music.resolve(".hidden/secret.wav"), 3);
        LibraryTrees.wav(music.resolve("Artist/.hidden.wav"), 4);
        Files.createSymbolicLink(music.resolve("Artist/Album/loop"), music.resolve("Artist"));
        vanishing = LibraryTrees.wav(music.resolve("Artist/vanishing.wav"), 5);
    }

    @Test
    void scanRecordsAudioByContentAndUnreadableFilesWithTheirReason() {
        try (LibraryDatabase db = LibraryDatabase.open(tmp.resolve("lib.db"))) {
            LibraryTrees.SidecarTags tags = new LibraryTrees.SidecarTags();
            ScanOptions options = ScanOptions.defaults().withTagsReader(tags).withBeforeRead(file -> {
                if (file.equals(vanishing)) {
                    delete(file); // listed, then gone before it is read
                }
            });
            ScanReport report = new LibraryScanner(db).scan(List.of(music), options, ProgressListener.NONE,
                    Cancellation.none());

            // 01 wav, 02 mp3, 03 flac, the wav named .txt, the unicode wav; the loop adds nothing twice
            assertEquals(5, report.counts().newTracks(), report.toString());
            assertEquals(3, report.counts().unreadable(), report.toString());
            assertEquals(0, report.counts().gone());
            assertTrue(report.problems().isEmpty(), report.problems().toString());
            assertEquals("empty file (0 bytes)", report.unreadable().get(music.resolve("Artist/empty.mp3")));
            assertEquals("not audio: the content is text",
                    report.unreadable().get(music.resolve("Artist/lyrics.mp3")));
            assertEquals("not audio: the content matches no known audio format",
                    report.unreadable().get(music.resolve("Artist/corrupt.wav")));

            Track wrongName = db.tracks().find(music.resolve("Artist/really-a-wav.txt")).orElseThrow();
            assertEquals("wav", wrongName.format());
            assertEquals(TrackStatus.PRESENT, wrongName.status());
            assertEquals("mp3", db.tracks().find(music.resolve("Artist/Album/02 good.mp3")).orElseThrow().format());
            assertEquals("flac", db.tracks().find(music.resolve("Artist/Album/03 good.flac")).orElseThrow().format());
            assertTrue(db.tracks().find(music.resolve("Ünïcødé/日本語 トラック.wav")).isPresent());
            assertTrue(db.tracks().find(music.resolve("Artist/notes.txt")).isEmpty(), "text is not a track");
            assertTrue(db.tracks().find(music.resolve(".hidden/secret.wav")).isEmpty(), "hidden folder skipped");
            assertTrue(db.tracks().find(music.resolve("Artist/.hidden.wav")).isEmpty(), "hidden file skipped");
            assertTrue(db.tracks().find(vanishing).isEmpty(), "a vanished file is not recorded");
            assertTrue(db.tracks().all().stream().noneMatch(t -> t.path().toString().contains("loop")),
                    "files reached through the loop link are the same files, found once");
            assertTrue(db.integrityProblems().isEmpty());
        }
    }

    @Test
    void aFileReachedByTwoPathsIsOneTrack() throws IOException {
        Path real = music.resolve("Artist/Album/01 good.wav");
        Path linked = Files.createSymbolicLink(Files.createDirectories(music.resolve("Best Of")).resolve("good.wav"),
                real);
        Path hard = Files.createLink(Files.createDirectories(music.resolve("Hard")).resolve("good.mp3"),
                music.resolve("Artist/Album/02 good.mp3"));
        Path elsewhere = LibraryTrees.wav(tmp.resolve("elsewhere/only-here.wav"), 6);
        Path throughLinkOnly = Files.createSymbolicLink(music.resolve("Linked"), elsewhere.getParent())
                .resolve("only-here.wav");
        try (LibraryDatabase db = LibraryDatabase.open(tmp.resolve("lib.db"))) {
            ScanReport report = new LibraryScanner(db).scan(List.of(music, music.resolve("Best Of")),
                    ScanOptions.defaults(), ProgressListener.NONE, Cancellation.none());

            // the six tracks of the tree (vanishing.wav stays here) plus the file only a link reaches; no link adds
            // a second track
            assertEquals(7, report.counts().newTracks(), report.toString());
            assertTrue(db.tracks().find(real).isPresent(), "the path not through a link is kept");
            assertTrue(db.tracks().find(linked).isEmpty(), "the link to a file already in the library adds nothing");
            assertTrue(db.tracks().find(music.resolve("Artist/Album/02 good.mp3")).isPresent());
            assertTrue(db.tracks().find(hard).isEmpty(), "a second hard link is the same file, kept by the first path");
            assertTrue(db.tracks().find(throughLinkOnly).isPresent(), "a file only a link reaches is still scanned");
        }
    }

    @Test
    void hiddenFilesAreScannedWhenAsked() {
        try (LibraryDatabase db = LibraryDatabase.open(tmp.resolve("lib.db"))) {
            new LibraryScanner(db).scan(List.of(music), ScanOptions.defaults().withIncludeHidden(true),
                    ProgressListener.NONE, Cancellation.none());
            assertTrue(db.tracks().find(music.resolve(".hidden/secret.wav")).isPresent());
            assertTrue(db.tracks().find(music.resolve("Artist/.hidden.wav")).isPresent());
        }
    }

    @Test
    void existingTagsComeFromTheSuppliedReader() throws IOException {
        Path file = music.resolve("Artist/Album/01 good.wav");
        Files.writeString(file.resolveSibling("01 good.wav.tags"),
                "title=Good\nartist=Someone\nalbum=Album\ngenres=jazz;blues\n", StandardCharsets.UTF_8);
        try (LibraryDatabase db = LibraryDatabase.open(tmp.resolve("lib.db"))) {
            new LibraryScanner(db).scan(List.of(music), ScanOptions.defaults()
                    .withTagsReader(new LibraryTrees.SidecarTags()), ProgressListener.NONE, Cancellation.none());
            assertEquals(new ExistingTags("Good", "Someone", "Album", List.of("jazz", "blues")),
                    db.tracks().find(file).orElseThrow().tags());
            assertEquals(ExistingTags.NONE,
                    db.tracks().find(music.resolve("Artist/Album/02 good.mp3")).orElseThrow().tags());
        }
    }

    @Test
    void aMissingRootIsReportedAndItsTracksAreNotMarkedGone() throws IOException {
        try (LibraryDatabase db = LibraryDatabase.open(tmp.resolve("lib.db"))) {
            LibraryScanner scanner = new LibraryScanner(db);
            scanner.scan(List.of(music), ScanOptions.defaults(), ProgressListener.NONE, Cancellation.none());
            Files.move(music, tmp.resolve("unmounted"));
            ScanReport report = scanner.scan(List.of(music), ScanOptions.defaults(), ProgressListener.NONE,
                    Cancellation.none());
            assertEquals(0, report.counts().gone());
            assertTrue(report.problems().get(music).contains("no such folder"));
            assertTrue(report.hasFailures());
        }
    }

    @Test
    void progressCountsEveryFileAndCancellationStopsTheScanWithItsWorkCommitted() {
        try (LibraryDatabase db = LibraryDatabase.open(tmp.resolve("lib.db"))) {
            Cancellation cancellation = new Cancellation();
            long[] last = new long[2];
            ProgressListener progress = (done, total, message) -> {
                last[0] = done;
                last[1] = total;
                if (done == 3) {
                    cancellation.cancel();
                }
            };
            assertThrows(CancelledException.class, () -> new LibraryScanner(db).scan(List.of(music),
                    ScanOptions.defaults(), progress, cancellation));
            assertEquals(3, last[0]);
            assertEquals(10, last[1], "ten visible regular files are listed");
            assertEquals(3, db.scanRuns().latest().orElseThrow().filesDone());
            assertEquals(ScanRun.State.RUNNING, db.scanRuns().latest().orElseThrow().state());

            ScanReport resumed = new LibraryScanner(db).scan(List.of(music), ScanOptions.defaults(),
                    ProgressListener.NONE, Cancellation.none());
            assertTrue(resumed.resumed());
            assertEquals(9, resumed.counts().files(), "all but the plain text file");
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
