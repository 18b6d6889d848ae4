package org.genrelens.tags;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.genrelens.model.TagChange;

/**
 * Where every tag write is recorded before it happens, so any batch (or one file of it) can be undone to the
 * exact previous values. The library stores it in its SQLite database; implementations must make each call
 * durable before returning.
 */
public interface TagJournal {

    /** A batch of writes; its id is what `undo` names. */
    record Batch(long id, String description, Instant started, int entries, int applied, int undone) {
    }

    long beginBatch(String description);

    /**
     * Records the edit, and where its temporary and backup copies will be, before the file is touched; returns the
     * entry id.
     *
     * @param record null when the writer has none (an entry recorded by hand, as tests do)
     */
    long recordPending(long batchId, TagChange change, WriteRecord record);

    default long recordPending(long batchId, TagChange change) {
        return recordPending(batchId, change, null);
    }

    /** The folder beside the journal that holds backup copies of files written in place while they are written. */
    Path workFolder();

    void markApplied(long entryId, FileStamp after);

    void markFailed(long entryId, String reason);

    void markUndone(long entryId);

    List<JournalEntry> entries(long batchId);

    /** Newest first. */
    List<Batch> batches();
}
