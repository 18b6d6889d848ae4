package org.genrelens.tags;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.genrelens.model.TagChange;
import org.genrelens.model.TagField;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;

/**
 * Turns requests into a {@link TagPlan}: re-reads each file's current genres (never trusting a scan's copy), applies
 * the policy, and drops changes that would change nothing. Reads only; writes nothing. The genre is written in its
 * display spelling ({@link GenreWriting}), several genres the way the file's tag defines them ({@link GenreLayout}),
 * and the append policy never adds a genre the file already has under another spelling.
 */
public final class TagPlanner {

    private final TagPolicy policy;
    private final GenreWriting writing;

    /** Genres written as requested, without a vocabulary. */
    public TagPlanner(TagPolicy policy) {
        this(policy, GenreWriting.asGiven());
    }

    public TagPlanner(TagPolicy policy, GenreWriting writing) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.writing = Objects.requireNonNull(writing, "writing");
    }

    public TagPlan plan(List<TagRequest> requests, ProgressListener progress, Cancellation cancellation) {
        List<TagChange> changes = new ArrayList<>();
        List<TagPlan.Skipped> skipped = new ArrayList<>();
        Map<Path, FileStamp> stamps = new LinkedHashMap<>();
        int done = 0;
        for (TagRequest request : requests) {
            cancellation.throwIfCancelled();
            progress.onProgress(done++, requests.size(), "reading tags of " + request.file().getFileName());
            String refusal = refusal(request);
            if (refusal != null) {
                skipped.add(new TagPlan.Skipped(request.file(), refusal, false));
                continue;
            }
            try {
                FileStamp stamp = FileStamp.of(request.file());
                var audio = AudioTags.open(request.file());
                List<String> before = AudioTags.genres(audio);
                List<String> after = target(before, writing.values(request.genre()), GenreLayout.of(audio));
                if (after == null) {
                    skipped.add(new TagPlan.Skipped(request.file(), "already has a genre " + TagPlan.show(before)
                            + " (policy empty; use overwrite or append to change it)", false));
                    continue;
                }
                TagChange change = new TagChange(request.file(), TagField.GENRE, before, after);
                if (change.isNoOp()) {
                    skipped.add(new TagPlan.Skipped(request.file(), "already tagged " + TagPlan.show(before), false));
                    continue;
                }
                changes.add(change);
                stamps.put(request.file(), stamp);
            } catch (TagFileException e) {
                skipped.add(new TagPlan.Skipped(request.file(), e.detail(), true));
            } catch (IOException e) {
                skipped.add(new TagPlan.Skipped(request.file(), "cannot read it ("
                        + TagFileException.describe(e, request.file()) + "); rescan the library", true));
            }
        }
        progress.onProgress(done, requests.size(), "planned " + changes.size() + " change(s)");
        return new TagPlan(changes, skipped, stamps);
    }

    /** Why a request may not be written at all, or null. */
    private String refusal(TagRequest request) {
        if (TagPolicy.NOT_MUSIC.equalsIgnoreCase(request.genre())) {
            return "classified as not music; that label is never written as a genre";
        }
        if (request.userChoice()) {
            return null;
        }
        if (request.prediction().uncertain()) {
            return String.format(Locale.ROOT, "uncertain prediction (%s %.2f); never written",
                    request.genre(), request.prediction().confidence());
        }
        if (request.prediction().confidence() < policy.minConfidence()) {
            return String.format(Locale.ROOT, "confidence %.2f for %s is below the minimum %.2f",
                    request.prediction().confidence(), request.genre(), policy.minConfidence());
        }
        return null;
    }

    /** The values the file should hold under the policy, or null when the policy leaves it alone. */
    private List<String> target(List<String> before, List<String> wanted, GenreLayout layout) {
        return switch (policy.mode()) {
            case EMPTY -> hasGenre(before) ? null : layout.store(wanted);
            case OVERWRITE -> layout.store(wanted);
            case APPEND -> {
                List<String> present = writing.map().displayAll(layout.genres(before));
                List<String> appended = new ArrayList<>(layout.genres(before));
                for (String genre : wanted) {
                    if (present.stream().noneMatch(existing -> writing.map().sameGenre(existing, genre))) {
                        appended.add(genre);
                        present = new ArrayList<>(present);
                        present.add(genre);
                    }
                }
                yield appended.size() == layout.genres(before).size() ? before : layout.store(appended);
            }
        };
    }

    private static boolean hasGenre(List<String> values) {
        return values.stream().anyMatch(value -> !value.isBlank());
    }
}
