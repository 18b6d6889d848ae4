package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.genrelens.model.TagChange;
import org.genrelens.model.TagField;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed write leaves behind is cleaned up from the journal by the next run, and undo never half-restores. */
class TagWriteRecoveryTest {

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    @BeforeAll
    static void encode() throws IOException {
        TestTracks.encodeAll(sources);
    }

    @Test
    void theHiddenTemporaryCopyOfAKilledWriteIsRemovedByTheNextRun() throws Exception {
        Path file = TestTracks.copy(sources, "ogg", dir.resolve("a.ogg"));
        byte[] original = Files.readAllBytes(file);
        Path journalFile = dir.resolve("data/journal.jsonl");
        long batch;
        Path temp;
        try (FileTagJournal journal = FileTagJournal.open(journalFile)) {
            AtomicTagWrite.Prepared prepared = AtomicTagWrite.prepare(file, journal.workFolder());
            temp = prepared.temp();
            batch = journal.beginBatch("tag 1 file(s)");
            journal.recordPending(batch, change(file), prepared.record());
            Files.copy(file, temp); // ... and the process is killed while tagging the copy
        }
        assertTrue(temp.getFileName().toString().matches("\\.a\\.ogg\\.genrelens-[0-9a-f-]{36}\\.ogg"),
                temp.toString());
        Path other = TestTracks.copy(sources, "ogg", dir.resolve("b.ogg"));

        try (FileTagJournal journal = FileTagJournal.open(journalFile)) {
            TagPlan plan = plan(other);
            WriteReport report = new TagWriter().apply(plan, journal, plan.stamps(), ProgressListener.NONE,
                    Cancellation.none());

            assertTrue(report.allSucceeded(), report.failures().toString());
            assertEquals(List.of("a.ogg", "b.ogg", "data"), names(dir), "the hidden copy is gone");
            assertArrayEquals(original, Files.readAllBytes(file));
            assertEquals(JournalEntry.State.PENDING, journal.entries(batch).get(0).state(),
                    "the file holds the old genre; undo resolves the entry by reading it");
        }
    }

    @Test
    void aFileKilledHalfwayThroughAnInPlaceWriteIsPutBackFromItsBackupByTheNextRun() throws Exception {
        Path file = TestTracks.copy(sources, "flac", dir.resolve("a.flac"));
        Files.createLink(dir.resolve("also-a.flac"), file);
        byte[] original = Files.readAllBytes(file);
        Path journalFile = dir.resolve("data/journal.jsonl");
        long batch;
        Path backup;
        try (FileTagJournal journal = FileTagJournal.open(journalFile)) {
            AtomicTagWrite.Prepared prepared = AtomicTagWrite.prepare(file, journal.workFolder());
            backup = prepared.backup();
            batch = journal.beginBatch("tag 1 file(s)");
            journal.recordPending(batch, change(file), prepared.record());
            Files.createDirectories(backup.getParent());
            Files.copy(file, backup);
            // ... the in-place write had written half the file when the process was killed
            Files.write(file, new byte[original.length / 2]);
        }

        try (FileTagJournal journal = FileTagJournal.open(journalFile)) {
            WriteReport undo = new TagUndo(journal).undoBatch(batch, false, ProgressListener.NONE,
                    Cancellation.none());

            assertEquals(List.of(), undo.applied(), "nothing left to undo once the file is put back");
            assertArrayEquals(original, Files.readAllBytes(file), "the file is as it was before the write");
            assertArrayEquals(original, Files.readAllBytes(dir.resolve("also-a.flac")), "through both names");
            assertFalse(Files.exists(backup), "the backup is removed once put back");
            JournalEntry entry = journal.entries(batch).get(0);
            assertEquals(JournalEntry.State.FAILED, entry.state());
            assertTrue(entry.error().contains("backup"), entry.error());
        }
    }

    @Test
    void anUndoThatCannotGiveBackTheExactTagsIsRefusedAndLeavesTheFileUntouched() throws Exception {
        Path file = TestTracks.copy(sources, "mp3", dir.resolve("a.mp3"));
        AtomicTagWrite.Prepared first = AtomicTagWrite.prepare(file, dir);
        AtomicTagWrite.execute(first, List.of(), List.of("jazz"), null, false);
        byte[] written = Files.readAllBytes(file);
        WriteRecord notThisFile = new WriteRecord(file, first.temp(), null, first.before().tags(), "0".repeat(64));

        TagFileException e = assertThrows(TagFileException.class, () -> AtomicTagWrite.execute(
                AtomicTagWrite.prepare(file, dir), List.of("jazz"), List.of(), notThisFile, false));

        assertEquals(TagFileException.Reason.WRITE_FAILED, e.reason());
        assertTrue(e.detail().contains("not be exactly those it had before"), e.detail());
        assertArrayEquals(written, Files.readAllBytes(file));
        assertEquals(List.of("a.mp3"), names(dir), "no temporary copy left");
    }

    private static TagChange change(Path file) {
        return new TagChange(file.toAbsolutePath(), TagField.GENRE, List.of(), List.of("jazz"));
    }

    private static TagPlan plan(Path... files) {
        List<TagRequest> requests = Stream.of(files).map(f -> TagRequest.chosen(f, "jazz")).toList();
        return new TagPlanner(TagPolicy.defaults()).plan(requests, ProgressListener.NONE, Cancellation.none());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
