package org.genrelens.tags;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;

/**
 * Cleans up after a run that was killed mid-write, from what the journal says it left: a hidden temporary copy
 * beside a file (or in the work folder) is removed; a file that was being written in place is put back from its
 * backup copy, and that entry is marked failed. Writers and undo call it before they start; it assumes no other
 * process is writing with the same journal.
 */
final class TagWriteRecovery {

    private static final System.Logger LOG = System.getLogger(TagWriteRecovery.class.getName());

    private TagWriteRecovery() {
    }

    /** @return how many leftovers (temporary or backup copies) were removed */
    static int recover(TagJournal journal) {
        int removed = 0;
        for (TagJournal.Batch batch : journal.batches()) {
            if (batch.entries() == batch.applied() + batch.undone()) {
                continue; // every write of it finished, and a finished write removes its own copies
            }
            for (JournalEntry entry : journal.entries(batch.id())) {
                WriteRecord record = entry.record();
                if (record == null) {
                    continue;
                }
                if (record.backup() != null && Files.exists(record.backup())) {
                    boolean pending = entry.state() == JournalEntry.State.PENDING;
                    if (pending ? !restore(entry, record, journal) : !sameBytes(record)) {
                        // the only intact copy: a failed write could not put it back, and the file differs now
                        LOG.log(Level.ERROR, "{0}: keeping {1}, the copy of the file before an interrupted write",
                                record.target(), record.backup());
                        continue;
                    }
                    removed += delete(record.backup().toString()) ? 1 : 0;
                }
                if (Files.exists(record.temp())) {
                    removed += delete(record.temp().toString()) ? 1 : 0;
                }
            }
        }
        return removed;
    }

    private static boolean restore(JournalEntry entry, WriteRecord record, TagJournal journal) {
        try {
            AtomicTagWrite.overwriteInPlace(record.backup(), record.target());
            journal.markFailed(entry.id(), "interrupted while being written in place; put back as it was from the "
                    + "backup copy");
            LOG.log(Level.WARNING, "{0}: an interrupted write was undone from its backup copy", record.target());
            return true;
        } catch (IOException e) {
            LOG.log(Level.ERROR, "{0}: cannot put back the backup copy {1} after an interrupted write ({2}); "
                    + "copy it over the file by hand", record.target(), record.backup(), e.getMessage());
            return false;
        }
    }

    private static boolean sameBytes(WriteRecord record) {
        try {
            return Files.mismatch(record.backup(), record.target()) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean delete(String file) {
        try {
            return Files.deleteIfExists(java.nio.file.Path.of(file));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove {0} left by an interrupted write ({1})", file, e.getMessage());
            return false;
        }
    }
}
