package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.genrelens.features.FeatureSpec;
import org.genrelens.tags.TagReader;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.OnnxTestModels;
import org.genrelens.testing.TestAudio;
import org.genrelens.library.LibraryLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genrelens tag} and {@code genrelens undo} end to end, in-process, on real files and a real ONNX model. */
class TagCommandTest {

    @TempDir
    static Path models;

    private static Path bandModel;

    @TempDir
    Path music;

    private final TagReader reader = new TagReader();

    @BeforeAll
    static void buildModel() throws IOException {
        bandModel = OnnxTestModels.writeBandEnergyModel(models, "low-high", FeatureSpec.defaultMel(),
                List.of("low", "high"));
    }

    @Test
    void tagsWithTheModelAndUndoRestoresTheFiles() throws Exception {
        Path low = FfmpegEncoder.encode(TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050,
                music.resolve("low-source.wav")), "flac", music.resolve("low.flac"));
        Path high = TestAudio.writeWav(TestAudio.sine(6_000, 6, 22_050, 0.5), 22_050, music.resolve("high.wav"));
        Files.delete(music.resolve("low-source.wav"));
        Path journal = music.resolve("state/journal.jsonl");

        CliRun tag = CliRun.of("tag", "--model", bandModel.toString(), "--journal", journal.toString(),
                music.toString());

        assertEquals(0, tag.exitCode(), tag.err());
        assertEquals(List.of("high"), reader.read(high).genres());
        assertEquals(List.of("low"), reader.read(low).genres());
        assertTrue(tag.out().contains("tagged 2 file(s) in batch 1"), tag.out());

