package org.genrelens.tags;

import java.time.Instant;
import java.util.Objects;
import org.genrelens.model.TagChange;

/**
 * One journaled tag edit. It is recorded PENDING before the file is touched, then becomes APPLIED (with the
 * file's stamp after the write) or FAILED; undo turns APPLIED into UNDONE. A PENDING entry found later means the
 * process died mid-write: the file holds either the old or the new value, never a mix (writes are atomic, or in
 * place after a backup that the next run restores). {@code record} is null for entries journaled before GenreLens
 * kept one.
 */
public record JournalEntry(long id, long batchId, TagChange change, State state, Instant time, String error,
        FileStamp after, WriteRecord record) {

    public enum State { PENDING, APPLIED, FAILED, UNDONE }

    public JournalEntry {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(time, "time");
    }
}
