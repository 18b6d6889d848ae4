package org.genrelens.tags;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.genrelens.model.TagChange;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;

/**
 * Restores the files of a journaled batch (or one file of it) to the exact genres they had before, newest edit
 * first. The undo is itself a journaled batch. A file changed since GenreLens wrote it is refused unless forced,
 * so undo never clobbers someone else's later edit. A PENDING entry (the process died mid-write) is resolved by
 * looking at the file: it holds either the old or the new value, and only the new one needs undoing. Undo writes
 * the way {@link TagWriter} does, and with the entry's {@link WriteRecord} it also checks that the file ends with
 * exactly the tags it had before (a tag the write created, like ID3v2 beside a lone ID3v1, is removed again).
 */
public final class TagUndo {

    private final TagJournal journal;
    private final TagWriteOptions options;

    public TagUndo(TagJournal journal) {
        this(journal, TagWriteOptions.defaults());
    }

    public TagUndo(TagJournal journal, TagWriteOptions options) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.options = Objects.requireNonNull(options, "options");
    }

    public WriteReport undoBatch(long batchId, boolean force, ProgressListener progress, Cancellation cancellation) {
        return undo(batchId, null, force, progress, cancellation);
    }

    public WriteReport undoTrack(long batchId, Path file, boolean force, ProgressListener progress,
            Cancellation cancellation) {
        return undo(batchId, file.toAbsolutePath().normalize(), force, progress, cancellation);
    }

    private WriteReport undo(long batchId, Path onlyFile, boolean force, ProgressListener progress,
            Cancellation cancellation) {
        if (journal.batches().stream().noneMatch(batch -> batch.id() == batchId)) {
            throw new IllegalArgumentException("there is no tag batch " + batchId + " in the journal; "
                    + "run undo without a batch to list them");
        }
        TagWriteRecovery.recover(journal);
        List<JournalEntry> open = new ArrayList<>();
        for (JournalEntry entry : journal.entries(batchId)) {
            boolean undoable = entry.state() == JournalEntry.State.APPLIED
                    || entry.state() == JournalEntry.State.PENDING;
            if (undoable && (onlyFile == null || entry.change().file().equals(onlyFile))) {
                open.add(entry);
            }
        }
        open.sort(Comparator.comparingLong(JournalEntry::id).reversed());
        if (open.isEmpty()) {
            return new WriteReport(0, List.of(), List.of()); // nothing left to undo: no empty undo batch
        }
        long undoBatch = journal.beginBatch("undo batch " + batchId + (onlyFile == null ? "" : " for " + onlyFile));
        List<TagChange> restored = new ArrayList<>();
        List<WriteReport.Failure> failures = new ArrayList<>();
        int done = 0;
        for (JournalEntry entry : open) {
            cancellation.throwIfCancelled();
            try {
                TagChange reverse = restore(entry, undoBatch, force);
                if (reverse != null) {
                    restored.add(reverse);
                }
                journal.markUndone(entry.id());
            } catch (TagFileException e) {
                failures.add(WriteReport.Failure.of(e));
            }
            progress.onProgress(++done, open.size(), entry.change().file().getFileName().toString());
        }
        return new WriteReport(undoBatch, restored, failures);
    }

    /**
     * Writes the entry's old genres back; returns the journaled reverse change, or null when none was needed. Forced,
     * it puts back only the genres and keeps whatever else changed since.
     */
    private TagChange restore(JournalEntry entry, long undoBatch, boolean force) throws TagFileException {
        TagChange change = entry.change();
        Path file = change.file();
        AtomicTagWrite.Prepared prepared = AtomicTagWrite.prepare(file, journal.workFolder());
        List<String> current = prepared.genres();
        if (current.equals(change.before()) && (force || entry.state() == JournalEntry.State.PENDING)) {
            return null; // the interrupted write never landed, or someone already put the old value back
        }
        if (!force) {
            refuseChangedSinceWrite(entry, current);
        }
        TagChange reverse = new TagChange(file, change.field(), current, change.before());
        long id = journal.recordPending(undoBatch, reverse, prepared.record());
        try {
            journal.markApplied(id, AtomicTagWrite.execute(prepared, current, change.before(),
                    force ? null : entry.record(), options.keepModificationTime()));
            return reverse;
        } catch (TagFileException e) {
            journal.markFailed(id, e.getMessage());
            throw e;
        }
    }

    private static void refuseChangedSinceWrite(JournalEntry entry, List<String> current) throws TagFileException {
        Path file = entry.change().file();
        String hint = "; undo with force to restore " + TagPlan.show(entry.change().before()) + " anyway";
        if (!current.equals(entry.change().after())) {
            throw new TagFileException(file, TagFileException.Reason.CHANGED, "its genre is now "
                    + TagPlan.show(current) + ", not " + TagPlan.show(entry.change().after())
                    + " as GenreLens wrote it" + hint);
        }
        if (entry.state() == JournalEntry.State.APPLIED && entry.after() != null) {
            FileStamp now;
            try {
                now = FileStamp.of(file);
            } catch (IOException e) {
                throw new TagFileException(file, TagFileException.Reason.UNREADABLE, "cannot read it ("
                        + TagFileException.describe(e, file) + ")", e);
            }
            if (!now.equals(entry.after())) {
                throw new TagFileException(file, TagFileException.Reason.CHANGED,
                        "it was modified after GenreLens tagged it" + hint);
            }
        }
    }
}
