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
 * the policy, and drops changes that would change nothing. Reads only; writes nothing.
 */
public final class TagPlanner {

    private final TagPolicy policy;

    public TagPlanner(TagPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
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
                List<String> before = AudioTags.genres(AudioTags.open(request.file()));
                List<String> after = target(before, request.genre());
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

    /** The genres the file should hold under the policy, or null when the policy leaves it alone. */
    private List<String> target(List<String> before, String genre) {
        return switch (policy.mode()) {
            case EMPTY -> hasGenre(before) ? null : List.of(genre);
            case OVERWRITE -> List.of(genre);
            case APPEND -> {
                for (String existing : before) {
                    if (existing.strip().equalsIgnoreCase(genre)) {
                        yield before;
                    }
                }
                List<String> appended = new ArrayList<>(before);
                appended.add(genre);
                yield appended;
            }
        };
    }

    private static boolean hasGenre(List<String> values) {
        return values.stream().anyMatch(value -> !value.isBlank());
    }
}