        CliRun list = CliRun.of("undo", "--journal", journal.toString());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("2 entries, 2 applied, 0 undone"), list.out());

        CliRun undo = CliRun.of("undo", "1", "--journal", journal.toString());

        assertEquals(0, undo.exitCode(), undo.err());
        assertTrue(undo.out().contains("restored 2 file(s) of batch 1"), undo.out());
        assertEquals(List.of(), reader.read(high).genres());
        assertEquals(List.of(), reader.read(low).genres());
    }

    @Test
    void anOpusFileInAFolderIsTaggedAndUndoRestoresItByteForByte() throws Exception {
        Path source = TestAudio.writeWav(TestAudio.sine(440, 2, 22_050, 0.5), 22_050, models.resolve("opus.wav"));
        Path album = Files.createDirectories(music.resolve("album"));
        Path opus = FfmpegEncoder.encode(source, "opus", album.resolve("song.opus"));
        byte[] original = Files.readAllBytes(opus);
        Path journal = music.resolve("journal.jsonl");

        CliRun tag = CliRun.of("tag", "--genre", "Bossa Nova", "--journal", journal.toString(), album.toString());

        assertEquals(0, tag.exitCode(), tag.err());
        assertTrue(tag.out().contains("tagged 1 file(s) in batch 1"), tag.out());
        assertEquals(List.of("Bossa Nova"), reader.read(opus).genres());

        CliRun undo = CliRun.of("undo", "1", "--journal", journal.toString());

        assertEquals(0, undo.exitCode(), undo.err());
        assertEquals(List.of(), reader.read(opus).genres());
        assertArrayEquals(original, Files.readAllBytes(opus), "undo gives back the file's exact bytes");
    }

    @Test
    void aBugOnOneFileFailsItAsAnInternalErrorAndTheOtherFilesAreStillTagged() throws Exception {
        Path first = TestAudio.writeWav(TestAudio.sine(6_000, 6, 22_050, 0.5), 22_050, music.resolve("a.wav"));
        Path buggy = TestAudio.writeWav(TestAudio.sine(6_000, 6, 22_050, 0.5), 22_050, music.resolve("b.wav"));
        Path last = TestAudio.writeWav(TestAudio.sine(110, 6, 22_050, 0.5), 22_050, music.resolve("c.wav"));
        byte[] untouched = Files.readAllBytes(buggy);

        CliRun tag = CliRun.withStages(BuggyStage.failingOn("b.wav"), "tag", "--model", bandModel.toString(),
                "--journal", music.resolve("journal.jsonl").toString(), first.toString(), buggy.toString(),
                last.toString());

        assertEquals(1, tag.exitCode(), tag.err());
        assertEquals(List.of("high"), reader.read(first).genres());
        assertEquals(List.of("low"), reader.read(last).genres());
        assertArrayEquals(untouched, Files.readAllBytes(buggy));
        assertTrue(tag.out().contains("tagged 2 file(s)"), tag.out());
        assertTrue(tag.err().contains("1 file(s) failed") && tag.err().contains("b.wav")
                && tag.err().contains("please report"), tag.err());
    }

    @Test
    void keepMtimeKeepsTheModificationTimeOfTaggedAndRestoredFiles() throws Exception {
        Path file = TestAudio.writeWav(TestAudio.sine(440, 2, 22_050, 0.5), 22_050, music.resolve("song.wav"));
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        Path journal = music.resolve("journal.jsonl");

        CliRun tag = CliRun.of("tag", "--keep-mtime", "--genre", "Bossa Nova", "--journal", journal.toString(),
                file.toString());

        assertEquals(0, tag.exitCode(), tag.err());
        assertEquals(List.of("Bossa Nova"), reader.read(file).genres());
        assertEquals(old, Files.getLastModifiedTime(file));

        CliRun undo = CliRun.of("undo", "1", "--keep-mtime", "--journal", journal.toString());

        assertEquals(0, undo.exitCode(), undo.err());
        assertEquals(List.of(), reader.read(file).genres());
        assertEquals(old, Files.getLastModifiedTime(file));
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() throws Exception {
        Path file = TestAudio.writeWav(TestAudio.sine(440, 2, 22_050, 0.5), 22_050, music.resolve("song.wav"));
        byte[] original = Files.readAllBytes(file);
        Path journal = music.resolve("journal.jsonl");

        CliRun run = CliRun.of("tag", "--dry-run", "--genre", "Bossa Nova", "--journal", journal.toString(),
                file.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("change " + file.toAbsolutePath() + ": genre (none) -> \"Bossa Nova\"",
                "dry run: 1 change(s) planned, nothing written"), run.out().lines().toList());
        assertArrayEquals(original, Files.readAllBytes(file));
        assertFalse(Files.exists(journal), "a dry run opens no journal");
    }

    @Test
    void aReadOnlyFileIsListedAsFailedWithExitCodeOne() throws Exception {
        Path locked = TestAudio.writeWav(TestAudio.sine(440, 2, 22_050, 0.5), 22_050, music.resolve("locked.wav"));
        Path open = TestAudio.writeWav(TestAudio.sine(440, 2, 22_050, 0.5), 22_050, music.resolve("open.wav"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));

        CliRun run = CliRun.of("tag", "--genre", "Jazz", "--journal", music.resolve("j.jsonl").toString(),
                locked.toString(), open.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("1 file(s) failed") && run.err().contains("locked.wav")
                && run.err().contains("read-only"), run.err());
        assertEquals(List.of("Jazz"), reader.read(open).genres());
    }

    @Test
    void undoOfOneTrackRestoresOnlyThatFile() throws Exception {
        Path a = TestAudio.writeWav(TestAudio.sine(440, 2, 22_050, 0.5), 22_050, music.resolve("a.wav"));
        Path b = TestAudio.writeWav(TestAudio.sine(440, 2, 22_050, 0.5), 22_050, music.resolve("b.wav"));
        String journal = music.resolve("j.jsonl").toString();
        assertEquals(0, CliRun.of("tag", "--genre", "Jazz", "--journal", journal, a.toString(), b.toString())
                .exitCode());

        CliRun undo = CliRun.of("undo", "1", "--track", b.toString(), "--journal", journal);

        assertEquals(0, undo.exitCode(), undo.err());
        assertEquals(List.of("Jazz"), reader.read(a).genres());
        assertEquals(List.of(), reader.read(b).genres());
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        assertEquals(2, CliRun.of("tag", "--policy", "sometimes", "--genre", "x", "a.mp3").exitCode());
        assertEquals(2, CliRun.of("tag", "--min-confidence", "1.5", "--genre", "x", "a.mp3").exitCode());
        assertEquals(2, CliRun.of("undo", "--track", "a.mp3", "--journal", music.resolve("j").toString())
                .exitCode());
    }

    @Test
    void anUnknownBatchIsAUsageError() throws Exception {
        Path a = TestAudio.writeWav(TestAudio.sine(440, 2, 22_050, 0.5), 22_050, music.resolve("a.wav"));
        String journal = music.resolve("j.jsonl").toString();
        CliRun.of("tag", "--genre", "Jazz", "--journal", journal, a.toString());

        CliRun run = CliRun.of("undo", "9", "--journal", journal);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no tag batch 9"), run.err());
    }

    @Test
    void theDefaultJournalLivesInTheUsersDataDirectory() {
        assertEquals(Path.of("/data/genrelens/tag-journal.jsonl"),
                journal(Map.of("XDG_DATA_HOME", "/data"), "Linux", "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/genrelens/tag-journal.jsonl"),
                journal(Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/u"));
        assertEquals(Path.of("/Users/u/Library/Application Support/GenreLens/tag-journal.jsonl"),
                journal(Map.of(), "Mac OS X", "/Users/u"));
        assertEquals(Path.of("/roaming/GenreLens/tag-journal.jsonl"), journal(Map.of("APPDATA", "/roaming"),
                "Windows 11", "C:/Users/u"));
    }

    /** Beside the library database (LibraryLocation), as {@code tag} and {@code undo} use it. */
    private static Path journal(Map<String, String> env, String os, String home) {
        return LibraryLocation.dataDirectory(os, env, Path.of(home)).resolve(LibraryLocation.TAG_JOURNAL_FILE_NAME);
    }
}
