package org.genrelens.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One planned tag edit of one file: the exact values before and after. Multi-value fields (several genres) are
 * lists; an absent field is the empty list.
 */
public record TagChange(Path file, TagField field, List<String> before, List<String> after) {

    public TagChange {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** True when writing would change nothing; such changes are dropped from a plan. */
    public boolean isNoOp() {
        return before.equals(after);
    }
}
