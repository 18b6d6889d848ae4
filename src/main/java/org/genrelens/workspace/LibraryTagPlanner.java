package org.genrelens.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.model.TrackPrediction;
import org.genrelens.tags.FileStamp;
import org.genrelens.tags.GenreWriting;
import org.genrelens.tags.TagPlan;
import org.genrelens.tags.TagPlanner;
import org.genrelens.tags.TagPolicy;
import org.genrelens.tags.TagRequest;
import org.genrelens.tags.TagWriteOptions;
import org.genrelens.tags.TagWriter;
import org.genrelens.tags.WriteReport;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;

/**
 * Tags for library tracks: a user's correction wins over the stored prediction; the plan is made against the files
 * as they are now, and the write is refused for any file whose size or mtime differs from the scan (rescan first).
 * Used by {@code genrelens tag --library} and the desktop app's tagging view.
 */
public final class LibraryTagPlanner {

    /** A plan and the stamps the scan saw, which the writer checks before touching each file. */
    public record PlannedTags(TagPlan plan, Map<Path, FileStamp> scannedStamps) {
    }

    private final LibraryDatabase library;
    private final String modelSha256;
    private final GenreWriting writing;

    /** Plans from each track's newest analysis by any model, genres written as labelled. */
    public LibraryTagPlanner(LibraryDatabase library) {
        this(library, null, GenreWriting.asGiven());
    }

    /** Plans from the analyses of one model (null: any), genres written as the genre map spells them. */
    public LibraryTagPlanner(LibraryDatabase library, String modelSha256, GenreWriting writing) {
        this.library = library;
        this.modelSha256 = modelSha256;
        this.writing = writing;
    }

    /** Plans tags for the given tracks (all tracks when {@code trackIds} is empty). */
    public PlannedTags plan(TagPolicy policy, Collection<Long> trackIds, ProgressListener progress,
            Cancellation cancellation) {
        Set<Long> wanted = Set.copyOf(trackIds);
        List<TagRequest> requests = new ArrayList<>();
        Map<Path, FileStamp> scanned = new HashMap<>();
        for (LibraryEntry entry : LibraryEntry.loadAll(library, modelSha256)) {
            if (!wanted.isEmpty() && !wanted.contains(entry.track().id())) {
                continue;
            }
            TagRequest request = request(entry);
            if (request != null) {
                requests.add(request);
                scanned.put(request.file(), new FileStamp(entry.track().size(), entry.track().modifiedMillis()));
            }
        }
        TagPlan plan = new TagPlanner(policy, writing).plan(requests, progress, cancellation);
        return new PlannedTags(plan, scanned);
    }

    /** Writes the plan, journaled in the library's SQLite journal (undo with {@code TagUndo}). */
    public WriteReport apply(PlannedTags planned, ProgressListener progress, Cancellation cancellation) {
        return apply(planned, TagWriteOptions.defaults(), progress, cancellation);
    }

    public WriteReport apply(PlannedTags planned, TagWriteOptions options, ProgressListener progress,
            Cancellation cancellation) {
        return new TagWriter(options).apply(planned.plan(), library.tagJournal(), planned.scannedStamps(), progress,
                cancellation);
    }

    private static TagRequest request(LibraryEntry entry) {
        if (!entry.present()) {
            return null;
        }
        if (entry.correctedGenre() != null) {
            return TagRequest.chosen(entry.track().path(), entry.correctedGenre());
        }
        if (!entry.analysed()) {
            return null;
        }
        var analysis = entry.analysis();
        return TagRequest.predicted(entry.track().path(), new TrackPrediction(analysis.labels(),
                analysis.probabilities(), new float[0][], analysis.uncertain(), analysis.padded()));
    }
}
