package org.genrelens.tags;

import java.time.Instant;
import java.util.Objects;
import org.genrelens.model.TagChange;

/**
 * One journaled tag edit. It is recorded PENDING before the file is touched, then becomes APPLIED (with the
 * file's stamp after the write) or FAILED; undo turns APPLIED into UNDONE. A PENDING entry found later means the
 * process died mid-write: the file holds either the old or the new value, never a mix (writes are atomic).
 */
public record JournalEntry(long id, long batchId, TagChange change, State state, Instant time, String error,
        FileStamp after) {

    public enum State { PENDING, APPLIED, FAILED, UNDONE }

    public JournalEntry {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(time, "time");
    }
}
