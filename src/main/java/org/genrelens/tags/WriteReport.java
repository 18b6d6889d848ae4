package org.genrelens.tags;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.genrelens.model.TagChange;

/** What a write (or undo) batch did: the changes made and the files refused or failed, each with its reason. */
public record WriteReport(long batchId, List<TagChange> applied, List<Failure> failures) {

    /** One file that was not written, and why ({@code message} does not repeat the file). */
    public record Failure(Path file, TagFileException.Reason reason, String message) {
        public Failure {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        static Failure of(TagFileException e) {
            return new Failure(e.file(), e.reason(), e.detail());
        }
    }

    public WriteReport {
        applied = List.copyOf(applied);
        failures = List.copyOf(failures);
    }

    public boolean allSucceeded() {
        return failures.isEmpty();
    }
}
