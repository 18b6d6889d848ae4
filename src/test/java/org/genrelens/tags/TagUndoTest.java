package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Undo of a batch or one track, refusals of files edited after our write, and the journal of the undo itself. */
class TagUndoTest {

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    private final TagReader reader = new TagReader();

    @BeforeAll
    static void encode() throws IOException {
        TestTracks.encodeAll(sources);
    }

    @Test
    void undoingOneTrackLeavesTheRestOfTheBatchTagged() throws Exception {
        FileTagJournal journal = FileTagJournal.open(dir.resolve("journal.jsonl"));
        Path a = TestTracks.copy(sources, "mp3", dir.resolve("a.mp3"));
        Path b = TestTracks.copy(sources, "flac", dir.resolve("b.flac"));
        WriteReport written = write(journal, a, b);

        WriteReport undone = new TagUndo(journal).undoTrack(written.batchId(), b, false, ProgressListener.NONE,
                Cancellation.none());

        assertEquals(1, undone.applied().size());
        assertEquals(List.of("jazz"), reader.read(a).genres());
        assertEquals(List.of(), reader.read(b).genres());
        List<JournalEntry> entries = journal.entries(written.batchId());
        assertEquals(JournalEntry.State.APPLIED, entries.get(0).state());
        assertEquals(JournalEntry.State.UNDONE, entries.get(1).state());
    }

    @Test
    void theUndoIsJournaledAsItsOwnBatch() throws Exception {
        FileTagJournal journal = FileTagJournal.open(dir.resolve("journal.jsonl"));
        Path a = TestTracks.copy(sources, "aiff", dir.resolve("a.aiff"));
        WriteReport written = write(journal, a);

        WriteReport undone = new TagUndo(journal).undoBatch(written.batchId(), false, ProgressListener.NONE,
                Cancellation.none());

        JournalEntry reverse = journal.entries(undone.batchId()).get(0);
        assertEquals(JournalEntry.State.APPLIED, reverse.state());
        assertEquals(List.of("jazz"), reverse.change().before());
        assertEquals(List.of(), reverse.change().after());
        assertEquals("undo batch " + written.batchId(), journal.batches().get(0).description());
        assertEquals(1, journal.batches().get(1).undone());
    }

    @Test
    void aGenreEditedAfterOurWriteIsRefusedUnlessForced() throws Exception {
        FileTagJournal journal = FileTagJournal.open(dir.resolve("journal.jsonl"));
        Path a = TestTracks.copy(sources, "m4a", dir.resolve("a.m4a"));
        WriteReport written = write(journal, a);
        AtomicTagWrite.replaceGenres(a, null, List.of("Someone else's choice"));
        TagUndo undo = new TagUndo(journal);

        WriteReport refused = undo.undoBatch(written.batchId(), false, ProgressListener.NONE, Cancellation.none());

        assertEquals(TagFileException.Reason.CHANGED, refused.failures().get(0).reason());
        assertTrue(refused.failures().get(0).message().contains("undo with force"), refused.failures().toString());
        assertEquals(List.of("Someone else's choice"), reader.read(a).genres());
        assertEquals(JournalEntry.State.APPLIED, journal.entries(written.batchId()).get(0).state());

        WriteReport forced = undo.undoBatch(written.batchId(), true, ProgressListener.NONE, Cancellation.none());

        assertTrue(forced.allSucceeded(), forced.failures().toString());
        assertEquals(List.of(), reader.read(a).genres());
    }

    @Test
    void aFileModifiedAfterOurWriteIsRefusedEvenWithTheSameGenre() throws Exception {
        FileTagJournal journal = FileTagJournal.open(dir.resolve("journal.jsonl"));
        Path a = TestTracks.copy(sources, "ogg", dir.resolve("a.ogg"));
        WriteReport written = write(journal, a);
        java.nio.file.Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(1_000L));

        WriteReport refused = new TagUndo(journal).undoBatch(written.batchId(), false, ProgressListener.NONE,
                Cancellation.none());

        assertTrue(refused.failures().get(0).message().contains("modified after GenreLens tagged it"));
        assertEquals(List.of("jazz"), reader.read(a).genres());
    }

    @Test
    void undoingTwiceChangesNothingTheSecondTime() throws Exception {
        FileTagJournal journal = FileTagJournal.open(dir.resolve("journal.jsonl"));
        Path a = TestTracks.copy(sources, "wav", dir.resolve("a.wav"));
        WriteReport written = write(journal, a);
        TagUndo undo = new TagUndo(journal);
        undo.undoBatch(written.batchId(), false, ProgressListener.NONE, Cancellation.none());
        int batches = journal.batches().size();

        WriteReport again = undo.undoBatch(written.batchId(), false, ProgressListener.NONE, Cancellation.none());

        assertEquals(List.of(), again.applied());
        assertEquals(batches, journal.batches().size(), "no empty undo batch");
    }

    @Test
    void anUnknownBatchIsRejectedWithAHint() throws Exception {
        FileTagJournal journal = FileTagJournal.open(dir.resolve("journal.jsonl"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TagUndo(journal).undoBatch(42, false, ProgressListener.NONE, Cancellation.none()));

        assertTrue(e.getMessage().contains("no tag batch 42"), e.getMessage());
    }

    private static WriteReport write(TagJournal journal, Path... files) {
        List<TagRequest> requests = java.util.Arrays.stream(files).map(f -> TagRequest.chosen(f, "jazz")).toList();
        TagPlan plan = new TagPlanner(TagPolicy.defaults()).plan(requests, ProgressListener.NONE,
                Cancellation.none());
        WriteReport report = new TagWriter().apply(plan, journal, plan.stamps(), ProgressListener.NONE,
                Cancellation.none());
        assertTrue(report.allSucceeded(), report.failures().toString());
        return report;
    }
}
