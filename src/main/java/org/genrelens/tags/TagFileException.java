package org.genrelens.tags;

import java.nio.file.Path;
import java.util.Objects;

/** A tag operation on one file could not be done; the message names the file and says what to do. */
public final class TagFileException extends Exception {

    /** Why, so callers (and the journal) can tell a refusal from a failure. */
    public enum Reason {
        /** JAudioTagger has no tag support for this container. */
        UNSUPPORTED_FORMAT,
        /** The file could not be read or parsed. */
        UNREADABLE,
        /** The file is write-protected; GenreLens never overrides that. */
        READ_ONLY,
        /** The file (or its tag) changed since it was scanned or since GenreLens wrote it. */
        CHANGED,
        /** Writing or renaming failed; the original is untouched. */
        WRITE_FAILED
    }

    private final Path file;
    private final Reason reason;
    private final String detail;

    public TagFileException(Path file, Reason reason, String message) {
        this(file, reason, message, null);
    }

    public TagFileException(Path file, Reason reason, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = message;
    }

    /** The message without the file name in front, for lists that already show the file. */
    public String detail() {
        return detail;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
