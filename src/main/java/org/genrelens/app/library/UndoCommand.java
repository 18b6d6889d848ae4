package org.genrelens.app.library;

import org.genrelens.app.ExitCodes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrelens.library.LibraryLocation;
import org.genrelens.model.TagChange;
import org.genrelens.tags.FileTagJournal;
import org.genrelens.tags.TagJournal;
import org.genrelens.tags.TagPlan;
import org.genrelens.tags.TagUndo;
import org.genrelens.tags.TagWriteOptions;
import org.genrelens.tags.WriteReport;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genrelens undo [BATCH]}: lists the journaled tag batches, or restores one batch (or one track of it). */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Restores the genres a tag batch replaced; without BATCH, lists the batches.")
public final class UndoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "BATCH", description = "Batch number, as 'tag' printed or the list shows")
    Long batch;

    @Option(names = "--track", paramLabel = "FILE", description = "Restore only this file of the batch")
    Path track;

    @Option(names = "--force", description = "Restore even files whose genre was changed after GenreLens wrote it")
    boolean force;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Journal of tag writes (default: $XDG_DATA_HOME/genrelens/tag-journal.jsonl)")
    Path journal;

    @Option(names = "--keep-mtime", description = "Keep each restored file's modification time")
    boolean keepModificationTime;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Undo writes made with 'tag --library': the journal in this library database")
    Path database;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (batch == null && track != null) {
            throw new ParameterException(spec.commandLine(), "--track needs the BATCH it belongs to");
        }
        if (database != null) {
            if (journal != null) {
                throw new ParameterException(spec.commandLine(), "name either --db or --journal");
            }
            try (org.genrelens.library.LibraryDatabase library = org.genrelens.library.LibraryDatabase.open(database)) {
                return listOrUndo(library.tagJournal(), out);
            }
        }
        Path journalFile = journal != null ? journal : LibraryLocation.defaultTagJournal();
        if (!Files.exists(journalFile)) {
            out.println("no tag writes journaled in " + journalFile);
            return batch == null ? ExitCodes.OK : ExitCodes.FAILURES;
        }
        try (FileTagJournal tagJournal = FileTagJournal.open(journalFile)) {
            return listOrUndo(tagJournal, out);
        }
    }

    private int listOrUndo(TagJournal tagJournal, PrintWriter out) {
        if (batch == null) {
            list(tagJournal.batches(), out);
            return ExitCodes.OK;
        }
        return undo(tagJournal, out);
    }

    private int undo(TagJournal tagJournal, PrintWriter out) {
        TagUndo undo = new TagUndo(tagJournal, new TagWriteOptions(keepModificationTime));
        WriteReport report;
        try {
            report = track == null
                    ? undo.undoBatch(batch, force, ProgressListener.NONE, Cancellation.none())
                    : undo.undoTrack(batch, track, force, ProgressListener.NONE, Cancellation.none());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        for (TagChange change : report.applied()) {
            out.println("restored " + change.file() + ": genre " + TagPlan.show(change.after()));
        }
        out.printf("restored %d file(s) of batch %d%n", report.applied().size(), batch);
        Map<Path, String> failures = new LinkedHashMap<>();
        report.failures().forEach(failure -> failures.put(failure.file(), failure.message()));
        return TagCommand.report(failures, spec.commandLine().getErr());
    }

    private static void list(List<TagJournal.Batch> batches, PrintWriter out) {
        if (batches.isEmpty()) {
            out.println("no tag batches yet");
        }
        for (TagJournal.Batch b : batches) {
            out.printf("%5d  %s  %-40s %d entries, %d applied, %d undone%n", b.id(), b.started(), b.description(),
                    b.entries(), b.applied(), b.undone());
        }
    }
}
