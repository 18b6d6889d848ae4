package org.genrelens.library;

import java.nio.file.Path;

/** The library database could not do what was asked; the message names the database file and what to do. */
public final class LibraryException extends RuntimeException {

    private final transient Path database;

    public LibraryException(Path database, String message, Throwable cause) {
        super(database + ": " + message, cause);
        this.database = database;
    }

    public Path database() {
        return database;
    }
}
