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

    /**
     * What went wrong in an I/O error, without repeating {@code file} (Java's file-system exceptions carry the path
     * as their whole message): "no such file", "permission denied", or the error's own text; another path involved,
     * such as a temporary copy, is named.
     */
    public static String describe(java.io.IOException e, Path file) {
        if (!(e instanceof java.nio.file.FileSystemException fse)) {
            return String.valueOf(e.getMessage());
        }
        String what = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        String other = fse.getFile() == null || Path.of(fse.getFile()).equals(file) ? "" : " " + fse.getFile();
        return what + other;
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
