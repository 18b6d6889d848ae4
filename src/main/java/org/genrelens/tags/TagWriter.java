package org.genrelens.tags;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrelens.model.TagChange;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;

/**
 * Carries out a {@link TagPlan}: each change is journaled PENDING (with where its temporary and backup copies will
 * be) before its file is touched, written ({@link AtomicTagWrite}: only the genre changes, or nothing does), then
 * marked APPLIED with the file's new stamp, or FAILED with the reason. One file's failure never stops the batch.
 * Read-only files and files whose stamp differs from the one they had when planned are refused. Before the first
 * write, whatever a killed run left behind is cleaned up ({@link TagWriteRecovery}).
 */
public final class TagWriter {

    private static final System.Logger LOG = System.getLogger(TagWriter.class.getName());

    private final TagWriteOptions options;

    public TagWriter() {
        this(TagWriteOptions.defaults());
    }

    public TagWriter(TagWriteOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /**
     * @param expectedStamps each file's stamp when it was scanned or planned ({@link TagPlan#stamps()} will do);
     *                       a file missing from it is refused, since nothing says it is unchanged
     */
    public WriteReport apply(TagPlan plan, TagJournal journal, Map<Path, FileStamp> expectedStamps,
            ProgressListener progress, Cancellation cancellation) {
        TagWriteRecovery.recover(journal);
        long batchId = journal.beginBatch("tag " + plan.changes().size() + " file(s)");
        WriteSteps.reached("batch begun");
        List<TagChange> applied = new ArrayList<>();
        List<WriteReport.Failure> failures = new ArrayList<>();
        int done = 0;
        for (TagChange change : plan.changes()) {
            cancellation.throwIfCancelled();
            AtomicTagWrite.Prepared prepared = null;
            TagFileException refusal = null;
            try {
                refuseChanged(change.file(), expectedStamps.get(change.file()));
                prepared = AtomicTagWrite.prepare(change.file(), journal.workFolder());
            } catch (TagFileException e) {
                refusal = e;
            }
            long entryId = journal.recordPending(batchId, change, prepared == null ? null : prepared.record());
            WriteSteps.reached("journaled pending");
            try {
                if (refusal != null) {
                    throw refusal;
                }
                FileStamp after = AtomicTagWrite.execute(prepared, change.before(), change.after(), null,
                        options.keepModificationTime());
                WriteSteps.reached("written, not yet journaled");
                journal.markApplied(entryId, after);
                WriteSteps.reached("journaled applied");
                applied.add(change);
            } catch (TagFileException e) {
                LOG.log(Level.INFO, "not tagged: {0}", e.getMessage());
                journal.markFailed(entryId, e.getMessage());
                failures.add(WriteReport.Failure.of(e));
            }
            progress.onProgress(++done, plan.changes().size(), change.file().getFileName().toString());
        }
        return new WriteReport(batchId, applied, failures);
    }

    private static void refuseChanged(Path file, FileStamp expected) throws TagFileException {
        if (expected == null) {
            throw new TagFileException(file, TagFileException.Reason.CHANGED,
                    "it was not scanned before this write; scan or plan again");
        }
        FileStamp now;
        try {
            now = FileStamp.of(file);
        } catch (IOException e) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE, "it is gone or unreadable ("
                    + TagFileException.describe(e, file) + "); rescan the library", e);
        }
        if (!now.equals(expected)) {
            throw new TagFileException(file, TagFileException.Reason.CHANGED, "it changed since it was scanned "
                    + "(size " + expected.size() + " -> " + now.size() + ", modified " + expected.modifiedMillis()
                    + " -> " + now.modifiedMillis() + "); rescan it before tagging");
        }
    }
}
