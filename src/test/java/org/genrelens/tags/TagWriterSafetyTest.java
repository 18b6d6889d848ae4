package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.genrelens.model.TagChange;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals, per-file failures, crashes between journal and write, and cancellation. */
class TagWriterSafetyTest {

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    private FileTagJournal journal;

    @BeforeAll
    static void encode() throws IOException {
        TestTracks.encodeAll(sources);
    }

    @Test
    void aReadOnlyFileIsRefusedUntouchedWhileTheRestOfTheBatchIsWritten() throws Exception {
        Path locked = TestTracks.copy(sources, "flac", dir.resolve("locked.flac"));
        Path open = TestTracks.copy(sources, "ogg", dir.resolve("open.ogg"));
        TagPlan plan = plan(locked, open);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));
        byte[] original = Files.readAllBytes(locked);

        WriteReport report = new TagWriter().apply(plan, journal(), plan.stamps(), ProgressListener.NONE,
                Cancellation.none());

        assertEquals(1, report.failures().size());
        assertEquals(TagFileException.Reason.READ_ONLY, report.failures().get(0).reason());
        assertTrue(report.failures().get(0).message().contains("read-only"), report.failures().toString());
        assertArrayEquals(original, Files.readAllBytes(locked), "the read-only file is byte-identical");
        assertEquals(List.of("jazz"), new TagReader().read(open).genres(), "the other file was still written");
        List<JournalEntry> entries = journal.entries(report.batchId());
        assertEquals(JournalEntry.State.FAILED, entries.get(0).state());
        assertEquals(JournalEntry.State.APPLIED, entries.get(1).state());
        assertEquals(FileStamp.of(open), entries.get(1).after());
    }

    @Test
    void aFileChangedSinceTheScanIsRefusedWithTheReason() throws Exception {
        Path file = TestTracks.copy(sources, "mp3", dir.resolve("changed.mp3"));
        TagPlan plan = plan(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        byte[] original = Files.readAllBytes(file);

        WriteReport report = new TagWriter().apply(plan, journal(), plan.stamps(), ProgressListener.NONE,
                Cancellation.none());

        assertEquals(TagFileException.Reason.CHANGED, report.failures().get(0).reason());
        assertTrue(report.failures().get(0).message().contains("changed since it was scanned"));
        assertArrayEquals(original, Files.readAllBytes(file));
    }

    @Test
    void aFileWithoutAScanStampIsRefused() throws Exception {
        Path file = TestTracks.copy(sources, "mp3", dir.resolve("unscanned.mp3"));
        TagPlan plan = plan(file);

        WriteReport report = new TagWriter().apply(plan, journal(), Map.of(), ProgressListener.NONE,
                Cancellation.none());

        assertEquals(TagFileException.Reason.CHANGED, report.failures().get(0).reason());
        assertEquals(List.of(), new TagReader().read(file).genres());
    }

    @Test
    void aTagEditedAfterPlanningIsNotOverwritten() throws Exception {
        Path file = TestTracks.copy(sources, "m4a", dir.resolve("edited.m4a"));
        TagPlan plan = plan(file);
        AtomicTagWrite.replaceGenres(file, null, List.of("Soul"));
        Map<Path, FileStamp> stampsAfterEdit = Map.of(file.toAbsolutePath(), FileStamp.of(file));

        WriteReport report = new TagWriter().apply(plan, journal(), stampsAfterEdit, ProgressListener.NONE,
                Cancellation.none());

        assertEquals(TagFileException.Reason.CHANGED, report.failures().get(0).reason());
        assertEquals(List.of("Soul"), new TagReader().read(file).genres());
    }

    @Test
    void theWriteLeavesNoTempFileAndMovesTheModificationTimeForward() throws Exception {
        Path file = TestTracks.copy(sources, "wav", dir.resolve("tidy.wav"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        TagPlan plan = plan(file);

        new TagWriter().apply(plan, journal(), plan.stamps(), ProgressListener.NONE, Cancellation.none());

        try (var listing = Files.list(dir)) {
            assertEquals(List.of("journal.jsonl", "tidy.wav"),
                    listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.getLastModifiedTime(file).toMillis() > 1_000_000_000_000L);
    }

    @Test
    void aCrashBetweenJournalAndWriteLeavesAPendingEntryAndAnUntouchedFileThatUndoResolves() throws Exception {
        Path file = TestTracks.copy(sources, "flac", dir.resolve("crash.flac"));
        byte[] original = Files.readAllBytes(file);
        TagChange change = plan(file).changes().get(0);
        long batch = journal().beginBatch("tag 1 file(s)");
        journal.recordPending(batch, change); // ... and the process dies before writing
        journal.close();

        FileTagJournal reopened = FileTagJournal.open(dir.resolve("journal.jsonl"));
        assertEquals(JournalEntry.State.PENDING, reopened.entries(batch).get(0).state());
        assertArrayEquals(original, Files.readAllBytes(file));

        WriteReport undo = new TagUndo(reopened).undoBatch(batch, false, ProgressListener.NONE, Cancellation.none());

        assertTrue(undo.allSucceeded(), undo.failures().toString());
        assertEquals(List.of(), undo.applied(), "nothing to restore: the write never landed");
        assertEquals(JournalEntry.State.UNDONE, reopened.entries(batch).get(0).state());
        assertArrayEquals(original, Files.readAllBytes(file));
    }

    @Test
    void aCrashAfterTheRenameButBeforeMarkAppliedIsUndoneFromThePendingEntry() throws Exception {
        Path file = TestTracks.copy(sources, "ogg", dir.resolve("late-crash.ogg"));
        byte[] audio = AudioPayload.of(file);
        TagChange change = plan(file).changes().get(0);
        long batch = journal().beginBatch("tag 1 file(s)");
        journal.recordPending(batch, change);
        AtomicTagWrite.replaceGenres(file, change.before(), change.after()); // ... dies before markApplied

        WriteReport undo = new TagUndo(journal).undoBatch(batch, false, ProgressListener.NONE, Cancellation.none());

        assertEquals(1, undo.applied().size(), undo.failures().toString());
        assertEquals(List.of(), new TagReader().read(file).genres());
        assertArrayEquals(audio, AudioPayload.of(file));
    }

    @Test
    void cancellingStopsBeforeTheNextFile() throws Exception {
        Path first = TestTracks.copy(sources, "mp3", dir.resolve("first.mp3"));
        Path second = TestTracks.copy(sources, "mp3", dir.resolve("second.mp3"));
        TagPlan plan = plan(first, second);
        Cancellation cancellation = Cancellation.none();
        ProgressListener cancelAfterFirst = (done, total, message) -> {
            if (done == 1) {
                cancellation.cancel();
            }
        };

        assertThrows(CancelledException.class, () -> new TagWriter().apply(plan, journal(), plan.stamps(),
                cancelAfterFirst, cancellation));

        assertEquals(List.of("jazz"), new TagReader().read(first).genres());
        assertEquals(List.of(), new TagReader().read(second).genres());
    }

    private FileTagJournal journal() throws IOException {
        if (journal == null) {
            journal = FileTagJournal.open(dir.resolve("journal.jsonl"));
        }
        return journal;
    }

    private static TagPlan plan(Path... files) {
        List<TagRequest> requests = java.util.Arrays.stream(files).map(f -> TagRequest.chosen(f, "jazz")).toList();
        return new TagPlanner(TagPolicy.defaults()).plan(requests, ProgressListener.NONE, Cancellation.none());
    }
}
