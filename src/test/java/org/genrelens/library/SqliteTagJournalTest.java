package org.genrelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.genrelens.model.TagChange;
import org.genrelens.model.TagField;
import org.genrelens.tags.FileStamp;
import org.genrelens.tags.JournalEntry;
import org.genrelens.tags.TagJournal;
import org.genrelens.tags.WriteRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTagJournalTest {

    @TempDir
    Path tmp;

    @Test
    void entriesRoundTripExactlyAndSurviveReopening() {
        Path file = tmp.resolve("lib.db");
        TagChange first = new TagChange(Path.of("/music/ä/1.mp3"), TagField.GENRE, List.of(), List.of("Jazz"));
        TagChange second = new TagChange(Path.of("/music/2.flac"), TagField.GENRE, List.of("Rock", "Pop; \"x\""),
                List.of("Rock", "Pop; \"x\"", "Blues"));
        long batch;
        long a;
        long b;
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            TagJournal journal = db.tagJournal();
            batch = journal.beginBatch("tag 2 files");
            a = journal.recordPending(batch, first);
            b = journal.recordPending(batch, second);
            journal.markApplied(a, new FileStamp(1234, 5678));
            journal.markFailed(b, "read-only file");
        }
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            TagJournal journal = db.tagJournal();
            List<JournalEntry> entries = journal.entries(batch);
            assertEquals(2, entries.size());
            assertEquals(first, entries.get(0).change());
            assertEquals(JournalEntry.State.APPLIED, entries.get(0).state());
            assertEquals(new FileStamp(1234, 5678), entries.get(0).after());
            assertEquals(second, entries.get(1).change());
            assertEquals(JournalEntry.State.FAILED, entries.get(1).state());
            assertEquals("read-only file", entries.get(1).error());
            assertNull(entries.get(1).after());

            journal.markUndone(a);
            assertEquals(JournalEntry.State.UNDONE, journal.entries(batch).get(0).state());
            assertEquals(new FileStamp(1234, 5678), journal.entries(batch).get(0).after(), "undo keeps the stamp");
        }
    }

    @Test
    void aWriteRecordRoundTripsAndTheWorkFolderLiesBesideTheDatabase() {
        Path file = tmp.resolve("lib.db");
        TagChange change = new TagChange(Path.of("/music/link.mp3"), TagField.GENRE, List.of(), List.of("Jazz"));
        WriteRecord record = new WriteRecord(Path.of("/nas/real ü.mp3"), Path.of("/data/tagging-1.mp3"),
                Path.of("/data/backup-1.mp3"), List.of("ID3v2.3", "ID3v1"), "ab".repeat(32));
        long batch;
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            batch = db.tagJournal().beginBatch("tag 1 file");
            db.tagJournal().recordPending(batch, change, record);
        }
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            assertEquals(record, db.tagJournal().entries(batch).get(0).record());
            assertEquals(tmp.resolve("lib.db.tag-work"), db.tagJournal().workFolder());
        }
    }

    @Test
    void aPendingEntryIsOnDiskBeforeTheWriterTouchesTheFile() {
        Path file = tmp.resolve("lib.db");
        LibraryDatabase writer = LibraryDatabase.open(file);
        long batch = writer.tagJournal().beginBatch("crash");
        long entry = writer.tagJournal().recordPending(batch,
                new TagChange(Path.of("/m/1.mp3"), TagField.GENRE, List.of("A"), List.of("B")));
        // a second connection sees it while the writer is still open: it is committed, not buffered
        try (LibraryDatabase reader = LibraryDatabase.open(file)) {
            JournalEntry seen = reader.tagJournal().entries(batch).get(0);
            assertEquals(entry, seen.id());
            assertEquals(JournalEntry.State.PENDING, seen.state());
        }
        writer.close();
    }

    @Test
    void batchesAreListedNewestFirstWithTheirCounts() {
        try (LibraryDatabase db = LibraryDatabase.open(tmp.resolve("lib.db"))) {
            TagJournal journal = db.tagJournal();
            long older = journal.beginBatch("older");
            long newer = journal.beginBatch("newer");
            long e1 = journal.recordPending(newer, change("1"));
            long e2 = journal.recordPending(newer, change("2"));
            journal.recordPending(newer, change("3"));
            journal.markApplied(e1, new FileStamp(1, 1));
            journal.markApplied(e2, new FileStamp(1, 1));
            journal.markUndone(e2);
            List<TagJournal.Batch> batches = journal.batches();
            assertEquals(List.of(newer, older), batches.stream().map(TagJournal.Batch::id).toList());
            TagJournal.Batch top = batches.get(0);
            assertEquals("newer", top.description());
            assertEquals(3, top.entries());
            assertEquals(1, top.applied());
            assertEquals(1, top.undone());
            assertEquals(0, batches.get(1).entries());
        }
    }

    @Test
    void unknownBatchesAndEntriesAreRefused() {
        try (LibraryDatabase db = LibraryDatabase.open(tmp.resolve("lib.db"))) {
            assertThrows(IllegalArgumentException.class, () -> db.tagJournal().recordPending(42, change("x")));
            assertThrows(IllegalArgumentException.class, () -> db.tagJournal().markUndone(42));
        }
    }

    private static TagChange change(String name) {
        return new TagChange(Path.of("/m/" + name + ".mp3"), TagField.GENRE, List.of(), List.of("Jazz"));
    }
}
