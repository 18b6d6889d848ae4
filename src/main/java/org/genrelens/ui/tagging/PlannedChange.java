package org.genrelens.ui.tagging;

import java.nio.file.Path;
import org.genrelens.model.TagChange;
import org.genrelens.tags.TagPlan;

/** One line of the dry-run list: which file, which field, what it holds now, what it will hold. */
public record PlannedChange(Path file, String field, String before, String after) {

    public static PlannedChange of(TagChange change) {
        return new PlannedChange(change.file(), change.field().name().toLowerCase(java.util.Locale.ROOT),
                TagPlan.show(change.before()), TagPlan.show(change.after()));
    }
}
