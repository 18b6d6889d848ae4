package org.genrelens.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.model.TrackPrediction;

/**
 * What became of one file in the pipeline: analysed; failed because of the file (damaged, missing, not audio...);
 * or failed because of an error in GenreLens itself, which must never be shown as the file's fault.
 */
public sealed interface FileOutcome {

    Path file();

    /** Why the file has no prediction, in words for people that name the file; empty when it was analysed. */
    Optional<String> failure();

    /** The prediction and the length of the audio it came from. */
    record Analysed(Path file, TrackPrediction prediction, double durationSeconds) implements FileOutcome {
        public Analysed {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(prediction, "prediction");
        }

        @Override
        public Optional<String> failure() {
            return Optional.empty();
        }
    }

    /** The file could not be analysed; {@code message} names the file and says why in words. */
    record Failed(Path file, AudioDecodeException.Reason reason, String message) implements FileOutcome {
        public Failed {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Optional<String> failure() {
            return Optional.of(message);
        }

        public static Failed of(AudioDecodeException e) {
            return new Failed(e.file(), e.reason(), e.getMessage());
        }
    }

    /** GenreLens failed on this file: a bug to report, not damage in the file. */
    record InternalError(Path file, Throwable error) implements FileOutcome {
        public InternalError {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public Optional<String> failure() {
            return Optional.of(message());
        }

        /** For people: which file, what went wrong, that the file is not to blame, and to report it. */
        public String message() {
            return "Internal error in GenreLens while analysing " + file + ": " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage())
                    + ". This is a bug in GenreLens, not a problem with the file; please report it with the log "
                    + "(the stack trace is there).";
        }
    }
}
