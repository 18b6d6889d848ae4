package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.genrelens.model.TagChange;
import org.genrelens.model.TagField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link TagJournal} contract, checked against the JSON Lines journal across reopenings. */
class FileTagJournalTest {

    @TempDir
    Path dir;

    private final TagChange multiToOne = new TagChange(Path.of("/music/a b/ü.flac"), TagField.GENRE,
            List.of("Jazz", "Électro; Pop"), List.of("rock"));
    private final TagChange absentToOne = new TagChange(Path.of("/music/b.mp3"), TagField.GENRE, List.of(),
            List.of("音楽"));

    @Test
    void everyStateSurvivesReopeningExactly() throws IOException {
        Path file = dir.resolve("nested/journal.jsonl");
        long batch;
        long applied;
        long failed;
        long pending;
        try (FileTagJournal journal = FileTagJournal.open(file)) {
            batch = journal.beginBatch("tag 3 file(s)");
            applied = journal.recordPending(batch, multiToOne);
            journal.markApplied(applied, new FileStamp(1234, 5678));
            failed = journal.recordPending(batch, absentToOne);
            journal.markFailed(failed, "read-only");
            pending = journal.recordPending(batch, absentToOne);
        }

        try (FileTagJournal journal = FileTagJournal.open(file)) {
            List<JournalEntry> entries = journal.entries(batch);
            assertEquals(List.of(applied, failed, pending), entries.stream().map(JournalEntry::id).toList());
            assertEquals(multiToOne, entries.get(0).change());
            assertEquals(JournalEntry.State.APPLIED, entries.get(0).state());
            assertEquals(new FileStamp(1234, 5678), entries.get(0).after());
            assertEquals(JournalEntry.State.FAILED, entries.get(1).state());
            assertEquals("read-only", entries.get(1).error());
            assertEquals(absentToOne, entries.get(2).change());
            assertEquals(JournalEntry.State.PENDING, entries.get(2).state());
            assertNull(entries.get(2).after());

            journal.markUndone(applied);
        }
        try (FileTagJournal journal = FileTagJournal.open(file)) {
            JournalEntry undone = journal.entries(batch).get(0);
            assertEquals(JournalEntry.State.UNDONE, undone.state());
            assertEquals(new FileStamp(1234, 5678), undone.after(), "undo keeps the stamp of our write");
        }
    }

    @Test
    void aWriteRecordSurvivesReopeningAndEveryLaterStateOfItsEntry() throws IOException {
        Path file = dir.resolve("j.jsonl");
        WriteRecord inPlace = new WriteRecord(Path.of("/nas/a.flac"), Path.of("/data/tagging-1.flac"),
                Path.of("/data/backup-1.flac"), List.of("Vorbis"), "cd".repeat(32));
        long batch;
        long id;
        try (FileTagJournal journal = FileTagJournal.open(file)) {
            batch = journal.beginBatch("tag");
            id = journal.recordPending(batch, multiToOne, inPlace);
            journal.markApplied(id, new FileStamp(1, 2));
            journal.markUndone(id);
            assertEquals(dir.resolve("j.jsonl.work"), journal.workFolder());
        }
        try (FileTagJournal journal = FileTagJournal.open(file)) {
            assertEquals(inPlace, journal.entries(batch).get(0).record());
            assertTrue(journal.entries(batch).get(0).record().inPlace());
        }
    }

    @Test
    void batchesAreListedNewestFirstWithTheirCounts() throws IOException {
        try (FileTagJournal journal = FileTagJournal.open(dir.resolve("j.jsonl"))) {
            long first = journal.beginBatch("first");
            long a = journal.recordPending(first, multiToOne);
            journal.markApplied(a, new FileStamp(1, 2));
            long b = journal.recordPending(first, absentToOne);
            journal.markApplied(b, new FileStamp(1, 2));
            journal.markUndone(b);
            long second = journal.beginBatch("second");

            List<TagJournal.Batch> batches = journal.batches();

            assertEquals(List.of(second, first), batches.stream().map(TagJournal.Batch::id).toList());
            TagJournal.Batch older = batches.get(1);
            assertEquals("first", older.description());
            assertEquals(2, older.entries());
            assertEquals(1, older.applied());
            assertEquals(1, older.undone());
        }
    }

    @Test
    void aLastLineTornByACrashIsDroppedAndAppendingGoesOn() throws IOException {
        Path file = dir.resolve("j.jsonl");
        long batch;
        try (FileTagJournal journal = FileTagJournal.open(file)) {
            batch = journal.beginBatch("tag");
            journal.recordPending(batch, multiToOne);
        }
        Files.writeString(file, "{\"event\":\"applied\",\"id\":1,\"ti", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (FileTagJournal journal = FileTagJournal.open(file)) {
            assertEquals(JournalEntry.State.PENDING, journal.entries(batch).get(0).state());
            long next = journal.recordPending(batch, absentToOne);
            assertEquals(2, next);
        }
        try (FileTagJournal journal = FileTagJournal.open(file)) {
            assertEquals(2, journal.entries(batch).size());
        }
        assertTrue(Files.readString(file).endsWith("}\n"));
    }

    @Test
    void aCorruptLineInTheMiddleStopsOpeningWithTheLineNumber() throws IOException {
        Path file = dir.resolve("j.jsonl");
        Files.writeString(file, "{\"event\":\"batch\",\"id\":1,\"time\":\"2026-01-01T00:00:00Z\","
                + "\"description\":\"x\"}\n" + "garbage\n");

        IOException e = assertThrows(IOException.class, () -> FileTagJournal.open(file));

        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void recordingIntoAnUnknownBatchIsRejected() throws IOException {
        try (FileTagJournal journal = FileTagJournal.open(dir.resolve("j.jsonl"))) {
            assertThrows(IllegalArgumentException.class, () -> journal.recordPending(7, multiToOne));
            assertThrows(IllegalArgumentException.class, () -> journal.markApplied(7, new FileStamp(1, 1)));
        }
    }
}
