package org.genrelens.tags;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.genrelens.model.TagChange;

/**
 * What a tag run would do, diffed against the files as they are now: the changes (no-ops already dropped), the
 * files left alone with the reason, and the stamp of every changed file when it was read, so a writer can refuse
 * files that changed after planning.
 */
public record TagPlan(List<TagChange> changes, List<Skipped> skipped, Map<Path, FileStamp> stamps) {

    /**
     * A file the plan leaves alone, and why.
     *
     * @param failed true when the file could not be read (a failure to report), false when the policy skipped it
     */
    public record Skipped(Path file, String reason, boolean failed) {
        public Skipped {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public TagPlan {
        changes = List.copyOf(changes);
        skipped = List.copyOf(skipped);
        stamps = Map.copyOf(stamps);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One line per change ("file: [old] -> [new]") then one per skipped file; what a dry run prints. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (TagChange change : changes) {
            lines.add(describe(change));
        }
        for (Skipped skip : skipped) {
            lines.add("skip   " + skip.file() + ": " + skip.reason());
        }
        return lines;
    }

    public static String describe(TagChange change) {
        return "change " + change.file() + ": " + change.field().name().toLowerCase(java.util.Locale.ROOT) + " "
                + show(change.before()) + " -> " + show(change.after());
    }

    /** Values as the plan prints them: quoted, separated by "; ", "(none)" when absent. */
    public static String show(List<String> values) {
        if (values.isEmpty()) {
            return "(none)";
        }
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add('"' + value + '"');
        }
        return String.join("; ", quoted);
    }
}
